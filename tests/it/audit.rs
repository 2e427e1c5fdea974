//! The audit log on every backend: queries over 200k entries the platform wrote, exports,
//! counts, retention, seals and their verification against tampering, following the log.

use std::io::{BufRead, BufReader, Read};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::common::{Kind, Run, TestEnv, each_backend, outside};

/// acme with alice (ADMIN) and bob (VIEWER), nothing else.
pub(crate) fn platform(env: TestEnv) -> TestEnv {
    let env = env.migrated();
    env.ok(&["-q", "orgs", "create", "acme"]);
    for (user, role) in [("alice@acme.io", "admin"), ("bob@acme.io", "viewer")] {
        env.member(user, "acme", role);
    }
    env
}

/// `n` entries as the platform writes them, one a minute going back from `minutes_ago`:
/// every 10th by alice, every 10th (+1) by bob, the rest by nobody in particular; five
/// actions in turn; half in acme; addresses in 10.0.0.0/16 and 192.168.1.0/24; metadata with
/// quotes.
pub(crate) fn seed(env: &TestEnv, n: i64, minutes_ago: i64) {
    let alice =
        env.query_string("SELECT CAST(id AS TEXT) FROM users WHERE email = 'alice@acme.io'");
    let bob = env.query_string("SELECT CAST(id AS TEXT) FROM users WHERE email = 'bob@acme.io'");
    let acme = env.query_string("SELECT CAST(id AS TEXT) FROM organizations WHERE slug = 'acme'");
    let columns = "occurred_at, actor_user_id, actor, organization_id, action, resource_type, \
                   resource_id, ip, user_agent, metadata";
    let action = "CASE g % 5 WHEN 0 THEN 'user.login' WHEN 1 THEN 'agent.create' \
                  WHEN 2 THEN 'workflow.execute' WHEN 3 THEN 'api_key.create' \
                  ELSE 'api_key.revoke' END";
    let sql = match env.kind {
        Kind::Postgres => format!(
            "INSERT INTO audit_logs ({columns}) SELECT \
             now() - make_interval(mins => g + {minutes_ago}), \
             CASE g % 10 WHEN 0 THEN '{alice}'::uuid WHEN 1 THEN '{bob}'::uuid END, \
             CASE g % 10 WHEN 0 THEN 'alice@acme.io' WHEN 1 THEN 'bob@acme.io' ELSE '' END, \
             CASE WHEN g % 2 = 0 THEN '{acme}'::uuid END, {action}, 'agent', g::text, \
             CASE WHEN g % 3 = 0 THEN ('192.168.1.' || (g % 250 + 1))::inet \
                  ELSE ('10.0.' || (g % 4) || '.' || (g % 250 + 1))::inet END, \
             'platform/1.0', \
             jsonb_build_object('n', g, 'note', 'it''s \"quoted\"') \
             FROM generate_series(1, {n}) AS g"
        ),
        Kind::Sqlite => format!(
            "WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < {n}) \
             INSERT INTO audit_logs ({columns}) SELECT \
             strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || (g + {minutes_ago}) || ' minutes'), \
             CASE g % 10 WHEN 0 THEN '{alice}' WHEN 1 THEN '{bob}' END, \
             CASE g % 10 WHEN 0 THEN 'alice@acme.io' WHEN 1 THEN 'bob@acme.io' ELSE '' END, \
             CASE WHEN g % 2 = 0 THEN '{acme}' END, {action}, 'agent', CAST(g AS TEXT), \
             CASE WHEN g % 3 = 0 THEN '192.168.1.' || (g % 250 + 1) \
                  ELSE '10.0.' || (g % 4) || '.' || (g % 250 + 1) END, \
             'platform/1.0', \
             json_object('n', g, 'note', 'it''s \"quoted\"') FROM s"
        ),
    };
    env.exec(&sql);
}

