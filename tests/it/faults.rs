//! PostgreSQL going away (`pg_ctl stop -m immediate`: every backend gone at once, as in a
//! crash or a failover) in the middle of a command or under `platctl serve`, and coming back:
//! nothing hangs, every command fails fast saying what happened, nothing is left half-done
//! (each test counts the rows), and `serve` answers 503 while the database is gone and
//! recovers without a restart. Each test stops a cluster of its own ([`PrivateCluster`]).
//!
//! Each stop comes at a known point, never after a guessed delay: the command is caught
//! waiting for a lock another session holds, writing a new key to a full pipe, or with its
//! `pg_dump` stopped (SIGSTOP) in the middle of a table's `COPY`.

use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use sqlx::Connection;

use crate::common::{ClusterSpec, PrivateCluster, Run, TestEnv, has_whole_key, versions, within};
use crate::serve::{Answer, Served, operator_key};

/// How long a command may take to fail once the server is gone.
const FAIL_FAST: Duration = Duration::from_secs(15);

/// A cluster of the test's own, on TCP, and a migrated database on it with an organization.
fn world() -> (PrivateCluster, TestEnv) {
    let pg = PrivateCluster::start(ClusterSpec {
        tcp: true,
        ..ClusterSpec::default()
    });
    let env = TestEnv::on(&pg).migrated();
    env.ok(&["-q", "orgs", "create", "acme", "--name", "Acme"]);
    (pg, env)
}

/// `100_000 x n` audit rows of bulk, enough to make a dump or a restore take a while.
fn bulk(env: &TestEnv, rows: u32) {
    env.exec(&format!(
        "INSERT INTO audit_logs (actor, action, resource_type, resource_id, ip, metadata) \
         SELECT 'user' || i || '@acme.io', 'agent.create', 'agent', md5(i::text), '10.0.0.1', \
         jsonb_build_object('n', i, 'request', md5((i * 7)::text)) \
         FROM generate_series(1, {rows}) i"
    ));
}

/// The outcome of `child`, which must end within `bound` (else it is killed, and the test
/// fails saying it hung), and how long it took from `since`.
fn finish(child: Child, bound: Duration, since: Instant) -> (Run, Duration) {
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(bound) {
        Ok(out) => {
            let run = Run::from(out.unwrap());
            eprintln!("{run}");
            (run, since.elapsed())
        }
        Err(_) => {
            signal(pid, "KILL");
            panic!("platctl (pid {pid}) still running {bound:?} after the server went away");
        }
    }
}

fn signal(pid: u32, name: &str) {
    let status = std::process::Command::new("kill")
        .args([&format!("-{name}"), &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success(), "kill -{name} {pid}");
}

/// A session of someone else's holding `table` locked in an open transaction (until the
/// server goes away).
fn hold_lock(env: &TestEnv, table: &str) -> sqlx::PgConnection {
    env.block_on(async {
        let mut c = sqlx::PgConnection::connect(&env.direct).await.unwrap();
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
            "SET application_name = 'blocker'; BEGIN; LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE"
        )))
        .execute(&mut c)
        .await
        .unwrap();
        c
    })
}

/// Sessions of the database at `url` (by its name) matching `condition` on pg_stat_activity.
fn sessions(env: &TestEnv, url: &str, condition: &str) -> i64 {
    env.count_at(
        url,
        &format!(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() \
             AND pid <> pg_backend_pid() AND {condition}"
        ),
    )
}

/// Stop (SIGSTOP) the process at the other end of a `COPY` in the middle of it: wait for the
/// session matching `copy` (a condition on pg_stat_activity), stop `process()`, and wait
/// until the server waits for it (`event`: `ClientWrite` sending, `ClientRead` receiving).
/// Returns the stopped process's pid; fails if the `COPY` ended first.
fn stop_mid_copy(env: &TestEnv, copy: &str, event: &str, process: impl FnOnce() -> u32) -> u32 {
    within(
        Duration::from_secs(30),
        &format!("a session with {copy}"),
        || sessions(env, &env.direct, copy) > 0,
    );
    let pid = process();
    signal(pid, "STOP");
    within(
        Duration::from_secs(10),
        &format!("the COPY waiting ({event})"),
        || {
            let waiting = sessions(
                env,
                &env.direct,
                &format!("{copy} AND wait_event = '{event}'"),
            );
            assert!(
                waiting > 0 || sessions(env, &env.direct, copy) > 0,
                "the COPY ended before its other end was stopped: make the table bigger"
            );
            waiting > 0
        },
    );
    pid
}

