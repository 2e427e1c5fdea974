//! The contract every backend keeps: the same sequence of operations (migrations, orgs, users,
//! roles, keys, backups, audit, email) gives the same results on each, once what must differ (ids, times,
//! secrets, sizes, the database's own name and version) is set aside.
//!
//! Each database is run twice: directly, and through a `platctl serve` over it (remote mode,
//! `--server`). Over HTTP the operator is an API key with every permission, and a step `--as
//! alice` runs with alice's own key; who acted through which key and from where (the audit
//! entries' key id, address and user agent) is what may differ.

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
    "index_builds",
    "tables_checked",
    "duration_ms",
    "created_by",
    "file",
    "seconds",
    // Who called through which door: a key and an address over HTTP, none directly.
    "actor_api_key_id",
    "ip",
    "user_agent",
    // A key made over HTTP waits for the confirmation remote mode sends once it is out, whose
    // audit entries (HTTP's alone) the seals' ranges and counts take in.
    "confirm_by",
    "last_id",
    "row_count",
    "rows_sealed",
    "rows_expected",
    "rows_verified",
];

/// What names one arm's run rather than the rules: its directory, and how the audit log shows
/// the operator (`user@host` directly, the operator's key over HTTP).
struct Arm {
    dir: String,
    operators: Vec<String>,
}

/// The JSON with ids, times, secrets, hashes, this test's paths and the operator replaced by
/// placeholders, and the varying fields by a mark.
fn normalize(value: Value, arm: &Arm) -> Value {
    match value {
        Value::Object(map) => {
            // An audit entry's id counts the entries before it, which the HTTP door's
            // confirmations add to.
            let entry = map.contains_key("occurred_at") && map.contains_key("action");
            Value::Object(
                map.into_iter()
                    .map(|(k, v)| {
                        let v = if VARYING.contains(&k.as_str()) || (entry && k == "id") {
                            Value::String("<varies>".into())
                        } else {
                            normalize(v, arm)
                        };
                        (k, v)
                    })
                    .collect::<Map<_, _>>(),
            )
        }
        // A key made over HTTP is confirmed by remote mode once it is out: an audit entry (and
        // a count of it) that only the HTTP door writes.
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .filter(|v| v["action"] != "api_key.confirm" && v["key"] != "api_key.confirm")
                .map(|v| normalize(v, arm))
                .collect(),
        ),
        Value::String(s) => Value::String(placeholder(&s, arm)),
        other => other,
    }
}

fn placeholder(s: &str, arm: &Arm) -> String {
    if arm.operators.iter().any(|o| o == s) {
        "<operator>".into()
    } else if uuid::Uuid::parse_str(s).is_ok() {
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
        s.replace(&arm.dir, "<dir>")
    }
}

/// One step of a transcript: the command, its exit code, its output (or its error line).
type Step = (String, i32, Value);

/// Which door a transcript goes through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Door {
    Direct,
    /// A `platctl serve` over the database, and `--server`.
    Http,
}

/// A database of the suite: each backend, PostgreSQL through PgBouncer in transaction mode,
/// and PostgreSQL as a role that owns the database and is no superuser.
#[derive(Debug, Clone, Copy)]
enum Database {
    Of(Kind),
    Pooled,
    Owner,
}

/// The arms of the suite: each database, each door.
fn arms() -> Vec<(Database, Door)> {
    Kind::ALL
        .iter()
        .map(|k| Database::Of(*k))
        .chain([Database::Pooled, Database::Owner])
        .flat_map(|d| [(d, Door::Direct), (d, Door::Http)])
        .collect()
}