fn ndjson(run: &Run) -> Vec<serde_json::Value> {
    run.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

each_backend!(pooled queries_filter_200k_entries_and_page_through_them, |env| {
    let env = platform(env);
    seed(&env, 200_000, 0);
    let alice =
        env.query_string("SELECT CAST(id AS TEXT) FROM users WHERE email = 'alice@acme.io'");

    // alice's last day: every 10th minute, so 144 entries; --limit cuts it to 50.
    let day = ndjson(&env.ok(&[
        "audit",
        "query",
        "--user",
        "alice@acme.io",
        "--since",
        "24h",
        "--limit",
        "50",
        "-o",
        "ndjson",
    ]));
    assert_eq!(day.len(), 50);
    let since = platctl::local::now() - chrono::Duration::hours(24) - chrono::Duration::minutes(1);
    let mut previous: Option<chrono::DateTime<chrono::Utc>> = None;
    for e in &day {
        assert_eq!(e["actor_user_id"], alice.as_str(), "{e}");
        let t: chrono::DateTime<chrono::Utc> = e["occurred_at"].as_str().unwrap().parse().unwrap();
        assert!(t >= since, "{t} is outside the window");
        assert!(previous.is_none_or(|p| p >= t), "not newest first");
        previous = Some(t);
        assert!(e["metadata"].is_object(), "metadata is an object: {e}");
    }
    let all_day = ndjson(&env.ok(&[
        "audit",
        "query",
        "--user",
        "alice@acme.io",
        "--since",
        "24h",
        "--all",
        "-o",
        "ndjson",
    ]));
    assert!((143..=145).contains(&all_day.len()), "{}", all_day.len());

    // A glob, with a limit across pages.
    let keys = ndjson(&env.ok(&[
        "audit",
        "query",
        "--action",
        "api_key.*",
        "-o",
        "ndjson",
        "--limit",
        "500",
    ]));
    assert_eq!(keys.len(), 500);
    assert!(
        keys.iter()
            .all(|e| e["action"].as_str().unwrap().starts_with("api_key."))
    );

    // --all pages by keyset through every entry of a filter, oldest first with --asc.
    let org = env.ok(&[
        "audit",
        "query",
        "--org",
        "acme",
        "--action",
        "user.login",
        "--all",
        "--asc",
        "-o",
        "csv",
    ]);
    let expected = env.count(
        "SELECT COUNT(*) FROM audit_logs a JOIN organizations o ON o.id = a.organization_id \
         WHERE o.slug = 'acme' AND a.action = 'user.login'",
    );
    assert_eq!(org.stdout.lines().count() as i64 - 1, expected);
    let ids: Vec<i64> = org
        .stdout
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap().parse().unwrap())
        .collect();
    assert!(
        ids.windows(2).all(|w| w[0] > w[1]),
        "oldest first: ids fall as time rises"
    );

    // Addresses and blocks, resources, keys.
    let block = ndjson(&env.ok(&[
        "audit",
        "query",
        "--ip",
        "10.0.2.0/24",
        "--limit",
        "300",
        "-o",
        "ndjson",
    ]));
    assert_eq!(block.len(), 300);
    assert!(
        block
            .iter()
            .all(|e| e["ip"].as_str().unwrap().starts_with("10.0.2."))
    );
    let one = ndjson(&env.ok(&["audit", "query", "--resource", "agent:4242", "-o", "ndjson"]));
    assert_eq!(one.len(), 1);
    assert_eq!(one[0]["resource_id"], "4242");

    // A value full of quotes is a value: an unknown user, nothing changed, no rows.
    let before = env.count("SELECT COUNT(*) FROM audit_logs");
    let evil = env.run(&[
        "audit",
        "query",
        "--user",
        "x' OR '1'='1'; DROP TABLE audit_logs; --",
        "-o",
        "ndjson",
    ]);
    assert_eq!(evil.code, 1, "{evil}");
    assert!(evil.stderr.contains("there is no user"), "{evil}");
    assert!(evil.stdout.is_empty(), "{evil}");
    assert_eq!(env.count("SELECT COUNT(*) FROM audit_logs"), before);

    // Unknown names say what exists.
    let typo = env.run(&["audit", "query", "--user", "alice@acme.oi"]);
    assert_eq!(typo.code, 1, "{typo}");
    assert!(
        typo.stderr.contains("alice@acme.io"),
        "did you mean: {typo}"
    );
    let org_typo = env.run(&["audit", "query", "--org", "acmee"]);
    assert!(org_typo.stderr.contains("`acme`"), "{org_typo}");
    let bad_ip = env.run(&["audit", "query", "--ip", "10.0.0.0/40"]);
    assert_eq!(bad_ip.code, 2, "{bad_ip}");
    let bad_time = env.run(&["audit", "query", "--since", "yesterday"]);
    assert_eq!(bad_time.code, 2, "{bad_time}");
    assert!(bad_time.stderr.contains("24h"), "{bad_time}");
});