/// Someone is waiting for a lock in the database at `url`.
fn waiting_for_a_lock(env: &TestEnv, url: &str) -> bool {
    sessions(env, url, "wait_event_type = 'Lock'") > 0
}

/// The error says in words that the connection to the database was lost (as the core's own
/// errors do: "lost the connection to the database"), not only a driver's I/O complaint.
fn says_the_server_went_away(run: &Run) {
    let text = run.stderr.to_lowercase();
    assert!(
        text.starts_with("error:")
            && text.contains("connection")
            && [
                "lost",
                "closed",
                "terminat",
                "shut down",
                "went away",
                "gone"
            ]
            .iter()
            .any(|w| text.contains(w)),
        "the error does not say that the connection to the database was lost:\n{run}"
    );
}

// ---------------------------------------------------------------------------------------------
// serve

/// One request with a timeout of its own: `Err` when no answer came within it.
fn ask(url: &str, key: Option<&str>, timeout: Duration) -> Result<Answer, String> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let client = reqwest::Client::builder().timeout(timeout).build().unwrap();
        let mut request = client.get(url).header("user-agent", "platctl-tests/1");
        if let Some(key) = key {
            request = request.header("x-api-key", key);
        }
        let response = request.send().await.map_err(|e| {
            let cause = std::error::Error::source(&e).map(|c| format!(": {c}"));
            format!("{url}: {e}{}", cause.unwrap_or_default())
        })?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.text().await.map_err(|e| format!("{url}: {e}"))?;
        let body = serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text));
        Ok(Answer {
            status,
            headers,
            body,
        })
    })
}

/// `running`, `sleeping`, `gone`... (`/proc/PID/stat`'s state).
fn process_state(pid: u32) -> String {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    match stat
        .rsplit_once(") ")
        .and_then(|(_, rest)| rest.chars().next())
    {
        Some('R') => "running".into(),
        Some('S') => "sleeping".into(),
        Some('Z') => "gone (exited, not yet reaped)".into(),
        Some(other) => format!("in state {other}"),
        None => "gone".into(),
    }
}

/// The client's patience: an answer that takes longer is a hang.
const PATIENCE: Duration = Duration::from_secs(5);

#[test]
fn serve_answers_503_while_the_database_is_gone_and_recovers_without_a_restart() {
    serve_through_a_restart("");
}

/// The same with `sslmode=disable`: platctl connects to PostgreSQL itself, in the clear.
#[test]
fn serve_in_the_clear_answers_503_while_the_database_is_gone_and_recovers() {
    serve_through_a_restart("?sslmode=disable");
}

/// `serve` on a database whose URL ends with `query`, through a stop and a start.
fn serve_through_a_restart(query: &str) {
    let (pg, mut env) = world();
    env.url.push_str(query);
    let (_, key) = operator_key(&env, &["api-keys:read"]);
    let (doomed_id, doomed) = operator_key(&env, &["api-keys:read"]);
    // While the database is gone, a request waits up to PLATCTL_CONNECT_TIMEOUT for it to
    // come back (a quick restart goes unnoticed), then answers 503: 2 s here, not 10.
    let server = Served::start(&env, &[("PLATCTL_CONNECT_TIMEOUT", "2s")]);
    let ready = format!("{}/health/ready", server.url);
    let keys = format!("{}/api-keys", server.url);
    let get = |url: &str, key: Option<&str>| {
        ask(url, key, PATIENCE).unwrap_or_else(|e| {
            panic!(
                "no answer: {e}\nserve (pid {}) is {}; its log:\n{}",
                server.pid(),
                process_state(server.pid()),
                server.log()
            )
        })
    };
    assert_eq!(get(&ready, None).status, 200);
    assert_eq!(get(&keys, Some(&key)).status, 200);

    pg.stop_immediate();
    // Gone: told so at once, by the readiness check and by an authenticated request alike.
    // Several times over: past the pooled connections the server closed, to new ones refused.
    for _ in 0..5 {
        let answer = get(&ready, None);
        assert_eq!(answer.status, 503, "{answer}");
        assert_eq!(answer.body["error"]["db"]["status"], "down", "{answer}");
        // The limits it shares with other replicas (in the database by default) are out of
        // reach too: said, rather than counted alone.
        assert_eq!(answer.body["error"]["limits"]["status"], "down", "{answer}");
        let answer = get(&keys, Some(&key));
        assert_eq!(answer.status, 503, "{answer}\n{}", server.log());
        let message = answer.body["message"].as_str().unwrap_or_default();
        assert!(
            message.contains("database") || message.contains("connect"),
            "the 503 does not say the database is out of reach: {answer}"
        );
    }
    // Liveness never needed the database.
    assert_eq!(
        get(&format!("{}/health/live", server.url), None).status,
        200
    );

    pg.start_again();
    // Back without a restart, within a few seconds.
    within(Duration::from_secs(10), "serve working again", || {
        get(&ready, None).status == 200 && get(&keys, Some(&key)).status == 200
    });
    // Hearing of other processes' changes again: a key revoked elsewhere is refused within
    // the second (the look-up kept for reuse is forgotten when the revoke is heard).
    within(Duration::from_secs(10), "listening again", || {
        server
            .log()
            .contains("hearing of changes made by other processes again")
    });
    assert_eq!(get(&keys, Some(&doomed)).status, 200);
    env.ok(&["-q", "keys", "revoke", &doomed_id]);
    let revoked = Instant::now();
    within(
        Duration::from_millis(1500),
        "the revoked key refused",
        || {
            let answer = get(&keys, Some(&doomed));
            assert!([200, 401].contains(&answer.status), "{answer}");
            answer.status == 401
        },
    );
    assert!(revoked.elapsed() < Duration::from_millis(1500));
    // And listings follow changes made elsewhere at once again.
    let listed = |key: &str| -> usize { get(&keys, Some(key)).body.as_array().unwrap().len() };
    let before = listed(&key);
    env.ok(&[
        "-q",
        "keys",
        "create",
        "--platform",
        "--name",
        "later",
        "--scope",
        "api-keys:read",
    ]);
    within(
        Duration::from_millis(250),
        "a key made elsewhere listed",
        || listed(&key) == before + 1,
    );
}

