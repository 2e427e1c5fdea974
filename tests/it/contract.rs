//! The contract every backend keeps: the same sequence of operations (migrations, orgs, users,
//! roles, keys, backups, audit, email) gives the same results on each, once what must differ (ids, times,
//! secrets, sizes, the database's own name and version) is set aside.

use serde_json::{Map, Value};

use crate::common::{Kind, TestEnv};

/// Fields whose values depend on the backend or the moment, not on the rules.
const VARYING: &[&str] = &[
    "database",
    "database_kind",
    "server_version",
    "size",
    "compressed_bytes",
    "uncompressed_bytes",
    "tool",
    "format",
    "artifact",
    "tables",
    "tables_checked",
    "duration_ms",
    "created_by",
    "file",
    "seconds",
];

/// The JSON with ids, times, secrets, hashes and this test's paths replaced by placeholders,
/// and the varying fields by their presence.
fn normalize(value: Value, dir: &str) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| {
                    let v = if VARYING.contains(&k.as_str()) {
                        Value::String(if v.is_null() { "<none>" } else { "<some>" }.into())
                    } else {
                        normalize(v, dir)
                    };
                    (k, v)
                })
                .collect::<Map<_, _>>(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(|v| normalize(v, dir)).collect()),
        Value::String(s) => Value::String(placeholder(&s, dir)),
        other => other,
    }
}

fn placeholder(s: &str, dir: &str) -> String {
    if uuid::Uuid::parse_str(s).is_ok() {
        "<uuid>".into()
    } else if chrono::DateTime::parse_from_rfc3339(s).is_ok() {
        "<time>".into()
    } else if s.starts_with("sk_live_") || s.starts_with("sk_test_") {
        "<key>".into()
    } else if platctl::backup::manifest::is_id(s) {
        "<backup>".into()
    } else if s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit()) {
        "<sha256>".into()
    } else {
        s.replace(dir, "<dir>")
    }
}

/// One step of a transcript: the command, its exit code, its output (or its error line).
type Step = (String, i32, Value);

/// Run the sequence on one backend; returns each step's command, exit code and output.
fn transcript(kind: Kind) -> Vec<Step> {
    let env = TestEnv::new(kind);
    let dir = env.dir.path().to_string_lossy().to_string();
    let storage = env.path("backups");
    let storage = storage.to_str().unwrap();
    let mut key = String::new();
    // `email test` goes to a SendGrid stand-in of this backend's own.
    let sendgrid = crate::common::fixture_server(&env, "sendgrid_server.py", "sendgrid", &[]);
    let sendgrid_url = format!("http://127.0.0.1:{}", sendgrid.port);
    let email_env = [
        ("SENDGRID_API_KEY", "SG.good-contract.0123456789"),
        ("SENDGRID_API_URL", sendgrid_url.as_str()),
        ("EMAIL_FROM", "Acme AI <no-reply@acme.io>"),
    ];
    let steps: Vec<Vec<String>> = [
        vec!["migrate", "run"],
        vec!["migrate", "status"],
        vec!["orgs", "create", "acme", "--name", "Acme"],
        vec!["orgs", "list"],
        vec!["users", "create", "alice@acme.io", "--name", "Alice"],
        vec![
            "roles", "create", "support", "--level", "2", "--from", "EDITOR",
        ],
        vec!["roles", "grant", "support", "audit-logs:read"],
        vec![
            "roles",
            "assign",
            "--user",
            "alice@acme.io",
            "--org",
            "acme",
            "--role",
            "support",
        ],
        vec!["roles", "show", "support"],
        vec!["users", "list"],
        vec![
            "permissions",
            "check",
            "--user",
            "alice@acme.io",
            "--org",
            "acme",
            "audit-logs:read",
        ],
        vec![
            "--as",
            "alice@acme.io",
            "roles",
            "assign",
            "--user",
            "alice@acme.io",
            "--org",
            "acme",
            "--role",
            "owner",
        ],
        vec![
            "keys",
            "create",
            "--org",
            "acme",
            "--name",
            "ci",
            "--scope",
            "agents:read",
        ],
        vec!["keys", "list"],
        vec!["keys", "verify"],
        vec!["keys", "revoke", "PREFIX", "--reason", "contract"],
        vec!["keys", "verify"],
        vec!["backup", "run", "--storage", storage, "--label", "contract"],
        vec!["backup", "list", "--storage", storage],
        vec!["backup", "verify", "--latest", "--storage", storage],
        vec!["audit", "query", "--action", "api_key.*", "--org", "acme"],
        vec!["audit", "query", "--user", "alice@acme.io"],
        vec!["audit", "tail", "-n", "3"],
        vec!["audit", "stats", "--by", "action"],
        vec!["audit", "seal"],
        vec!["audit", "seal"],
        vec!["audit", "verify"],
        vec!["audit", "prune", "--older-than", "1d", "--dry-run"],
        vec!["--as", "alice@acme.io", "audit", "seal"],
        vec!["email", "templates"],
        vec!["email", "preview", "--template", "job-complete"],
        vec!["email", "test", "--to", "bob@example.com", "--sandbox"],
        vec![
            "--as",
            "alice@acme.io",
            "email",
            "test",
            "--to",
            "bob@example.com",
        ],
        vec!["audit", "query", "--action", "email.*"],
    ]
    .into_iter()
    .map(|s| s.into_iter().map(String::from).collect())
    .collect();

    let mut out = Vec::new();
    for step in steps {
        let prefix: String = key.chars().take(12).collect();
        let args: Vec<&str> = step
            .iter()
            .map(|a| {
                if a == "PREFIX" {
                    prefix.as_str()
                } else {
                    a.as_str()
                }
            })
            .chain(["-o", "json"])
            .collect();
        let mut cmd = env.cmd();
        cmd.envs(email_env).args(&args);
        // The key to verify comes on stdin, never in argv.
        if step[..] == ["keys", "verify"] {
            cmd.write_stdin(key.clone());
        }
        let run = crate::common::Run::from(cmd.output().unwrap());
        let json: Value = if run.stdout.trim().is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&run.stdout)
                .unwrap_or_else(|e| panic!("{kind:?} {args:?}: not JSON ({e}): {run}"))
        };
        if step[..2] == ["keys", "create"] {
            key = json["key"].as_str().unwrap_or_default().to_string();
        }
        // An error's message names the backend's own storage or database at times.
        let shown = if run.code == 0 {
            normalize(json, &dir)
        } else {
            Value::String(placeholder(run.stderr.lines().next().unwrap_or(""), &dir))
        };
        out.push((step.join(" ").replace(&dir, "<dir>"), run.code, shown));
    }
    out
}

#[test]
fn every_backend_gives_the_same_results() {
    let transcripts: Vec<(Kind, Vec<Step>)> =
        Kind::ALL.iter().map(|k| (*k, transcript(*k))).collect();
    let (first_kind, first) = &transcripts[0];
    // The sequence did something: the refusals and successes it is meant to show.
    let codes: Vec<i32> = first.iter().map(|(_, c, _)| *c).collect();
    assert!(
        codes.contains(&77),
        "the forbidden step was allowed: {first:#?}"
    );
    assert_eq!(
        codes.iter().filter(|c| **c == 0).count(),
        codes.len() - 4,
        "{first:#?}"
    );
    for (kind, other) in &transcripts[1..] {
        assert_eq!(first.len(), other.len());
        for (a, b) in first.iter().zip(other) {
            assert_eq!(
                a, b,
                "{first_kind:?} and {kind:?} differ at `{}`:\n{a:#?}\n{b:#?}",
                a.0
            );
        }
    }
}