// An entry the platform stored with quotes, backslashes, `password=`/`token=` pairs and a URL
// with a password in its values comes out of every format exactly as stored — nothing
// rewrites data — and each format is read by its own parser: jq for JSON and NDJSON,
// Python's csv module for CSV.
each_backend!(entries_come_out_exactly_as_stored_in_every_format, |env| {
    let env = platform(env);
    let metadata = serde_json::json!({
        "cmd": "curl -d \"password=abc\" https://x",
        "value": "token=abc\\\"def",
        "url": "postgres://ops:stored-pw-9@db/x",
        "quoted": "it's password='x y'",
    });
    let agent = "curl/8 token=abc\"def";
    let meta_sql = metadata.to_string().replace('\'', "''");
    let agent_sql = agent.replace('\'', "''");
    env.exec(&match env.kind {
        Kind::Postgres => format!(
            "INSERT INTO audit_logs (action, actor, user_agent, metadata) \
             VALUES ('webhook.call', 'platform', '{agent_sql}', '{meta_sql}'::jsonb)"
        ),
        Kind::Sqlite => format!(
            "INSERT INTO audit_logs (action, actor, user_agent, metadata) \
             VALUES ('webhook.call', 'platform', '{agent_sql}', '{meta_sql}')"
        ),
    });
    let query = |format: &str| {
        env.ok(&[
            "audit",
            "query",
            "--all",
            "--action",
            "webhook.call",
            "-o",
            format,
        ])
        .stdout
    };
    // JSON: jq reads the array and gives back each value as stored.
    let json = query("json");
    for (path, expected) in [
        (".[0].metadata", metadata.to_string()),
        (".[0].user_agent", serde_json::json!(agent).to_string()),
    ] {
        let got = outside("jq", "jq", &["-c", path], &json);
        let got: serde_json::Value = serde_json::from_str(got.trim()).unwrap();
        let expected: serde_json::Value = serde_json::from_str(&expected).unwrap();
        assert_eq!(got, expected, "{path} of {json}");
    }
    // NDJSON: one object a line, the same values.
    let ndjson = query("ndjson");
    let got = outside("jq", "jq", &["-c", ".metadata"], &ndjson);
    let got: serde_json::Value = serde_json::from_str(got.trim()).unwrap();
    assert_eq!(got, metadata, "{ndjson}");
    // CSV: Python's reader gives back the metadata (as JSON text) and the agent.
    let csv = query("csv");
    let read = outside(
        "python3",
        "python3",
        &[
            "-c",
            "import csv, json, sys\n\
             row = next(csv.DictReader(sys.stdin))\n\
             print(json.dumps([row['metadata'], row['user_agent']]))",
        ],
        &csv,
    );
    let read: (String, String) = serde_json::from_str(&read).unwrap();
    let stored: serde_json::Value = serde_json::from_str(&read.0).unwrap();
    assert_eq!(stored, metadata, "{csv}");
    assert_eq!(read.1, agent, "{csv}");
});

each_backend!(pooled exports_write_what_sql_counts_and_stats_add_up, |env| {
    let env = platform(env);
    seed(&env, 20_000, 0);
    let filter = "action LIKE 'api\\_key.%' ESCAPE '\\'";
    let expected = env.count(&format!("SELECT COUNT(*) FROM audit_logs WHERE {filter}"));
    assert!(expected > 0);

    let csv = env.path("keys.csv");
    let run = env.ok(&[
        "audit",
        "export",
        "--action",
        "api_key.*",
        "--out",
        csv.to_str().unwrap(),
    ]);
    assert!(
        run.stderr.contains(&format!("Exported {expected} entries")),
        "{run}"
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "id",
            "occurred_at",
            "actor",
            "actor_user_id",
            "actor_api_key_id",
            "organization_id",
            "organization",
            "action",
            "resource_type",
            "resource_id",
            "ip",
            "user_agent",
            "metadata"
        ]
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len() as i64, expected);
    let meta: serde_json::Value = serde_json::from_str(&records[0][12]).unwrap();
    assert_eq!(meta["note"], "it's \"quoted\"");

    // NDJSON, gzipped; JSON by -o; the temporary file is gone.
    let gz = env.path("all.ndjson.gz");
    env.ok(&["audit", "export", "--out", gz.to_str().unwrap()]);
    let mut lines = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(&gz).unwrap())
        .read_to_string(&mut lines)
        .unwrap();
    assert_eq!(
        lines.lines().count() as i64,
        env.count("SELECT COUNT(*) FROM audit_logs")
    );
    let first: serde_json::Value = serde_json::from_str(lines.lines().next().unwrap()).unwrap();
    assert!(first["metadata"].is_object(), "{first}");
    let json = env.path("alice.out");
    env.ok(&[
        "audit",
        "export",
        "--user",
        "alice@acme.io",
        "-o",
        "json",
        "--out",
        json.to_str().unwrap(),
    ]);
    let array: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(
        array.len() as i64,
        env.count(
            "SELECT COUNT(*) FROM audit_logs a JOIN users u ON u.id = a.actor_user_id \
             WHERE u.email = 'alice@acme.io'"
        )
    );
    let leftovers: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // To stdout; an unknown extension is refused before anything is written.
    let out = env.ok(&[
        "audit",
        "export",
        "--ip",
        "192.168.1.0/24",
        "-o",
        "ndjson",
        "--out",
        "-",
    ]);
    assert_eq!(out.stdout.lines().count() as i64, env.count_ip_block());
    let unknown = env.run(&[
        "audit",
        "export",
        "--out",
        env.path("x.txt").to_str().unwrap(),
    ]);
    assert_eq!(unknown.code, 2, "{unknown}");
    assert!(!env.path("x.txt").exists());

    // Stats: every grouping adds up to the total of its filter.
    let total = env.count("SELECT COUNT(*) FROM audit_logs");
    for by in ["action", "user", "org", "day", "hour"] {
        let counts: Vec<serde_json::Value> =
            serde_json::from_str(&env.ok(&["audit", "stats", "--by", by, "-o", "json"]).stdout)
                .unwrap();
        let sum: i64 = counts.iter().map(|c| c["count"].as_i64().unwrap()).sum();
        assert_eq!(sum, total, "--by {by}");
    }
    let logins: Vec<serde_json::Value> = serde_json::from_str(
        &env.ok(&[
            "audit",
            "stats",
            "--by",
            "day",
            "--action",
            "user.login",
            "-o",
            "json",
        ])
        .stdout,
    )
    .unwrap();
    let sum: i64 = logins.iter().map(|c| c["count"].as_i64().unwrap()).sum();
    assert_eq!(
        sum,
        env.count("SELECT COUNT(*) FROM audit_logs WHERE action = 'user.login'")
    );
    let table = env.ok(&["audit", "stats", "--by", "action"]);
    assert!(table.stdout.contains('█'), "a bar column: {table}");
});