// ---------------------------------------------------------------------------------------------
// migrate run

#[test]
fn migrate_run_cut_off_mid_way_keeps_each_migration_whole_and_finishes_next_time() {
    let pg = PrivateCluster::start(ClusterSpec {
        tcp: true,
        ..ClusterSpec::default()
    });
    let env = TestEnv::on(&pg);
    env.ok(&["-q", "migrate", "run", "--to", "5"]);
    // Migration 8 alters audit_seals: the run applies 6 and 7, then waits for the lock.
    let _blocker = hold_lock(&env, "audit_seals");
    let child = env.spawn(&["migrate", "run"]);
    within(Duration::from_secs(20), "migration 8 waiting", || {
        waiting_for_a_lock(&env, &env.direct)
    });
    assert_eq!(
        env.count("SELECT MAX(version) FROM _platctl_migrations"),
        7,
        "the run was not at migration 8"
    );

    pg.stop_immediate();
    let (run, took) = finish(child, FAIL_FAST * 2, Instant::now());
    assert_ne!(run.code, 0, "{run}");
    assert!(took < FAIL_FAST, "took {took:?} to fail:\n{run}");
    assert!(
        run.stderr.contains("0008_audit_seal_signatures"),
        "the error does not say which migration was cut off:\n{run}"
    );

    pg.start_again();
    // Each migration whole or not at all: 6 and 7 are in, 8 left nothing behind.
    assert_eq!(env.count("SELECT COUNT(*) FROM _platctl_migrations"), 7);
    assert!(env.table_exists("fine_tuned_models"), "migration 7 lost");
    assert!(
        !env.table_exists("audit_prunes"),
        "migration 8 half-applied"
    );
    assert_eq!(
        env.count(
            "SELECT COUNT(*) FROM information_schema.columns \
             WHERE table_name = 'audit_seals' AND column_name = 'newest_at'"
        ),
        0,
        "migration 8 half-applied"
    );
    let status = env.ok(&["migrate", "status", "-o", "json"]).json();
    let of = |state: &str| {
        status
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["status"] == state)
            .count() as i64
    };
    assert_eq!(
        (of("applied"), of("pending")),
        (7, versions() - 7),
        "{status}"
    );
    // The next run applies the rest.
    env.ok(&["-q", "migrate", "run"]);
    assert_eq!(
        env.count("SELECT COUNT(*) FROM _platctl_migrations"),
        versions()
    );
    assert!(env.table_exists("audit_prunes"));
    env.ok(&["migrate", "status", "--exit-code"]);
    // Checked last, so that the state above is checked whatever the words.
    says_the_server_went_away(&run);
}

// ---------------------------------------------------------------------------------------------
// keys create

fn create_key_args() -> Vec<&'static str> {
    vec![
        "keys",
        "create",
        "--org",
        "acme",
        "--name",
        "ci",
        "--scope",
        "audit-logs:read",
        "-o",
        "json",
    ]
}

