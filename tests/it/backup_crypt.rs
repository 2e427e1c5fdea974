//! Encrypted and zstd backups: round trips on every database, local and S3, restored by platctl
//! and by the stock tools an operator would reach for (Debian's `age`, `gunzip`, `zstd`,
//! `psql`); a missing, wrong or unreadable key, a private key where a public one belongs, and
//! a damaged encrypted artifact, each leaving the target untouched; backups written before
//! these settings existed.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::backup::{fingerprint, populated, sha256_file};
use crate::common::{Kind, Run, TestEnv, each_backend, find_pg_bin, which};
use crate::s3server::S3Server;

/// Two key pairs made by Debian's `age-keygen` (backups go to both) and a third, stranger one.
struct Keys {
    first: PathBuf,
    second: PathBuf,
    stranger: PathBuf,
    /// `age1…,age1…`: the first two public keys.
    recipients: String,
    public: Vec<String>,
}

fn tool(name: &str) -> PathBuf {
    which(name).unwrap_or_else(|| {
        panic!("this test needs {name}: install it (Debian/Ubuntu: apt-get install {name})")
    })
}

impl Keys {
    fn new(env: &TestEnv) -> Keys {
        let keygen = tool("age-keygen");
        let make = |name: &str| {
            let path = env.path(name);
            let made = Command::new(&keygen).arg("-o").arg(&path).output().unwrap();
            assert!(made.status.success(), "{made:?}");
            let public = Command::new(&keygen).arg("-y").arg(&path).output().unwrap();
            (
                path,
                String::from_utf8(public.stdout).unwrap().trim().to_string(),
            )
        };
        let (first, a) = make("first.key");
        let (second, b) = make("second.key");
        let (stranger, _) = make("stranger.key");
        Keys {
            first,
            second,
            stranger,
            recipients: format!("{a},{b}"),
            public: vec![a, b],
        }
    }

    /// What a private key file holds, for the checks that it is never shown.
    fn secret(path: &Path) -> String {
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .find(|l| l.starts_with("AGE-SECRET-KEY-"))
            .unwrap()
            .to_string()
    }
}

fn storage(env: &TestEnv) -> PathBuf {
    env.path("backups")
}

/// `platctl backup ARGS --storage DIR` with `vars` set.
fn backup_with(env: &TestEnv, vars: &[(&str, &str)], args: &[&str]) -> Run {
    let dir = storage(env);
    let mut cmd = env.cmd();
    cmd.envs(vars.iter().copied());
    cmd.arg("backup")
        .args(args)
        .args(["--storage", dir.to_str().unwrap()]);
    let run = Run::from(cmd.output().unwrap());
    let shown = run.all_output().to_ascii_uppercase();
    for key in ["first.key", "second.key", "stranger.key"] {
        if env.path(key).exists() {
            // Any part of it: a cut quotation would show most of a key.
            let secret = Keys::secret(&env.path(key));
            let body = &secret["AGE-SECRET-KEY-".len()..];
            assert!(
                !shown.contains(&body[..16]) && !shown.contains(&body[body.len() - 16..]),
                "a private key was shown:\n{run}"
            );
        }
    }
    run
}

/// `platctl backup ARGS --storage s3://backups/PREFIX` on `server`, with `vars` set.
fn on_s3(
    env: &TestEnv,
    server: &S3Server,
    prefix: &str,
    vars: &[(&str, &str)],
    args: &[&str],
) -> Run {
    let mut cmd = env.cmd();
    for (k, v) in server.env() {
        cmd.env(k, v);
    }
    cmd.envs(vars.iter().copied());
    cmd.arg("backup")
        .args(args)
        .args(["--storage", &format!("s3://backups/{prefix}")]);
    Run::from(cmd.output().unwrap())
}

/// The one `error:` line of a failed run.
fn error_line(run: &Run) -> String {
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("error:"))
        .collect();
    assert_eq!(errors.len(), 1, "{run}");
    errors[0].to_string()
}

