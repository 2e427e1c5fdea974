//! Production PostgreSQL. Through PgBouncer in transaction mode, with its stock settings:
//! what platctl finds out about it, what works through it, and what needs DATABASE_DIRECT_URL
//! and says so (the contract suite, and the key, audit, backup and serve tests, run through it
//! as well: their `pgbouncer` arms). As a role that owns the database and is no superuser
//! (the contract suite runs every command so too): what it may do, and what it is told when it
//! may not.

use crate::common::{Kind, TestEnv};

/// `health --check db`'s figures: the server and the pooler found.
fn db_check(env: &TestEnv, extra: &[(&str, &str)]) -> serde_json::Value {
    let mut cmd = env.cmd();
    cmd.args(["health", "--check", "db", "-o", "json"]);
    for (k, v) in extra {
        cmd.env(k, v);
    }
    let run = crate::common::Run::from(cmd.output().unwrap());
    assert_eq!(run.code, 0, "{run}");
    run.json()["details"]["db"].clone()
}

#[test]
fn the_pooler_is_found_and_named() {
    let pooled = TestEnv::pooled().migrated();
    let check = db_check(&pooled, &[]);
    assert_eq!(check["pooler"], "transaction", "{check}");
    let server = check["server"].as_str().unwrap();
    assert!(
        server.starts_with("PostgreSQL ") && server.contains("pooler in transaction mode"),
        "{server}"
    );
    // Declared, it is not probed for, and says so.
    let check = db_check(&pooled, &[("PLATCTL_DATABASE_POOLER", "transaction")]);
    assert!(
        check["server"]
            .as_str()
            .unwrap()
            .contains("database_pooler"),
        "{check}"
    );

    let direct = TestEnv::new(Kind::Postgres).migrated();
    let check = db_check(&direct, &[]);
    assert_eq!(check["pooler"], "none", "{check}");
    assert!(
        !check["server"].as_str().unwrap().contains("pooler"),
        "{check}"
    );

    // A person's table says it in a few words.
    let table = pooled.ok(&["health", "--check", "db"]);
    assert!(table.stdout.contains(", transaction pooler"), "{table}");

    // A value that is not one is refused, naming the ones that are.
    let mut cmd = pooled.cmd();
    cmd.env("PLATCTL_DATABASE_POOLER", "pgbouncer")
        .args(["orgs", "list"]);
    let run = crate::common::Run::from(cmd.output().unwrap());
    assert_ne!(run.code, 0, "{run}");
    assert!(
        run.stderr.contains("auto, none, session or transaction"),
        "{run}"
    );
}