impl TestEnv {
    /// Entries in 192.168.1.0/24, counted the way each database can.
    fn count_ip_block(&self) -> i64 {
        match self.kind {
            Kind::Postgres => {
                self.count("SELECT COUNT(*) FROM audit_logs WHERE ip <<= '192.168.1.0/24'")
            }
            Kind::Sqlite => {
                self.count("SELECT COUNT(*) FROM audit_logs WHERE ip LIKE '192.168.1.%'")
            }
        }
    }

    /// Change one entry behind the no-update trigger's back, and put the trigger back.
    pub(crate) fn tamper(&self, sql: &str) {
        match self.kind {
            Kind::Postgres => self.exec(&format!(
                "ALTER TABLE audit_logs DISABLE TRIGGER audit_logs_no_update; {sql}; \
                 ALTER TABLE audit_logs ENABLE TRIGGER audit_logs_no_update"
            )),
            Kind::Sqlite => self.exec(&format!(
                "DROP TRIGGER audit_logs_no_update; {sql}; \
                 CREATE TRIGGER audit_logs_no_update BEFORE UPDATE ON audit_logs \
                 BEGIN SELECT RAISE(ABORT, 'audit_logs rows are never updated'); END"
            )),
        }
    }
}

each_backend!(pooled verify_finds_changed_deleted_and_inserted_entries, |env| {
    let env = platform(env);
    // Enough for PostgreSQL to read the range on two connections.
    seed(&env, 40_000, 0);
    let seal = env.ok(&["audit", "seal"]);
    assert!(seal.stdout.contains("Sealed entries 1-"), "{seal}");
    let head = seal
        .stdout
        .lines()
        .last()
        .unwrap()
        .strip_prefix("head ")
        .unwrap()
        .to_string();
    assert_eq!(head.len(), 64, "{seal}");
    seed(&env, 100, 0);
    env.ok(&["audit", "seal"]);
    let fine = env.ok(&["audit", "verify"]);
    let rows = env.count(
        "SELECT COUNT(*) FROM audit_logs WHERE id <= (SELECT MAX(last_id) FROM audit_seals)",
    );
    let summary = fine.stdout.replace(',', "");
    assert!(
        summary.contains(&format!("2/2 seals valid (unsigned) {rows}/{rows} rows")),
        "{fine}"
    );
    assert!(fine.stderr.contains("Unsigned seals prove"), "{fine}");
    // A second seal right away has nothing to seal.
    let again = env.ok(&["audit", "seal"]);
    assert!(again.stdout.contains("Nothing to seal"), "{again}");

    // Someone disables the trigger and edits an entry: caught, seal and range named.
    let original = env.query_string("SELECT action FROM audit_logs WHERE id = 42");
    env.tamper("UPDATE audit_logs SET action = 'nothing.happened' WHERE id = 42");
    let changed = env.run(&["audit", "verify"]);
    assert_eq!(changed.code, 1, "{changed}");
    assert!(changed.stderr.contains("seal 1 (entries 1-"), "{changed}");
    assert!(changed.stderr.contains("changed"), "{changed}");
    env.tamper(&format!(
        "UPDATE audit_logs SET action = '{original}' WHERE id = 42"
    ));
    env.ok(&["audit", "verify"]);

    // An entry deleted by hand, or one slipped into a sealed range.
    env.exec("DELETE FROM audit_logs WHERE id = 34000");
    let deleted = env.run(&["audit", "verify", "-o", "json"]);
    assert_eq!(deleted.code, 1, "{deleted}");
    let report = deleted.json();
    assert_eq!(report["ok"], false);
    assert!(
        report["problems"][0]["problem"]
            .as_str()
            .unwrap()
            .contains("deleted"),
        "{report}"
    );
    env.exec(
        "INSERT INTO audit_logs (id, action, actor) VALUES (34000, 'forged.entry', 'mallory')",
    );
    let inserted = env.run(&["audit", "verify"]);
    assert_eq!(inserted.code, 1, "{inserted}");
    assert!(inserted.stderr.contains("seal 1"), "{inserted}");

    // A seal removed from the middle breaks the chain.
    let env2 = platform(TestEnv::new(env.kind));
    seed(&env2, 100, 0);
    env2.ok(&["audit", "seal"]);
    seed(&env2, 100, 0);
    env2.ok(&["audit", "seal"]);
    seed(&env2, 100, 0);
    env2.ok(&["audit", "seal"]);
    env2.exec("DELETE FROM audit_seals WHERE id = 2");
    let broken = env2.run(&["audit", "verify"]);
    assert_eq!(broken.code, 1, "{broken}");
    assert!(
        broken.stderr.contains("does not chain to seal 1"),
        "{broken}"
    );
});