/// What `stored` holds, restored into `target` by hand: `age -d -i KEY` when encrypted, then
/// `gunzip` or `zstd -d`, into `psql` (PostgreSQL) or a file (SQLite).
fn restore_by_hand(env: &TestEnv, stored: &Path, codec: &str, key: Option<&Path>, target: &str) {
    let mut pipeline = String::new();
    match key {
        Some(key) => pipeline.push_str(&format!(
            "'{}' -d -i '{}' '{}' | ",
            tool("age").display(),
            key.display(),
            stored.display()
        )),
        None => pipeline.push_str(&format!("cat '{}' | ", stored.display())),
    }
    pipeline.push_str(match codec {
        "zstd" => "zstd -dc",
        _ => "gunzip -c",
    });
    tool(if codec == "zstd" { "zstd" } else { "gunzip" });
    match env.kind {
        Kind::Postgres => {
            let psql = find_pg_bin("psql").expect("psql (apt-get install postgresql-client)");
            pipeline.push_str(&format!(
                " | '{}' -X -q -v ON_ERROR_STOP=1 --single-transaction -f - -d '{target}'",
                psql.display()
            ));
        }
        Kind::Sqlite => {
            let file = target.strip_prefix("sqlite://").unwrap();
            pipeline.push_str(&format!(" > '{file}'"));
        }
    }
    let done = Command::new("bash")
        .args(["-o", "pipefail", "-c", &pipeline])
        .output()
        .unwrap();
    assert!(
        done.status.success(),
        "{pipeline}: {}",
        String::from_utf8_lossy(&done.stderr)
    );
}

each_backend!(
    encrypted_and_zstd_backups_round_trip_with_platctl_and_stock_tools,
    |env| {
        let env = populated(env, 3000);
        let keys = Keys::new(&env);
        let identity = keys.second.display().to_string();
        for (codec, encrypted) in [("gzip", true), ("zstd", true), ("zstd", false)] {
            let mut vars = vec![("BACKUP_COMPRESSION", codec)];
            if encrypted {
                vars.push(("BACKUP_ENCRYPTION_RECIPIENTS", keys.recipients.as_str()));
            }
            let before = fingerprint(&env, &env.direct);
            let run = backup_with(&env, &vars, &["run", "-o", "json"]);
            assert_eq!(run.code, 0, "{run}");
            let manifest = run.json();
            let id = manifest["id"].as_str().unwrap().to_string();
            let ext = if env.kind == Kind::Postgres {
                "sql"
            } else {
                "db"
            };
            let suffix = if codec == "zstd" { "zst" } else { "gz" };
            let artifact = format!("{id}.{ext}.{suffix}{}", if encrypted { ".age" } else { "" });
            assert_eq!(manifest["artifact"], artifact.as_str(), "{manifest}");
            assert_eq!(manifest["compression"], codec, "{manifest}");
            let stored = storage(&env).join(&artifact);
            // The checksum is of the stored bytes.
            assert_eq!(manifest["sha256"], sha256_file(&stored));
            if encrypted {
                let recipients: Vec<&str> = manifest["encryption"]["recipients"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r["recipient"].as_str().unwrap())
                    .collect();
                assert_eq!(recipients, keys.public, "{manifest}");
                assert_eq!(manifest["encryption"]["scheme"], "age");
                let head = std::fs::read(&stored).unwrap();
                assert!(
                    head.starts_with(b"age-encryption.org/v1\n"),
                    "not an age file"
                );
                // Listing, showing and verifying the checksum need no key.
                let shown = backup_with(&env, &[], &["show", &id]);
                assert_eq!(shown.code, 0, "{shown}");
                let short = &keys.public[0][..10];
                assert!(
                    shown.stdout.lines().any(|l| l.starts_with("encryption")
                        && l.contains("age: ")
                        && l.contains(short)),
                    "{shown}"
                );
            } else {
                assert!(manifest.get("encryption").is_none(), "{manifest}");
            }
            let verified = backup_with(&env, &[], &["verify", &id]);
            assert_eq!(verified.code, 0, "{verified}");

            // platctl restores it with the second recipient's key...
            let key = [("BACKUP_ENCRYPTION_IDENTITY_FILE", identity.as_str())];
            let target = env.another_database();
            let restored = backup_with(&env, &key, &["restore", &id, "--into", &target, "--yes"]);
            assert_eq!(restored.code, 0, "{restored}");
            assert_eq!(
                fingerprint(&env, &target),
                before,
                "{codec} encrypted={encrypted}"
            );
            let tested = backup_with(&env, &key, &["verify", &id, "--restore-test"]);
            assert_eq!(tested.code, 0, "{tested}");

            // ...and so do the stock tools, with the first's.
            let by_hand = env.another_database();
            let first = encrypted.then_some(keys.first.as_path());
            restore_by_hand(&env, &stored, codec, first, &by_hand);
            assert_eq!(fingerprint(&env, &by_hand), before, "by hand: {codec}");
        }
    }
);