#[test]
fn what_needs_a_session_names_the_direct_url_and_changes_nothing() {
    let env = TestEnv::pooled();
    let without = |args: &[&str]| {
        let mut cmd = env.cmd();
        cmd.env_remove("DATABASE_DIRECT_URL").args(args);
        crate::common::Run::from(cmd.output().unwrap())
    };
    let run = without(&["migrate", "run"]);
    assert_ne!(run.code, 0, "{run}");
    assert!(
        run.stderr.contains("DATABASE_DIRECT_URL") && run.stderr.contains("transaction mode"),
        "{run}"
    );
    assert!(
        !env.table_exists("_platctl_migrations") && !env.table_exists("organizations"),
        "a migration ran"
    );

    // A plan needs no lock, so no session: it is made through the pooler, changing nothing.
    let run = without(&["migrate", "run", "--dry-run", "-o", "json"]);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(
        run.json()["steps"].as_array().map(Vec::len),
        Some(crate::common::versions() as usize),
        "{run}"
    );
    assert!(
        !env.table_exists("_platctl_migrations"),
        "a plan made a table"
    );

    // With it, the run goes there, whole.
    env.ok(&["-q", "migrate", "run"]);
    assert_eq!(
        env.count("SELECT COUNT(*) FROM _platctl_migrations"),
        crate::common::versions()
    );
    // Nothing left to apply: nothing to lock, no DATABASE_DIRECT_URL needed (a deploy's
    // `migrate run` on every start).
    let run = without(&["migrate", "run"]);
    assert_eq!(run.code, 0, "{run}");

    // Ordinary commands need no session: they work through the pooler without it.
    let run = without(&["orgs", "create", "acme", "--name", "Acme"]);
    assert_eq!(run.code, 0, "{run}");
    let run = without(&[
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
    ]);
    assert_eq!(run.code, 0, "{run}");

    // A backup needs pg_dump's snapshot: refused before anything is written.
    let storage = env.path("backups");
    let storage_text = storage.to_str().unwrap();
    let mut cmd = env.cmd();
    cmd.env_remove("DATABASE_DIRECT_URL")
        .env("BACKUP_DIR", &storage)
        .args(["backup", "run"]);
    let run = crate::common::Run::from(cmd.output().unwrap());
    assert_ne!(run.code, 0, "{run}");
    assert!(run.stderr.contains("DATABASE_DIRECT_URL"), "{run}");
    let written = std::fs::read_dir(&storage).map(|d| d.count()).unwrap_or(0);
    assert_eq!(written, 0, "a backup refused left files behind");

    // A restore into another database needs neither: not even a reachable DATABASE_URL (it
    // may be the database lost). But a restore target that is a pooler is refused.
    let id = env
        .ok(&["backup", "run", "--storage", storage_text, "-o", "json"])
        .json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let elsewhere = env.another_database();
    let mut cmd = env.cmd();
    cmd.env_remove("DATABASE_DIRECT_URL")
        .env("DATABASE_URL", "postgres://nobody@127.0.0.1:1/gone")
        .args(["backup", "restore", &id, "--storage", storage_text])
        .args(["--into", &elsewhere, "--yes"]);
    let run = crate::common::Run::from(cmd.output().unwrap());
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(
        env.count_at(&elsewhere, "SELECT COUNT(*) FROM organizations"),
        1
    );
    let run = without(&[
        "backup",
        "restore",
        &id,
        "--storage",
        storage_text,
        "--into",
        &env.url,
        "--clean",
        "--yes",
    ]);
    assert_ne!(run.code, 0, "{run}");
    assert!(
        run.stderr
            .contains("(--into) goes through a pooler in transaction mode"),
        "{run}"
    );

    // A direct URL that is the pooler's too is refused, not trusted.
    let mut cmd = env.cmd();
    cmd.env("DATABASE_DIRECT_URL", &env.url)
        .args(["backup", "run", "--storage", storage_text]);
    let run = crate::common::Run::from(cmd.output().unwrap());
    assert_ne!(run.code, 0, "{run}");
    assert!(
        run.stderr
            .contains("DATABASE_DIRECT_URL goes through a pooler"),
        "{run}"
    );

    // A direct URL of another database (here: the restore's) is refused before it is used,
    // naming both.
    let mut cmd = env.cmd();
    cmd.env("DATABASE_DIRECT_URL", &elsewhere)
        .args(["backup", "run", "--storage", storage_text]);
    let run = crate::common::Run::from(cmd.output().unwrap());
    assert_ne!(run.code, 0, "{run}");
    assert!(
        run.stderr
            .contains("DATABASE_DIRECT_URL reaches another database than DATABASE_URL"),
        "{run}"
    );
}

#[test]
fn keys_made_in_parallel_through_the_pooler_are_all_there() {
    let env = TestEnv::pooled().migrated();
    env.ok(&["-q", "orgs", "create", "acme", "--name", "Acme"]);
    let children: Vec<_> = (0..12)
        .map(|i| {
            let mut cmd = env.std_cmd();
            cmd.args([
                "keys",
                "create",
                "--org",
                "acme",
                "--name",
                &format!("k{i}"),
                "--scope",
                "audit-logs:read",
                "-o",
                "json",
            ])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
            cmd.spawn().unwrap()
        })
        .collect();
    let mut keys = Vec::new();
    for child in children {
        let run = crate::common::Run::from(child.wait_with_output().unwrap());
        assert_eq!(run.code, 0, "{run}");
        keys.push(run.json()["key"].as_str().unwrap().to_string());
    }
    assert_eq!(env.count("SELECT COUNT(*) FROM api_keys"), 12);
    // Each verifies, through the pooler, in parallel too.
    let children: Vec<_> = keys
        .iter()
        .map(|key| {
            let mut cmd = env.std_cmd();
            cmd.args(["keys", "verify"])
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped());
            let mut child = cmd.spawn().unwrap();
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(key.as_bytes())
                .unwrap();
            child
        })
        .collect();
    for child in children {
        let run = crate::common::Run::from(child.wait_with_output().unwrap());
        assert_eq!(run.code, 0, "{run}");
    }
}