each_backend!(pooled prune_takes_sealed_ranges_whole_and_verify_knows_it, |env| {
    let env = platform(env);
    // The set-up's own entries are made old too (ids follow time in a real log).
    env.tamper(match env.kind {
        Kind::Postgres => "UPDATE audit_logs SET occurred_at = now() - interval '500 days'",
        Kind::Sqlite => {
            "UPDATE audit_logs SET occurred_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-500 days')"
        }
    });
    // Old entries (400+ days), sealed; then recent ones, sealed.
    seed(&env, 3000, 400 * 24 * 60);
    env.ok(&["audit", "seal"]);
    seed(&env, 1000, 0);
    env.ok(&["audit", "seal"]);
    let total = env.count("SELECT COUNT(*) FROM audit_logs");

    // No terminal and no --yes: refused, nothing deleted.
    let refused = env.run(&["audit", "prune", "--older-than", "365d"]);
    assert_eq!(refused.code, 2, "{refused}");
    assert!(refused.stderr.contains("--yes"), "{refused}");
    assert_eq!(env.count("SELECT COUNT(*) FROM audit_logs"), total);

    let dry = env.ok(&["audit", "prune", "--older-than", "365d", "--dry-run"]);
    assert!(dry.stdout.contains("Would delete"), "{dry}");
    assert_eq!(env.count("SELECT COUNT(*) FROM audit_logs"), total);

    let old = env.count("SELECT COUNT(*) FROM audit_logs WHERE id <= (SELECT last_id FROM audit_seals WHERE id = 1)");
    let pruned = env.ok(&[
        "--yes",
        "audit",
        "prune",
        "--older-than",
        "365d",
        "-o",
        "json",
    ]);
    let report = pruned.json();
    assert_eq!(report["deleted"].as_i64().unwrap(), old, "{pruned}");
    assert_eq!(report["plan"]["sealed_through"], 1);
    assert_eq!(
        env.count("SELECT COUNT(*) FROM audit_logs"),
        total - old + 1,
        "+ audit.prune"
    );
    assert_eq!(
        env.count("SELECT COUNT(*) FROM audit_logs WHERE action = 'audit.prune'"),
        1
    );
    assert_eq!(
        env.count("SELECT COUNT(*) FROM audit_prunes WHERE finished_at IS NOT NULL"),
        1
    );

    let verify = env.ok(&["audit", "verify"]);
    assert!(verify.stdout.contains("1/1 seals valid"), "{verify}");
    assert!(
        verify.stderr.contains("1 seals cover pruned entries"),
        "{verify}"
    );

    // Rows deleted by hand in a sealed range that was not pruned are still tampering.
    let last = env.count("SELECT MAX(last_id) FROM audit_seals");
    env.exec(&format!("DELETE FROM audit_logs WHERE id = {last}"));
    assert_eq!(env.run(&["audit", "verify"]).code, 1);
});