#[test]
fn keys_create_cut_off_before_its_key_is_made_shows_none_and_keeps_none() {
    let (pg, env) = world();
    let keys = env.count("SELECT COUNT(*) FROM api_keys");
    let _blocker = hold_lock(&env, "api_keys");
    let child = env.spawn(&create_key_args());
    within(Duration::from_secs(20), "keys create waiting", || {
        waiting_for_a_lock(&env, &env.direct)
    });

    pg.stop_immediate();
    let (run, took) = finish(child, FAIL_FAST * 2, Instant::now());
    assert_ne!(run.code, 0, "{run}");
    assert!(took < FAIL_FAST, "took {took:?} to fail:\n{run}");
    says_the_server_went_away(&run);
    assert!(!has_whole_key(&run.stdout), "a key was shown:\n{run}");

    pg.start_again();
    assert_eq!(env.count("SELECT COUNT(*) FROM api_keys"), keys);
    assert_eq!(env.count("SELECT COUNT(*) FROM api_key_deliveries"), 0);
    // And the next one is made.
    env.ok(&create_key_args());
    assert_eq!(env.count("SELECT COUNT(*) FROM api_keys"), keys + 1);
}

/// Whether a thread of `pid` is blocked writing to a pipe.
fn writing_to_a_pipe(pid: u32) -> bool {
    std::fs::read_dir(format!("/proc/{pid}/task"))
        .map(|tasks| {
            tasks.filter_map(|t| t.ok()).any(|t| {
                std::fs::read_to_string(t.path().join("wchan"))
                    .is_ok_and(|w| w.contains("pipe_write"))
            })
        })
        .unwrap_or(false)
}

#[test]
fn keys_create_cut_off_while_showing_its_key_says_it_was_not_saved_and_keeps_none() {
    use std::io::{Read, Write};
    let (pg, env) = world();
    let keys = env.count("SELECT COUNT(*) FROM api_keys");
    // Its standard output a full pipe: the key is made, and platctl waits to show it, its
    // transaction open, until the pipe is read.
    let (mut reader, mut writer) = std::io::pipe().unwrap();
    const PIPE: usize = 64 * 1024; // Linux's pipe size
    writer.write_all(&[b' '; PIPE]).unwrap();
    let mut child = {
        let mut cmd = env.std_cmd();
        cmd.args(create_key_args())
            .stdout(writer)
            .stderr(Stdio::piped());
        cmd.spawn().unwrap()
    };
    let pid = child.id();
    within(Duration::from_secs(20), "the key being shown", || {
        writing_to_a_pipe(pid) && sessions(&env, &env.direct, "state = 'idle in transaction'") > 0
    });

    pg.stop_immediate();
    let stopped = Instant::now();
    let mut shown = Vec::new();
    reader.read_to_end(&mut shown).unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    let run = Run::from(std::process::Output {
        status,
        stdout: shown[PIPE..].to_vec(),
        stderr: stderr.into_bytes(),
    });
    assert!(stopped.elapsed() < FAIL_FAST, "{run}");
    assert_ne!(run.code, 0, "{run}");
    // Shown, then not saved: said in so many words.
    assert!(has_whole_key(&run.stdout), "{run}");
    assert!(
        run.stderr.contains("NOT saved") && run.stderr.contains("does not work"),
        "{run}"
    );

    pg.start_again();
    assert_eq!(env.count("SELECT COUNT(*) FROM api_keys"), keys, "{run}");
    let key = run.json()["key"].as_str().unwrap().to_string();
    let mut verify = env.cmd();
    verify.args(["keys", "verify"]).write_stdin(key);
    let verified = Run::from(verify.output().unwrap());
    assert_ne!(verified.code, 0, "the key said unsaved works:\n{verified}");
}

// ---------------------------------------------------------------------------------------------
// backup run

/// The artifacts of a storage directory that claim to be backups (not `.partial` leftovers).
fn claimed(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter(|n| n.ends_with(".sql.gz") || n.ends_with(".manifest.json"))
                .collect()
        })
        .unwrap_or_default()
}

/// The process `pid` started that runs `name`.
fn child_named(pid: u32, name: &str) -> Option<u32> {
    std::fs::read_dir("/proc").ok()?.find_map(|e| {
        let child: u32 = e.ok()?.file_name().to_str()?.parse().ok()?;
        // "PID (COMM) STATE PPID ..."
        let stat = std::fs::read_to_string(format!("/proc/{child}/stat")).ok()?;
        let (comm, rest) = stat.split_once(" (")?.1.rsplit_once(") ")?;
        let parent: u32 = rest.split_whitespace().nth(1)?.parse().ok()?;
        (comm == name && parent == pid).then_some(child)
    })
}