#[test]
fn a_startup_parameter_the_pooler_refuses_is_named_with_its_setting() {
    let env = TestEnv::pooled();
    let url = format!("{}?options=-c%20statement_timeout%3D5s", env.url);
    let mut cmd = env.cmd();
    cmd.env("DATABASE_URL", &url).args(["orgs", "list"]);
    let run = crate::common::Run::from(cmd.output().unwrap());
    assert_ne!(run.code, 0, "{run}");
    assert!(
        run.stderr
            .contains("unsupported startup parameter: options")
            && run.stderr.contains("ignore_startup_parameters"),
        "{run}"
    );
    assert!(!run.stderr.contains("check the user, password"), "{run}");
}

#[test]
fn a_role_that_only_owns_the_database_restores_and_is_told_what_it_may_not() {
    let env = TestEnv::new(Kind::Postgres)
        .owned_by_a_plain_role()
        .migrated();
    env.ok(&["-q", "orgs", "create", "acme", "--name", "Acme"]);
    let storage = env.path("backups");
    let storage = storage.to_str().unwrap();
    let id = env
        .ok(&["backup", "run", "--storage", storage, "-o", "json"])
        .json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    env.ok(&["-q", "orgs", "create", "beta", "--name", "Beta"]);
    // Into its own database, replacing what is there: an owner may.
    env.ok(&[
        "-q",
        "backup",
        "restore",
        &id,
        "--storage",
        storage,
        "--clean",
        "--yes",
    ]);
    assert_eq!(env.count("SELECT COUNT(*) FROM organizations"), 1);

    // A scratch database needs CREATEDB: refused before anything is made, saying so.
    let databases = env.count("SELECT COUNT(*) FROM pg_database");
    let run = env.run(&[
        "backup",
        "verify",
        &id,
        "--restore-test",
        "--storage",
        storage,
    ]);
    assert_ne!(run.code, 0, "{run}");
    assert!(
        run.stderr.contains("lacks CREATEDB") && run.stderr.contains("ALTER ROLE"),
        "{run}"
    );
    assert_eq!(env.count("SELECT COUNT(*) FROM pg_database"), databases);

    // A database that does not exist is not made: the error says how to make it.
    let missing = env.url.replacen("/t_", "/missing_", 1);
    let run = env.run(&[
        "backup",
        "restore",
        &id,
        "--storage",
        storage,
        "--into",
        &missing,
        "--yes",
    ]);
    assert_ne!(run.code, 0, "{run}");
    assert!(
        run.stderr.contains("does not exist") && run.stderr.contains("createdb -O"),
        "{run}"
    );
}

/// A session of someone else's holding `table` locked in an open transaction, until dropped.
fn hold_lock(env: &TestEnv, table: &str) -> sqlx::PgConnection {
    use sqlx::Connection;
    env.block_on(async {
        let mut c = sqlx::PgConnection::connect(&env.direct).await.unwrap();
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
            "SET application_name = 'blocker'; BEGIN; \
             LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE"
        )))
        .execute(&mut c)
        .await
        .unwrap();
        c
    })
}