each_backend!(a_missing_wrong_or_unreadable_key_touches_nothing, |env| {
    let env = populated(env, 200);
    let keys = Keys::new(&env);
    let encrypt = [("BACKUP_ENCRYPTION_RECIPIENTS", keys.recipients.as_str())];
    let run = backup_with(&env, &encrypt, &["run", "-o", "json"]);
    assert_eq!(run.code, 0, "{run}");
    let id = run.json()["id"].as_str().unwrap().to_string();
    let target = env.another_database();
    let untouched = |why: &str| {
        assert_eq!(env.tables_at(&target), 0, "{why}: the target was touched");
    };

    let missing = backup_with(&env, &[], &["restore", &id, "--into", &target, "--yes"]);
    assert_eq!(missing.code, 2, "{missing}");
    let line = error_line(&missing);
    assert!(
        line.contains(&format!("backup {id} is encrypted")) && line.contains(&keys.public[0][..10]),
        "{missing}"
    );
    assert!(
        missing.stderr.contains("BACKUP_ENCRYPTION_IDENTITY_FILE"),
        "{missing}"
    );
    untouched("no key");

    let stranger = keys.stranger.display().to_string();
    let wrong = backup_with(
        &env,
        &[("BACKUP_ENCRYPTION_IDENTITY_FILE", stranger.as_str())],
        &["restore", &id, "--into", &target, "--yes"],
    );
    assert_eq!(wrong.code, 1, "{wrong}");
    assert!(error_line(&wrong).contains("no key in"), "{wrong}");
    untouched("a stranger's key");
    let tested = backup_with(
        &env,
        &[("BACKUP_ENCRYPTION_IDENTITY_FILE", stranger.as_str())],
        &["verify", &id, "--restore-test"],
    );
    assert_eq!(tested.code, 1, "{tested}");
    assert!(error_line(&tested).contains("no key in"), "{tested}");

    let nowhere = env.path("no-such.key").display().to_string();
    let unreadable = backup_with(
        &env,
        &[("BACKUP_ENCRYPTION_IDENTITY_FILE", nowhere.as_str())],
        &["restore", &id, "--into", &target, "--yes"],
    );
    assert_eq!(unreadable.code, 2, "{unreadable}");
    assert!(
        error_line(&unreadable).contains("cannot read the age identity file"),
        "{unreadable}"
    );
    untouched("an unreadable key file");

    // A public key file that cannot be read: nothing is dumped, nothing is written.
    let listed = |env: &TestEnv| {
        let run = backup_with(env, &[], &["list", "-o", "json"]);
        run.json().as_array().unwrap().len()
    };
    let count = listed(&env);
    let files = std::fs::read_dir(storage(&env)).unwrap().count();
    let run = backup_with(
        &env,
        &[("BACKUP_ENCRYPTION_RECIPIENTS", nowhere.as_str())],
        &["run"],
    );
    assert_eq!(run.code, 2, "{run}");
    assert!(error_line(&run).contains("nothing was dumped"), "{run}");
    assert_eq!(listed(&env), count);
    assert_eq!(std::fs::read_dir(storage(&env)).unwrap().count(), files);

    // A private key where the public ones belong: refused, and never repeated.
    let secret = Keys::secret(&keys.first);
    for given in [secret.clone(), keys.first.display().to_string()] {
        let run = backup_with(
            &env,
            &[("BACKUP_ENCRYPTION_RECIPIENTS", given.as_str())],
            &["run"],
        );
        assert_eq!(run.code, 2, "{run}");
        assert!(error_line(&run).contains("private key"), "{run}");
    }
    assert_eq!(listed(&env), count);

    // The identity "file" is a directory, or has a byte-order mark: age's reason is given.
    let dir = env.path("keys.d");
    std::fs::create_dir_all(&dir).unwrap();
    let bom = env.path("bom.key");
    let mut with_bom = b"\xef\xbb\xbf".to_vec();
    with_bom.extend(std::fs::read(&keys.first).unwrap());
    std::fs::write(&bom, with_bom).unwrap();
    for (file, reason) in [(&dir, "directory"), (&bom, "")] {
        let path = file.display().to_string();
        let run = backup_with(
            &env,
            &[("BACKUP_ENCRYPTION_IDENTITY_FILE", path.as_str())],
            &["restore", &id, "--into", &target, "--yes"],
        );
        assert_eq!(run.code, 2, "{run}");
        let line = error_line(&run);
        assert!(
            line.contains("cannot read the age identity file") && line.contains(reason),
            "{run}"
        );
        untouched("an identity file that is not one");
    }

    // A byte of the header flipped: the SHA-256 names the damage, not the key.
    let ext = if env.kind == Kind::Postgres {
        "sql"
    } else {
        "db"
    };
    let run = backup_with(&env, &encrypt, &["run", "-o", "json"]);
    let damaged = run.json()["id"].as_str().unwrap().to_string();
    let header = storage(&env).join(format!("{damaged}.{ext}.gz.age"));
    let mut bytes = std::fs::read(&header).unwrap();
    bytes[60] ^= 0x01;
    std::fs::write(&header, bytes).unwrap();
    let first = keys.first.display().to_string();
    let refused = backup_with(
        &env,
        &[("BACKUP_ENCRYPTION_IDENTITY_FILE", first.as_str())],
        &["restore", &damaged, "--into", &target, "--yes"],
    );
    assert_eq!(refused.code, 1, "{refused}");
    assert!(error_line(&refused).contains("is corrupt"), "{refused}");
    untouched("a damaged header");

    // One byte of the encrypted artifact flipped: verify names it, restore refuses it.
    let stored = storage(&env).join(format!("{id}.{ext}.gz.age"));
    let mut bytes = std::fs::read(&stored).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x20;
    std::fs::write(&stored, bytes).unwrap();
    let checked = backup_with(&env, &[], &["verify", &id]);
    assert_eq!(checked.code, 1, "{checked}");
    assert!(error_line(&checked).contains(&id), "{checked}");
    let refused = backup_with(
        &env,
        &[("BACKUP_ENCRYPTION_IDENTITY_FILE", first.as_str())],
        &["restore", &id, "--into", &target, "--yes"],
    );
    assert_eq!(refused.code, 1, "{refused}");
    assert!(refused.stderr.contains("corrupt"), "{refused}");
    untouched("a corrupt artifact");
});

