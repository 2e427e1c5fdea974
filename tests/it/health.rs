//! `platctl health` on every backend: the terminus JSON, Nagios output and exit codes, checks
//! that warn, fail or cannot run.

use std::time::{Duration, Instant};

use crate::common::{Kind, Run, TestEnv, each_backend, outside};

fn health(env: &TestEnv, extra: &[(&str, &str)], args: &[&str]) -> Run {
    let mut cmd = env.cmd();
    cmd.env("BACKUP_DIR", env.path("backups"));
    for (k, v) in extra {
        cmd.env(k, v);
    }
    let mut all = vec!["health"];
    all.extend(args);
    Run::from(cmd.args(&all).output().unwrap())
}

each_backend!(a_good_database_is_ok_in_the_terminus_shape, |env| {
    let env = env.migrated();
    let run = health(&env, &[], &["--check", "db,migrations", "-o", "json"]);
    assert_eq!(run.code, 0, "{run}");
    let json = run.json();
    assert_eq!(json["status"], "ok");
    assert_eq!(json["info"]["db"]["status"], "up");
    assert!(json["info"]["db"]["latency_ms"].is_number(), "{json}");
    assert_eq!(json["info"]["migrations"]["pending"], 0);
    assert_eq!(json["error"], serde_json::json!({}));
    assert_eq!(json["details"].as_object().unwrap().len(), 2);

    // The Nagios plugin line: state, summary, perfdata with thresholds; then one line a check.
    // Thresholds of 0%: this machine's own disk and memory must not decide the outcome.
    let run = health(
        &env,
        &[],
        &[
            "--check",
            "db,memory,disk",
            "--format",
            "nagios",
            "--disk-warning",
            "0",
            "--disk-critical",
            "0",
            "--memory-warning",
            "0",
            "--memory-critical",
            "0",
        ],
    );
    assert_eq!(run.code, 0, "{run}");
    let first = run.stdout.lines().next().unwrap();
    assert!(first.starts_with("PLATCTL OK - db "), "{run}");
    let (_, perf) = first.split_once(" | ").unwrap();
    assert!(perf.contains("db_latency_ms="), "{perf}");
    let memory = perf
        .split(' ')
        .find(|p| p.starts_with("memory_available_bytes="))
        .unwrap();
    // value;warn;crit;min;max
    assert_eq!(memory.split(';').count(), 5, "{memory}");
    assert!(memory.ends_with(|c: char| c.is_ascii_digit()), "{memory}");
    assert!(run.stdout.contains("\nmemory: OK - "), "{run}");
    assert_eq!(run.stdout.lines().count(), 4, "{run}");
});

each_backend!(backups_none_is_critical_and_a_fresh_one_is_ok, |env| {
    let env = env.migrated();
    let none = health(&env, &[], &["--check", "backups"]);
    assert_eq!(none.code, 2, "{none}");
    assert!(none.stdout.contains("no good backup"), "{none}");
    let backups = env.path("backups");
    env.ok(&[
        "-q",
        "backup",
        "run",
        "--storage",
        backups.to_str().unwrap(),
    ]);
    let fresh = health(&env, &[], &["--check", "backups", "-o", "json"]);
    assert_eq!(fresh.code, 0, "{fresh}");
    assert_eq!(fresh.json()["info"]["backups"]["status"], "up");
    // Past the warning age: WARNING, exit 1.
    let old = health(&env, &[], &["--check", "backups", "--backup-warning", "0s"]);
    assert_eq!(old.code, 1, "{old}");
});

each_backend!(
    a_database_that_is_down_is_critical_within_the_timeout,
    |env| {
        let down = match env.kind {
            Kind::Postgres => "postgres://postgres@127.0.0.1:9/platform".to_string(),
            Kind::Sqlite => format!("sqlite://{}", env.path("missing/platform.db").display()),
        };
        let started = Instant::now();
        let run = health(
            &env,
            &[("DATABASE_URL", &down)],
            &["--check", "db", "--timeout", "2s", "--format", "nagios"],
        );
        assert_eq!(run.code, 2, "{run}");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "took {:?}",
            started.elapsed()
        );
        assert!(run.stdout.starts_with("PLATCTL CRITICAL - db "), "{run}");
    }
);

each_backend!(
    a_check_that_cannot_run_is_unknown_and_warnings_name_what,
    |env| {
        // Without the API key table the keys check cannot run: UNKNOWN, exit 3.
        env.ok(&["-q", "migrate", "run", "--to", "3"]);
        let unknown = health(&env, &[], &["--check", "db,keys", "-o", "json"]);
        assert_eq!(unknown.code, 3, "{unknown}");
        let json = unknown.json();
        assert_eq!(json["status"], "error");
        assert_eq!(json["error"]["keys"]["state"], "unknown");
        assert_eq!(json["info"]["db"]["status"], "up");

        env.ok(&["-q", "migrate", "run"]);
        env.ok(&["-q", "orgs", "create", "acme"]);
        let key = env.ok(&[
            "-q",
            "keys",
            "create",
            "--org",
            "acme",
            "--name",
            "soon",
            "--scope",
            "agents:read",
            "--expires-in",
            "2d",
        ]);
        let prefix: String = key.stdout.trim().chars().take(12).collect();
        let warn = health(&env, &[], &["--check", "keys"]);
        assert_eq!(warn.code, 1, "{warn}");
        assert!(warn.stdout.contains(&prefix), "the key is named: {warn}");
        assert!(warn.stdout.contains("WARNING"), "{warn}");

        // Seals not in use: fine; an old seal: a warning.
        assert_eq!(health(&env, &[], &["--check", "audit"]).code, 0);
        env.ok(&["-q", "audit", "seal"]);
        let stale = health(&env, &[], &["--check", "audit", "--seal-warning", "0s"]);
        assert_eq!(stale.code, 1, "{stale}");
    }
);

