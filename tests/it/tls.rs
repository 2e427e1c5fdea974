//! TLS to PostgreSQL as libpq does it: every `sslmode`, `sslrootcert` and its default, a CA and
//! its server certificate, a self-signed server certificate given as its own root (which webpki
//! alone refuses), and each way a certificate is refused named in one line — against a cluster
//! of the test's own that takes TCP connections only over TLS, with certificates made here
//! (tests/fixtures/certs.py). pg_dump and the restore's connections go the same way.

use crate::common::*;
use std::path::{Path, PathBuf};

/// The certificates of tests/fixtures/certs.py, in a directory of their own.
fn certificates() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/certs.py");
    let out = std::process::Command::new(test_python())
        .arg(&script)
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "certs.py: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

/// The server presents `name`.crt from now on (new connections).
fn present(cluster: &PrivateCluster, certs: &Path, name: &str) {
    let data = cluster.data_dir();
    for ext in ["crt", "key"] {
        let to = data.join(format!("server.{ext}"));
        std::fs::copy(certs.join(format!("{name}.{ext}")), &to).unwrap();
        let _ = std::process::Command::new("chmod")
            .arg("600")
            .arg(&to)
            .status();
        if is_root() {
            let _ = std::process::Command::new("chown")
                .arg("postgres:postgres")
                .arg(&to)
                .status();
        }
    }
    cluster.reload();
}

fn tls_cluster(certs: &Path) -> PrivateCluster {
    PrivateCluster::start(ClusterSpec {
        ssl: Some((certs.join("leaf.crt"), certs.join("leaf.key"))),
        hba: Some("hostssl all all 127.0.0.1/32 trust".into()),
        ..Default::default()
    })
}

/// `base` (a TCP URL of the test's database) with `host` instead of 127.0.0.1 and these
/// parameters.
fn with(base: &str, host: &str, params: &str) -> String {
    format!("{}?{params}", base.replacen("127.0.0.1", host, 1))
}