each_backend!(pooled signed_seals_cannot_be_recomputed_without_the_key, |env| {
    let env = platform(env);
    seed(&env, 2000, 0);
    let keys = env.path("keys");
    let made = env.ok(&["audit", "keygen", "--out", keys.to_str().unwrap()]);
    assert!(made.stdout.contains("mode 0600"), "{made}");
    let private = keys.join("audit-signing.key");
    let public = keys.join("audit-signing.pub");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&private).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // No overwriting a key.
    assert_eq!(
        env.run(&["audit", "keygen", "--out", keys.to_str().unwrap()])
            .code,
        1
    );
    let signed = |args: &[&str]| -> Run {
        Run::from(
            env.cmd()
                .env("AUDIT_SIGNING_KEY_FILE", &private)
                .args(args)
                .output()
                .unwrap(),
        )
    };
    let seal = signed(&["audit", "seal"]);
    assert_eq!(seal.code, 0, "{seal}");
    assert!(seal.stdout.contains("signed with key"), "{seal}");
    let public_arg = public.to_str().unwrap();
    let ok = env.ok(&["audit", "verify", "--public-key", public_arg]);
    assert!(ok.stdout.contains("1/1 seals valid (signed)"), "{ok}");
    // With the signing key configured, its public half is used by default.
    let ok = signed(&["audit", "verify"]);
    assert!(ok.stdout.contains("(signed)"), "{ok}");

    // Mallory changes an entry and recomputes the seal with platctl itself, without the key:
    // the chain is consistent again, but the seal is unsigned — and a copied signature does
    // not fit the new digest.
    let signature = env.query_string("SELECT signature FROM audit_seals WHERE id = 1");
    env.tamper("UPDATE audit_logs SET actor = 'nobody' WHERE id = 7");
    env.exec("DELETE FROM audit_seals");
    env.ok(&["audit", "seal"]);
    let unsigned_ok = env.ok(&["audit", "verify"]);
    assert!(unsigned_ok.stdout.contains("(unsigned)"), "{unsigned_ok}");
    let caught = env.run(&["audit", "verify", "--public-key", public_arg]);
    assert_eq!(caught.code, 1, "{caught}");
    assert!(caught.stderr.contains("not signed"), "{caught}");
    env.exec(&format!(
        "UPDATE audit_seals SET signature = '{signature}', key_id = 'forged'"
    ));
    let forged = env.run(&["audit", "verify", "--public-key", public_arg]);
    assert_eq!(forged.code, 1, "{forged}");
    assert!(
        forged.stderr.contains("signature does not verify"),
        "{forged}"
    );

    // A public key that is not one is a usage error.
    let bad = env.run(&["audit", "verify", "--public-key", private.to_str().unwrap()]);
    assert_eq!(bad.code, 2, "{bad}");
});

each_backend!(pooled a_prune_checks_what_it_prunes_and_signs_its_record, |env| {
    let env = platform(env);
    env.tamper(match env.kind {
        Kind::Postgres => "UPDATE audit_logs SET occurred_at = now() - interval '500 days'",
        Kind::Sqlite => {
            "UPDATE audit_logs SET occurred_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-500 days')"
        }
    });
    let keys = env.path("keys");
    env.ok(&["-q", "audit", "keygen", "--out", keys.to_str().unwrap()]);
    let public = keys.join("audit-signing.pub");
    let public = public.to_str().unwrap();
    let backups = env.path("backups");
    let signed = |args: &[&str]| -> Run {
        Run::from(
            env.cmd()
                .env("AUDIT_SIGNING_KEY_FILE", keys.join("audit-signing.key"))
                .env("BACKUP_DIR", &backups)
                .args(args)
                .output()
                .unwrap(),
        )
    };
    seed(&env, 300, 400 * 24 * 60);
    assert_eq!(signed(&["-q", "audit", "seal"]).code, 0);
    seed(&env, 100, 0);
    assert_eq!(signed(&["-q", "audit", "seal"]).code, 0);
    let total = env.count("SELECT COUNT(*) FROM audit_logs");
    let prune = ["--yes", "audit", "prune", "--older-than", "365d"];

    // The seals are signed: without the key the record could not be, so nothing goes.
    let keyless = env.run(&prune);
    assert_eq!(keyless.code, 1, "{keyless}");
    assert!(keyless.stderr.contains("must be signed too"), "{keyless}");
    assert!(
        keyless.stderr.contains("AUDIT_SIGNING_KEY_FILE"),
        "{keyless}"
    );

    // A seal to prune that does not verify is evidence: the prune refuses to destroy it.
    let original = env.query_string("SELECT actor FROM audit_logs WHERE id = 20");
    env.tamper("UPDATE audit_logs SET actor = 'mallory' WHERE id = 20");
    let tampered = signed(&prune);
    assert_eq!(tampered.code, 1, "{tampered}");
    assert!(tampered.stderr.contains("seal 1 (entries 1-"), "{tampered}");
    assert!(
        tampered.stderr.contains("destroy the evidence"),
        "{tampered}"
    );
    env.tamper(&format!(
        "UPDATE audit_logs SET actor = '{original}' WHERE id = 20"
    ));

    // Nor does a seal row that claims old entries (its newest_at) make recent ones go: the
    // entries' own times count.
    let newest = env.query_string("SELECT CAST(newest_at AS TEXT) FROM audit_seals WHERE id = 2");
    env.exec(
        "UPDATE audit_seals SET newest_at = (SELECT newest_at FROM audit_seals WHERE id = 1) \
         WHERE id = 2",
    );
    let lied = signed(&prune);
    assert_eq!(lied.code, 1, "{lied}");
    assert!(lied.stderr.contains("seal 2 (entries"), "{lied}");
    assert!(lied.stderr.contains("seal row was altered"), "{lied}");
    env.exec(&format!(
        "UPDATE audit_seals SET newest_at = '{newest}' WHERE id = 2"
    ));
    assert_eq!(env.count("SELECT COUNT(*) FROM audit_logs"), total);
    assert_eq!(env.count("SELECT COUNT(*) FROM audit_prunes"), 0);

    // With the key, the record is signed and becomes the chain's head...
    let pruned = signed(&prune);
    assert_eq!(pruned.code, 0, "{pruned}");
    let record = env.query_string("SELECT digest FROM audit_prunes WHERE id = 1");
    assert_eq!(
        env.query_string("SELECT prev_digest FROM audit_prunes WHERE id = 1"),
        env.query_string("SELECT digest FROM audit_seals WHERE id = 2"),
        "it chains to the newest seal"
    );
    // ...which a backup's manifest records as the anchor...
    let taken = signed(&["backup", "run", "-o", "json"]).json();
    assert_eq!(taken["audit_seal_head"]["prune_id"], 1, "{taken}");
    assert_eq!(
        taken["audit_seal_head"]["digest"],
        record.as_str(),
        "{taken}"
    );
    let backup = taken["id"].as_str().unwrap().to_string();
    // ...and the next seal chains to.
    assert_eq!(signed(&["-q", "audit", "seal"]).code, 0);
    assert_eq!(
        env.query_string("SELECT prev_digest FROM audit_seals WHERE id = 3"),
        record
    );
    let ok = signed(&[
        "audit",
        "verify",
        "--public-key",
        public,
        "--expect-head",
        &backup,
    ]);
    assert_eq!(ok.code, 0, "{ok}");
    assert!(ok.stdout.contains("2/2 seals valid (signed)"), "{ok}");
    assert!(ok.stderr.contains("1 seals cover pruned entries"), "{ok}");
});