/// Which check a perfdata figure belongs to.
fn check_of(label: &str) -> &'static str {
    [
        ("db_", "db"),
        ("migrations_", "migrations"),
        ("memory_", "memory"),
        ("backup_", "backups"),
        ("keys_", "keys"),
        ("seal_", "audit"),
    ]
    .iter()
    .find(|(prefix, _)| label.starts_with(prefix))
    .map(|(_, check)| *check)
    .unwrap_or(if label.ends_with("_disk_free_bytes") {
        "disk"
    } else {
        "?"
    })
}

/// The plugin output read by a plugin runner (`nagiosplugin`'s range semantics): every check
/// that has perfdata is in the state its figures give by their own thresholds, and the first
/// line and the exit code carry the worst.
fn judged(env: &TestEnv, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["--format", "nagios"];
    all.extend(args);
    let run = health(env, &[], &all);
    let script =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/nagios_states.py");
    let python = crate::common::test_python();
    let read = outside(
        python.to_str().unwrap(),
        "python3",
        &[script.to_str().unwrap()],
        &run.stdout,
    );
    let read: serde_json::Value = serde_json::from_str(&read).unwrap();
    let rank = |s: &str| {
        ["OK", "WARNING", "UNKNOWN", "CRITICAL"]
            .iter()
            .position(|x| *x == s)
    };
    for (check, state) in read["checks"].as_object().unwrap() {
        let figures: Vec<&str> = read["figures"]
            .as_object()
            .unwrap()
            .iter()
            .filter(|(label, _)| check_of(label) == check)
            .map(|(_, s)| s.as_str().unwrap())
            .collect();
        if let Some(worst) = figures.iter().max_by_key(|s| rank(s)) {
            assert_eq!(
                state, worst,
                "{check} as the plugin runner reads it:\n{run}\n{read}"
            );
        }
    }
    assert!(
        read["figures"]
            .as_object()
            .unwrap()
            .keys()
            .all(|l| check_of(l) != "?"),
        "{read}"
    );
    let code = ["OK", "WARNING", "CRITICAL", "UNKNOWN"]
        .iter()
        .position(|x| read["state"] == *x)
        .unwrap();
    assert_eq!(run.code, code as i32, "{run}");
    read
}

each_backend!(the_plugin_output_reads_the_same_to_a_plugin_runner, |env| {
    let env = env.migrated();
    // Healthy: thresholds of 0% so that this machine's disk and memory cannot decide.
    let calm = [
        "--disk-warning",
        "0",
        "--disk-critical",
        "0",
        "--memory-warning",
        "0",
        "--memory-critical",
        "0",
    ];
    let mut healthy = vec!["--check", "db,migrations,disk,memory,keys,audit"];
    healthy.extend(calm);
    let ok = judged(&env, &healthy);
    assert_eq!(ok["state"], "OK", "{ok}");
    assert_eq!(ok["figures"]["memory_available_bytes"], "OK", "{ok}");
    // Alert below: more free space and memory asked for than any machine has.
    let low = judged(
        &env,
        &[
            "--check",
            "disk,memory",
            "--disk-warning",
            "100",
            "--disk-critical",
            "99.9999",
            "--memory-warning",
            "100",
            "--memory-critical",
            "99.9999",
        ],
    );
    assert_eq!(low["checks"]["memory"], "CRITICAL", "{low}");
    assert_eq!(low["checks"]["disk"], "CRITICAL", "{low}");
    // A backup and a seal older than their limits, a key about to expire: warnings.
    let backups = env.path("backups");
    env.ok(&[
        "-q",
        "backup",
        "run",
        "--storage",
        backups.to_str().unwrap(),
    ]);
    env.ok(&["-q", "audit", "seal"]);
    env.ok(&["-q", "orgs", "create", "acme"]);
    env.ok(&[
        "-q",
        "keys",
        "create",
        "--org",
        "acme",
        "--name",
        "soon",
        "--scope",
        "agents:read",
        "--expires-in",
        "2d",
    ]);
    let mut old = calm.to_vec();
    old.extend(["--backup-warning", "0s", "--seal-warning", "0s"]);
    let warned = judged(&env, &old);
    assert_eq!(warned["state"], "WARNING", "{warned}");
    for check in ["backups", "keys", "audit"] {
        assert_eq!(warned["checks"][check], "WARNING", "{check}: {warned}");
    }
    // A migration the database has not had: critical.
    let behind = platctl_behind(&env);
    assert_eq!(behind["checks"]["migrations"], "CRITICAL", "{behind}");

    // A command line that does not parse is UNKNOWN (3) with a plugin line, as a plugin must.
    for bad in [["--check", "bogus"], ["--timeout", "abc"]] {
        let mut args = vec!["--format", "nagios"];
        args.extend(bad);
        let run = health(&env, &[], &args);
        assert_eq!(run.code, 3, "{run}");
        assert!(run.stdout.starts_with("PLATCTL UNKNOWN - "), "{run}");
        assert_eq!(run.stdout.lines().count(), 1, "{run}");
    }
});

/// The report of a database one migration behind (the newest one undone by hand).
fn platctl_behind(env: &TestEnv) -> serde_json::Value {
    env.exec("DELETE FROM _platctl_migrations WHERE version = (SELECT MAX(version) FROM _platctl_migrations)");
    judged(env, &["--check", "migrations"])
}