/// Backups written before compression and encryption were recorded (no `compression`, no
/// `encryption` in the manifest) still list, verify and restore; a manifest edited to call an
/// encrypted artifact plain is not believed.
#[test]
fn old_manifests_still_restore_and_edited_ones_are_refused() {
    let env = populated(TestEnv::new(Kind::Sqlite), 100);
    let before = fingerprint(&env, &env.direct);
    let run = backup_with(&env, &[], &["run", "-o", "json"]);
    assert_eq!(run.code, 0, "{run}");
    let id = run.json()["id"].as_str().unwrap().to_string();
    let path = storage(&env).join(format!("{id}.manifest.json"));
    let mut manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    manifest.as_object_mut().unwrap().remove("compression");
    std::fs::write(&path, serde_json::to_vec_pretty(&manifest).unwrap()).unwrap();
    let listed = backup_with(&env, &[], &["list", "-o", "json"]).json();
    assert_eq!(listed[0]["status"], "ok", "{listed}");
    let verified = backup_with(&env, &[], &["verify", &id, "--restore-test"]);
    assert_eq!(verified.code, 0, "{verified}");
    let target = env.another_database();
    let restored = backup_with(&env, &[], &["restore", &id, "--into", &target, "--yes"]);
    assert_eq!(restored.code, 0, "{restored}");
    assert_eq!(fingerprint(&env, &target), before);
    // A restored SQLite file is its owner's alone; one that replaces another keeps its mode.
    use std::os::unix::fs::PermissionsExt;
    let file = Path::new(target.strip_prefix("sqlite://").unwrap());
    let mode = |f: &Path| std::fs::metadata(f).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(file), 0o600);
    std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o640)).unwrap();
    let again = backup_with(
        &env,
        &[],
        &["restore", &id, "--into", &target, "--clean", "--yes"],
    );
    assert_eq!(again.code, 0, "{again}");
    assert_eq!(mode(file), 0o640);

    // An encrypted backup whose manifest says it is not.
    let keys = Keys::new(&env);
    let encrypted = backup_with(
        &env,
        &[("BACKUP_ENCRYPTION_RECIPIENTS", keys.recipients.as_str())],
        &["run", "-o", "json"],
    );
    let id = encrypted.json()["id"].as_str().unwrap().to_string();
    let path = storage(&env).join(format!("{id}.manifest.json"));
    let mut manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    manifest.as_object_mut().unwrap().remove("encryption");
    std::fs::write(&path, serde_json::to_vec_pretty(&manifest).unwrap()).unwrap();
    let shown = backup_with(&env, &[], &["show", &id]);
    assert_ne!(shown.code, 0, "{shown}");
    assert!(
        shown.stderr.contains("names an unexpected artifact")
            && shown.stderr.contains("not encrypted"),
        "{shown}"
    );
    // A recipient's fingerprint that is not its own, or another scheme: not believed, and
    // what the forger wrote is not repeated.
    for edit in ["fingerprint", "scheme"] {
        let mut forged = manifest.clone();
        let mut encryption = encrypted.json()["encryption"].clone();
        match edit {
            "fingerprint" => {
                encryption["recipients"][0]["fingerprint"] = "sha256:0\nerror: forged".into()
            }
            _ => encryption["scheme"] = "gpg".into(),
        }
        forged["encryption"] = encryption;
        std::fs::write(&path, serde_json::to_vec_pretty(&forged).unwrap()).unwrap();
        let shown = backup_with(&env, &[], &["show", &id]);
        assert_ne!(shown.code, 0, "{shown}");
        assert!(
            !shown.stderr.contains("forged") && !shown.stderr.contains("gpg"),
            "{shown}"
        );
        assert!(
            shown.stderr.contains(&format!("{id}.manifest.json names")),
            "{shown}"
        );
    }
    // The artifact renamed with its manifest to say another thing than it is: the restore
    // names what the artifact is, before it touches the target.
    let artifact = encrypted.json()["artifact"].as_str().unwrap().to_string();
    let plain = artifact.trim_end_matches(".age").to_string();
    std::fs::rename(storage(&env).join(&artifact), storage(&env).join(&plain)).unwrap();
    let mut renamed = manifest.clone();
    renamed["artifact"] = plain.clone().into();
    renamed["format"] = "postgresql-plain+gzip".into();
    std::fs::write(&path, serde_json::to_vec_pretty(&renamed).unwrap()).unwrap();
    let target = env.another_database();
    let refused = backup_with(&env, &[], &["restore", &id, "--into", &target, "--yes"]);
    assert_eq!(refused.code, 1, "{refused}");
    assert!(
        refused
            .stderr
            .contains("is age-encrypted, but its manifest says gzip-compressed"),
        "{refused}"
    );
    assert_eq!(env.tables_at(&target), 0);
    // A gzip backup said to be zstd.
    let gzip = backup_with(&env, &[], &["run", "-o", "json"]);
    let (id, artifact) = (
        gzip.json()["id"].as_str().unwrap().to_string(),
        gzip.json()["artifact"].as_str().unwrap().to_string(),
    );
    let zst = format!("{}.zst", artifact.strip_suffix(".gz").unwrap());
    std::fs::rename(storage(&env).join(&artifact), storage(&env).join(&zst)).unwrap();
    let path = storage(&env).join(format!("{id}.manifest.json"));
    let mut said: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    said["artifact"] = zst.into();
    said["compression"] = "zstd".into();
    std::fs::write(&path, serde_json::to_vec_pretty(&said).unwrap()).unwrap();
    let refused = backup_with(&env, &[], &["restore", &id, "--into", &target, "--yes"]);
    assert_eq!(refused.code, 1, "{refused}");
    assert!(
        refused
            .stderr
            .contains("is gzip-compressed, but its manifest says zstd-compressed, not encrypted"),
        "{refused}"
    );
    assert_eq!(env.tables_at(&target), 0);
}