#[test]
fn backup_run_cut_off_mid_dump_lists_nothing_and_the_next_run_works() {
    let (pg, env) = world();
    bulk(&env, 300_000);
    let audit_rows = env.count("SELECT COUNT(*) FROM audit_logs");
    let storage = env.path("backups");
    let storage_arg = storage.to_str().unwrap().to_string();
    let backup = |args: &[&str]| {
        let mut all = vec!["backup"];
        all.extend(args);
        all.extend(["--storage", &storage_arg]);
        env.run(&all)
    };
    let child = env.spawn(&["backup", "run", "--storage", &storage_arg]);
    // Caught in the middle of the big table: its pg_dump stopped there, the server waiting to
    // send it more.
    let pg_dump = stop_mid_copy(
        &env,
        "query LIKE 'COPY public.audit_logs %'",
        "ClientWrite",
        || child_named(child.id(), "pg_dump").expect("pg_dump is not platctl's child"),
    );

    pg.stop_immediate();
    signal(pg_dump, "CONT");
    let (run, took) = finish(child, FAIL_FAST * 2, Instant::now());
    assert_eq!(run.code, 1, "{run}");
    assert!(took < FAIL_FAST, "took {took:?} to fail:\n{run}");
    says_the_server_went_away(&run);
    assert!(run.stderr.contains("pg_dump"), "{run}");
    assert!(claimed(&storage).is_empty(), "{:?}", claimed(&storage));

    pg.start_again();
    let list = backup(&["list", "-o", "json"]);
    assert_eq!(list.code, 0, "{list}");
    assert_eq!(list.json(), serde_json::json!([]), "{list}");

    let next = backup(&["-q", "run"]);
    assert_eq!(next.code, 0, "{next}");
    let list = backup(&["list", "-o", "json"]).json();
    let entries = list.as_array().unwrap();
    assert_eq!(entries.len(), 1, "{list}");
    assert_eq!(entries[0]["status"], "ok", "{list}");
    let id = entries[0]["id"].as_str().unwrap();
    let shown = backup(&["show", id, "-o", "json"]).json();
    assert_eq!(
        shown["tables"]["public.audit_logs"].as_i64(),
        Some(audit_rows),
        "{shown}"
    );
    assert_eq!(backup(&["verify", id]).code, 0);
    // The artifact and manifest of that one, and nothing the cut-off run left.
    let files: Vec<String> = std::fs::read_dir(&storage)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| !n.starts_with('.'))
        .collect();
    assert_eq!(claimed(&storage).len(), 2, "{files:?}");
    assert!(!files.iter().any(|f| f.ends_with(".partial")), "{files:?}");
}

// ---------------------------------------------------------------------------------------------
// backup restore

/// Row counts of what a restore must bring back whole.
fn counts(env: &TestEnv, url: &str) -> Vec<i64> {
    [
        "organizations",
        "users",
        "api_keys",
        "role_permissions",
        "_platctl_migrations",
        "audit_logs",
    ]
    .iter()
    .map(|t| env.count_at(url, &format!("SELECT COUNT(*) FROM {t}")))
    .collect()
}

/// Hold the lock that stops trigger and foreign key creation in the database at `url`: a
/// restore loads every table, then waits there.
fn block_triggers(env: &TestEnv, url: &str) -> sqlx::PgConnection {
    env.block_on(async {
        let mut c = sqlx::PgConnection::connect(url).await.unwrap();
        sqlx::raw_sql("BEGIN; LOCK TABLE pg_catalog.pg_trigger IN SHARE ROW EXCLUSIVE MODE")
            .execute(&mut c)
            .await
            .unwrap();
        c
    })
}

