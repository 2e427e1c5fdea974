//! Values at their extremes — huge and negative durations, far-future and far-past times, NUL
//! and other control characters, invisible characters, empty and very long strings — fed to
//! both doors, the command line and the admin API: each is refused with a clear message and
//! a usage exit code or a 4xx, nothing is changed, nothing panics.

use serde_json::{Value, json};

use crate::common::{TestEnv, each_backend};
use crate::serve::{Served, call};

const HUGE: &str = "99999999999d";
const FAR_FUTURE: &str = "+262142-01-01T00:00:00Z";

/// A key of the operator's with every permission; returns the key.
fn key_with_everything(env: &TestEnv) -> String {
    let scopes = env.permissions().join(",");
    env.ok(&[
        "keys", "create", "--name", "api", "--scope", &scopes, "-o", "json",
    ])
    .json()["key"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Refused as a usage error (exit 2; 3, UNKNOWN, for `health`, a Nagios plugin), saying `says`.
fn refused(env: &TestEnv, args: &[&str], says: &str) {
    let run = env.run(args);
    let usage = if args.first() == Some(&"health") {
        3
    } else {
        2
    };
    assert_eq!(run.code, usage, "platctl {args:?}:\n{run}");
    assert!(
        run.stderr.contains(says),
        "platctl {args:?} should say {says:?}:\n{run}"
    );
    assert!(!run.all_output().contains("panicked"), "{run}");
}

each_backend!(extremes_are_refused_on_the_command_line, |env| {
    env.ok(&["-q", "init"]);
    let keys = env.count("SELECT COUNT(*) FROM api_keys");
    let users = env.count("SELECT COUNT(*) FROM users");
    let scope = ["keys", "create", "--scope", "api-keys:read"];
    let with = |more: &[&'static str]| -> Vec<&'static str> {
        scope.iter().copied().chain(more.iter().copied()).collect()
    };
    refused(&env, &with(&["--expires-in", HUGE]), "at most 36500d");
    refused(&env, &with(&["--expires-in", "-5d"]), "negative");
    refused(&env, &with(&["--expires-at", FAR_FUTURE]), "RFC 3339");
    refused(
        &env,
        &with(&["--expires-at", "0000-01-01T00:00:00Z"]),
        "past",
    );
    refused(
        &env,
        &["health", "--backup-warning", HUGE],
        "at most 36500d",
    );
    refused(&env, &["audit", "query", "--since", HUGE], "at most 36500d");
    refused(
        &env,
        &["audit", "query", "--until", "99999-01-01"],
        "expected",
    );
    refused(&env, &["roles", "show", "ed\x01itor"], "control character");
    refused(&env, &["users", "create", ""], "not an email address");
    refused(&env, &["orgs", "create", ""], "slug");
    refused(
        &env,
        &[
            "keys",
            "create",
            "--scope",
            "api-keys:read",
            "--name",
            "a\tb",
        ],
        "control",
    );
    // As long as an argument may be (Linux takes 128 KiB): refused at once, by its length.
    let long = "x".repeat(100_000);
    let started = std::time::Instant::now();
    refused(
        &env,
        &["roles", "show", &long],
        "no role is longer than 254",
    );
    refused(
        &env,
        &["users", "disable", &long],
        "no user is longer than 254",
    );
    refused(
        &env,
        &["users", "create", &format!("{long}@acme.io")],
        "at most 254",
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    // A far past is a time like any other.
    env.ok(&["audit", "query", "--since", "0000-01-01T00:00:00Z"]);
    assert_eq!(env.count("SELECT COUNT(*) FROM api_keys"), keys);
    assert_eq!(env.count("SELECT COUNT(*) FROM users"), users);
});

each_backend!(extremes_are_refused_by_the_admin_api, |env| {
    env.ok(&["-q", "init"]);
    let key = key_with_everything(&env);
    let server = Served::start(&env, &[]);
    let bearer = format!("Bearer {key}");
    let auth = Some(("authorization", bearer.as_str()));
    let ask = |method: &str, path: &str, body: Option<Value>| {
        call(method, &format!("{}{path}", server.url), auth, body)
    };
    let keys = env.count("SELECT COUNT(*) FROM api_keys");
    let users = env.count("SELECT COUNT(*) FROM users");
    let key_id = env.query_string("SELECT CAST(id AS TEXT) FROM api_keys");
    let health = |field: &str, value: &str| {
        let mut thresholds = json!({
            "disk_warning_percent": 10.0, "disk_critical_percent": 5.0,
            "memory_warning_percent": 10.0, "memory_critical_percent": 5.0,
            "backup_warning": "26h", "backup_critical": "50h",
            "key_expiry": "7d", "seal_warning": "26h"
        });
        thresholds[field] = json!(value);
        json!({"checks": ["backups", "keys", "audit"], "timeout": "5s", "thresholds": thresholds})
    };
    let cases: Vec<(&str, String, Option<Value>, &str)> = vec![
        (
            "POST",
            "/api-keys".into(),
            Some(json!({"scopes": ["api-keys:read"], "expires_at": FAR_FUTURE})),
            "RFC 3339",
        ),
        (
            "POST",
            "/api-keys".into(),
            Some(json!({"scopes": ["api-keys:read"], "expires_in": HUGE})),
            "at most 36500d",
        ),
        (
            "POST",
            "/api-keys".into(),
            Some(json!({"scopes": ["api-keys:read"], "expires_in": "-5d"})),
            "not a duration",
        ),
        (
            "POST",
            "/api-keys".into(),
            Some(json!({"scopes": ["api-keys:read"], "name": "a\u{0}b"})),
            "control",
        ),
        (
            "POST",
            format!("/api-keys/{key_id}/rotate"),
            Some(json!({"grace": HUGE})),
            "at most 36500d",
        ),
        (
            "POST",
            "/health/checks".into(),
            Some(health("backup_warning", HUGE)),
            "at most 36500d",
        ),
        (
            "POST",
            "/health/checks".into(),
            Some(health("key_expiry", HUGE)),
            "at most 36500d",
        ),
        (
            "POST",
            "/audit-logs/stats".into(),
            Some(json!({"filter": {"since": FAR_FUTURE}, "by": "action"})),
            "RFC 3339",
        ),
        (
            "POST",
            "/audit-logs/stats".into(),
            Some(json!({"filter": {"user": "a\u{0}b@acme.io"}, "by": "action"})),
            "control",
        ),
        ("GET", "/roles/ed%00itor".into(), None, "control"),
        ("GET", "/users?organization=ac%00me".into(), None, "control"),
        (
            "GET",
            "/api-keys?created_by=a%00b%40acme.io".into(),
            None,
            "control",
        ),
        ("GET", "/api-keys/ab%00cd".into(), None, "control"),
        (
            "POST",
            "/users/a%00b%40acme.io/disable".into(),
            None,
            "control",
        ),
        (
            "DELETE",
            "/role-assignments?user=a%40acme.io&organization=ac%00me".into(),
            None,
            "control",
        ),
        (
            "DELETE",
            "/roles/EDITOR/permissions?permissions=agents%3Aread%00".into(),
            None,
            "control",
        ),
        (
            "POST",
            "/users".into(),
            Some(json!({"email": ""})),
            "not an email address",
        ),
        (
            "POST",
            "/users".into(),
            Some(json!({"email": "owner-a@acme.io\u{200b}"})),
            "invisible",
        ),
        (
            "POST",
            "/organizations".into(),
            Some(json!({"slug": "ac\u{0}me"})),
            "slug",
        ),
        (
            "POST",
            "/roles".into(),
            Some(json!({"name": "", "level": 1})),
            "role name",
        ),
        (
            "POST",
            "/users".into(),
            Some(json!({"email": format!("{}@acme.io", "x".repeat(1_000_000))})),
            "",
        ),
    ];
    for (method, path, body, says) in cases {
        let answer = ask(method, &path, body);
        let shown: String = path.chars().take(80).collect();
        assert!(
            (400..500).contains(&answer.status),
            "{method} {shown}: {answer}"
        );
        assert!(
            answer.body.to_string().contains(says),
            "{method} {shown} should say {says:?}: {answer}"
        );
    }
    // A path of 1 MB (more than any client sends): refused before any handler, or the
    // connection closed; never a 5xx.
    let status = raw_status(&server.url, &format!("/roles/{}", "x".repeat(1_000_000)));
    assert!(status.is_none_or(|s| (400..500).contains(&s)), "{status:?}");
    // A far past is a time like any other.
    let past = ask(
        "POST",
        "/audit-logs/stats",
        Some(json!({"filter": {"since": "0000-01-01T00:00:00Z"}, "by": "action"})),
    );
    assert_eq!(past.status, 200, "{past}");
    assert_eq!(env.count("SELECT COUNT(*) FROM api_keys"), keys);
    assert_eq!(env.count("SELECT COUNT(*) FROM users"), users);
    let log = server.log();
    assert!(!log.contains("panicked"), "{log}");
});

/// The status of `GET path`, sent by hand (HTTP clients refuse such URLs); `None` when the
/// server closed the connection without answering.
fn raw_status(url: &str, path: &str) -> Option<u16> {
    use std::io::{Read, Write};
    let address = url.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(20)))
        .unwrap();
    let request = format!("GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n");
    // The server may answer and close before it has read everything.
    let _ = stream.write_all(request.as_bytes());
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let text = String::from_utf8_lossy(&answer);
    text.strip_prefix("HTTP/1.1 ")
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse().ok())
}

each_backend!(a_key_that_lives_until_9999_rotates, |env| {
    env.ok(&["-q", "init"]);
    let created = env
        .ok(&[
            "keys",
            "create",
            "--scope",
            "api-keys:read",
            "--expires-at",
            "9999-12-31T23:59:59Z",
            "-o",
            "json",
        ])
        .json();
    let id = created["id"].as_str().unwrap();
    // Made years ago: its lifetime, counted from now, would end after 9999; it ends then.
    let years_ago = match env.kind {
        crate::common::Kind::Sqlite => "2020-01-01T00:00:00.000Z",
        crate::common::Kind::Postgres => "2020-01-01T00:00:00Z",
    };
    env.exec(&format!(
        "UPDATE api_keys SET created_at = '{years_ago}' WHERE id = '{id}'"
    ));
    let rotated = env.ok(&["keys", "rotate", id, "-o", "json"]).json();
    let new_expiry = rotated["new"]["expires_at"].as_str().unwrap();
    assert!(new_expiry.starts_with("9999-12-31T23:59:59"), "{rotated}");
    let new_id = rotated["new"]["id"].as_str().unwrap();
    env.ok(&["keys", "show", new_id]);
    // PostgreSQL holds later times, which an older platctl accepted: such a key rotates too.
    if env.kind == crate::common::Kind::Postgres {
        env.exec(&format!(
            "UPDATE api_keys SET expires_at = '262142-06-01T00:00:00Z' WHERE id = '{new_id}'"
        ));
        let rotated = env.ok(&["keys", "rotate", new_id, "-o", "json"]).json();
        let new_expiry = rotated["new"]["expires_at"].as_str().unwrap();
        assert!(new_expiry.starts_with("9999-12-31T23:59:59"), "{rotated}");
    }
});

const LOOK_ALIKE: &str = "owner-a@acme.io\u{200b}";

each_backend!(look_alike_identities_are_refused_and_shown_escaped, |env| {
    env.ok(&["-q", "init"]);
    // Refused at input, saying which character.
    for args in [
        vec!["users", "create", LOOK_ALIKE],
        vec!["users", "create", "owner\u{202e}a@acme.io"],
        vec![
            "keys",
            "create",
            "--scope",
            "agents:read",
            "--name",
            "ci\u{200b}",
        ],
        vec!["roles", "create", "ops\u{200b}", "--level", "1"],
        vec!["orgs", "create", "acme\u{200b}"],
    ] {
        let run = env.run(&args);
        assert_eq!(run.code, 2, "{args:?}: {run}");
        assert!(
            run.stderr.contains("\\u{"),
            "{args:?} should name the character: {run}"
        );
    }
    assert_eq!(env.count("SELECT COUNT(*) FROM users"), 0);
    assert_eq!(env.count("SELECT COUNT(*) FROM api_keys"), 0);

    // Normalized: trimmed, NFC, the domain lowercased; found again however it is typed.
    env.ok(&["-q", "users", "create", " Zoe\u{308}@ACME.io "]);
    assert_eq!(env.query_string("SELECT email FROM users"), "Zoë@acme.io");
    env.ok(&["-q", "-y", "users", "disable", "zoe\u{308}@acme.io"]);

    // Stored before these rules (or by the platform): still named, shown escaped.
    let zwsp = if env.kind == crate::common::Kind::Postgres {
        "chr(8203)"
    } else {
        "char(8203)"
    };
    env.ok(&["-q", "users", "create", "owner-a@acme.io"]);
    env.ok(&["-q", "users", "create", "owner-b@acme.io"]);
    env.exec(&format!(
        "UPDATE users SET email = 'owner-a@acme.io' || {zwsp} WHERE email = 'owner-b@acme.io'"
    ));
    env.ok(&["-q", "roles", "create", "ops", "--level", "1"]);
    env.exec(&format!(
        "UPDATE roles SET name = 'ops' || {zwsp} WHERE name = 'ops'"
    ));
    env.ok(&[
        "-q",
        "keys",
        "create",
        "--scope",
        "agents:read",
        "--name",
        "ci",
        "-o",
        "json",
    ]);
    env.exec(&format!("UPDATE api_keys SET name = 'ci' || {zwsp}"));
    env.ok(&[
        "-q", "roles", "assign", "--user", LOOK_ALIKE, "--org", "default", "--role", "OWNER",
    ]);
    env.ok(&["-q", "--as", LOOK_ALIKE, "users", "create", "carol@acme.io"]);

    let escaped = "owner-a@acme.io\\u{200b}";
    let users = env.ok(&["users", "list"]);
    assert!(users.stdout.contains(escaped), "{users}");
    assert!(!users.stdout.contains('\u{200b}'), "{users}");
    let roles = env.ok(&["roles", "list"]);
    assert!(roles.stdout.contains("ops\\u{200b}"), "{roles}");
    let keys = env.ok(&["keys", "list"]);
    assert!(keys.stdout.contains("ci\\u{200b}"), "{keys}");
    let audit = env.ok(&["audit", "query", "--action", "user.create"]);
    assert!(audit.stdout.contains(escaped), "{audit}");
    assert!(!audit.stdout.contains('\u{200b}'), "{audit}");
    // Text output too; JSON stays exact.
    let disabled = env.ok(&["-y", "users", "disable", LOOK_ALIKE]);
    assert!(disabled.all_output().contains(escaped), "{disabled}");
    assert!(!disabled.all_output().contains('\u{200b}'), "{disabled}");
    let json = env.ok(&["users", "list", "-o", "json"]).json();
    let emails: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["email"].as_str().unwrap())
        .collect();
    assert!(emails.contains(&LOOK_ALIKE), "{emails:?}");
});
