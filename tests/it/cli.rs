//! The command line as an operator meets it: settings precedence, secrets, errors, formats.

use crate::common::{Kind, Run, TestEnv, both};

#[test]
fn unreachable_postgres_fails_clearly_without_leaking_the_password() {
    let env = TestEnv::new(Kind::Sqlite);
    let url = "postgres://ops:secret@127.0.0.1:1/x";
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
            !run.all_output().contains("secret"),
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
    assert!(!run.all_output().contains("secret"), "{run}");
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

both!(database_url_from_the_environment_is_honoured, |env| {
    env.ok(&["-q", "migrate", "run"]);
    assert_eq!(env.count("SELECT COUNT(*) FROM permissions"), 104);
});

both!(env_file_supplies_database_url_and_real_env_wins, |env| {
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

both!(output_formats_share_field_names, |env| {
    let env = env.migrated();
    let csv = env.ok(&["migrate", "status", "-o", "csv"]);
    let mut lines = csv.stdout.lines();
    assert_eq!(
        lines.next(),
        Some("version,name,status,applied_at,checksum,file")
    );
    assert_eq!(lines.count(), 7);

    let ndjson = env.ok(&["migrate", "status", "-o", "ndjson"]);
    let rows: Vec<serde_json::Value> = ndjson
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 7);
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
                "postgres://ops:secret@db.internal/platform",
            ])
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr.contains("postgres://ops:***@db.internal"),
        "{run}"
    );
    assert!(!run.all_output().contains("secret"), "{run}");
}