/// Run the sequence on one database; returns each step's command, exit code and output.
fn transcript(database: Database, door: Door) -> Vec<Step> {
    let env = match database {
        Database::Of(kind) => TestEnv::new(kind),
        Database::Pooled => TestEnv::pooled(),
        Database::Owner => TestEnv::new(Kind::Postgres).owned_by_a_plain_role(),
    };
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
        ("BACKUP_DIR", storage),
    ];
    // Every arm starts alike: the schema, the organization, and the operator's key with every
    // permission (the one the HTTP arm calls with).
    env.ok(&["-q", "migrate", "run"]);
    env.ok(&["-q", "orgs", "create", "acme", "--name", "Acme"]);
    let everything = env.permissions();
    let mut create = vec![
        "keys",
        "create",
        "--platform",
        "--name",
        "operator",
        "-o",
        "json",
    ];
    for p in &everything {
        create.extend(["--scope", p.as_str()]);
    }
    let operator_key = env.ok(&create).json()["key"].as_str().unwrap().to_string();
    let server = (door == Door::Http).then(|| crate::serve::Served::start(&env, &email_env));
    let arm = Arm {
        // Setup ran directly in every arm; over HTTP the operator then calls with its key.
        operators: vec![
            env.ok(&[
                "audit",
                "query",
                "--action",
                "organization.create",
                "-o",
                "json",
            ])
            .json()[0]["actor"]
                .as_str()
                .unwrap()
                .to_string(),
            format!("platform key {}...", &operator_key[..12]),
        ],
        dir: dir.clone(),
    };
    let mut alice_key = String::new();

    let steps: Vec<Vec<String>> = [
        vec!["migrate", "run"],
        vec!["migrate", "status"],
        vec!["orgs", "create", "beta", "--name", "Beta"],
        vec!["orgs", "list"],
        vec!["users", "create", "alice@acme.io", "--name", "Alice"],
        vec![
            "roles", "create", "support", "--level", "2", "--from", "EDITOR",
        ],
        vec![
            "roles",
            "grant",
            "support",
            "audit-logs:read",
            "api-keys:create",
        ],
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
        // Alice's key, made directly in every arm: the HTTP arm's `--as alice` calls with it.
        vec![
            "--as",
            "alice@acme.io",
            "keys",
            "create",
            "--org",
            "acme",
            "--name",
            "alice",
            "--scope",
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
        // Revokes and rotations: `api_key.confirm` entries are written by the HTTP door only.
        vec![
            "audit",
            "tail",
            "-n",
            "3",
            "--org",
            "acme",
            "--action",
            "api_key.r*",
        ],
        vec!["audit", "stats", "--by", "action", "--org", "acme"],
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
        // The platform's own entries are the operator's to read (a key reads its
        // organization's): read directly in every arm, they show what each door wrote.
        vec!["DIRECT", "audit", "query", "--action", "email.*"],
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
        let direct = args[0] == "DIRECT";
        let args = if direct { &args[1..] } else { &args[..] };
        let as_alice = args[..2] == ["--as", "alice@acme.io"];
        let makes_alices_key = as_alice && args[2..4] == ["keys", "create"];
        let mut cmd = env.cmd();
        cmd.envs(email_env);
        match &server {
            Some(server) if !makes_alices_key && !direct => {
                // The server keeps its backups in its BACKUP_DIR; the caller names none.
                let mut rest: Vec<&str> = Vec::new();
                let mut skip = false;
                for a in &args[if as_alice { 2 } else { 0 }..] {
                    if std::mem::take(&mut skip) {
                        continue;
                    }
                    skip = *a == "--storage";
                    if !skip {
                        rest.push(a);
                    }
                }
                cmd.env_remove("DATABASE_URL")
                    .env("PLATCTL_SERVER", &server.url)
                    .env(
                        "PLATCTL_API_KEY",
                        if as_alice { &alice_key } else { &operator_key },
                    )
                    .args(&rest);
            }
            _ => {
                cmd.args(args);
            }
        }
        // The key to verify comes on stdin, never in argv.
        if step[..] == ["keys", "verify"] {
            cmd.write_stdin(key.clone());
        }
        let run = crate::common::Run::from(cmd.output().unwrap());
        let json: Value = if run.stdout.trim().is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&run.stdout)
                .unwrap_or_else(|e| panic!("{database:?} {args:?}: not JSON ({e}): {run}"))
        };
        if step[..2] == ["keys", "create"] {
            key = json["key"].as_str().unwrap_or_default().to_string();
        }
        if makes_alices_key {
            alice_key = json["key"].as_str().unwrap_or_default().to_string();
        }
        // An error's message names the backend's own storage or database at times.
        let shown = if run.code == 0 {
            normalize(json, &arm)
        } else {
            Value::String(refusal(run.stderr.lines().next().unwrap_or(""), &arm))
        };
        out.push((step.join(" ").replace(&dir, "<dir>"), run.code, shown));
    }
    if let Some(server) = server {
        // The HTTP arm did go through the server, long operations and refusals included.
        let (code, log) = server.terminate();
        assert_eq!(code, 0, "{log}");
        for seen in [
            "path=/backups/run status=200",
            "path=/role-assignments status=403",
            "path=/email/test status=200",
            "path=/audit-logs/query status=200",
        ] {
            assert!(log.contains(seen), "{seen}: {log}");
        }
    }
    out
}

/// An error line without what names its door: the HTTP status (or `forbidden:`) before it, and
/// after the `;`
/// who lacked the permission (`alice@acme.io (support in acme)` or `the API key sk_live_...`).
fn refusal(line: &str, arm: &Arm) -> String {
    let line = placeholder(line, arm);
    let line = ["401: ", "403: ", "404: ", "409: ", "forbidden: "]
        .iter()
        .fold(line, |l, status| l.replacen(status, "", 1));
    match line.split_once("; ") {
        Some((what, _who)) if what.contains(" is needed") => what.to_string(),
        _ => line,
    }
}

#[test]
fn every_backend_gives_the_same_results() {
    let transcripts: Vec<((Database, Door), Vec<Step>)> = arms()
        .into_iter()
        .map(|a| (a, transcript(a.0, a.1)))
        .collect();
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
