//! API keys: format, storage, lifecycle, limits, audit.

use std::io::Write;
use std::process::Stdio;

use crate::common::{Kind, Run, TestEnv, each_backend};

fn key_regex_match(key: &str) -> bool {
    let Some(rest) = key.strip_prefix("sk_live_") else {
        return false;
    };
    rest.len() == 32 && rest.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn sha256_hex(text: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `platctl keys verify` with the key on stdin.
fn verify(env: &TestEnv, key: &str) -> Run {
    let mut child = env
        .std_cmd()
        .args(["keys", "verify", "-o", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{key}\n").as_bytes())
        .unwrap();
    Run::from(child.wait_with_output().unwrap())
}

fn create(env: &TestEnv, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["keys", "create", "-o", "json"];
    args.extend(extra);
    env.ok(&args).json()
}

/// Everything the database holds, as bytes: a pg_dump, or the SQLite files.
fn dump(env: &TestEnv) -> Vec<u8> {
    match env.kind {
        Kind::Sqlite => {
            let path = env.path("platform.db");
            let mut bytes = std::fs::read(&path).unwrap();
            for suffix in ["-wal", "-shm"] {
                let extra = format!("{}{suffix}", path.display());
                if let Ok(b) = std::fs::read(extra) {
                    bytes.extend(b);
                }
            }
            bytes
        }
        Kind::Postgres => {
            let out = std::process::Command::new("pg_dump")
                .arg("--dbname")
                .arg(&env.direct)
                .output()
                .expect("pg_dump is needed for this test (install the PostgreSQL client)");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            out.stdout
        }
    }
}

#[test]
fn on_a_fresh_machine_init_then_keys_create_prints_a_working_key() {
    let env = TestEnv::embedded();
    let init = Run::from(env.bare().arg("init").output().unwrap());
    assert_eq!(init.code, 0, "{init}");
    let created = Run::from(
        env.bare()
            .args(["-q", "keys", "create", "--scope", "agents:create"])
            .output()
            .unwrap(),
    );
    assert_eq!(created.code, 0, "{created}");
    let key = created.stdout.trim().to_string();
    assert!(key_regex_match(&key), "not a key: {key:?}");
    let check = verify(&env, &key);
    assert_eq!(check.code, 0, "{check}");
    assert_eq!(check.json()["status"], "VALID");
    assert_eq!(check.json()["organization"], "default");
}

each_backend!(pooled keys_are_stored_only_as_hashes, |env| {
    let env = env.migrated();
    env.ok(&["-q", "orgs", "create", "acme"]);
    let created = create(
        &env,
        &["--scope", "agents:create", "--name", "ci; 'quoted'"],
    );
    let key = created["key"].as_str().unwrap().to_string();
    let id = created["id"].as_str().unwrap().to_string();
    assert!(key_regex_match(&key), "{key}");
    assert_eq!(created["prefix"], key[..12]);
    assert_eq!(created["scopes"], serde_json::json!(["agents:create"]));
    assert_eq!(created["name"], "ci; 'quoted'");

    let stored = env.query_string(&format!(
        "SELECT key_hash FROM api_keys WHERE CAST(id AS TEXT) = '{id}'"
    ));
    assert_eq!(stored, sha256_hex(&key));
    let dumped = dump(&env);
    let needle = key.as_bytes();
    assert!(
        !dumped.windows(needle.len()).any(|w| w == needle),
        "the key itself is in the database"
    );

    for args in [
        vec!["keys", "list", "-o", "json"],
        vec!["keys", "list", "--all", "-o", "csv"],
        vec!["keys", "show", &id, "-o", "json"],
        vec!["keys", "show", &id[..8]],
    ] {
        let run = env.ok(&args);
        assert!(!run.all_output().contains(&key), "{args:?} shows the key");
        assert!(
            !run.all_output().contains(&stored),
            "{args:?} shows the hash"
        );
        assert!(
            run.stdout.contains(&key[..12]),
            "{args:?} lacks the prefix: {run}"
        );
    }
    let audit = env.query_strings(
        "SELECT CAST(metadata AS TEXT) FROM audit_logs WHERE action = 'api_key.create'",
    );
    assert_eq!(audit.len(), 1);
    assert!(
        !audit[0].contains(&key) && !audit[0].contains(&stored),
        "{audit:?}"
    );

    // A key on the command line is refused rather than looked up.
    let argv = env.run(&["keys", "show", &key]);
    assert_eq!(argv.code, 2, "{argv}");
    assert!(!argv.all_output().contains(&key[12..]), "{argv}");
});

each_backend!(pooled verify_follows_the_lifecycle, |env| {
    let env = env.migrated();
    env.ok(&["-q", "orgs", "create", "acme"]);
    let created = create(&env, &["--scope", "agents:*"]);
    let key = created["key"].as_str().unwrap().to_string();
    let id = created["id"].as_str().unwrap().to_string();
    assert_eq!(created["scopes"].as_array().unwrap().len(), 8);

    let valid = verify(&env, &key);
    assert_eq!(valid.code, 0, "{valid}");
    assert_eq!(valid.json()["status"], "VALID");
    assert_eq!(valid.json()["id"], id.as_str());

    let random = verify(&env, "sk_live_0123456789abcdefghijABCDEFGHIJ01");
    assert_eq!(random.code, 1, "{random}");
    assert_eq!(random.json()["status"], "NOT_FOUND");
    let garbage = verify(&env, "hello");
    assert_eq!(garbage.code, 1, "{garbage}");
    let empty = verify(&env, "");
    assert_eq!(empty.code, 2, "{empty}");

    // Rotation: both keys work during the grace period.
    let rotated = env
        .ok(&["keys", "rotate", &id, "--grace", "1h", "-o", "json"])
        .json();
    let new_key = rotated["new"]["key"].as_str().unwrap().to_string();
    assert_ne!(new_key, key);
    assert_eq!(rotated["new"]["scopes"], created["scopes"]);
    assert_eq!(verify(&env, &key).json()["status"], "VALID");
    assert_eq!(verify(&env, &new_key).json()["status"], "VALID");
    assert_eq!(
        env.count("SELECT COUNT(*) FROM audit_logs WHERE action = 'api_key.rotate'"),
        1
    );

    env.ok(&["keys", "revoke", &id, "--reason", "leaked in a log"]);
    let revoked = verify(&env, &key);
    assert_eq!(revoked.code, 1, "{revoked}");
    assert_eq!(revoked.json()["status"], "REVOKED");
    let again = env.ok(&["keys", "revoke", &id]);
    assert!(again.stdout.contains("already revoked"), "{again}");
    assert_eq!(
        env.count("SELECT COUNT(*) FROM audit_logs WHERE action = 'api_key.revoke'"),
        1
    );
    let listed = env.ok(&["keys", "list", "-o", "json"]).json();
    assert_eq!(
        listed.as_array().unwrap().len(),
        1,
        "revoked keys only with --all"
    );
    let all = env.ok(&["keys", "list", "--all", "-o", "json"]).json();
    assert_eq!(all.as_array().unwrap().len(), 2);

    let short = create(&env, &["--scope", "agents:read", "--expires-in", "2s"]);
    let short_key = short["key"].as_str().unwrap().to_string();
    assert_eq!(verify(&env, &short_key).json()["status"], "VALID");
    // A rotation whose grace ends while we wait: the old key expires, the new one lives on.
    let graced = create(&env, &["--scope", "agents:read"]);
    let graced_id = graced["id"].as_str().unwrap().to_string();
    let rotated = env
        .ok(&["keys", "rotate", &graced_id, "--grace", "2s", "-o", "json"])
        .json();
    let successor = rotated["new"]["key"].as_str().unwrap().to_string();
    assert_eq!(
        verify(&env, graced["key"].as_str().unwrap()).json()["status"],
        "VALID"
    );
    std::thread::sleep(std::time::Duration::from_millis(2600));
    let expired = verify(&env, &short_key);
    assert_eq!(expired.code, 1, "{expired}");
    assert_eq!(expired.json()["status"], "EXPIRED");
    let old = verify(&env, graced["key"].as_str().unwrap());
    assert_eq!(old.json()["status"], "EXPIRED", "{old}");
    assert_eq!(verify(&env, &successor).json()["status"], "VALID");
    let statuses: Vec<String> = env
        .ok(&["keys", "list", "--all", "-o", "json"])
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["status"].as_str().unwrap().to_string())
        .collect();
    for status in ["active", "expired", "revoked"] {
        assert!(
            statuses.iter().any(|s| s == status),
            "no {status} key in {statuses:?}"
        );
    }

    let past = env.run(&[
        "keys",
        "create",
        "--scope",
        "agents:read",
        "--expires-at",
        "2001-01-01T00:00:00Z",
    ]);
    assert_eq!(past.code, 2, "{past}");
});

each_backend!(pooled scopes_are_validated_and_never_exceed_the_creator, |env| {
    let env = env.migrated();
    env.ok(&["-q", "orgs", "create", "acme"]);
    env.member("ed@acme.io", "acme", "ADMIN");

    let unknown = env.run(&["keys", "create", "--scope", "agents:launch"]);
    assert_eq!(unknown.code, 2, "{unknown}");
    assert!(
        unknown.stderr.contains("actions: create, read, update"),
        "{unknown}"
    );
    let unknown = env.run(&["keys", "create", "--scope", "rockets:create"]);
    assert_eq!(unknown.code, 2, "{unknown}");
    assert!(unknown.stderr.contains("e.g. agents:create"), "{unknown}");
    assert_eq!(env.count("SELECT COUNT(*) FROM api_keys"), 0);

    let beyond = env.run(&[
        "--as",
        "ed@acme.io",
        "keys",
        "create",
        "--scope",
        "agents:create,backups:manage",
    ]);
    assert_eq!(beyond.code, 1, "{beyond}");
    assert!(beyond.stderr.contains("backups:manage"), "{beyond}");
    assert!(!beyond.stderr.contains("agents:create,"), "{beyond}");
    assert_eq!(env.count("SELECT COUNT(*) FROM api_keys"), 0);
    assert_eq!(
        env.count("SELECT COUNT(*) FROM audit_logs WHERE action = 'api_key.create'"),
        0
    );

    let ok = env.ok(&[
        "--as",
        "ed@acme.io",
        "keys",
        "create",
        "--scope",
        "agents:create",
        "-o",
        "json",
    ]);
    assert_eq!(ok.json()["created_by"], "ed@acme.io");
    let actor = env.query_string("SELECT actor FROM audit_logs WHERE action = 'api_key.create'");
    assert_eq!(actor, "ed@acme.io");
});

each_backend!(pooled the_organization_defaults_sensibly, |env| {
    let env = env.migrated();
    let none = env.run(&["keys", "create", "--scope", "agents:read"]);
    assert_eq!(none.code, 1, "{none}");
    assert!(none.stderr.contains("orgs create"), "{none}");
    env.ok(&["-q", "orgs", "create", "acme"]);
    env.ok(&["-q", "keys", "create", "--scope", "agents:read"]);
    env.ok(&["-q", "orgs", "create", "beta"]);
    let ambiguous = env.run(&["keys", "create", "--scope", "agents:read"]);
    assert_eq!(ambiguous.code, 2, "{ambiguous}");
    assert!(ambiguous.stderr.contains("acme, beta"), "{ambiguous}");
    let by_env = Run::from(
        env.cmd()
            .env("PLATCTL_DEFAULT_ORG", "beta")
            .args(["keys", "create", "--scope", "agents:read", "-o", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(by_env.code, 0, "{by_env}");
    assert_eq!(by_env.json()["organization"], "beta");
});

each_backend!(pooled delete_asks_first, |env| {
    let env = env.migrated();
    env.ok(&["-q", "orgs", "create", "acme"]);
    let id = create(&env, &["--scope", "agents:read"])["id"]
        .as_str()
        .unwrap()
        .to_string();
    let refused = env.run(&["keys", "delete", &id]);
    assert_eq!(refused.code, 2, "{refused}");
    assert_eq!(env.count("SELECT COUNT(*) FROM api_keys"), 1);
    env.ok(&["--yes", "keys", "delete", &id]);
    assert_eq!(env.count("SELECT COUNT(*) FROM api_keys"), 0);
    assert_eq!(
        env.count("SELECT COUNT(*) FROM audit_logs WHERE action = 'api_key.delete'"),
        1
    );
    let gone = env.run(&["keys", "show", &id]);
    assert_eq!(gone.code, 1, "{gone}");
});

/// A member of acme (ADMIN) with a key of their own.
pub fn alice_with_a_key(env: TestEnv) -> (TestEnv, String) {
    let env = env.migrated();
    env.ok(&["-q", "orgs", "create", "acme"]);
    env.member("alice@acme.io", "acme", "admin");
    let key = env.ok(&[
        "-q",
        "--as",
        "alice@acme.io",
        "keys",
        "create",
        "--org",
        "acme",
        "--name",
        "ci",
        "--scope",
        "agents:read",
    ]);
    let key = key.stdout.trim().to_string();
    assert!(key_regex_match(&key), "{key}");
    (env, key)
}

each_backend!(pooled a_disabled_users_keys_stop_working_until_enabled, |env| {
    let (env, key) = alice_with_a_key(env);
    assert_eq!(verify(&env, &key).code, 0);

    // Without a terminal, disabling asks for --yes and names the keys it stops.
    let refused = env.run(&["users", "disable", "alice@acme.io"]);
    assert_eq!(refused.code, 2, "{refused}");
    assert!(refused.stderr.contains(&key[..12]), "{refused}");
    assert_eq!(
        verify(&env, &key).code,
        0,
        "a refused disable changed something"
    );

    let disabled = env.ok(&["-y", "users", "disable", "alice@acme.io", "-o", "json"]);
    assert_eq!(disabled.json()["status"], "disabled");
    assert_eq!(disabled.json()["keys"][0]["prefix"], &key[..12]);
    let v = verify(&env, &key);
    assert_eq!(v.code, 1, "{v}");
    assert_eq!(v.json()["status"], "DISABLED");
    let listed = env.ok(&["keys", "list", "--all", "-o", "json"]);
    assert_eq!(listed.json()[0]["status"], "disabled");
    let active = env.ok(&["keys", "list", "-o", "json"]);
    assert_eq!(active.json().as_array().unwrap().len(), 0, "{active}");

    // `--as` a disabled user: refused for every command, reads included.
    for args in [
        vec!["--as", "alice@acme.io", "orgs", "list"],
        vec!["--as", "alice@acme.io", "keys", "list"],
        vec!["--as", "alice@acme.io", "migrate", "status"],
        vec![
            "--as",
            "alice@acme.io",
            "keys",
            "create",
            "--org",
            "acme",
            "--scope",
            "agents:read",
        ],
        vec!["--as", "alice@acme.io", "users", "enable", "alice@acme.io"],
        vec!["--as", "alice@acme.io", "backup", "list", "--storage", "."],
    ] {
        let run = env.run(&args);
        assert_eq!(run.code, 1, "{args:?}: {run}");
        assert!(run.stderr.contains("disabled"), "{run}");
    }
    assert_eq!(env.count("SELECT COUNT(*) FROM api_keys"), 1);

    let enabled = env.ok(&["users", "enable", "alice@acme.io"]);
    assert!(enabled.stdout.contains(&key[..12]), "{enabled}");
    assert_eq!(verify(&env, &key).code, 0);
    assert_eq!(
        env.count("SELECT COUNT(*) FROM audit_logs WHERE action = 'user.enable'"),
        1
    );
    let again = env.ok(&["users", "enable", "alice@acme.io"]);
    assert!(again.stdout.contains("not disabled"), "{again}");
    assert_eq!(
        env.count("SELECT COUNT(*) FROM audit_logs WHERE action = 'user.enable'"),
        1
    );
});

/// Run platctl with its stdout set up by bash (`> /dev/full`, `>&-`, a reader that is gone).
fn with_stdout(env: &TestEnv, redirect: &str, args: &[&str]) -> Run {
    let quote = |s: &str| format!("'{}'", s.replace('\'', "'\\''"));
    let mut line = quote(env!("CARGO_BIN_EXE_platctl"));
    for a in args {
        line.push(' ');
        line.push_str(&quote(a));
    }
    line.push(' ');
    line.push_str(redirect);
    let cmd = env.std_cmd();
    // pipefail: the exit status is platctl's, not that of the reader after it.
    let mut sh = std::process::Command::new("bash");
    sh.args(["-o", "pipefail", "-c", &line]);
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => sh.env(k, v),
            None => sh.env_remove(k),
        };
    }
    Run::from(sh.stdin(Stdio::null()).output().unwrap())
}

each_backend!(pooled a_key_that_cannot_be_shown_is_not_kept, |env| {
    let env = env.migrated();
    env.ok(&["-q", "orgs", "create", "acme"]);
    let creation = [
        "-q",
        "keys",
        "create",
        "--org",
        "acme",
        "--scope",
        "agents:read",
    ];
    for redirect in ["> /dev/full", ">&-", "| true", "> /dev/null"] {
        let run = with_stdout(&env, redirect, &creation);
        assert_ne!(run.code, 0, "{redirect}: {run}");
        assert!(run.stderr.contains("was not created"), "{redirect}: {run}");
        assert_eq!(
            env.count("SELECT COUNT(*) FROM api_keys"),
            0,
            "{redirect}: a key nobody received is stored"
        );
    }
    // -o json too.
    let run = with_stdout(
        &env,
        "> /dev/full",
        &["keys", "create", "--scope", "agents:read", "-o", "json"],
    );
    assert_ne!(run.code, 0, "{run}");
    assert_eq!(env.count("SELECT COUNT(*) FROM api_keys"), 0);

    // Rotation: the new key is not kept, and the old one keeps its expiry.
    let old = create(&env, &["--scope", "agents:read"]);
    let id = old["id"].as_str().unwrap().to_string();
    let expiry =
        || env.query_strings("SELECT COALESCE(CAST(expires_at AS TEXT), 'never') FROM api_keys");
    let before = expiry();
    for redirect in ["> /dev/full", "| true"] {
        let run = with_stdout(&env, redirect, &["-q", "keys", "rotate", &id]);
        assert_ne!(run.code, 0, "{redirect}: {run}");
        assert_eq!(env.count("SELECT COUNT(*) FROM api_keys"), 1, "{redirect}");
        assert_eq!(expiry(), before, "{redirect}: the old key's expiry changed");
    }
    assert_eq!(
        env.count("SELECT COUNT(*) FROM audit_logs WHERE action = 'api_key.rotate'"),
        0
    );
    assert_eq!(verify(&env, old["key"].as_str().unwrap()).code, 0);
});

each_backend!(pooled control_characters_never_reach_the_terminal, |env| {
    let env = env.migrated();
    let evil = "Evil\u{1b}]0;pwned\u{7}\u{1b}[2J";
    for args in [
        vec!["users", "create", "evil@x.io", "--name", evil],
        vec!["orgs", "create", "evil", "--name", evil],
        vec![
            "keys",
            "create",
            "--scope",
            "agents:read",
            "--name",
            "two\nlines",
        ],
        vec![
            "roles",
            "create",
            "support",
            "--level",
            "2",
            "--description",
            "a\u{202e}b",
        ],
    ] {
        let run = env.run(&args);
        assert_eq!(run.code, 2, "{args:?}: {run}");
        assert!(run.stderr.contains("control character"), "{run}");
        assert!(!run.all_output().contains('\u{1b}'), "{run}");
    }
    assert_eq!(env.count("SELECT COUNT(*) FROM users"), 0);

    // The platform writes these tables too: what is already there is shown escaped.
    env.ok(&["-q", "users", "create", "evil@x.io"]);
    env.exec(&format!(
        "UPDATE users SET name = 'Evil' || {esc} || ']0;pwned' || {bel} || {esc} || '[2J' \
         || {nl} || 'second line'",
        esc = if env.kind == Kind::Postgres {
            "chr(27)"
        } else {
            "char(27)"
        },
        bel = if env.kind == Kind::Postgres {
            "chr(7)"
        } else {
            "char(7)"
        },
        nl = if env.kind == Kind::Postgres {
            "chr(10)"
        } else {
            "char(10)"
        },
    ));
    let table = env.ok(&["users", "list"]);
    assert!(!table.stdout.contains('\u{1b}'), "{table}");
    assert!(!table.stdout.contains('\u{7}'), "{table}");
    assert!(
        table
            .stdout
            .contains("Evil\\e]0;pwned\\x07\\e[2J\\nsecond line"),
        "{table}"
    );
    assert_eq!(
        table.stdout.lines().count(),
        2,
        "a newline split a row:\n{table}"
    );
    // JSON carries the true value.
    let json = env.ok(&["users", "list", "-o", "json"]);
    assert_eq!(
        json.json()[0]["name"],
        "Evil\u{1b}]0;pwned\u{7}\u{1b}[2J\nsecond line"
    );
});