#[test]
fn restore_cut_off_mid_way_changes_nothing_or_is_marked_and_finishes_next_time() {
    let (pg, env) = world();
    env.ok(&["-q", "users", "create", "alice@acme.io"]);
    env.ok(&create_key_args());
    bulk(&env, 200_000);
    let storage = env.path("backups");
    let storage = storage.to_str().unwrap();
    // What the backup holds (its own audit entry comes after it).
    let source = counts(&env, &env.direct);
    env.ok(&["-q", "backup", "run", "--storage", storage]);
    // Changed since: a restore over it would take this away.
    env.ok(&["-q", "orgs", "create", "later"]);
    let now = counts(&env, &env.direct);
    assert_ne!(now, source);

    // 1. Over the live database (--clean, one transaction): caught half-way through loading
    // the big table, the old data dropped in the same transaction, and cut off there: after
    // the restart it is as it was. (platctl is stopped there, its COPY open on the server.)
    let restore = |to: &[&str]| {
        let mut args = vec![
            "backup",
            "restore",
            "--latest",
            "--storage",
            storage,
            "--yes",
        ];
        args.extend(to);
        env.spawn(&args)
    };
    let child = restore(&["--clean"]);
    let pid = stop_mid_copy(
        &env,
        "application_name = 'platctl restore' AND query LIKE 'COPY public.audit_logs %' \
         AND state = 'active'",
        "ClientRead",
        || child.id(),
    );
    pg.stop_immediate();
    signal(pid, "CONT");
    let (clean, took) = finish(child, FAIL_FAST * 2, Instant::now());
    assert!(took < FAIL_FAST, "took {took:?} to fail:\n{clean}");
    pg.start_again();
    assert_eq!(counts(&env, &env.direct), now, "{clean}");
    env.ok(&["migrate", "status", "--exit-code"]);

    // 2. Into an empty database (parallel, committing as it goes): cut off with the tables
    // loaded, it is marked unfinished, refused as such, and the next restore finishes it.
    let target = env.another_database();
    let _lock = block_triggers(&env, &target);
    let restore_into = || restore(&["--into", &target]);
    let child = restore_into();
    within(Duration::from_secs(30), "the restore waiting", || {
        sessions(
            &env,
            &target,
            "application_name = 'platctl restore' AND wait_event_type = 'Lock'",
        ) > 0
    });
    assert!(env.tables_at(&target) > 5, "the data was not loaded yet");
    pg.stop_immediate();
    let (run, took) = finish(child, FAIL_FAST * 2, Instant::now());
    assert!(took < FAIL_FAST, "took {took:?} to fail:\n{run}");
    pg.start_again();
    let marked = env.count_at(
        &target,
        "SELECT COUNT(*) FROM pg_namespace WHERE nspname = '_platctl_restore'",
    );
    let tables = env.tables_at(&target);
    assert!(
        tables == 0 || marked == 1,
        "a half-restored database without its mark ({tables} tables):\n{run}"
    );
    if marked == 1 {
        let refused = Run::from(
            env.bare()
                .env("DATABASE_URL", &target)
                .args(["orgs", "list"])
                .output()
                .unwrap(),
        );
        assert_eq!(refused.code, 1, "{refused}");
        assert!(refused.stderr.contains("unfinished restore"), "{refused}");
    }
    let (again, _) = finish(restore_into(), Duration::from_secs(60), Instant::now());
    assert_eq!(again.code, 0, "{again}");
    assert_eq!(counts(&env, &target), source);
    assert_eq!(
        env.count_at(
            &target,
            "SELECT COUNT(*) FROM pg_namespace WHERE nspname = '_platctl_restore'"
        ),
        0
    );
    // Checked last, so that the states above are checked whatever the words. A restore that
    // failed must not exit 0 (its connection's EPIPE is no closed standard output).
    assert_ne!(clean.code, 0, "a failed restore exited 0:\n{clean}");
    assert_ne!(run.code, 0, "a failed restore exited 0:\n{run}");
    says_the_server_went_away(&clean);
    says_the_server_went_away(&run);
}

// ---------------------------------------------------------------------------------------------
// The helper itself: a private cluster with TLS and a pg_hba.conf of its own.