each_backend!(
    pooled an_anchor_from_a_backup_catches_seals_cut_off_the_end,
    |env| {
        let env = platform(env);
        let backups = env.path("backups");
        let storage = backups.to_str().unwrap();
        seed(&env, 500, 0);
        env.ok(&["audit", "seal"]);
        seed(&env, 500, 0);
        let head = env.ok(&["audit", "seal", "-o", "json"]).json()["head"].clone();
        let with_backups = |args: &[&str]| -> Run {
            Run::from(
                env.cmd()
                    .env("BACKUP_DIR", storage)
                    .args(args)
                    .output()
                    .unwrap(),
            )
        };
        let taken = with_backups(&["backup", "run", "-o", "json"]).json();
        assert_eq!(
            taken["audit_seal_head"], head,
            "the manifest records the head"
        );
        let id = taken["id"].as_str().unwrap().to_string();
        let anchored = with_backups(&["audit", "verify", "--expect-head", &id]);
        assert_eq!(anchored.code, 0, "{anchored}");
        env.ok(&[
            "audit",
            "verify",
            "--expect-head",
            head["digest"].as_str().unwrap(),
        ]);

        // The newest seal and its entries go: the chain that is left is consistent...
        let last_seal = head["seal_id"].as_i64().unwrap();
        let first = env.count(&format!(
            "SELECT first_id FROM audit_seals WHERE id = {last_seal}"
        ));
        env.exec(&format!("DELETE FROM audit_logs WHERE id >= {first}"));
        env.exec(&format!("DELETE FROM audit_seals WHERE id = {last_seal}"));
        env.ok(&["audit", "verify"]);
        // ...but not the one the backup anchored.
        let cut = with_backups(&["audit", "verify", "--expect-head", &id]);
        assert_eq!(cut.code, 1, "{cut}");
        assert!(cut.stderr.contains("is not in the chain"), "{cut}");
    }
);

