//! The command line as an operator meets it: settings precedence, secrets, errors, formats.

use crate::common::{Kind, Run, TestEnv, each_backend};

#[test]
fn unreachable_postgres_fails_clearly_without_leaking_the_password() {
    let env = TestEnv::new(Kind::Sqlite);
    let url = "postgres://ops:s3cr3tpw@127.0.0.1:1/x";
    for args in [
        vec!["--database-url", url, "migrate", "status"],
        vec!["-vv", "--database-url", url, "migrate", "status"],
        vec!["-o", "json", "--database-url", url, "migrate", "run"],
    ] {
        let run = Run::from(env.bare().args(&args).output().unwrap());
        assert_eq!(run.code, 1, "{run}");
        assert!(run.stderr.contains("cannot connect"), "{run}");
        assert!(run.stderr.contains("127.0.0.1:1"), "{run}");
        assert!(
            !run.all_output().contains("s3cr3tpw"),
            "the password leaked:\n{run}"
        );
    }
    // The same URL from the environment.
    let run = Run::from(
        env.bare()
            .env("DATABASE_URL", url)
            .args(["-v", "migrate", "status"])
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, 1, "{run}");
    assert!(!run.all_output().contains("s3cr3tpw"), "{run}");
}

#[test]
fn unsupported_schemes_name_the_supported_ones() {
    let env = TestEnv::new(Kind::Sqlite);
    let run = Run::from(
        env.bare()
            .args([
                "--database-url",
                "mysql://root:hunter2@db/app",
                "migrate",
                "status",
            ])
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, 2, "{run}");
    for scheme in ["mysql://", "postgres://", "postgresql://", "sqlite://"] {
        assert!(run.stderr.contains(scheme), "{scheme} missing:\n{run}");
    }
    assert!(!run.all_output().contains("hunter2"), "{run}");
}