#[test]
fn a_private_cluster_takes_tls_and_its_own_pg_hba() {
    let dir = tempfile::tempdir().unwrap();
    let (cert, key) = (dir.path().join("server.crt"), dir.path().join("server.key"));
    let made = std::process::Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        ])
        .args(["-subj", "/CN=127.0.0.1", "-keyout"])
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .expect("the TLS tests need the openssl command");
    assert!(made.status.success(), "{made:?}");
    let pg = PrivateCluster::start(ClusterSpec {
        ssl: Some((cert, key)),
        hba: Some("hostssl all all 127.0.0.1/32 trust".into()),
        conf: vec!["log_connections = on".into()],
        ..ClusterSpec::default()
    });
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(pg.data_dir().join("server.key"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    pg.create_database("tls_here");
    pg.exec("CREATE ROLE someone LOGIN");
    let url = pg.url("tls_here");
    assert_eq!(
        url,
        format!("postgres://postgres@127.0.0.1:{}/tls_here", pg.port())
    );
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let encrypted = |query: &str| -> Result<bool, String> {
        rt.block_on(async {
            let mut c = sqlx::PgConnection::connect(&format!("{url}?{query}"))
                .await
                .map_err(|e| e.to_string())?;
            let ssl: bool =
                sqlx::query_scalar("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                    .fetch_one(&mut c)
                    .await
                    .map_err(|e| e.to_string())?;
            let _ = c.close().await;
            Ok(ssl)
        })
    };
    assert_eq!(encrypted("sslmode=require"), Ok(true));
    let refused = encrypted("sslmode=disable").unwrap_err();
    assert!(refused.contains("no pg_hba.conf entry"), "{refused}");
    // Another pg_hba.conf, reloaded: in the clear too.
    std::fs::write(
        pg.data_dir().join("pg_hba.conf"),
        "local all postgres trust\nhost all all 127.0.0.1/32 trust\n",
    )
    .unwrap();
    pg.reload();
    assert_eq!(encrypted("sslmode=disable"), Ok(false));
    assert!(pg.log().contains("connection authorized"), "{}", pg.log());
    // Stopped and started again: the same port, the same settings.
    pg.stop_immediate();
    assert!(encrypted("sslmode=require").is_err());
    pg.start_again();
    assert_eq!(encrypted("sslmode=require"), Ok(true));
    // Dropped: stopped and removed.
    let data = pg.data_dir();
    drop(pg);
    assert!(!data.exists(), "{} is still there", data.display());
}

/// A server that takes connections and never answers (a hung primary, a black-holed proxy):
/// every command waits PLATCTL_CONNECT_TIMEOUT once — not once per connection it wanted —
/// and names the wait. `health` runs five checks that need the database at once.
#[test]
fn a_server_that_never_answers_costs_the_connect_timeout_once() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let held = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let keep = held.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            keep.lock().unwrap().push(stream);
        }
    });
    let env = TestEnv::embedded();
    let url = format!("postgres://ops@127.0.0.1:{port}/platform");
    let storage = env.path("backups");
    for args in [
        vec!["health"],
        vec!["backup", "run", "--storage", storage.to_str().unwrap()],
        vec!["migrate", "run"],
        vec!["orgs", "list"],
    ] {
        let started = Instant::now();
        let run = Run::from(
            env.cmd()
                .env("DATABASE_URL", &url)
                .env("PLATCTL_CONNECT_TIMEOUT", "2s")
                .args(&args)
                .output()
                .unwrap(),
        );
        let took = started.elapsed();
        assert_ne!(run.code, 0, "{run}");
        assert!(
            run.all_output().contains("no answer within 2s"),
            "{args:?}: {run}"
        );
        assert!(
            took >= Duration::from_secs(2) && took < Duration::from_millis(3500),
            "{args:?} took {took:?}: {run}"
        );
    }
}

// Error tracking

/// The envelopes a Sentry stand-in received (read by the Python SDK's own parser), once
/// `count` of them have arrived.
fn envelopes(dir: &std::path::Path) -> Vec<serde_json::Value> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    files
        .iter()
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect()
}

/// The events among the envelopes.
fn events_of(envelopes: &[serde_json::Value]) -> Vec<serde_json::Value> {
    envelopes
        .iter()
        .flat_map(|e| e["items"].as_array().cloned().unwrap_or_default())
        .filter(|item| item["type"] == "event")
        .map(|item| item["payload"].clone())
        .collect()
}

