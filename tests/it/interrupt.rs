//! Restores and test restores stopped half-way — by Ctrl-C, SIGTERM or kill -9 — and what the
//! next platctl command makes of what they left.
//!
//! To stop a PostgreSQL restore at a known point, the test holds a lock on the target's
//! `pg_trigger` catalog: the restore creates and loads every table and builds their keys, then
//! waits at its first trigger or foreign key — a half-restored database that looks complete
//! at a glance (tables, rows, indexes).

use std::process::Child;
use std::time::{Duration, Instant};

use sqlx::Connection;

use crate::common::{Kind, Run, TestEnv};

/// A migrated database with some rows; on PostgreSQL, enough audit rows that a restore takes
/// a moment.
fn populated(env: TestEnv) -> TestEnv {
    let env = env.migrated();
    env.ok(&["-q", "orgs", "create", "acme"]);
    env.ok(&["-q", "users", "create", "alice@acme.io"]);
    if env.kind == Kind::Postgres {
        env.exec(
            "INSERT INTO audit_logs (actor, action, resource_type, resource_id, metadata) \
             SELECT 'user' || i || '@acme.io', 'agent.create', 'agent', md5(i::text), \
             jsonb_build_object('n', i) FROM generate_series(1, 100000) i",
        );
    }
    env
}

fn storage(env: &TestEnv) -> String {
    env.path("backups").display().to_string()
}

fn database_name(url: &str) -> String {
    let path = url.split('?').next().unwrap();
    path.rsplit('/').next().unwrap().to_string()
}

fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn signal(child: &Child, name: &str) {
    let status = std::process::Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// Hold the lock that stops trigger and foreign key creation in the database at `url`
/// (released when the connection closes).
fn block_triggers(env: &TestEnv, url: &str) -> sqlx::PgConnection {
    env.block_on(async {
        let mut conn = sqlx::PgConnection::connect(url).await.unwrap();
        sqlx::raw_sql("BEGIN; LOCK TABLE pg_catalog.pg_trigger IN SHARE ROW EXCLUSIVE MODE")
            .execute(&mut conn)
            .await
            .unwrap();
        conn
    })
}

/// A restore connection of platctl is waiting for a lock in the database `name`.
fn restore_is_waiting(env: &TestEnv, name: &str) -> bool {
    env.count_at(
        &env.url,
        &format!(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '{name}' \
             AND application_name = 'platctl restore' AND wait_event_type = 'Lock'"
        ),
    ) > 0
}

fn restore_into(env: &TestEnv, target: &str) -> Child {
    env.spawn(&[
        "backup",
        "restore",
        "--latest",
        "--storage",
        &storage(env),
        "--into",
        target,
        "--yes",
    ])
}

/// What a database holds besides the system: tables, and the unfinished-restore mark.
fn leftovers(env: &TestEnv, url: &str) -> (i64, i64) {
    (
        env.tables_at(url),
        env.count_at(
            url,
            "SELECT COUNT(*) FROM pg_namespace WHERE nspname = '_platctl_restore'",
        ),
    )
}

#[test]
fn ctrl_c_and_sigterm_stop_a_restore_and_empty_the_target_again() {
    let env = populated(TestEnv::new(Kind::Postgres));
    env.ok(&["-q", "backup", "run", "--storage", &storage(&env)]);
    for (name, code) in [("INT", 130), ("TERM", 143)] {
        let target = env.another_database();
        let lock = block_triggers(&env, &target);
        let child = restore_into(&env, &target);
        wait_for("the restore to reach its triggers", || {
            restore_is_waiting(&env, &database_name(&target))
        });
        assert!(env.tables_at(&target) > 5, "the data was not loaded yet");
        signal(&child, name);
        env.block_on(lock.close()).unwrap();
        let run = Run::from(child.wait_with_output().unwrap());
        assert_eq!(run.code, code, "SIG{name}: {run}");
        assert!(run.stderr.contains("interrupted"), "{run}");
        assert!(run.stderr.contains("emptied again"), "{run}");
        assert_eq!(
            leftovers(&env, &target),
            (0, 0),
            "SIG{name} left the target loaded"
        );
    }
}

#[test]
fn a_restore_killed_half_way_is_never_taken_for_a_good_database() {
    let env = populated(TestEnv::new(Kind::Postgres));
    env.ok(&["-q", "backup", "run", "--storage", &storage(&env)]);
    let target = env.another_database();
    let lock = block_triggers(&env, &target);
    let mut child = restore_into(&env, &target);
    wait_for("the restore to reach its triggers", || {
        restore_is_waiting(&env, &database_name(&target))
    });
    child.kill().unwrap();
    child.wait().unwrap();
    env.block_on(lock.close()).unwrap();
    let (tables, marks) = leftovers(&env, &target);
    assert!(tables > 5 && marks == 1, "tables {tables}, marks {marks}");

    // Every command refuses it, saying what happened and how to finish.
    let on_target = |args: &[&str]| {
        Run::from(
            env.bare()
                .env("DATABASE_URL", &target)
                .args(args)
                .output()
                .unwrap(),
        )
    };
    for args in [
        vec!["migrate", "status", "--exit-code"],
        vec!["migrate", "status"],
        vec!["orgs", "list"],
        vec!["keys", "create", "--scope", "agents:read"],
        vec![
            "backup",
            "run",
            "--storage",
            env.path("other").to_str().unwrap(),
        ],
    ] {
        let run = on_target(&args);
        assert_eq!(run.code, 1, "{args:?}: {run}");
        assert!(run.stderr.contains("unfinished restore"), "{run}");
        assert!(run.stderr.contains("platctl backup restore"), "{run}");
    }

    // The next restore empties it first, without --clean, and says so.
    let run = env.run(&[
        "backup",
        "restore",
        "--latest",
        "--storage",
        &storage(&env),
        "--into",
        &target,
        "--yes",
    ]);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stdout.contains("emptied first"), "{run}");
    assert_eq!(leftovers(&env, &target).1, 0);
    assert_eq!(on_target(&["migrate", "status", "--exit-code"]).code, 0);
    assert_eq!(
        env.query_strings_at(&target, "SELECT slug FROM organizations"),
        vec!["acme".to_string()]
    );
}