#[test]
fn a_command_blocked_behind_a_long_transaction_says_so_directly_and_pooled() {
    for env in [TestEnv::new(Kind::Postgres), TestEnv::pooled()] {
        let env = env.migrated();
        env.ok(&["-q", "orgs", "create", "acme", "--name", "Acme"]);
        let blocker = hold_lock(&env, "organizations");
        let started = std::time::Instant::now();
        let mut cmd = env.cmd();
        cmd.env("PLATCTL_DATABASE_LOCK_TIMEOUT", "1s")
            .args(["orgs", "create", "beta", "--name", "Beta"]);
        let run = crate::common::Run::from(cmd.output().unwrap());
        assert_ne!(run.code, 0, "pooled {}: {run}", env.pooled);
        assert!(
            run.stderr.contains("lock timeout") && run.stderr.contains("database_lock_timeout"),
            "pooled {}: {run}",
            env.pooled
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(8));
        drop(blocker);
        assert_eq!(env.count("SELECT COUNT(*) FROM organizations"), 1);
        // Through the pooler, a transaction's timeouts stay its own: the server connection
        // platctl used last, which the pooler hands to the next client, keeps PostgreSQL's.
        if env.pooled {
            let next_client = env.block_on(async {
                use sqlx::{Connection, Row};
                let options: sqlx::postgres::PgConnectOptions = env.url.parse().unwrap();
                let mut c = sqlx::PgConnection::connect_with(&options.extra_float_digits(None))
                    .await
                    .unwrap();
                let row = sqlx::raw_sql("SHOW lock_timeout")
                    .fetch_one(&mut c)
                    .await
                    .unwrap();
                row.get::<String, _>(0)
            });
            assert_eq!(next_client, "0");
        }
    }
}

#[test]
fn migrate_run_waiting_for_a_lock_names_who_holds_it_and_applies_nothing() {
    let env = TestEnv::new(Kind::Postgres);
    // Migration 10 alters audit_prunes: it waits for the lock another session holds.
    let last = crate::common::versions();
    let before = 9;
    env.ok(&["-q", "migrate", "run", "--to", &before.to_string()]);
    let blocker = hold_lock(&env, "audit_prunes");
    let mut cmd = env.cmd();
    cmd.env("PLATCTL_DATABASE_LOCK_TIMEOUT", "1s")
        .args(["migrate", "run"]);
    let run = crate::common::Run::from(cmd.output().unwrap());
    assert_ne!(run.code, 0, "{run}");
    assert!(
        run.stderr.contains("lock timeout")
            && run
                .stderr
                .contains("the oldest open transactions here: pid")
            && run.stderr.contains("blocker"),
        "{run}"
    );
    // Not the migration's own session, whose failed transaction is still open.
    assert!(!run.stderr.contains("(platctl, user"), "{run}");
    drop(blocker);
    assert_eq!(
        env.count("SELECT MAX(version) FROM _platctl_migrations"),
        before
    );
    env.ok(&["-q", "migrate", "run"]);
    assert_eq!(
        env.count("SELECT MAX(version) FROM _platctl_migrations"),
        last
    );
}

#[test]
fn a_seal_waits_its_turn_behind_another_longer_than_the_lock_timeout() {
    use sqlx::Connection;
    let env = TestEnv::new(Kind::Postgres).migrated();
    env.ok(&["-q", "orgs", "create", "acme", "--name", "Acme"]);
    // Another seal holding the chain's lock (core::audit::seal's SEAL_LOCK).
    let other_seal = env.block_on(async {
        let mut c = sqlx::PgConnection::connect(&env.direct).await.unwrap();
        sqlx::raw_sql("SELECT pg_advisory_lock(31644363211765092)")
            .execute(&mut c)
            .await
            .unwrap();
        c
    });
    let mut cmd = env.std_cmd();
    cmd.env("PLATCTL_DATABASE_LOCK_TIMEOUT", "1s")
        .args(["-q", "audit", "seal"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(2500));
    // Still waiting, past its lock timeout: the lock held is the chain's, and a seal waits.
    assert!(child.try_wait().unwrap().is_none(), "the seal did not wait");
    drop(other_seal);
    let run = crate::common::Run::from(child.wait_with_output().unwrap());
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(env.count("SELECT COUNT(*) FROM audit_seals"), 1);
}