#[test]
fn sslmodes_and_root_certificates_behave_as_libpq_and_refusals_say_why() {
    let certs = certificates();
    let c = certs.path();
    let cluster = tls_cluster(c);
    let env = TestEnv::on(&cluster);
    let base = env.url.clone();
    let root = |name: &str| c.join(format!("{name}.crt")).display().to_string();
    let mut env = env;
    env.url = with(
        &base,
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={}", root("ca")),
    );
    env.ok(&["migrate", "run"]);
    env.ok(&["orgs", "create", "acme"]);

    // (server's certificate, host, URL parameters, what comes of `orgs list`)
    let ok = None;
    let cases: Vec<(&str, &str, String, Option<&str>)> = vec![
        (
            "leaf",
            "localhost",
            format!("sslmode=verify-full&sslrootcert={}", root("ca")),
            ok,
        ),
        (
            "leaf",
            "127.0.0.1",
            format!("sslmode=verify-full&sslrootcert={}", root("ca")),
            ok,
        ),
        (
            "leaf",
            "localhost",
            format!("sslmode=verify-ca&sslrootcert={}", root("ca")),
            ok,
        ),
        ("leaf", "localhost", "sslmode=require".into(), ok),
        ("leaf", "localhost", "sslmode=prefer".into(), ok),
        ("leaf", "localhost", String::new(), ok),
        // allow: the clear first, refused by pg_hba.conf's hostssl, then TLS.
        ("leaf", "localhost", "sslmode=allow".into(), ok),
        (
            "leaf",
            "localhost",
            "sslmode=disable".into(),
            Some("the server accepts this client only over TLS"),
        ),
        (
            "leaf",
            "localhost",
            format!("sslmode=verify-full&sslrootcert={}", root("stranger")),
            Some("the server's certificate was refused: it is not signed by a CA in"),
        ),
        // require with a root file verifies the chain, as libpq does (as verify-ca).
        (
            "leaf",
            "localhost",
            format!("sslmode=require&sslrootcert={}", root("stranger")),
            Some("it is not signed by a CA in"),
        ),
        (
            "leaf",
            "localhost",
            format!(
                "sslmode=verify-full&sslrootcert={}",
                c.join("missing.crt").display()
            ),
            Some("root certificate file"),
        ),
        (
            "other",
            "localhost",
            format!("sslmode=verify-full&sslrootcert={}", root("ca")),
            Some("it is for other.example, not localhost"),
        ),
        (
            "other",
            "localhost",
            format!("sslmode=verify-ca&sslrootcert={}", root("ca")),
            ok,
        ),
        (
            "expired",
            "localhost",
            format!("sslmode=verify-full&sslrootcert={}", root("ca")),
            Some("it expired on"),
        ),
        // A self-signed certificate (CA:TRUE) given as its own root, as psql accepts it.
        (
            "self",
            "localhost",
            format!("sslmode=verify-full&sslrootcert={}", root("self")),
            ok,
        ),
        (
            "self",
            "127.0.0.1",
            format!("sslmode=verify-full&sslrootcert={}", root("self")),
            ok,
        ),
        (
            "self",
            "localhost",
            format!("sslmode=verify-ca&sslrootcert={}", root("self")),
            ok,
        ),
        (
            "self",
            "localhost",
            format!("sslmode=verify-full&sslrootcert={}", root("ca")),
            Some("it is not signed by a CA in"),
        ),
        // Trusted as it stands, but its dates still count: webpki looks at them first.
        (
            "selfold",
            "localhost",
            format!("sslmode=verify-full&sslrootcert={}", root("selfold")),
            Some("it expired on"),
        ),
    ];
    let mut presented = "leaf";
    for (server, host, params, expected) in &cases {
        if server != &presented {
            present(&cluster, c, server);
            presented = server;
        }
        env.url = with(&base, host, params);
        let run = env.run(&["orgs", "list", "-o", "json"]);
        let case = format!("server {server}, {host}, {params}");
        match expected {
            None => {
                assert_eq!(run.code, 0, "{case}: {}", run.all_output());
                assert_eq!(run.json()[0]["slug"], "acme", "{case}");
            }
            Some(words) => {
                assert_ne!(run.code, 0, "{case}: {}", run.all_output());
                assert!(run.stderr.contains(words), "{case}: {}", run.stderr);
                // One line and a hint, not a chain of Debug output.
                assert!(
                    !run.stderr.contains("Other(") && !run.stderr.contains("DnsName"),
                    "{case}: {}",
                    run.stderr
                );
            }
        }
    }

    // libpq's default root file, ~/.postgresql/root.crt: used by verify-full when the URL
    // names none, and turning require into a check of the chain.
    present(&cluster, c, "leaf");
    let dot = env.home().join(".postgresql");
    std::fs::create_dir_all(&dot).unwrap();
    std::fs::copy(c.join("ca.crt"), dot.join("root.crt")).unwrap();
    env.url = with(&base, "localhost", "sslmode=verify-full");
    env.ok(&["orgs", "list"]);
    std::fs::copy(c.join("stranger.crt"), dot.join("root.crt")).unwrap();
    env.url = with(&base, "localhost", "sslmode=require");
    let run = env.run(&["orgs", "list"]);
    assert!(
        run.code != 0 && run.stderr.contains("root.crt"),
        "{}",
        run.all_output()
    );
    std::fs::remove_file(dot.join("root.crt")).unwrap();
    env.url = with(&base, "localhost", "sslmode=verify-full");
    let run = env.run(&["orgs", "list"]);
    assert!(
        run.code != 0 && run.stderr.contains(".postgresql/root.crt\" does not exist"),
        "{}",
        run.all_output()
    );
}

#[test]
fn backups_and_restores_go_over_the_same_tls_with_a_self_signed_server_certificate() {
    let certs = certificates();
    let c = certs.path();
    let cluster = tls_cluster(c);
    present(&cluster, c, "self");
    let mut env = TestEnv::on(&cluster);
    let base = env.url.clone();
    let root: PathBuf = c.join("self.crt");
    env.url = with(
        &base,
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={}", root.display()),
    );
    env.ok(&["migrate", "run"]);
    env.ok(&["orgs", "create", "acme"]);
    let storage = env.path("backups");
    let storage = storage.to_str().unwrap();
    env.ok(&["backup", "run", "--storage", storage]);
    env.ok(&[
        "backup",
        "verify",
        "--storage",
        storage,
        "--latest",
        "--restore-test",
    ]);
    env.ok(&["orgs", "create", "later"]);
    env.ok(&[
        "backup",
        "restore",
        "--storage",
        storage,
        "--latest",
        "--clean",
        "--yes",
    ]);
    let run = env.ok(&["orgs", "list", "-o", "json"]);
    let slugs: Vec<String> = run
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["slug"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        slugs,
        ["acme"],
        "the restore brought back the backup's organizations"
    );
    // pg_dump is libpq: refused as platctl refuses, with the server's words.
    env.url = with(
        &base,
        "localhost",
        &format!(
            "sslmode=verify-full&sslrootcert={}",
            c.join("ca.crt").display()
        ),
    );
    let run = env.run(&["backup", "run", "--storage", storage]);
    assert_ne!(run.code, 0, "{}", run.all_output());
    assert!(run.stderr.contains("not signed by a CA"), "{}", run.stderr);
}