#[test]
fn ctrl_c_on_a_test_restore_drops_its_scratch_database() {
    let env = populated(TestEnv::new(Kind::Postgres));
    env.ok(&["-q", "backup", "run", "--storage", &storage(&env)]);
    // Other tests share the server: look for this backup's scratch database only.
    let id = env
        .ok(&["backup", "list", "--storage", &storage(&env), "-o", "json"])
        .json()[0]["id"]
        .as_str()
        .unwrap()
        .to_lowercase()
        .replace(['-', '.'], "_");
    let scratch = || {
        env.query_strings(&format!(
            "SELECT datname FROM pg_database WHERE starts_with(datname, 'platctl_verify_{id}_')"
        ))
    };
    let child = env.spawn(&[
        "backup",
        "verify",
        "--latest",
        "--restore-test",
        "--storage",
        &storage(&env),
    ]);
    wait_for("the scratch database", || !scratch().is_empty());
    let name = scratch().remove(0);
    let url = env.url.replace(&database_name(&env.url), &name);
    // The scratch database is new: lock it as soon as it can be reached.
    let mut lock = None;
    wait_for("a lock on the scratch database", || {
        let attempt = env.block_on(async {
            let mut conn = sqlx::PgConnection::connect(&url).await?;
            sqlx::raw_sql("BEGIN; LOCK TABLE pg_catalog.pg_trigger IN SHARE ROW EXCLUSIVE MODE")
                .execute(&mut conn)
                .await?;
            Ok::<_, sqlx::Error>(conn)
        });
        lock = attempt.ok();
        lock.is_some()
    });
    wait_for("the test restore to reach its triggers", || {
        restore_is_waiting(&env, &name)
    });
    signal(&child, "INT");
    let run = Run::from(child.wait_with_output().unwrap());
    drop(lock);
    assert_eq!(run.code, 130, "{run}");
    assert!(run.stderr.contains(&name), "{run}");
    assert!(scratch().is_empty(), "the scratch database is still there");
}

/// A PID that belonged to a process that is gone.
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