each_backend!(s3_encrypted_zstd_backups_round_trip, |env| {
    let env = populated(env, 2000);
    let keys = Keys::new(&env);
    let server = S3Server::start(&env.path("s3"), None);
    let before = fingerprint(&env, &env.direct);
    let first = keys.first.display().to_string();
    let s3 = |extra: &[(&str, &str)], args: &[&str]| on_s3(&env, &server, "enc", extra, args);
    let run = s3(
        &[
            ("BACKUP_COMPRESSION", "zstd"),
            ("BACKUP_ENCRYPTION_RECIPIENTS", keys.recipients.as_str()),
        ],
        &["run", "-o", "json"],
    );
    assert_eq!(run.code, 0, "{run}");
    let manifest = run.json();
    let artifact = manifest["artifact"].as_str().unwrap().to_string();
    assert!(artifact.ends_with(".zst.age"), "{manifest}");
    assert!(server.objects("enc").contains(&artifact));
    let verified = s3(&[], &["verify", "--latest"]);
    assert_eq!(verified.code, 0, "{verified}");
    let target = env.another_database();
    let restored = s3(
        &[("BACKUP_ENCRYPTION_IDENTITY_FILE", first.as_str())],
        &["restore", "--latest", "--into", &target, "--yes"],
    );
    assert_eq!(restored.code, 0, "{restored}");
    assert_eq!(fingerprint(&env, &target), before);
    // The object as the bucket holds it, restored by hand.
    let object = server.root.join("backups").join("enc").join(&artifact);
    let by_hand = env.another_database();
    restore_by_hand(&env, &object, "zstd", Some(&keys.first), &by_hand);
    assert_eq!(fingerprint(&env, &by_hand), before);
});

