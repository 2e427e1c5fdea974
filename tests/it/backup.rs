//! Backups against real databases, a real directory and a real S3-protocol server, with
//! the faults an operator meets: corruption, a run killed mid-way, two runs at once, a store
//! that goes away.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::common::{Kind, Run, TestEnv, each_backend};
use crate::s3server::S3Server;

/// A migrated database with a little of everything, and `rows` audit rows of bulk.
pub(crate) fn populated(env: TestEnv, rows: u32) -> TestEnv {
    let env = env.migrated();
    env.ok(&["-q", "orgs", "create", "acme", "--name", "Acme; 'quoted'"]);
    env.ok(&["-q", "users", "create", "alice@acme.io", "--name", "Alice"]);
    env.ok(&[
        "-q",
        "roles",
        "assign",
        "--user",
        "alice@acme.io",
        "--org",
        "acme",
        "--role",
        "admin",
    ]);
    env.ok(&[
        "-q", "keys", "create", "--org", "acme", "--scope", "agents:*",
    ]);
    let bulk = match env.kind {
        Kind::Postgres => format!(
            "INSERT INTO audit_logs (actor, action, resource_type, resource_id, ip, metadata) \
             SELECT 'user' || i || '@acme.io', 'agent.create', 'agent', md5(random()::text), \
             '10.0.0.1', jsonb_build_object('n', i, 'request', md5(random()::text)) \
             FROM generate_series(1, {rows}) i"
        ),
        Kind::Sqlite => format!(
            "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {rows}) \
             INSERT INTO audit_logs (actor, action, resource_type, resource_id, ip, metadata) \
             SELECT 'user' || i || '@acme.io', 'agent.create', 'agent', lower(hex(randomblob(16))), \
             '10.0.0.1', json_object('n', i, 'request', lower(hex(randomblob(16)))) FROM s"
        ),
    };
    env.exec(&bulk);
    env
}

/// What must survive a backup and restore, as text.
pub(crate) fn fingerprint(env: &TestEnv, url: &str) -> Vec<String> {
    let queries = [
        "SELECT CAST(id AS TEXT) || '|' || slug || '|' || name FROM organizations ORDER BY slug",
        "SELECT CAST(id AS TEXT) || '|' || email || '|' || COALESCE(name, '') FROM users ORDER BY email",
        "SELECT key_hash || '|' || name || '|' || prefix FROM api_keys ORDER BY key_hash",
        "SELECT CAST(COUNT(*) AS TEXT) FROM role_permissions",
        "SELECT CAST(version AS TEXT) || '|' || checksum FROM _platctl_migrations ORDER BY version",
        "SELECT CAST(id AS TEXT) || '|' || action || '|' || COALESCE(resource_id, '') || '|' || \
         CAST(metadata AS TEXT) || '|' || COALESCE(CAST(ip AS TEXT), '') FROM audit_logs ORDER BY id",
    ];
    queries
        .iter()
        .flat_map(|q| env.query_strings_at(url, q))
        .collect()
}