#[test]
fn what_killed_runs_leave_is_removed_by_the_next_backup_command() {
    let env = populated(TestEnv::new(Kind::Sqlite));
    let db = env.path("platform.db");
    let dead = dead_pid();
    let alive = std::process::id();
    let mib = vec![7u8; 1 << 20];
    // As a kill -9 leaves them: a restore and a snapshot beside the database (with their
    // -wal), the scratch file of a test restore in the temporary directory.
    let dead_files = [
        format!(".platform.db.restore-{dead}"),
        format!(".platform.db.restore-{dead}-wal"),
        format!(".platform.db.snapshot-{dead}"),
        format!("platctl-verify-20261126T020000.000000Z-3fa1-{dead}.db"),
    ];
    for name in &dead_files {
        std::fs::write(env.path(name), &mib).unwrap();
    }
    // A run that is still going keeps its files.
    let live = format!(".platform.db.restore-{alive}");
    std::fs::write(env.path(&live), &mib).unwrap();
    assert!(db.exists());

    std::fs::create_dir_all(env.path("b")).unwrap();
    let run = env.run(&[
        "backup",
        "list",
        "--storage",
        env.path("b").to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stderr
            .contains("removed what interrupted runs left behind"),
        "{run}"
    );
    for name in &dead_files {
        assert!(!env.path(name).exists(), "{name} is still there");
        assert!(
            run.stderr.contains(name.as_str()),
            "{name} is not named:\n{run}"
        );
    }
    assert!(run.stderr.contains("1.0 MiB"), "{run}");
    assert!(env.path(&live).exists(), "a live run's file was removed");
    std::fs::remove_file(env.path(&live)).unwrap();
}

#[test]
fn scratch_databases_of_killed_test_restores_are_dropped_by_the_next_backup_command() {
    let env = populated(TestEnv::new(Kind::Postgres));
    // The host name as platctl reads it.
    let host = whoami::hostname().unwrap();
    let unique = uuid::Uuid::new_v4().simple().to_string();
    let (dead, live) = (
        format!("platctl_verify_dead_{unique}"),
        format!("platctl_verify_live_{unique}"),
    );
    // Between the CREATE and the COMMENT, another test's sweep may drop the database as one
    // nobody owns (no comment, nobody connected): then it is made again.
    let make = |name: &str, pid: u32| {
        for _ in 0..10 {
            let made = env.try_exec(&format!("CREATE DATABASE {name}")).is_ok()
                && env
                    .try_exec(&format!(
                        "COMMENT ON DATABASE {name} IS '{{\"host\":\"{host}\",\"pid\":{pid}}}'"
                    ))
                    .is_ok();
            if made {
                return;
            }
        }
        panic!("{name} could not be made and commented");
    };
    let exists = |name: &str| {
        env.count(&format!(
            "SELECT COUNT(*) FROM pg_database WHERE datname = '{name}'"
        )) == 1
    };
    make(&live, std::process::id());
    std::fs::create_dir_all(env.path("b")).unwrap();
    // Any backup command on this server sweeps, other tests' too: if one of them got there
    // first, this one is made again.
    let mut named = false;
    for _ in 0..5 {
        make(&dead, dead_pid());
        let run = env.run(&[
            "backup",
            "list",
            "--storage",
            env.path("b").to_str().unwrap(),
        ]);
        assert_eq!(run.code, 0, "{run}");
        assert!(
            !exists(&dead),
            "the dead run's scratch database is still there"
        );
        if run.stderr.contains(&dead) {
            named = true;
            break;
        }
    }
    assert!(named, "the removal was never named");
    assert!(exists(&live), "a live run's scratch database was dropped");
    env.exec(&format!("DROP DATABASE {live}"));

    // Named as platctl names them now (ID_PID_HOSTTAG): this host's dead maker's is dropped
    // even before its COMMENT; a living maker's, or another host's not yet commented (maybe
    // just made), are left alone.
    use sha2::Digest;
    let tag: String = sha2::Sha256::digest(host.as_bytes())[..4]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let named_dead = format!("platctl_verify_{unique}_{}_{tag}", dead_pid());
    let named_live = format!("platctl_verify_{unique}_{}_{tag}", std::process::id());
    let elsewhere = format!("platctl_verify_{unique}_{}_00000000", dead_pid());
    for name in [&named_live, &elsewhere] {
        env.exec(&format!("CREATE DATABASE {name}"));
    }
    let mut gone = false;
    for _ in 0..5 {
        if !exists(&named_dead) {
            env.exec(&format!("CREATE DATABASE {named_dead}"));
        }
        let run = env.run(&[
            "backup",
            "list",
            "--storage",
            env.path("b").to_str().unwrap(),
        ]);
        assert_eq!(run.code, 0, "{run}");
        if run.stderr.contains(&named_dead) {
            gone = !exists(&named_dead);
            break;
        }
    }
    assert!(
        gone,
        "the dead maker's scratch database was not dropped and named"
    );
    assert!(
        exists(&named_live),
        "a living maker's scratch database was dropped"
    );
    assert!(
        exists(&elsewhere),
        "another host's uncommented scratch database was dropped"
    );
    for name in [&named_live, &elsewhere] {
        env.exec(&format!("DROP DATABASE {name}"));
    }
}

#[test]
fn ctrl_c_on_a_sqlite_restore_leaves_no_copy_behind() {
    let env = populated(TestEnv::new(Kind::Sqlite));
    env.exec(
        "CREATE TABLE bulk AS WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s \
         WHERE i < 300000) SELECT i, hex(randomblob(64)) AS pad FROM s",
    );
    env.ok(&["-q", "backup", "run", "--storage", &storage(&env)]);
    let target = env.path("restored.db");
    let temp_prefix = ".restored.db.restore-";
    let temps = || {
        std::fs::read_dir(env.dir.path())
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.starts_with(temp_prefix))
            .count()
    };
    let child = restore_into(&env, target.to_str().unwrap());
    wait_for("the restore's temporary copy", || temps() > 0);
    signal(&child, "INT");
    let run = Run::from(child.wait_with_output().unwrap());
    assert_eq!(run.code, 130, "{run}");
    assert_eq!(temps(), 0, "the temporary copy is still there");
    assert!(!target.exists(), "a half-restored file was put in place");
}