/// The settings say what was wrong and what would be right, and never repeat a private key.
#[test]
fn compression_and_encryption_settings_are_checked() {
    let env = TestEnv::new(Kind::Sqlite).migrated();
    let keys = Keys::new(&env);
    let secret = Keys::secret(&keys.first);
    let first = keys.first.display().to_string();
    let cases: [(&[(&str, &str)], &str); 5] = [
        (&[("BACKUP_COMPRESSION", "lz4")], "expected gzip or zstd"),
        (
            &[("BACKUP_COMPRESSION_LEVEL", "12")],
            "BACKUP_COMPRESSION_LEVEL=`12` (environment) is not a gzip level",
        ),
        (
            &[
                ("BACKUP_COMPRESSION", "zstd"),
                ("BACKUP_COMPRESSION_LEVEL", "20"),
            ],
            "or to 19 for zstd",
        ),
        (
            &[("BACKUP_ENCRYPTION_RECIPIENTS", "age1notakey")],
            "is not an age X25519 public key",
        ),
        (
            &[("BACKUP_ENCRYPTION_IDENTITY_FILE", secret.as_str())],
            "that is an age private key itself",
        ),
    ];
    for (vars, expected) in cases {
        let run = backup_with(&env, vars, &["run"]);
        assert_eq!(run.code, 2, "{vars:?}: {run}");
        assert!(error_line(&run).contains(expected), "{vars:?}: {run}");
    }
    // A private key in any case, alone or among other words, long enough to be cut short
    // when quoted: refused, shown as *** (backup_with checks no part of it is shown).
    let lower = secret.to_ascii_lowercase();
    let commented = format!("{secret} # the backup key");
    let listed = format!("{},{lower}", keys.public[0]);
    for (name, value) in [
        ("BACKUP_ENCRYPTION_RECIPIENTS", lower.as_str()),
        ("BACKUP_ENCRYPTION_RECIPIENTS", commented.as_str()),
        ("BACKUP_ENCRYPTION_RECIPIENTS", listed.as_str()),
        ("BACKUP_ENCRYPTION_IDENTITY_FILE", lower.as_str()),
        ("BACKUP_ENCRYPTION_IDENTITY_FILE", commented.as_str()),
    ] {
        let run = backup_with(&env, &[(name, value)], &["run"]);
        assert_eq!(run.code, 2, "{name}: {run}");
        assert!(error_line(&run).contains(&format!("{name}=`***`")), "{run}");
        let shown = backup_with(&env, &[(name, value)], &["config", "show"]);
        assert!(
            !shown.all_output().to_lowercase().contains("age-secret"),
            "{shown}"
        );
    }
    // config show: the recipients as given, the identity file's path, the codec.
    let mut cmd = env.cmd();
    cmd.envs([
        ("BACKUP_COMPRESSION", "zstd"),
        ("BACKUP_ENCRYPTION_RECIPIENTS", keys.recipients.as_str()),
        ("BACKUP_ENCRYPTION_IDENTITY_FILE", first.as_str()),
    ]);
    let shown = Run::from(cmd.args(["config", "show"]).output().unwrap());
    assert_eq!(shown.code, 0, "{shown}");
    for expected in ["zstd", keys.public[0].as_str(), first.as_str()] {
        assert!(shown.stdout.contains(expected), "{expected}: {shown}");
    }
    assert!(!shown.all_output().contains(&secret));
}