#[test]
fn client_certificates_are_sent_and_a_refused_one_or_a_stopped_server_is_named() {
    let certs = certificates();
    let c = certs.path();
    let cluster = tls_cluster(c);
    // Client certificates signed by the CA, and nothing else, from now on.
    let data = cluster.data_dir();
    std::fs::copy(c.join("ca.crt"), data.join("client_ca.crt")).unwrap();
    let conf = data.join("postgresql.conf");
    let mut text = std::fs::read_to_string(&conf).unwrap();
    text.push_str("\nssl_ca_file = 'client_ca.crt'\n");
    std::fs::write(&conf, text).unwrap();
    std::fs::write(
        data.join("pg_hba.conf"),
        "local all postgres trust\nhostssl all all 127.0.0.1/32 cert\n",
    )
    .unwrap();
    if is_root() {
        let _ = std::process::Command::new("chown")
            .args(["-R", "postgres:postgres"])
            .arg(&data)
            .status();
    }
    cluster.reload();
    let mut env = TestEnv::on(&cluster);
    let base = env.url.clone();
    let file = |name: &str| c.join(name).display().to_string();
    let with_cert = |cert: &str| {
        with(
            &base,
            "localhost",
            &format!(
                "sslmode=verify-full&sslrootcert={}&sslcert={}&sslkey={}",
                file("ca.crt"),
                file(&format!("{cert}.crt")),
                file(&format!("{cert}.key"))
            ),
        )
    };
    env.url = with_cert("client");
    env.ok(&["migrate", "run"]);
    // libpq's default client certificate, ~/.postgresql/postgresql.crt and .key.
    let dot = env.home().join(".postgresql");
    std::fs::create_dir_all(&dot).unwrap();
    std::fs::copy(c.join("client.crt"), dot.join("postgresql.crt")).unwrap();
    std::fs::copy(c.join("client.key"), dot.join("postgresql.key")).unwrap();
    env.url = with(
        &base,
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={}", file("ca.crt")),
    );
    env.ok(&["orgs", "list"]);
    std::fs::remove_file(dot.join("postgresql.crt")).unwrap();
    // None: the server's words.
    let run = env.run(&["orgs", "list"]);
    assert!(
        run.code != 0 && run.stderr.contains("certificate"),
        "{}",
        run.all_output()
    );
    // One the server's CA did not sign: refused during the handshake (TLS 1.3: after it, on
    // the first read), told in one line.
    env.url = with_cert("self");
    let run = env.run(&["orgs", "list"]);
    assert!(
        run.code != 0 && run.stderr.contains("TLS failed"),
        "{}",
        run.all_output()
    );
    assert!(run.stderr.contains("sslcert"), "{}", run.all_output());
    assert_eq!(
        run.stderr.lines().filter(|l| !l.trim().is_empty()).count(),
        2,
        "{}",
        run.all_output()
    );
    // The server gone: the tunnel says so as the driver would — every time (a refusal the
    // tunnel wrote before the client's startup once came out as "broken pipe").
    env.url = with_cert("client");
    cluster.stop_immediate();
    for _ in 0..10 {
        let run = env.run(&["orgs", "list"]);
        assert!(
            run.code != 0 && run.stderr.contains("connection refused"),
            "{}",
            run.all_output()
        );
    }
}

#[test]
fn a_server_without_tls_is_named_when_tls_is_required_and_used_in_the_clear_when_preferred() {
    let cluster = PrivateCluster::start(ClusterSpec {
        tcp: true,
        ..Default::default()
    });
    let mut env = TestEnv::on(&cluster);
    let base = env.url.clone();
    env.url = with(&base, "127.0.0.1", "sslmode=prefer");
    env.ok(&["migrate", "run"]);
    env.url = with(&base, "127.0.0.1", "sslmode=require");
    let run = env.run(&["orgs", "list"]);
    assert_ne!(run.code, 0, "{}", run.all_output());
    assert!(
        run.stderr
            .contains("the server does not accept TLS connections"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("sslmode=prefer"), "{}", run.stderr);
}
