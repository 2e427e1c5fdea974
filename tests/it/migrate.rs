//! `platctl init` and `platctl migrate`, on SQLite and PostgreSQL.

use crate::common::{Kind, TestEnv, each_backend, versions};

#[test]
fn init_works_on_a_fresh_machine_with_the_embedded_default() {
    let env = TestEnv::embedded();
    let first = env.bare().arg("init").output().unwrap();
    let first = crate::common::Run::from(first);
    assert_eq!(first.code, 0, "{first}");
    assert!(
        first
            .stdout
            .contains(&format!("Applied {} migrations", versions())),
        "{first}"
    );
    assert!(env.home().join(".config/platctl/config.toml").is_file());
    assert!(env.home().join(".local/share/platctl/platctl.db").is_file());

    let status = crate::common::Run::from(
        env.bare()
            .args(["migrate", "status", "-o", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(status.code, 0, "{status}");
    let list = status.json();
    let list = list.as_array().unwrap();
    assert_eq!(list.len() as i64, versions());
    assert!(list.iter().all(|m| m["status"] == "applied"), "{status}");

    // Idempotent: a second init changes nothing and says the schema is current.
    let again = crate::common::Run::from(env.bare().arg("init").output().unwrap());
    assert_eq!(again.code, 0, "{again}");
    assert!(again.stdout.contains("up to date"), "{again}");
    assert_eq!(env.count("SELECT COUNT(*) FROM organizations"), 1);
    assert_eq!(
        env.count("SELECT COUNT(*) FROM audit_logs WHERE action = 'organization.create'"),
        1
    );
}

each_backend!(seeds_roles_and_permissions, |env| {
    let env = env.migrated();
    assert_eq!(env.count("SELECT COUNT(*) FROM permissions"), 104);
    let roles = env.query_strings(
        "SELECT name || ':' || CAST(level AS TEXT) FROM roles WHERE is_system ORDER BY level DESC",
    );
    assert_eq!(roles, ["OWNER:4", "ADMIN:3", "EDITOR:2", "VIEWER:1"]);
});

each_backend!(concurrent_runs_apply_each_migration_once, |env| {
    let start = |_: usize| {
        env.std_cmd()
            .args(["-q", "migrate", "run"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let children: Vec<_> = (0..3).map(start).collect();
    for child in children {
        let run = crate::common::Run::from(child.wait_with_output().unwrap());
        assert_eq!(run.code, 0, "a concurrent run failed: {run}");
    }
    assert_eq!(
        env.count("SELECT COUNT(*) FROM _platctl_migrations"),
        versions()
    );
    assert_eq!(
        env.count("SELECT COUNT(DISTINCT version) FROM _platctl_migrations"),
        versions()
    );
    // One audit row per migration applied once the audit table existed (5 and later).
    assert_eq!(
        env.count("SELECT COUNT(*) FROM audit_logs WHERE action = 'migration.apply'"),
        versions() - 4
    );
    assert_eq!(env.count("SELECT COUNT(*) FROM permissions"), 104);
});

each_backend!(a_changed_checksum_is_reported_and_can_be_accepted, |env| {
    let env = env.migrated();
    env.exec("UPDATE _platctl_migrations SET checksum = 'tampered' WHERE version = 3");

    let verify = env.run(&["migrate", "verify"]);
    assert_eq!(verify.code, 1, "{verify}");
    assert!(
        verify.stdout.contains("0003_seed_roles_permissions"),
        "{verify}"
    );
    let status = env.run(&["migrate", "status", "--exit-code"]);
    assert_eq!(status.code, 1, "{status}");
    assert!(status.stdout.contains("changed"), "{status}");

    // Nothing more is applied on top of a drifted schema.
    let run = env.run(&["migrate", "run"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("migrate verify --accept 3"), "{run}");

    let accept = env.run(&["migrate", "verify", "--accept", "3", "-o", "json"]);
    assert_eq!(accept.code, 0, "{accept}");
    assert_eq!(accept.json()["applied_checksum"], "tampered");
    env.ok(&["migrate", "verify"]);
    let actor =
        env.query_string("SELECT actor FROM audit_logs WHERE action = 'migration.accept_checksum'");
    assert!(
        actor.contains('@'),
        "the operator is recorded as user@host, got {actor}"
    );
    assert_eq!(
        env.count(
            "SELECT COUNT(*) FROM audit_logs WHERE action = 'migration.accept_checksum' \
             AND resource_id = '3'"
        ),
        1
    );
    // Accepting it again finds nothing to accept: says so, succeeds, writes nothing.
    let again = env.run(&["migrate", "verify", "--accept", "3"]);
    assert_eq!(again.code, 0, "{again}");
    assert!(again.all_output().contains("nothing to accept"), "{again}");
    assert_eq!(
        env.count("SELECT COUNT(*) FROM audit_logs WHERE action = 'migration.accept_checksum'"),
        1
    );
});

each_backend!(status_exit_code_gates_pending_migrations, |env| {
    env.ok(&["-q", "migrate", "run", "--to", "3"]);
    assert!(env.table_exists("roles"));
    assert!(!env.table_exists("api_keys"));
    let status = env.run(&["migrate", "status", "--exit-code", "-o", "json"]);
    assert_eq!(status.code, 1, "{status}");
    let pending = status.json();
    let pending: Vec<i64> = pending
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["status"] == "pending")
        .map(|m| m["version"].as_i64().unwrap())
        .collect();
    assert_eq!(pending, (4..=versions()).collect::<Vec<_>>());

    let dry = env.run(&["migrate", "run", "--dry-run", "-o", "json"]);
    assert_eq!(dry.code, 0, "{dry}");
    assert_eq!(
        dry.json()["steps"].as_array().unwrap().len() as i64,
        versions() - 3
    );
    assert!(
        !env.table_exists("api_keys"),
        "--dry-run changed the schema"
    );

    env.ok(&["migrate", "run"]);
    env.ok(&["migrate", "status", "--exit-code"]);
    let unknown = env.run(&["migrate", "run", "--to", "42"]);
    assert_eq!(unknown.code, 2, "{unknown}");
    assert!(unknown.stderr.contains("known versions"), "{unknown}");
});

each_backend!(revert_asks_first_and_down_scripts_undo_everything, |env| {
    let env = env.migrated();
    let refused = env.run(&["migrate", "revert"]);
    assert_eq!(refused.code, 2, "{refused}");
    assert!(refused.stderr.contains("--yes"), "{refused}");
    assert_eq!(
        env.count("SELECT MAX(version) FROM _platctl_migrations"),
        versions(),
        "revert ran unconfirmed"
    );

    // The latest (11, serve's shared limits), then 10 (the prune chain), then 9 (platform
    // keys), each with its down script and an audit entry.
    env.ok(&["--yes", "migrate", "revert"]);
    assert!(!env.table_exists("rate_limit_buckets"));
    assert!(!env.table_exists("auth_failures"));
    assert_eq!(
        env.count("SELECT MAX(version) FROM _platctl_migrations"),
        10
    );
    env.ok(&["--yes", "migrate", "revert"]);
    assert!(env.table_exists("platform_keys"));
    assert_eq!(env.count("SELECT MAX(version) FROM _platctl_migrations"), 9);
    env.ok(&["--yes", "migrate", "revert"]);
    assert!(!env.table_exists("platform_keys"));
    assert!(env.table_exists("audit_prunes"));
    assert_eq!(env.count("SELECT MAX(version) FROM _platctl_migrations"), 8);
    assert_eq!(
        env.count("SELECT COUNT(*) FROM audit_logs WHERE action = 'migration.revert'"),
        3
    );

    env.ok(&["--yes", "migrate", "revert", "--to", "0"]);
    for table in [
        "organizations",
        "users",
        "roles",
        "api_keys",
        "audit_logs",
        "jobs",
    ] {
        assert!(!env.table_exists(table), "{table} survived revert --to 0");
    }
    assert_eq!(env.count("SELECT COUNT(*) FROM _platctl_migrations"), 0);
    // And up again from nothing.
    env.ok(&["migrate", "run"]);
    assert_eq!(env.count("SELECT COUNT(*) FROM permissions"), 104);
});

each_backend!(
    a_failing_migration_rolls_back_and_names_file_and_statement,
    |env| {
        // A table in the way of migration 6.
        env.ok(&["-q", "migrate", "run", "--to", "5"]);
        env.exec("CREATE TABLE jobs (id integer)");
        let run = env.run(&["migrate", "run"]);
        assert_eq!(run.code, 1, "{run}");
        assert!(run.stderr.contains("0006_background_jobs.up.sql"), "{run}");
        assert!(run.stderr.contains("statement 1 of"), "{run}");
        assert!(run.stderr.contains("CREATE TABLE jobs"), "{run}");
        assert_eq!(env.count("SELECT MAX(version) FROM _platctl_migrations"), 5);
        // Nothing of migration 6 survived.
        let index = match env.kind {
            Kind::Sqlite => "SELECT COUNT(*) FROM sqlite_master WHERE name = 'jobs_queue_idx'",
            Kind::Postgres => "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'jobs_queue_idx'",
        };
        assert_eq!(env.count(index), 0);
    }
);

#[test]
fn postgres_lock_timeout_names_the_holder() {
    let env = TestEnv::new(Kind::Postgres);
    let url = env.url.clone();
    env.block_on(async {
        use sqlx::Connection;
        let mut holder = sqlx::PgConnection::connect(&url).await.unwrap();
        sqlx::query("SELECT pg_advisory_lock(8100956982245354605)")
            .execute(&mut holder)
            .await
            .unwrap();
        let out = env
            .cmd()
            .args(["migrate", "run", "--lock-timeout", "1s"])
            .output()
            .unwrap();
        let run = crate::common::Run::from(out);
        assert_eq!(run.code, 1, "{run}");
        assert!(run.stderr.contains("holds the migration lock"), "{run}");
        assert!(run.stderr.contains("held by PostgreSQL backend"), "{run}");
        holder.close().await.unwrap();
    });
    assert!(!env.table_exists("organizations"));
}

each_backend!(as_names_an_existing_user_once_users_exist, |env| {
    // Before the users table exists, --as is recorded by name.
    env.ok(&["--as", "deployer@acme.io", "-q", "migrate", "run"]);
    assert_eq!(
        env.count("SELECT COUNT(*) FROM audit_logs WHERE actor = 'deployer@acme.io'"),
        versions() - 4
    );
    env.ok(&["-q", "--yes", "migrate", "revert"]);
    let ghost = env.run(&["--as", "ghost@acme.io", "migrate", "run"]);
    assert_eq!(ghost.code, 1, "{ghost}");
    assert!(ghost.stderr.contains("no such user"), "{ghost}");
    assert_eq!(
        env.count("SELECT MAX(version) FROM _platctl_migrations"),
        versions() - 1
    );
});