/// S3 server-side encryption: asked for on every object platctl writes — the artifact's
/// upload (its parts inherit it), the manifest, the check, the lock — so a bucket that refuses
/// unencrypted writes takes the backups; recorded in the manifest and shown.
#[test]
fn s3_server_side_encryption_is_asked_for_every_write() {
    let env = populated(TestEnv::new(Kind::Sqlite), 100);
    let server = S3Server::requiring_encryption(&env.path("s3"));
    let s3 = |extra: &[(&str, &str)], args: &[&str]| on_s3(&env, &server, "sse", extra, args);
    // Without it, the bucket refuses, and says so.
    let refused = s3(&[], &["run"]);
    assert_eq!(refused.code, 1, "{refused}");
    assert!(error_line(&refused).contains("denied"), "{refused}");

    let kms = [
        ("BACKUP_S3_SSE", "aws:kms"),
        ("BACKUP_S3_SSE_KMS_KEY_ID", "alias/platform-backups"),
    ];
    let run = s3(&kms, &["run", "-o", "json"]);
    assert_eq!(run.code, 0, "{run}");
    let id = run.json()["id"].as_str().unwrap().to_string();
    assert_eq!(
        run.json()["server_side_encryption"],
        "aws:kms (key alias/platform-backups)"
    );
    let verified = s3(&kms, &["verify", &id]);
    assert_eq!(verified.code, 0, "{verified}");
    let written = server.written();
    let ops: Vec<&str> = written
        .iter()
        .filter(|w| w.2.is_some())
        .map(|w| w.0.as_str())
        .collect();
    for op in ["PutObject", "CreateMultipartUpload"] {
        assert!(ops.contains(&op), "{written:?}");
    }
    for (op, key, sse, kms_key) in written.iter().skip_while(|w| w.2.is_none()) {
        assert_eq!(sse.as_deref(), Some("aws:kms"), "{op} {key}");
        assert_eq!(
            kms_key.as_deref(),
            Some("alias/platform-backups"),
            "{op} {key}"
        );
    }
    let keys: Vec<&str> = written.iter().map(|w| w.1.as_str()).collect();
    for name in [
        format!("sse/{id}.manifest.json"),
        format!("sse/{id}.db.gz"),
        format!("sse/{id}.check.json"),
        "sse/.platctl-backup.lock".to_string(),
    ] {
        assert!(keys.contains(&name.as_str()), "{name}: {keys:?}");
    }
    let shown = s3(&[], &["show", &id]);
    assert!(
        shown
            .stdout
            .lines()
            .any(|l| l.starts_with("server_side_encryption")
                && l.contains("aws:kms (key alias/platform-backups)")),
        "{shown}"
    );

    // SSE-S3 likewise; a KMS key without aws:kms is a configuration error.
    let run = s3(&[("BACKUP_S3_SSE", "AES256")], &["run", "-o", "json"]);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(run.json()["server_side_encryption"], "AES256");
    let wrong = s3(
        &[
            ("BACKUP_S3_SSE", "AES256"),
            ("BACKUP_S3_SSE_KMS_KEY_ID", "k"),
        ],
        &["run"],
    );
    assert_eq!(wrong.code, 2, "{wrong}");
    assert!(error_line(&wrong).contains("not aws:kms"), "{wrong}");
}