pub(crate) fn sha256_file(path: &Path) -> String {
    use sha2::Digest;
    let bytes = std::fs::read(path).unwrap();
    sha2::Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn storage(env: &TestEnv) -> PathBuf {
    env.path("backups")
}

/// Rewrite a backup's manifest, as damage or tampering would.
fn edit_manifest(env: &TestEnv, id: &str, edit: impl FnOnce(&mut serde_json::Value)) {
    let path = storage(env).join(format!("{id}.manifest.json"));
    let mut m: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    edit(&mut m);
    std::fs::write(&path, serde_json::to_vec(&m).unwrap()).unwrap();
}

/// Make a manifest promise `rows` for the table whose name ends with `suffix`.
fn promise_rows(m: &mut serde_json::Value, suffix: &str, rows: impl FnOnce(u64) -> u64) {
    let tables = m["tables"].as_object_mut().unwrap();
    let key = tables.keys().find(|t| t.ends_with(suffix)).unwrap().clone();
    let promised = rows(tables[&key].as_u64().unwrap());
    tables.insert(key, serde_json::json!(promised));
}

fn backup(env: &TestEnv, args: &[&str]) -> Run {
    let dir = storage(env);
    let mut all = vec!["backup"];
    all.extend(args);
    all.extend(["--storage", dir.to_str().unwrap()]);
    env.run(&all)
}

fn list(env: &TestEnv) -> Vec<serde_json::Value> {
    let run = backup(env, &["list", "-o", "json"]);
    assert_eq!(run.code, 0, "{run}");
    run.json().as_array().unwrap().clone()
}

fn artifact_of(env: &TestEnv, entry: &serde_json::Value) -> PathBuf {
    let id = entry["id"].as_str().unwrap();
    let dir = storage(env);
    ["sql.gz", "db.gz"]
        .iter()
        .map(|ext| dir.join(format!("{id}.{ext}")))
        .find(|p| p.exists())
        .unwrap()
}

each_backend!(pooled quiet_run_then_restore_reproduces_the_data, |env| {
    let env = populated(env, 2000);
    let before = fingerprint(&env, &env.direct);

    let run = backup(&env, &["-q", "run", "--label", "nightly"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stdout.is_empty() && run.stderr.is_empty(),
        "-q printed:\n{run}"
    );

    let entries = list(&env);
    assert_eq!(entries.len(), 1);
    let entry = &entries[0];
    assert_eq!(entry["status"], "ok");
    assert_eq!(entry["label"], "nightly");
    assert_eq!(entry["sha256"], sha256_file(&artifact_of(&env, entry)));
    let id = entry["id"].as_str().unwrap().to_string();
    let shown = backup(&env, &["show", &id, "-o", "json"]).json();
    let audit_rows = shown["tables"]
        .as_object()
        .unwrap()
        .iter()
        .find(|(t, _)| t.ends_with("audit_logs"))
        .map(|(_, n)| n.as_u64().unwrap())
        .unwrap();
    assert!(audit_rows >= 2000, "{shown}");
    assert_eq!(shown["schema_version"], crate::common::versions());
    // For people, the lists are counted (whole in -o json above).
    let tables = shown["tables"].as_object().unwrap();
    let rows: u64 = tables.values().map(|n| n.as_u64().unwrap()).sum();
    let builds = shown["index_builds"].as_object().unwrap();
    let people = backup(&env, &["show", &id]);
    let summary = |field: &str| {
        let line = people.stdout.lines().find(|l| l.starts_with(field));
        line.unwrap_or_else(|| panic!("no {field}:\n{people}"))[field.len()..]
            .trim()
            .to_string()
    };
    assert_eq!(
        summary("tables"),
        format!("{} tables, {rows} rows", tables.len())
    );
    let expected = match env.kind {
        Kind::Sqlite => "none".to_string(),
        Kind::Postgres => format!(
            "{} builds on {} tables",
            builds.values().map(|b| b.as_array().unwrap().len()).sum::<usize>(),
            builds.len()
        ),
    };
    assert_eq!(summary("index_builds"), expected, "{people}");
    assert_eq!(
        env.count("SELECT COUNT(*) FROM audit_logs WHERE action = 'backup.run'"),
        1
    );

    let target = env.another_database();
    let restored = backup(&env, &["restore", "--latest", "--into", &target, "--yes"]);
    assert_eq!(restored.code, 0, "{restored}");
    assert_eq!(
        fingerprint(&env, &target),
        before,
        "the restore differs from the source"
    );
    assert_eq!(
        env.count("SELECT COUNT(*) FROM audit_logs WHERE action = 'backup.restore'"),
        1
    );

    // A target that holds tables is refused without --clean, and left alone.
    let again = backup(&env, &["restore", &id, "--into", &target, "--yes"]);
    assert_eq!(again.code, 1, "{again}");
    assert!(again.stderr.contains("is not empty"), "{again}");
    assert!(again.stderr.contains("--clean"), "{again}");
    assert_eq!(fingerprint(&env, &target), before);

    // --clean replaces it (and asks first).
    let unconfirmed = backup(&env, &["restore", &id, "--into", &target, "--clean"]);
    assert_eq!(unconfirmed.code, 2, "{unconfirmed}");
    let clean = backup(
        &env,
        &["restore", &id, "--into", &target, "--clean", "--yes"],
    );
    assert_eq!(clean.code, 0, "{clean}");
    assert_eq!(fingerprint(&env, &target), before);
});

each_backend!(pooled a_flipped_byte_is_caught_by_verify_and_restore, |env| {
    let env = populated(env, 500);
    backup(&env, &["-q", "run"]);
    let entry = list(&env)[0].clone();
    let id = entry["id"].as_str().unwrap().to_string();
    let good = backup(&env, &["verify", &id]);
    assert_eq!(good.code, 0, "{good}");

    let artifact = artifact_of(&env, &entry);
    let mut bytes = std::fs::read(&artifact).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x40;
    std::fs::write(&artifact, bytes).unwrap();

    let verify = backup(&env, &["verify", &id]);
    assert_eq!(verify.code, 1, "{verify}");
    assert!(verify.stderr.contains("corrupt"), "{verify}");

    let target = env.another_database();
    let restore = backup(&env, &["restore", &id, "--into", &target, "--yes"]);
    assert_eq!(restore.code, 1, "{restore}");
    assert!(restore.stderr.contains("corrupt"), "{restore}");
    assert_eq!(
        env.tables_at(&target),
        0,
        "a refused restore touched the target"
    );
});

each_backend!(pooled restore_test_compares_row_counts_with_the_manifest, |env| {
    let env = populated(env, 300);
    backup(&env, &["-q", "run"]);
    let id = list(&env)[0]["id"].as_str().unwrap().to_string();
    let ok = backup(&env, &["verify", &id, "--restore-test", "-o", "json"]);
    assert_eq!(ok.code, 0, "{ok}");
    assert!(ok.json()["tables_checked"].as_u64().unwrap() >= 10, "{ok}");

    // A manifest that promises a row too many is caught by the test restore.
    edit_manifest(&env, &id, |m| promise_rows(m, "organizations", |_| 99));
    let bad = backup(&env, &["-q", "verify", &id, "--restore-test"]);
    assert_eq!(bad.code, 1, "{bad}");
    assert!(
        bad.stderr.contains("organizations"),
        "a failure must show even with -q:\n{bad}"
    );
    if env.kind == Kind::Postgres {
        // Other tests share the server: this backup's scratch database only.
        let name = format!(
            "platctl_verify_{}",
            id.to_lowercase().replace(['-', '.'], "_")
        );
        let scratch = env.count(&format!(
            "SELECT COUNT(*) FROM pg_database WHERE starts_with(datname, '{name}_')"
        ));
        assert_eq!(scratch, 0, "the scratch database was left behind");
    }
});

/// Wait until `path` exists (or panic after 30 s).
pub(crate) fn wait_for(mut found: impl FnMut() -> bool, what: &str) {
    let start = Instant::now();
    while !found() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

pub(crate) fn partial_exists(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .any(|e| e.file_name().to_string_lossy().ends_with(".partial"))
        })
        .unwrap_or(false)
}

each_backend!(pooled a_run_killed_mid_way_leaves_nothing_listed, |env| {
    let env = populated(env, 300_000);
    let dir = storage(&env);
    let mut child = env
        .std_cmd()
        .args(["backup", "run", "--storage", dir.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for(|| partial_exists(&dir), "the run to start writing");
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert!(
        list(&env).is_empty(),
        "a killed run left a backup in the list"
    );
    assert!(partial_exists(&dir), "the test killed the run too late");

    // The next run succeeds and removes the leftovers.
    let next = backup(&env, &["-q", "run"]);
    assert_eq!(next.code, 0, "{next}");
    assert!(!partial_exists(&dir), "leftovers were not cleaned");
    let snapshots = std::fs::read_dir(env.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".snapshot-"))
        .count();
    assert_eq!(
        snapshots, 0,
        "a killed run's SQLite snapshot was left behind"
    );
    let entries = list(&env);
    assert_eq!(entries.len(), 1);
    assert_eq!(
        backup(&env, &["verify", entries[0]["id"].as_str().unwrap()]).code,
        0
    );
});

each_backend!(pooled two_runs_at_once_never_share_the_storage, |env| {
    let env = populated(env, 300_000);
    let dir = storage(&env);
    let spawn = |extra: &[&str]| {
        env.std_cmd()
            .args(["backup", "run", "--storage", dir.to_str().unwrap()])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let first = spawn(&[]);
    wait_for(|| partial_exists(&dir), "the first run to take the lock");
    // One that will not wait is refused, naming the holder.
    let refused = Run::from(spawn(&["--lock-timeout", "0s"]).wait_with_output().unwrap());
    // One that waits gets its turn.
    let patient = spawn(&["--lock-timeout", "120s"]);
    let first = Run::from(first.wait_with_output().unwrap());
    let patient = Run::from(patient.wait_with_output().unwrap());
    assert_eq!(first.code, 0, "{first}");
    assert_eq!(patient.code, 0, "{patient}");
    assert_eq!(refused.code, 1, "{refused}");
    assert!(refused.stderr.contains("holds the lock"), "{refused}");
    assert!(refused.stderr.contains("pid"), "{refused}");
    let entries = list(&env);
    assert_eq!(entries.len(), 2);
    for entry in entries {
        assert_eq!(entry["status"], "ok");
        assert_eq!(
            backup(&env, &["verify", entry["id"].as_str().unwrap()]).code,
            0
        );
    }
});

#[test]
fn prune_keeps_the_newest_and_dry_run_keeps_everything() {
    let env = populated(TestEnv::new(Kind::Sqlite), 10);
    for _ in 0..3 {
        assert_eq!(backup(&env, &["-q", "run"]).code, 0);
        std::thread::sleep(Duration::from_millis(1100));
    }
    let entries = list(&env);
    assert_eq!(entries.len(), 3);
    // Age every manifest by 40 days.
    for entry in &entries {
        edit_manifest(&env, entry["id"].as_str().unwrap(), |m| {
            for field in ["started_at", "finished_at"] {
                let t: chrono::DateTime<chrono::Utc> = m[field].as_str().unwrap().parse().unwrap();
                m[field] = serde_json::json!(t - chrono::Duration::days(40));
            }
        });
    }
    let dry = backup(&env, &["prune", "--dry-run", "-o", "json"]);
    assert_eq!(dry.code, 0, "{dry}");
    assert_eq!(dry.json()["deleted"].as_array().unwrap().len(), 2);
    assert_eq!(list(&env).len(), 3, "--dry-run deleted something");

    let pruned = backup(&env, &["prune", "--older-than", "30d", "-o", "json"]);
    assert_eq!(pruned.code, 0, "{pruned}");
    let left = list(&env);
    assert_eq!(left.len(), 1, "the newest backup must survive");
    assert_eq!(left[0]["id"], entries[0]["id"]);
    assert_eq!(
        env.count("SELECT COUNT(*) FROM audit_logs WHERE action = 'backup.prune'"),
        1
    );
}

#[test]
fn backup_enabled_false_does_nothing_and_says_so() {
    let env = populated(TestEnv::new(Kind::Sqlite), 10);
    let run = Run::from(
        env.cmd()
            .env("BACKUP_ENABLED", "false")
            .args([
                "backup",
                "run",
                "--storage",
                storage(&env).to_str().unwrap(),
            ])
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stdout.contains("disabled"), "{run}");
    assert!(
        !storage(&env).exists(),
        "a disabled run wrote to the storage"
    );
    let quiet = Run::from(
        env.cmd()
            .env("BACKUP_ENABLED", "false")
            .args([
                "-q",
                "backup",
                "run",
                "--storage",
                storage(&env).to_str().unwrap(),
            ])
            .output()
            .unwrap(),
    );
    assert_eq!(quiet.code, 0, "{quiet}");
    assert!(
        quiet.stdout.is_empty() && quiet.stderr.is_empty(),
        "{quiet}"
    );
}

fn s3_cmd(env: &TestEnv, server: &S3Server, args: &[&str]) -> Run {
    let mut cmd = env.cmd();
    for (k, v) in server.env() {
        cmd.env(k, v);
    }
    let mut all = vec!["backup"];
    all.extend(args);
    all.extend(["--storage", "s3://backups/nightly/platform"]);
    Run::from(cmd.args(&all).output().unwrap())
}

each_backend!(pooled s3_run_list_restore_with_multipart_uploads, |env| {
    let env = populated(env, 150_000);
    let before = fingerprint(&env, &env.direct);
    let server = S3Server::start(&env.path("s3"), None);
    let run = s3_cmd(&env, &server, &["-q", "run"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        server.parts_uploaded() >= 2,
        "the upload used {} part(s); the test needs a multipart upload",
        server.parts_uploaded()
    );
    let listed = s3_cmd(&env, &server, &["list", "-o", "json"]);
    assert_eq!(listed.code, 0, "{listed}");
    let entries = listed.json().as_array().unwrap().clone();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["status"], "ok");
    let objects = server.objects("nightly/platform");
    assert_eq!(objects.len(), 2, "{objects:?}");

    let target = env.another_database();
    let restored = s3_cmd(
        &env,
        &server,
        &["restore", "--latest", "--into", &target, "--yes"],
    );
    assert_eq!(restored.code, 0, "{restored}");
    assert_eq!(fingerprint(&env, &target), before);
    let verified = s3_cmd(&env, &server, &["verify", "--latest"]);
    assert_eq!(verified.code, 0, "{verified}");
    // Secrets stay out of everything printed.
    for run in [&run, &listed, &restored, &verified] {
        assert!(!run.all_output().contains(crate::s3server::SECRET_KEY));
    }
});

#[test]
fn s3_server_going_away_mid_upload_fails_and_lists_nothing() {
    let env = populated(TestEnv::new(Kind::Postgres), 150_000);
    let root = env.path("s3");
    {
        let server = S3Server::start(&root, Some(1));
        let run = s3_cmd(&env, &server, &["run"]);
        assert_ne!(run.code, 0, "{run}");
        assert!(run.stderr.contains("error:"), "{run}");
        assert!(server.parts_uploaded() >= 2);
    }
    // The store is back: nothing half-written is listed, and the next run works.
    let server = S3Server::start(&root, None);
    let listed = s3_cmd(&env, &server, &["list", "-o", "json"]);
    assert_eq!(listed.code, 0, "{listed}");
    assert_eq!(listed.json().as_array().unwrap().len(), 0, "{listed}");
    assert!(server.objects("nightly/platform").is_empty());
    let run = s3_cmd(&env, &server, &["-q", "run"]);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(server.objects("nightly/platform").len(), 2);
}

each_backend!(pooled a_failed_restore_leaves_the_target_as_it_was, |env| {
    let env = populated(env, 300);
    backup(&env, &["-q", "run"]);
    let id = list(&env)[0]["id"].as_str().unwrap().to_string();
    // A manifest promising rows the dump does not hold: the restore fails at its very end.
    edit_manifest(&env, &id, |m| promise_rows(m, "audit_logs", |n| n + 1));

    // Into an empty database: it is empty again afterwards.
    let empty = env.another_database();
    let run = backup(&env, &["restore", &id, "--into", &empty, "--yes"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("audit_logs"), "{run}");
    assert_eq!(
        env.tables_at(&empty),
        0,
        "a failed restore left tables behind"
    );

    // With --clean over existing data: the old data is intact.
    let before = fingerprint(&env, &env.direct);
    let run = backup(&env, &["restore", &id, "--clean", "--yes"]);
    assert_eq!(run.code, 1, "{run}");
    assert_eq!(
        fingerprint(&env, &env.direct),
        before,
        "a failed --clean restore changed the data"
    );
});

each_backend!(
    pooled prune_never_keeps_a_corrupt_backup_as_the_newest_good_one,
    |env| {
        let env = populated(env, 200);
        for _ in 0..2 {
            assert_eq!(backup(&env, &["-q", "run"]).code, 0);
        }
        let entries = list(&env);
        let (newest, older) = (entries[0].clone(), entries[1].clone());
        let artifact = artifact_of(&env, &newest);
        let mut bytes = std::fs::read(&artifact).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0x40;
        std::fs::write(&artifact, bytes).unwrap();

        // The dry run checks the backup it would keep, finds it corrupt, and keeps the good one.
        let dry = backup(
            &env,
            &["prune", "--older-than", "0s", "--dry-run", "-o", "json"],
        );
        assert_eq!(dry.code, 0, "{dry}");
        let report = dry.json();
        assert_eq!(report["newest_good"], older["id"], "{dry}");
        let doomed: Vec<&serde_json::Value> = report["deleted"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| &b["id"])
            .collect();
        assert_eq!(doomed, vec![&newest["id"]], "{dry}");
        assert!(dry.stderr.contains("corrupt"), "{dry}");
        assert_eq!(list(&env).len(), 2, "--dry-run deleted something");

        // What verify finds corrupt, `backup list` shows as corrupt.
        let id = newest["id"].as_str().unwrap();
        assert_eq!(backup(&env, &["verify", id]).code, 1);
        let listed = list(&env);
        assert_eq!(listed[0]["status"], "corrupt", "{listed:?}");
        assert!(listed[0]["checked_at"].is_string());
        assert_eq!(listed[1]["status"], "ok");
        // --latest skips it; restoring it by id is refused.
        let refused = backup(
            &env,
            &["restore", id, "--into", &env.another_database(), "--yes"],
        );
        assert_eq!(refused.code, 1, "{refused}");
        assert!(refused.stderr.contains("corrupt"), "{refused}");

        let pruned = backup(&env, &["prune", "--older-than", "0s"]);
        assert_eq!(pruned.code, 0, "{pruned}");
        assert!(
            pruned.stdout.contains("its SHA-256 was checked"),
            "{pruned}"
        );
        let left = list(&env);
        assert_eq!(left.len(), 1);
        assert_eq!(left[0]["id"], older["id"]);
    }
);

#[test]
fn backups_taken_in_the_same_second_list_newest_first() {
    let env = populated(TestEnv::new(Kind::Sqlite), 10);
    for _ in 0..2 {
        assert_eq!(backup(&env, &["-q", "run"]).code, 0);
    }
    let mut ids: Vec<String> = list(&env)
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    // The same second, in the opposite order of their ids (as random suffixes could have it).
    for (id, at) in [
        (&ids[0], "2026-11-26T02:00:00.900000Z"),
        (&ids[1], "2026-11-26T02:00:00.100000Z"),
    ] {
        edit_manifest(&env, id, |m| {
            m["started_at"] = serde_json::json!(at);
            m["finished_at"] = serde_json::json!(at);
        });
    }
    let listed: Vec<String> = list(&env)
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(listed, vec![ids[0].clone(), ids[1].clone()]);
    let latest = backup(&env, &["verify", "--latest", "-o", "json"]);
    assert_eq!(latest.json()["id"], ids[0].as_str());
    // New ids carry the microsecond.
    assert!(
        ids.iter()
            .all(|id| id.len() == 28 && id.as_bytes()[15] == b'.'),
        "{ids:?}"
    );
}

/// A run without credentials where the instance metadata service (on loopback) refuses every
/// request with 403, or accepts the connection and never answers.
/// `backup run` with these variables set and those removed.
type RunWith<'a> = &'a dyn Fn(&str, &[(&str, String)], &[&str]) -> Run;

fn imds_says(run_with: RunWith<'_>, how: &str) -> Run {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    let refuses = how == "refuses";
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for mut conn in listener.incoming().flatten() {
            if refuses {
                let mut buf = [0u8; 4096];
                let _ = conn.read(&mut buf);
                let _ = conn.write_all(b"HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n");
            } else {
                held.push(conn);
            }
        }
    });
    let none = "/nonexistent/aws".to_string();
    let started = std::time::Instant::now();
    let run = run_with(
        "s3://backups/x",
        &[
            ("AWS_CONFIG_FILE", none.clone()),
            ("AWS_SHARED_CREDENTIALS_FILE", none),
            ("AWS_EC2_METADATA_SERVICE_ENDPOINT", endpoint),
        ],
        &[
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_EC2_METADATA_DISABLED",
        ],
    );
    let waited = started.elapsed();
    assert!(
        waited < std::time::Duration::from_secs(5),
        "metadata service {how}: {waited:?}"
    );
    run
}

#[test]
fn s3_errors_are_one_line_each() {
    let env = populated(TestEnv::new(Kind::Sqlite), 10);
    let server = S3Server::start(&env.path("s3"), None);
    let run_with = |storage: &str, env_vars: &[(&str, String)], removed: &[&str]| {
        let mut cmd = env.cmd();
        for (k, v) in server.env() {
            cmd.env(k, v);
        }
        for (k, v) in env_vars {
            cmd.env(k, v);
        }
        for k in removed {
            cmd.env_remove(k);
        }
        Run::from(
            cmd.args(["backup", "run", "--storage", storage])
                .output()
                .unwrap(),
        )
    };
    // (what happened, the one line expected, the exit code)
    let cases: Vec<(Run, &str)> = vec![
        (
            {
                let mut cmd = env.cmd();
                for (k, v) in server.env() {
                    cmd.env(k, v);
                }
                Run::from(
                    cmd.args(["backup", "list", "--storage", "s3://no-such-bucket/x"])
                        .output()
                        .unwrap(),
                )
            },
            "the bucket `no-such-bucket` does not exist",
        ),
        (
            run_with(
                "s3://backups/x",
                &[("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:1".into())],
                &[],
            ),
            "cannot connect to http://127.0.0.1:1",
        ),
        (
            run_with(
                "s3://backups/x",
                &[
                    ("AWS_CONFIG_FILE", env.path("none").display().to_string()),
                    (
                        "AWS_SHARED_CREDENTIALS_FILE",
                        env.path("none").display().to_string(),
                    ),
                ],
                &["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"],
            ),
            "no AWS credentials were found (tried environment, ~/.aws profile, web identity, \
             ECS, EC2 instance metadata)",
        ),
        // On a cloud machine without a role: the metadata service refuses, or never answers.
        // The same words, within a few seconds.
        (imds_says(&run_with, "refuses"), "no AWS credentials were"),
        (imds_says(&run_with, "hangs"), "no AWS credentials were"),
        (
            run_with(
                "s3://backups/x",
                &[("AWS_SECRET_ACCESS_KEY", "not-the-secret-at-all".into())],
                &[],
            ),
            "signature",
        ),
        (
            run_with(
                "s3://backups/x",
                &[("AWS_ACCESS_KEY_ID", "nobody-at-all".into())],
                &[],
            ),
            "is denied",
        ),
    ];
    for (run, expected) in cases {
        // Missing credentials are a configuration error (2); the rest are failures (1).
        let code = if expected.contains("credentials") {
            2
        } else {
            1
        };
        assert_eq!(run.code, code, "{run}");
        let error: Vec<&str> = run
            .stderr
            .lines()
            .filter(|l| l.starts_with("error:"))
            .collect();
        assert_eq!(error.len(), 1, "{run}");
        assert!(error[0].contains(expected), "expected {expected:?}:\n{run}");
        assert!(error[0].len() < 200, "{run}");
        assert!(
            run.stderr.lines().count() <= 2,
            "more than an error and a hint:\n{run}"
        );
        assert!(run.stderr.contains("hint:"), "{run}");
        for dump in ["DispatchFailure", "ConnectorError", "{ "] {
            assert!(!run.stderr.contains(dump), "a debug dump:\n{run}");
        }
    }
    assert!(server.objects("x").is_empty());
}

#[test]
fn a_missing_backup_directory_is_an_error_not_an_empty_list() {
    let env = populated(TestEnv::new(Kind::Sqlite), 10);
    let run = env.run(&["backup", "list", "--storage", "/typo/dir"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("/typo/dir does not exist"), "{run}");
}

#[test]
fn a_backup_of_a_partly_migrated_database_says_why_it_has_no_audit_entry() {
    let env = TestEnv::new(Kind::Sqlite);
    env.ok(&["-q", "migrate", "run", "--to", "3"]);
    let run = backup(&env, &["run"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stderr.contains("audit entry"), "{run}");
    assert!(
        run.stderr
            .contains(&format!("version 3 of {}", crate::common::versions())),
        "{run}"
    );
    assert_eq!(list(&env).len(), 1);
}

#[test]
fn backup_enabled_names_the_value_it_was_given() {
    let env = populated(TestEnv::new(Kind::Sqlite), 10);
    let run = Run::from(
        env.cmd()
            .env("BACKUP_ENABLED", "no")
            .args([
                "backup",
                "run",
                "--storage",
                storage(&env).to_str().unwrap(),
            ])
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stdout.contains("BACKUP_ENABLED=`no`"), "{run}");
}

/// Where backups go does not depend on the working directory: by default beside the embedded
/// database; a relative BACKUP_DIR against the env file that sets it, or the working
/// directory it was given in; always shown absolute. A backup cron takes from `$HOME` is the
/// one `health` run from `/` finds.
#[test]
fn the_backup_directory_is_one_place_from_any_working_directory() {
    let env = TestEnv::embedded();
    env.ok(&["-q", "init"]);
    let home = env.home();
    let from = |dir: &Path, extra: &[(&str, &str)], args: &[&str]| {
        let mut cmd = env.cmd();
        cmd.current_dir(dir);
        for (k, v) in extra {
            cmd.env(k, v);
        }
        Run::from(cmd.args(args).output().unwrap())
    };
    let default = home.join(".local/share/platctl/backups");
    let taken = from(&home, &[], &["-q", "backup", "run"]);
    assert_eq!(taken.code, 0, "{taken}");
    assert!(default.is_dir(), "no {}", default.display());
    let health = from(
        Path::new("/"),
        &[],
        &["health", "--check", "backups", "-o", "json"],
    );
    assert_eq!(health.code, 0, "{health}");
    let listed = from(Path::new("/"), &[], &["backup", "list", "-o", "json"]).json();
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    let shown = from(Path::new("/"), &[], &["config", "show", "-o", "json"]).json();
    let value = |shown: &serde_json::Value| {
        shown
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["setting"] == "backup_dir")
            .unwrap()["value"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(value(&shown), default.display().to_string());

    // The platform's .env says BACKUP_DIR=./backups: its own directory's.
    let platform = env.path("platform");
    std::fs::create_dir_all(&platform).unwrap();
    std::fs::write(platform.join(".env"), "BACKUP_DIR=./backups\n").unwrap();
    let env_file = platform.join(".env");
    let env_file = env_file.to_str().unwrap();
    for dir in [Path::new("/"), home.as_path()] {
        let shown = from(
            dir,
            &[],
            &["--env-file", env_file, "config", "show", "-o", "json"],
        );
        assert_eq!(
            value(&shown.json()),
            platform.join("backups").display().to_string()
        );
    }
    // Given in the environment: the working directory it was given in, shown absolute.
    let shown = from(
        &platform,
        &[("BACKUP_DIR", "elsewhere")],
        &["config", "show", "-o", "json"],
    );
    assert_eq!(
        value(&shown.json()),
        platform.join("elsewhere").display().to_string()
    );
    let relative = from(
        &platform,
        &[],
        &["-q", "backup", "run", "--storage", "by-flag"],
    );
    assert_eq!(relative.code, 0, "{relative}");
    assert!(platform.join("by-flag").is_dir());
}

/// The schema of a PostgreSQL database as `pg_dump --schema-only` prints it (without the
/// random `\restrict` key of each run).
fn schema_of(url: &str) -> String {
    let pg_dump = crate::common::find_pg_bin("pg_dump")
        .expect("pg_dump is needed: install PostgreSQL's client tools (postgresql-client)");
    let out = std::process::Command::new(pg_dump)
        .args(["--schema-only", "--no-owner", "-d", url])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("\\restrict") && !l.starts_with("\\unrestrict"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The manifest lists the dump's index builds per table, and a parallel restore starts them as
/// soon as a table's rows are in. The schema still comes out exactly as the dump has it —
/// partitions and their attached indexes, keys that foreign keys reference (of an empty table
/// too), odd names, an expression index, a function whose body reads like an index build —
/// and a manifest listing a build its dump does not hold is not believed.
#[test]
fn index_builds_start_early_and_the_schema_comes_out_as_dumped() {
    let env = populated(TestEnv::new(Kind::Postgres), 3000);
    env.exec(
        "CREATE TABLE public.events (id bigint NOT NULL, at date NOT NULL, body text) \
           PARTITION BY RANGE (at);
         CREATE TABLE public.events_2026 PARTITION OF public.events \
           FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
         ALTER TABLE public.events ADD PRIMARY KEY (id, at);
         CREATE INDEX events_body_idx ON public.events (lower(body));
         INSERT INTO public.events SELECT i, DATE '2026-01-01' + (i % 300), 'Body ' || i \
           FROM generate_series(1, 5000) i;
         CREATE TABLE public.\"Odd Name\" (id int PRIMARY KEY, \"Weird Col\" text UNIQUE);
         INSERT INTO public.\"Odd Name\" SELECT i, 'w' || i FROM generate_series(1, 100) i;
         CREATE TABLE public.empty_parent (id int PRIMARY KEY);
         CREATE TABLE public.child (id int PRIMARY KEY, \
           parent int REFERENCES public.empty_parent (id), \
           odd int REFERENCES public.\"Odd Name\" (id));
         INSERT INTO public.child SELECT i, NULL, i FROM generate_series(1, 100) i;
         CREATE FUNCTION public.not_an_index() RETURNS text LANGUAGE sql AS $f$
SELECT '
CREATE INDEX fake ON public.child USING btree (id);
'::text
$f$;",
    );
    let before = (schema_of(&env.direct), fingerprint(&env, &env.direct));
    assert_eq!(backup(&env, &["-q", "run"]).code, 0);
    let id = list(&env)[0]["id"].as_str().unwrap().to_string();
    let shown = backup(&env, &["show", &id, "-o", "json"]).json();
    let builds = shown["index_builds"].as_object().unwrap();
    for table in [
        "public.audit_logs",
        "public.events_2026",
        "public.\"Odd Name\"",
        "public.empty_parent",
        "public.child",
    ] {
        assert!(builds.contains_key(table), "{table}: {builds:?}");
    }
    assert!(
        !shown["index_builds"].to_string().contains("fake"),
        "{shown}"
    );

    let target = env.another_database();
    let run = backup(&env, &["restore", &id, "--into", &target, "--yes"]);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!((schema_of(&target), fingerprint(&env, &target)), before);

    // A build the dump does not hold, or one changed: refused at the end, the target emptied.
    for edit in [
        |b: &mut Vec<serde_json::Value>| {
            b.push("CREATE INDEX planted ON public.child USING btree (odd);".into())
        },
        |b: &mut Vec<serde_json::Value>| {
            b[0] = "ALTER TABLE ONLY public.child\n    ADD CONSTRAINT child_pkey PRIMARY KEY (odd);"
                .into()
        },
    ] {
        let edited = backup(&env, &["-q", "run"]);
        assert_eq!(edited.code, 0, "{edited}");
        let id = list(&env)[0]["id"].as_str().unwrap().to_string();
        edit_manifest(&env, &id, |m| {
            edit(m["index_builds"]["public.child"].as_array_mut().unwrap())
        });
        let target = env.another_database();
        let run = backup(&env, &["restore", &id, "--into", &target, "--yes"]);
        assert_eq!(run.code, 1, "{run}");
        assert!(
            run.stderr
                .contains("the manifest does not describe this artifact"),
            "{run}"
        );
        assert_eq!(env.tables_at(&target), 0, "{run}");
    }

    // A listed build carrying more than itself never runs the rest: one statement only.
    assert_eq!(backup(&env, &["-q", "run"]).code, 0);
    let id = list(&env)[0]["id"].as_str().unwrap().to_string();
    edit_manifest(&env, &id, |m| {
        let builds = m["index_builds"]["public.child"].as_array_mut().unwrap();
        builds.push(
            "CREATE INDEX planted ON public.child USING btree (odd); \
             CREATE ROLE platctl_planted;"
                .into(),
        );
    });
    let target = env.another_database();
    let run = backup(&env, &["restore", &id, "--into", &target, "--yes"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("listed in the manifest"), "{run}");
    assert_eq!(env.tables_at(&target), 0, "{run}");
    assert_eq!(
        env.count("SELECT COUNT(*) FROM pg_roles WHERE rolname = 'platctl_planted'"),
        0,
        "{run}"
    );
}