#[test]
fn config_show_redacts_passwords_and_names_sources() {
    let env = TestEnv::new(Kind::Sqlite);
    let run = Run::from(
        env.bare()
            .env(
                "DATABASE_URL",
                "postgres://ops:hunter2@db.internal:5432/platform",
            )
            .args(["config", "show", "-o", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, 0, "{run}");
    assert!(!run.all_output().contains("hunter2"), "{run}");
    let entries = run.json();
    let db = entries
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["setting"] == "database_url")
        .unwrap()
        .clone();
    assert_eq!(db["value"], "postgres://ops:***@db.internal:5432/platform");
    assert_eq!(db["source"], "env DATABASE_URL");
}

each_backend!(database_url_from_the_environment_is_honoured, |env| {
    env.ok(&["-q", "migrate", "run"]);
    assert_eq!(env.count("SELECT COUNT(*) FROM permissions"), 104);
});

each_backend!(env_file_supplies_database_url_and_real_env_wins, |env| {
    let env_file = env.path("platform.env");
    std::fs::write(
        &env_file,
        format!(
            "# the platform's .env\nNODE_ENV=production\nDATABASE_URL=\"{}\"\nCORS_ORIGIN='*'\n",
            env.url
        ),
    )
    .unwrap();
    let run = Run::from(
        env.bare()
            .arg("--env-file")
            .arg(&env_file)
            .args(["-q", "migrate", "run"])
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(env.count("SELECT COUNT(*) FROM permissions"), 104);

    // A real DATABASE_URL beats the file's.
    let other = format!("sqlite://{}", env.path("other.db").display());
    let run = Run::from(
        env.bare()
            .env("DATABASE_URL", &other)
            .arg("--env-file")
            .arg(&env_file)
            .args(["config", "show", "-o", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stdout.contains("other.db"), "{run}");
    assert!(run.stdout.contains("env DATABASE_URL"), "{run}");
});

#[test]
fn env_file_errors_do_not_echo_the_line() {
    let env = TestEnv::new(Kind::Sqlite);
    let file = env.path("bad.env");
    std::fs::write(
        &file,
        "GOOD=1\nthis line has sk_live_topsecretvalue and no equals\n",
    )
    .unwrap();
    let run = Run::from(
        env.bare()
            .arg("--env-file")
            .arg(&file)
            .args(["config", "show"])
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.contains("line 2"), "{run}");
    assert!(!run.all_output().contains("topsecret"), "{run}");
}

#[test]
fn profiles_select_settings_and_unknown_ones_are_refused() {
    let env = TestEnv::new(Kind::Sqlite);
    let config = env.path("config.toml");
    std::fs::write(
        &config,
        "default_profile = \"dev\"\n\
         [profiles.dev]\ndatabase_url = \"sqlite:///tmp/dev.db\"\n\
         [profiles.prod]\ndatabase_url = \"postgres://ops:pw123@prod-db/platform\"\n\
         default_org = \"acme\"\noutput = \"json\"\n",
    )
    .unwrap();
    let show = |extra: &[&str]| {
        Run::from(
            env.bare()
                .env("PLATCTL_CONFIG", &config)
                .args(extra)
                .args(["config", "show", "-o", "json"])
                .output()
                .unwrap(),
        )
    };
    let dev = show(&[]);
    assert_eq!(dev.code, 0, "{dev}");
    assert!(dev.stdout.contains("sqlite:///tmp/dev.db"), "{dev}");
    let prod = show(&["--profile", "prod"]);
    assert_eq!(prod.code, 0, "{prod}");
    assert!(
        prod.stdout.contains("postgres://ops:***@prod-db/platform"),
        "{prod}"
    );
    assert!(prod.stdout.contains("acme"), "{prod}");
    assert!(!prod.all_output().contains("pw123"), "{prod}");

    let typo = show(&["--profile", "prd"]);
    assert_eq!(typo.code, 2, "{typo}");
    assert!(typo.stderr.contains("did you mean `prod`"), "{typo}");

    let profiles = Run::from(
        env.bare()
            .env("PLATCTL_CONFIG", &config)
            .args(["config", "profiles", "-o", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(profiles.code, 0, "{profiles}");
    let list = profiles.json();
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert!(!profiles.all_output().contains("pw123"));
}

#[test]
fn a_bad_config_file_names_itself() {
    let env = TestEnv::new(Kind::Sqlite);
    let config = env.path("config.toml");
    std::fs::write(&config, "[profiles.default]\ndatabase = \"oops\"\n").unwrap();
    let run = Run::from(
        env.bare()
            .env("PLATCTL_CONFIG", &config)
            .args(["config", "show"])
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.contains("config.toml"), "{run}");
    assert!(run.stderr.contains("database"), "{run}");
}

each_backend!(output_formats_share_field_names, |env| {
    let env = env.migrated();
    let csv = env.ok(&["migrate", "status", "-o", "csv"]);
    let mut lines = csv.stdout.lines();
    assert_eq!(
        lines.next(),
        Some("version,name,status,applied_at,checksum,file")
    );
    assert_eq!(lines.count() as i64, crate::common::versions());

    let ndjson = env.ok(&["migrate", "status", "-o", "ndjson"]);
    let rows: Vec<serde_json::Value> = ndjson
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len() as i64, crate::common::versions());
    let applied_at = rows[0]["applied_at"].as_str().unwrap();
    assert!(
        chrono::DateTime::parse_from_rfc3339(applied_at).is_ok() && applied_at.ends_with('Z'),
        "not RFC 3339 UTC: {applied_at}"
    );

    let table = env.ok(&["migrate", "status"]);
    assert!(table.stdout.starts_with("VERSION"), "{table}");
    assert!(
        !table.stdout.contains('\u{1b}'),
        "colour on a pipe:\n{table}"
    );
});

#[test]
fn a_closed_pipe_ends_quietly() {
    // As in `platctl ... | head`: the reader is gone before platctl writes.
    let env = TestEnv::new(Kind::Sqlite).migrated();
    for args in [
        vec!["completions", "zsh"],
        vec!["migrate", "status"],
        vec!["migrate", "status", "-o", "json"],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = env.std_cmd().args(&args).stdout(writer).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(
            out.stderr.is_empty(),
            "{args:?} on a closed pipe printed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn usage_errors_exit_2() {
    let env = TestEnv::new(Kind::Sqlite);
    let run = Run::from(env.bare().args(["migrate", "sprint"]).output().unwrap());
    assert_eq!(run.code, 2, "{run}");
    let run = Run::from(
        env.bare()
            .args(["migrate", "run", "--lock-timeout", "forever"])
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.contains("duration"), "{run}");
}

#[test]
fn commands_on_a_missing_sqlite_database_say_how_to_create_it() {
    let env = TestEnv::new(Kind::Sqlite);
    let run = env.run(&["migrate", "status"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("platctl init"), "{run}");
    assert!(
        !env.path("platform.db").exists(),
        "a status check created the database"
    );
}

#[test]
fn a_url_in_the_wrong_place_does_not_print_its_password() {
    let env = TestEnv::new(Kind::Sqlite);
    let run = Run::from(
        env.bare()
            .args([
                "migrate",
                "status",
                "postgres://ops:s3cr3tpw@db.internal/platform",
            ])
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr.contains("postgres://ops:***@db.internal"),
        "{run}"
    );
    assert!(!run.all_output().contains("s3cr3tpw"), "{run}");
}

/// `platctl ARGS` with `vars` set, in a world whose config file is `config` (if any).
fn with(env: &TestEnv, vars: &[(&str, &str)], args: &[&str]) -> Run {
    let mut cmd = env.bare();
    for (k, v) in vars {
        cmd.env(k, v);
    }
    Run::from(cmd.args(args).output().unwrap())
}

#[test]
fn every_setting_is_checked_the_same_way_wherever_it_comes_from() {
    let env = TestEnv::new(Kind::Sqlite);
    let config = env.path("config.toml");
    let conf =
        |body: &str| std::fs::write(&config, format!("[profiles.default]\n{body}\n")).unwrap();
    let cfg = config.to_str().unwrap();
    // The same bad value, from the environment and from the profile: refused alike, each
    // message naming its source and the allowed range.
    let cases: Vec<(&str, &str, &str, &str)> = vec![
        (
            "BACKUP_RETENTION_DAYS",
            "-1",
            "backup_retention_days = -3",
            "from 1 to 36500",
        ),
        (
            "BACKUP_ENABLED",
            "maybe",
            "backup_enabled = \"maybe\"",
            "true or false",
        ),
        (
            "BACKUP_COMPRESSION_LEVEL",
            "25",
            "backup_compression_level = 25",
            "from 1",
        ),
        (
            "PLATCTL_PG_BIN_DIR",
            "/nonexistent",
            "pg_bin_dir = \"/nonexistent\"",
            "no such directory",
        ),
        (
            "BACKUP_S3_PART_SIZE",
            "1MiB",
            "s3_part_size = \"1MiB\"",
            "5MiB",
        ),
        (
            "PLATCTL_CONNECT_TIMEOUT",
            "0s",
            "connect_timeout = \"0s\"",
            "longer than zero",
        ),
        (
            "AWS_ENDPOINT_URL_S3",
            "minio:9000",
            "s3_endpoint_url = \"minio:9000\"",
            "http://",
        ),
        (
            "BACKUP_DIR",
            "ftp://x/y",
            "backup_dir = \"ftp://x/y\"",
            "s3://BUCKET",
        ),
    ];
    for (var, value, profile_line, allowed) in cases {
        conf("");
        let from_env = with(
            &env,
            &[("PLATCTL_CONFIG", cfg), (var, value)],
            &["orgs", "list"],
        );
        assert_eq!(from_env.code, 2, "{var}: {from_env}");
        assert!(from_env.stderr.contains(var), "{from_env}");
        assert!(from_env.stderr.contains("(environment)"), "{from_env}");
        assert!(from_env.stderr.contains(allowed), "{allowed}: {from_env}");
        conf(profile_line);
        let from_profile = with(&env, &[("PLATCTL_CONFIG", cfg)], &["orgs", "list"]);
        if profile_line.contains("\"maybe\"") {
            // A string where TOML wants a boolean: the file's own error, with its line.
            assert!(from_profile.stderr.contains("line 2"), "{from_profile}");
        } else {
            assert!(
                from_profile.stderr.contains("profile `default`"),
                "{from_profile}"
            );
            assert!(
                from_profile.stderr.contains(allowed),
                "{allowed}: {from_profile}"
            );
        }
        assert_eq!(from_profile.code, 2, "{profile_line}: {from_profile}");
    }
    let log = with(&env, &[("PLATCTL_LOG", "[[[")], &["orgs", "list"]);
    assert_eq!(log.code, 2, "{log}");
    assert!(log.stderr.contains("PLATCTL_LOG"), "{log}");
}

#[test]
fn a_broken_configuration_can_still_be_looked_at() {
    let env = TestEnv::new(Kind::Sqlite);
    let config = env.path("config.toml");
    std::fs::write(
        &config,
        "[profiles.default]\nenv_file = \"missing.env\"\nbackup_retention_days = 0\n",
    )
    .unwrap();
    let cfg = config.to_str().unwrap();
    let path = with(&env, &[("PLATCTL_CONFIG", cfg)], &["config", "path"]);
    assert_eq!(path.code, 0, "{path}");
    assert!(path.stdout.contains("config.toml"), "{path}");
    let show = with(&env, &[("PLATCTL_CONFIG", cfg)], &["config", "show"]);
    assert_eq!(show.code, 0, "{show}");
    assert!(show.stderr.contains("missing.env"), "{show}");
    assert!(show.stderr.contains("backup_retention_days"), "{show}");
    let other = with(&env, &[("PLATCTL_CONFIG", cfg)], &["orgs", "list"]);
    assert_eq!(other.code, 2, "{other}");
    assert!(other.stderr.contains("env_file"), "{other}");

    std::fs::write(
        &config,
        "[profiles.default]\noutput = \"json\"\ncolor = \"x\n",
    )
    .unwrap();
    let toml = with(&env, &[("PLATCTL_CONFIG", cfg)], &["config", "show"]);
    assert_eq!(toml.code, 2, "{toml}");
    assert!(toml.stderr.contains("line 3"), "{toml}");
}

#[test]
fn connection_hints_name_where_the_url_came_from() {
    let env = TestEnv::new(Kind::Sqlite);
    let config = env.path("config.toml");
    std::fs::write(
        &config,
        "[profiles.prod]\ndatabase_url = \"postgres://ops@127.0.0.1:1/platform\"\n",
    )
    .unwrap();
    let run = with(
        &env,
        &[("PLATCTL_CONFIG", config.to_str().unwrap())],
        &["--profile", "prod", "orgs", "list"],
    );
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("profile `prod`"), "{run}");
    assert!(!run.stderr.contains("DATABASE_URL"), "{run}");
    // A restore's target named with --into.
    let env = TestEnv::new(Kind::Postgres).migrated();
    let storage = env.path("b").display().to_string();
    env.ok(&["-q", "backup", "run", "--storage", &storage]);
    let run = env.run(&[
        "backup",
        "restore",
        "--latest",
        "--into",
        "postgres://ops@127.0.0.1:1/platform",
        "--storage",
        &storage,
        "--yes",
    ]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("--into"), "{run}");
    assert!(!run.stderr.contains("DATABASE_URL"), "{run}");
}

#[test]
fn durations_say_what_is_allowed() {
    let env = TestEnv::new(Kind::Sqlite).migrated();
    let negative = env.run(&[
        "keys",
        "create",
        "--scope",
        "agents:read",
        "--expires-in",
        "-5d",
    ]);
    assert_eq!(negative.code, 2, "{negative}");
    assert!(negative.stderr.contains("cannot be negative"), "{negative}");
    let huge = env.run(&[
        "keys",
        "create",
        "--scope",
        "agents:read",
        "--expires-in",
        "99999999d",
    ]);
    assert_eq!(huge.code, 2, "{huge}");
    assert!(huge.stderr.contains("at most 36500d"), "{huge}");
    let slug = env.run(&["orgs", "create", "ünï"]);
    assert_eq!(slug.code, 2, "{slug}");
    assert!(!slug.stderr.contains("try `"), "{slug}");
    assert!(slug.stderr.contains("not ASCII"), "{slug}");
}

each_backend!(an_unmigrated_database_says_what_to_run, |env| {
    // A database that exists with nothing in it.
    if env.kind == Kind::Sqlite {
        // An empty file is an empty SQLite database.
        std::fs::File::create(env.path("platform.db")).unwrap();
    }
    for args in [
        vec!["orgs", "list"],
        vec!["keys", "create", "--scope", "agents:read"],
        vec!["users", "list"],
    ] {
        let run = env.run(&args);
        assert_eq!(run.code, 1, "{args:?}: {run}");
        assert!(
            run.stderr.contains(&format!(
                "the schema is not installed (version 0 of {})",
                crate::common::versions()
            )),
            "{run}"
        );
        assert!(run.stderr.contains("platctl migrate run"), "{run}");
        assert!(!run.stderr.contains("does not exist"), "{run}");
    }
    env.ok(&["-q", "migrate", "run", "--to", "4"]);
    let behind = env.run(&["orgs", "list"]);
    assert_eq!(behind.code, 1, "{behind}");
    assert!(
        behind.stderr.contains(&format!(
            "version 4 of {}: {} migrations of this platctl are not applied",
            crate::common::versions(),
            crate::common::versions() - 4
        )),
        "{behind}"
    );
    env.ok(&["-q", "migrate", "run"]);
    env.ok(&["orgs", "list"]);
});

#[test]
fn a_read_only_sqlite_database_can_be_read() {
    let env = TestEnv::new(Kind::Sqlite).migrated();
    env.ok(&["-q", "orgs", "create", "acme"]);
    let dir = env.path("ro");
    std::fs::create_dir(&dir).unwrap();
    let db = dir.join("platform.db");
    std::fs::copy(env.path("platform.db"), &db).unwrap();
    let url = format!("sqlite://{}", db.display());
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root may write anything: run as another user then, as an operator would meet it. That
    // user must reach the binary: a link (or copy) of it in the test's directory.
    let root = crate::common::is_root();
    let bin = env.path("platctl");
    if root {
        std::fs::set_permissions(env.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        if std::fs::hard_link(env!("CARGO_BIN_EXE_platctl"), &bin).is_err() {
            std::fs::copy(env!("CARGO_BIN_EXE_platctl"), &bin).unwrap();
        }
        std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let as_user = |args: &[&str]| {
        let mut cmd = if root {
            let mut c = std::process::Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&bin);
            c
        } else {
            std::process::Command::new(env!("CARGO_BIN_EXE_platctl"))
        };
        cmd.env("DATABASE_URL", &url)
            .env("HOME", env.path("ro-home"))
            .env_remove("PLATCTL_CONFIG")
            .args(args);
        Run::from(cmd.output().unwrap())
    };
    let list = as_user(&["orgs", "list", "-o", "json"]);
    assert_eq!(list.code, 0, "{list}");
    assert_eq!(list.json()[0]["slug"], "acme");
    assert_eq!(as_user(&["migrate", "status", "--exit-code"]).code, 0);
    let write = as_user(&["orgs", "create", "globex"]);
    assert_eq!(write.code, 1, "{write}");
    assert!(write.stderr.contains("read-only"), "{write}");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn sqlite_errors_say_their_cause_once() {
    let env = TestEnv::new(Kind::Sqlite);
    std::fs::write(env.path("garbage.db"), "not a database at all, just text").unwrap();
    let run = Run::from(
        env.bare()
            .env("DATABASE_URL", env.path("garbage.db"))
            .args(["orgs", "list"])
            .output()
            .unwrap(),
    );
    assert_ne!(run.code, 0, "{run}");
    let causes: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("cause:"))
        .collect();
    assert!(causes.len() <= 1, "{run}");
}

each_backend!(
    csv_carries_the_same_fields_as_json_for_every_result_type,
    |env| {
        let env = env.migrated();
        env.ok(&["-q", "orgs", "create", "acme"]);
        env.ok(&["-q", "users", "create", "alice@acme.io", "--name", "Alice"]);
        env.ok(&[
            "-q",
            "keys",
            "create",
            "--org",
            "acme",
            "--scope",
            "agents:read",
        ]);
        env.ok(&[
            "-q",
            "backup",
            "run",
            "--storage",
            env.path("b").to_str().unwrap(),
        ]);
        for args in [
            vec!["orgs", "list"],
            vec!["users", "list"],
            vec!["keys", "list", "--all"],
            vec!["roles", "list"],
            vec!["roles", "show", "editor"],
            vec!["permissions", "list", "--resource", "agents"],
            vec!["migrate", "status"],
            vec![
                "backup",
                "list",
                "--storage",
                env.path("b").to_str().unwrap(),
            ],
            vec!["config", "show"],
            vec!["config", "profiles"],
        ] {
            let json = env.ok(&[args.as_slice(), &["-o", "json"]].concat());
            let csv = env.ok(&[args.as_slice(), &["-o", "csv"]].concat());
            let first = json.json()[0].clone();
            let fields: Vec<&String> = first
                .as_object()
                .unwrap_or_else(|| panic!("{args:?}: {json}"))
                .keys()
                .collect();
            let mut reader = csv::Reader::from_reader(csv.stdout.as_bytes());
            let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
            assert_eq!(
                header.iter().collect::<Vec<_>>(),
                fields,
                "{args:?}: csv and json differ"
            );
        }
    }
);