#[test]
fn serve_reports_5xx_answers_to_sentry_with_request_id_route_and_version_and_nothing_secret() {
    let (pg, env) = world();
    let recorder = crate::common::fixture_server(&env, "sentry_server.py", "sentry", &[]);
    let dsn = format!("http://0123456789abcdef@127.0.0.1:{}/42", recorder.port);
    let (_, key) = operator_key(&env, &["api-keys:read", "api-keys:create"]);
    let server = Served::start(
        &env,
        &[("PLATCTL_CONNECT_TIMEOUT", "2s"), ("SENTRY_DSN", &dsn)],
    );
    let keys = format!("{}/api-keys", server.url);
    let call = |method: &str, url: &str, headers: &[(&str, &str)], body| {
        crate::serve::call_with(method, url, headers, body)
    };
    // Answers that are not the server's failures report nothing: a success, refusals, a 404.
    assert_eq!(call("GET", &keys, &[("x-api-key", &key)], None).status, 200);
    assert_eq!(call("GET", &keys, &[], None).status, 401);
    let bad = "sk_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    assert_eq!(call("GET", &keys, &[("x-api-key", bad)], None).status, 401);
    assert_eq!(
        call("GET", &format!("{}/nowhere", server.url), &[], None).status,
        404
    );

    // The database gone: a 503 for each request, each reported once, with its request id.
    pg.stop_immediate();
    let get = call(
        "GET",
        &keys,
        &[("x-api-key", &key), ("x-request-id", "trace-get-1")],
        None,
    );
    assert_eq!(get.status, 503, "{get}");
    let post = call(
        "POST",
        &keys,
        &[
            ("authorization", &format!("Bearer {key}")),
            ("x-request-id", "trace-post-2"),
        ],
        Some(serde_json::json!({"name": "body-marker-17", "scopes": ["api-keys:read"]})),
    );
    assert_eq!(post.status, 503, "{post}");
    // A readiness probe's 503 is its verdict, not a failure: not reported.
    let ready = call("GET", &format!("{}/health/ready", server.url), &[], None);
    assert_eq!(ready.status, 503, "{ready}");
    within(Duration::from_secs(10), "two events reported", || {
        events_of(&envelopes(&recorder.dir)).len() >= 2
    });
    let (code, log) = server.terminate();
    assert_eq!(code, 0, "{log}");

    let received = envelopes(&recorder.dir);
    for envelope in &received {
        assert!(
            envelope["error"].is_null(),
            "Sentry's parser refused: {envelope}"
        );
        assert_eq!(envelope["path"], "/api/42/envelope/", "{envelope}");
        let auth = envelope["headers"]["x-sentry-auth"].as_str().unwrap_or("");
        assert!(auth.contains("sentry_key=0123456789abcdef"), "{envelope}");
        // Nothing about the request but its id, route and method; no key, no body.
        let raw = envelope["raw"].as_str().unwrap();
        for secret in [key.as_str(), bad, "body-marker-17", "tester"] {
            assert!(!raw.contains(secret), "{secret} was sent: {raw}");
        }
        let lower = raw.to_ascii_lowercase();
        for word in [
            "x-api-key",
            "authorization",
            "bearer",
            "user-agent",
            "platctl-tests",
        ] {
            assert!(!lower.contains(word), "{word} was sent: {raw}");
        }
    }
    let mut events = events_of(&received);
    assert_eq!(events.len(), 2, "{received:#?}");
    events.sort_by_key(|e| e["tags"]["request_id"].as_str().unwrap_or("").to_string());
    let version = env!("CARGO_PKG_VERSION");
    for (event, (id, method)) in events
        .iter()
        .zip([("trace-get-1", "GET"), ("trace-post-2", "POST")])
    {
        // The protocol's default level is error: the SDK leaves it out.
        assert!(
            event["level"].is_null() || event["level"] == "error",
            "{event}"
        );
        assert_eq!(event["release"], format!("platctl@{version}"), "{event}");
        let tags = &event["tags"];
        assert_eq!(tags["request_id"], id, "{event}");
        assert_eq!(tags["route"], "/api-keys", "{event}");
        assert_eq!(tags["method"], method, "{event}");
        assert_eq!(tags["version"], version, "{event}");
        let message = event["message"].as_str().unwrap_or_default();
        assert!(
            message.starts_with(&format!("{method} /api-keys answered 503")),
            "{event}"
        );
        assert!(
            message.contains("database"),
            "the failure is not said: {event}"
        );
        for absent in ["request", "user", "server_name"] {
            assert!(event[absent].is_null(), "{absent} was sent: {event}");
        }
    }

    // Without SENTRY_DSN (an empty one, as a .env ships it) nothing is reported.
    let quiet = Served::start(
        &env,
        &[("PLATCTL_CONNECT_TIMEOUT", "1s"), ("SENTRY_DSN", "")],
    );
    let answer = call(
        "GET",
        &format!("{}/api-keys", quiet.url),
        &[("x-api-key", &key)],
        None,
    );
    assert_eq!(answer.status, 503, "{answer}");
    let (code, log) = quiet.terminate();
    assert_eq!(code, 0, "{log}");
    assert_eq!(envelopes(&recorder.dir).len(), received.len());
}

#[test]
fn a_sentry_dsn_is_checked_before_serve_starts() {
    let env = TestEnv::new(crate::common::Kind::Sqlite).migrated();
    for (dsn, says) in [
        ("not a dsn", "not a Sentry DSN"),
        ("http://key@sentry.example.com/1", "loopback only"),
    ] {
        let out = env
            .cmd()
            .env("SENTRY_DSN", dsn)
            .args(["serve", "--listen", "127.0.0.1:0"])
            .output()
            .unwrap();
        let run = Run::from(out);
        assert_eq!(run.code, 2, "{dsn}: {run}");
        assert!(
            run.stderr.contains("SENTRY_DSN") && run.stderr.contains(says),
            "{dsn}: {run}"
        );
        assert!(
            !run.stderr.contains("key@"),
            "{dsn}: the DSN was shown: {run}"
        );
    }
}