each_backend!(pooled two_seals_at_once_make_one, |env| {
    let env = platform(env);
    seed(&env, 40_000, 0);
    let children: Vec<_> = (0..2)
        .map(|_| {
            env.std_cmd()
                .args(["audit", "seal"])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let run = Run::from(child.wait_with_output().unwrap());
        assert_eq!(run.code, 0, "{run}");
    }
    assert_eq!(env.count("SELECT COUNT(*) FROM audit_seals"), 1);
    env.ok(&["audit", "verify"]);
});

/// Read ndjson lines from a follower until one has `action`, or the deadline.
fn wait_for(
    lines: &std::sync::mpsc::Receiver<String>,
    action: &str,
    within: Duration,
) -> Option<Duration> {
    let start = Instant::now();
    while start.elapsed() < within {
        if let Ok(line) = lines.recv_timeout(Duration::from_millis(50)) {
            let v: serde_json::Value = serde_json::from_str(&line).unwrap();
            if v["action"] == action {
                return Some(start.elapsed());
            }
        }
    }
    None
}

each_backend!(
    pooled tail_follows_other_writers_and_stops_cleanly_on_ctrl_c,
    |env| {
        let env = platform(env);
        seed(&env, 50, 0);
        let tail = env.ok(&["audit", "tail", "-n", "5", "-o", "ndjson"]);
        let shown = ndjson(&tail);
        assert_eq!(shown.len(), 5);
        assert!(
            shown[0]["id"].as_i64() < shown[4]["id"].as_i64(),
            "oldest of them first"
        );

        let mut child = env
            .std_cmd()
            .args([
                "audit",
                "tail",
                "--follow",
                "-n",
                "1",
                "-o",
                "ndjson",
                "--interval",
                "200ms",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                if tx.send(line.unwrap()).is_err() {
                    break;
                }
            }
        });
        std::thread::sleep(Duration::from_millis(500));
        env.exec("INSERT INTO audit_logs (action, actor) VALUES ('agent.delete', 'platform')");
        let seen = wait_for(&rx, "agent.delete", Duration::from_secs(2));
        assert!(seen.is_some(), "the new entry did not show within 2 s");

        if env.kind == Kind::Postgres {
            // An entry that takes its id first and commits last is still shown.
            env.block_on(async {
                use sqlx::Connection;
                let mut late = sqlx::PgConnection::connect(&env.direct).await.unwrap();
                let mut tx = late.begin().await.unwrap();
                sqlx::query("INSERT INTO audit_logs (action, actor) VALUES ('late.commit', 'p')")
                    .execute(&mut *tx)
                    .await
                    .unwrap();
                let mut early = sqlx::PgConnection::connect(&env.direct).await.unwrap();
                sqlx::query("INSERT INTO audit_logs (action, actor) VALUES ('early.commit', 'p')")
                    .execute(&mut early)
                    .await
                    .unwrap();
                assert!(wait_for(&rx, "early.commit", Duration::from_secs(2)).is_some());
                tokio::time::sleep(Duration::from_millis(600)).await;
                tx.commit().await.unwrap();
            });
            assert!(
                wait_for(&rx, "late.commit", Duration::from_secs(2)).is_some(),
                "an entry committed after a higher id was skipped"
            );
        }

        let pid = child.id().to_string();
        std::process::Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(0), "Ctrl-C ends a follow successfully");
    }
);

each_backend!(pooled audit_operations_need_their_permissions, |env| {
    let env = platform(env);
    seed(&env, 100, 0);
    // bob is a VIEWER: no audit-logs:read.
    let denied = env.run(&["--as", "bob@acme.io", "audit", "query"]);
    assert_eq!(denied.code, 77, "{denied}");
    assert!(denied.stderr.contains("audit-logs:read"), "{denied}");
    // alice is an ADMIN of acme: she reads and exports acme's log...
    env.ok(&["--as", "alice@acme.io", "audit", "query", "--org", "acme"]);
    let out = env.path("acme.csv");
    env.ok(&[
        "--as",
        "alice@acme.io",
        "audit",
        "export",
        "--org",
        "acme",
        "--out",
        out.to_str().unwrap(),
    ]);
    // ...but neither prunes nor seals.
    let prune = env.run(&[
        "--as",
        "alice@acme.io",
        "--yes",
        "audit",
        "prune",
        "--older-than",
        "1d",
    ]);
    assert_eq!(prune.code, 77, "{prune}");
    assert!(prune.stderr.contains("audit-logs:delete"), "{prune}");
    let seal = env.run(&["--as", "alice@acme.io", "audit", "seal"]);
    assert_eq!(seal.code, 77, "{seal}");
    assert!(seal.stderr.contains("audit-logs:manage"), "{seal}");
    assert_eq!(env.count("SELECT COUNT(*) FROM audit_seals"), 0);
});

/// Ctrl-C typed in a real terminal (a pty from util-linux `script`) as soon as `tail -f` has
/// printed: exit 0, twenty times in a row (the signal handlers are in place before the
/// command runs, so no Ctrl-C meets the default action that exits 130).
#[test]
fn ctrl_c_in_a_terminal_ends_a_follow_with_0_every_time() {
    let env = platform(TestEnv::new(Kind::Sqlite));
    seed(&env, 5, 0);
    for attempt in 1..=20 {
        // Tables and NDJSON, Ctrl-C at once or in the middle of a poll.
        let format = if attempt % 2 == 0 { "table" } else { "ndjson" };
        let args = [
            "audit",
            "tail",
            "--follow",
            "-n",
            "1",
            "-o",
            format,
            "--interval",
            "50ms",
        ];
        let mut child = env
            .terminal_cmd(80, 24, &args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        stdout.read_line(&mut first).unwrap();
        assert!(!first.is_empty(), "attempt {attempt}: nothing printed");
        std::thread::sleep(Duration::from_millis(attempt * 7 % 60));
        {
            use std::io::Write;
            let mut stdin = child.stdin.take().unwrap();
            stdin.write_all(b"\x03").unwrap();
            std::thread::sleep(Duration::from_millis(100));
        }
        let mut rest = String::new();
        stdout.read_to_string(&mut rest).unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(0), "attempt {attempt}: {first}{rest}");
    }
}
