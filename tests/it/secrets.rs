//! Secrets and input in everything platctl prints: passwords whatever they contain, API keys
//! wherever they are typed, input of any length. (Every run of the suite is also checked for
//! the test secrets by `Run` itself.)

use crate::common::{Kind, Run, TestEnv, each_backend, has_whole_key};

/// Passwords that break the URL grammar, unencoded, as operators paste them, and ones with
/// characters that end a URL in free text (a quote, a space).
const AWKWARD: [&str; 6] = ["p#w3x9", "p/w3x9", "p?w3x9", "p@w3x9", "p'w3x9", "p w3x9"];

#[test]
fn a_password_with_url_characters_is_never_shown() {
    let env = TestEnv::new(Kind::Sqlite);
    for password in AWKWARD {
        let url = format!("postgres://ops:{password}@127.0.0.1:1/x");
        // From the environment: config show, and a command that fails to connect.
        let shown = Run::from(
            env.bare()
                .env("DATABASE_URL", &url)
                .args(["config", "show", "-o", "json"])
                .output()
                .unwrap(),
        );
        assert_eq!(shown.code, 0, "{shown}");
        let value = shown
            .json()
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["setting"] == "database_url")
            .unwrap()["value"]
            .clone();
        assert!(value.as_str().unwrap().contains("***"), "{shown}");
        let failed = Run::from(
            env.bare()
                .env("DATABASE_URL", &url)
                .args(["orgs", "list"])
                .output()
                .unwrap(),
        );
        assert_ne!(failed.code, 0, "{failed}");
        if password.contains(['#', '/', '?']) {
            // `#`, `/` and `?` break the URL: say how to write them.
            assert!(failed.stderr.contains("percent-encode"), "{failed}");
        }
        // On the command line, with every log on: a warning about `ps`, and no password.
        let flagged = Run::from(
            env.bare()
                .args(["-vvv", "--database-url", &url, "orgs", "list"])
                .output()
                .unwrap(),
        );
        assert_ne!(flagged.code, 0, "{flagged}");
        assert!(
            flagged.stderr.contains("visible to other users"),
            "{flagged}"
        );
        // Through --into.
        let into = env.run(&[
            "backup",
            "restore",
            "--latest",
            "--storage",
            env.path("none").to_str().unwrap(),
            "--into",
            &url,
            "--yes",
        ]);
        assert_ne!(into.code, 0, "{into}");
        assert!(into.stderr.contains("visible to other users"), "{into}");
        // In a profile: `config profiles` shows the URL, masked as a value.
        let config = env.path("config.toml");
        std::fs::write(
            &config,
            format!("[profiles.prod]\ndatabase_url = {}\n", toml_string(&url)),
        )
        .unwrap();
        let profiles = Run::from(
            env.bare()
                .env("PLATCTL_CONFIG", &config)
                .args(["config", "profiles", "-o", "json"])
                .output()
                .unwrap(),
        );
        assert_eq!(profiles.code, 0, "{profiles}");
        assert!(profiles.stdout.contains("***"), "{profiles}");
        // `Run` has checked that none of them printed the password.
    }
}

/// A TOML basic string holding `text`.
fn toml_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

#[test]
fn a_keyword_connection_string_is_refused_without_echoing_it() {
    let env = TestEnv::new(Kind::Sqlite);
    let dsn = "host=db.internal dbname=platform user=ops password=kvsecret";
    for run in [
        Run::from(
            env.bare()
                .args(["--database-url", dsn, "orgs", "list"])
                .output()
                .unwrap(),
        ),
        Run::from(
            env.bare()
                .env("DATABASE_URL", dsn)
                .args(["config", "show"])
                .output()
                .unwrap(),
        ),
    ] {
        assert_eq!(run.code, 2, "{run}");
        assert!(run.stderr.contains("keyword/value"), "{run}");
        assert!(run.stderr.contains("postgres://"), "{run}");
        assert!(!run.stderr.contains("db.internal"), "{run}");
    }
    assert!(
        !env.path("host=db.internal dbname=platform user=ops password=kvsecret")
            .exists(),
        "a SQLite file was made of it"
    );
}

each_backend!(key_text_is_cut_to_its_prefix_in_every_message, |env| {
    let env = env.migrated();
    env.ok(&["-q", "orgs", "create", "acme"]);
    let created = env.ok(&[
        "-q",
        "keys",
        "create",
        "--org",
        "acme",
        "--scope",
        "agents:read",
    ]);
    let key = created.stdout.trim().to_string();
    assert_eq!(key.len(), 40, "{created}");
    let prefix = &key[..12];
    let attempts = [
        // clap's own "unexpected argument" error.
        vec!["keys".to_string(), "verify".into(), key.clone()],
        // A whole key with one character too many, and the first 39 characters.
        vec!["keys".into(), "show".into(), format!("{key}x")],
        vec!["keys".into(), "show".into(), key[..39].to_string()],
        vec!["keys".into(), "revoke".into(), key[..30].to_string()],
        vec!["orgs".into(), "list".into(), key.clone()],
    ];
    for args in attempts {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = env.run(&args);
        assert_ne!(run.code, 0, "{run}");
        assert!(!has_whole_key(&run.all_output()), "{run}");
        // Nothing of the secret beyond the display prefix.
        assert!(!run.all_output().contains(&key[..13]), "{args:?}:\n{run}");
        assert!(
            run.stderr.contains(prefix),
            "{args:?}: the prefix is shown:\n{run}"
        );
    }
});

#[test]
fn long_input_is_quoted_short() {
    let env = TestEnv::new(Kind::Sqlite).migrated();
    let long = "x".repeat(100_000);
    let words = "word ".repeat(20_000);
    for args in [
        vec!["orgs", "create", long.as_str()],
        vec!["users", "create", long.as_str()],
        vec!["keys", "show", long.as_str()],
        vec!["roles", "show", long.as_str()],
        vec!["permissions", "list", "--resource", long.as_str()],
        vec!["migrate", "status", long.as_str()],
        vec!["orgs", "create", "acme", "--name", words.as_str()],
        vec!["--profile", long.as_str(), "orgs", "list"],
    ] {
        let run = env.run(&args);
        assert_ne!(run.code, 0, "{}", &run.stderr[..run.stderr.len().min(500)]);
        assert!(
            run.stderr.len() < 1500,
            "{} bytes of error for {} bytes of input:\n{}",
            run.stderr.len(),
            args.iter().map(|a| a.len()).sum::<usize>(),
            &run.stderr[..run.stderr.len().min(3000)]
        );
        assert!(!run.stderr.contains(&"x".repeat(100)), "{}", run.stderr);
    }
}
