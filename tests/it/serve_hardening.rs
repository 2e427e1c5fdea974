//! `platctl serve` against what an outside tester tried: what it says to whom, what it echoes,
//! how much it keeps, and how it stops (issue 19).

use serde_json::json;

use crate::common::TestEnv;
use crate::serve::{Answer, Served, call, call_with, operator_key};

/// The headers every answer carries (helmet's, as the platform's own server sends them, for a
/// JSON API).
const SECURITY_HEADERS: [(&str, &str); 6] = [
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    (
        "content-security-policy",
        "default-src 'none'; frame-ancestors 'none'",
    ),
    ("referrer-policy", "no-referrer"),
    ("cross-origin-resource-policy", "same-origin"),
    ("cache-control", "no-store"),
];

fn assert_security_headers(what: &str, answer: &Answer) {
    for (name, value) in SECURITY_HEADERS {
        assert_eq!(
            answer.headers.get(name).and_then(|v| v.to_str().ok()),
            Some(value),
            "{what}: {name} in {:?}",
            answer.headers
        );
    }
    assert!(
        !answer.headers.contains_key("strict-transport-security"),
        "{what}: HSTS over plain HTTP"
    );
}

/// A path of `route` with its parameters filled in.
pub fn concrete(path: &str) -> String {
    path.replace("{id}", "0000ffff")
        .replace("{email}", "nobody@acme.io")
        .replace("{name}", "VIEWER")
        .replace("{version}", "1")
}

#[test]
fn every_route_answers_with_the_security_headers() {
    let env = TestEnv::embedded();
    env.ok(&["-q", "init"]);
    let (_, key) = operator_key(
        &env,
        &["api-keys:create", "api-keys:read", "api-keys:update"],
    );
    // An organization's key to rotate (a platform key is rotated by the operator only).
    let id = env
        .ok(&["keys", "create", "--scope", "api-keys:read", "-o", "json"])
        .json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let server = Served::start(&env, &[]);
    let url = |path: &str| format!("{}{path}", server.url);
    for route in platctl::serve::routes::ROUTES.iter() {
        let path = concrete(route.path);
        let answer = call(route.method, &url(&path), None, None);
        assert_security_headers(&format!("{} {path}", route.method), &answer);
    }
    let nowhere = call("GET", &url("/nowhere"), None, None);
    assert_eq!(nowhere.status, 404, "{nowhere}");
    assert_security_headers("a 404", &nowhere);

    // The answers that carry a whole key: no cache may keep them.
    let auth = Some(("x-api-key", key.as_str()));
    let created = call(
        "POST",
        &url("/api-keys"),
        auth,
        Some(json!({"name": "ci", "scopes": ["api-keys:read"]})),
    );
    assert_eq!(created.status, 201, "{created}");
    assert!(created.body["key"].is_string(), "{created}");
    assert_security_headers("POST /api-keys", &created);
    let rotated = call(
        "POST",
        &url(&format!("/api-keys/{id}/rotate")),
        auth,
        Some(json!({"grace": "1h"})),
    );
    assert_eq!(rotated.status, 201, "{rotated}");
    assert!(rotated.body["new"]["key"].is_string(), "{rotated}");
    assert_security_headers("POST /api-keys/{id}/rotate", &rotated);
}

/// A key sent where it does not belong — in a path (as is, or percent-encoded), a body's field
/// name, a request id — comes back in no answer, header or log line; a request id that would
/// forge log fields is replaced.
#[test]
fn keys_sent_where_they_do_not_belong_are_never_echoed() {
    let env = TestEnv::embedded();
    env.ok(&["-q", "init"]);
    let (_, key) = operator_key(&env, &["api-keys:create", "api-keys:read"]);
    let server = Served::start(&env, &[]);
    let url = |path: &str| format!("{}{path}", server.url);
    // Past the 12 characters of the display prefix, the key is secret.
    let secret = &key[12..];
    let shown = format!("{}...", &key[..12]);
    let encoded = key.replace('_', "%5F");
    let auth = [("x-api-key", key.as_str())];
    let no_secret = |what: &str, answer: &Answer| {
        let headers = format!("{:?}", answer.headers);
        assert!(
            !answer.body.to_string().contains(secret) && !headers.contains(secret),
            "{what} echoes the key: {answer} {headers}"
        );
    };

    for path in [format!("/api-keys/{key}"), format!("/api-keys/{encoded}")] {
        let answer = call_with("GET", &url(&path), &auth, None);
        assert_eq!(answer.status, 422, "{answer}");
        assert_eq!(answer.body["message"], "that is a whole key, not an id");
        no_secret(&path, &answer);
    }
    for path in [format!("/nothing/{key}"), format!("/nothing/{encoded}")] {
        let answer = call_with("GET", &url(&path), &[], None);
        assert_eq!(answer.status, 404, "{answer}");
        assert_eq!(
            answer.body["message"],
            format!("Cannot GET /nothing/{shown}"),
            "{answer}"
        );
        no_secret(&path, &answer);
    }
    let mut body = json!({"name": "ci", "scopes": ["api-keys:read"]});
    body[key.as_str()] = json!(1);
    let unknown_field = call_with("POST", &url("/api-keys"), &auth, Some(body));
    assert_eq!(unknown_field.status, 400, "{unknown_field}");
    no_secret("a body's field name", &unknown_field);

    // Request ids: a plain one is kept; a key, or one that would forge fields, is replaced.
    let id_of = |id: &str| {
        let answer = call_with("GET", &url("/health/live"), &[("x-request-id", id)], None);
        no_secret("a request id", &answer);
        answer.headers["x-request-id"].to_str().unwrap().to_string()
    };
    let plain = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    assert_eq!(id_of(plain), plain);
    for bad in [
        key.clone(),
        "x status=200 client=203.0.113.9".to_string(),
        "a".repeat(200),
    ] {
        let given = id_of(&bad);
        assert_ne!(given, bad);
        assert_eq!(given.len(), 36, "not a fresh UUID: {given}");
    }

    let (code, log) = server.terminate();
    assert_eq!(code, 0, "{log}");
    assert!(!log.contains(secret), "the key in the log: {log}");
    assert!(log.contains(&format!("path=/nothing/{shown}")), "{log}");
    assert!(!log.contains("client=203.0.113.9"), "a forged field: {log}");
    assert!(log.contains(plain), "{log}");
}

/// Made-up methods to made-up paths add no series to `/metrics` (its labels come from fixed
/// sets), and a path that is no route costs the address's quota like any other request.
#[test]
fn made_up_methods_and_paths_neither_grow_the_metrics_nor_escape_the_rate_limit() {
    let env = TestEnv::embedded();
    env.ok(&["-q", "init"]);
    let server = Served::start(&env, &[("RATE_LIMIT_MAX", "30"), ("RATE_LIMIT_TTL", "60")]);
    let url = |path: &str| format!("{}{path}", server.url);
    let mut statuses = Vec::new();
    for i in 0..40 {
        let answer = call(
            &format!("XM{i}"),
            &url(&format!("/made-up/{i}")),
            None,
            None,
        );
        statuses.push(answer.status);
    }
    for i in 0..10 {
        let answer = call(&format!("XN{i}"), &url("/api-keys"), None, None);
        statuses.push(answer.status);
    }
    assert!(
        statuses[..30].iter().all(|s| *s == 404),
        "the first 30: {statuses:?}"
    );
    assert!(
        statuses[30..].iter().all(|s| *s == 429),
        "past the quota: {statuses:?}"
    );

    let metrics = call("GET", &url("/metrics"), None, None);
    let text = metrics.body.as_str().unwrap();
    let series: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("platctl_http_requests_total{"))
        .collect();
    assert!(series.len() <= 3, "{series:#?}");
    assert!(
        text.contains(
            "platctl_http_requests_total{method=\"other\",route=\"(unmatched)\",status=\"404\"} 30"
        ),
        "{text}"
    );
    let latency = text
        .lines()
        .filter(|l| l.starts_with("platctl_http_request_duration_seconds_count{"))
        .count();
    assert!(latency <= 2, "{text}");
}

/// The public health endpoints say states and counts, never whose or where: no key's prefix,
/// name or expiry (of any organization), no backup id, no directory. A key that may run the
/// checks (`POST /health/checks`, authorized as `health`) gets the details.
#[test]
fn public_health_says_states_and_counts_only() {
    let env = TestEnv::embedded();
    env.ok(&["-q", "init"]);
    let (_, reader) = operator_key(&env, &["settings:read"]);
    env.ok(&["-q", "orgs", "create", "globex"]);
    let mut private: Vec<String> = Vec::new();
    for (org, name) in [("default", "acme-deploy"), ("globex", "globex-ci")] {
        let made = env
            .ok(&[
                "keys",
                "create",
                "--org",
                org,
                "--name",
                name,
                "--scope",
                "agents:read",
                "--expires-in",
                "2d",
                "-o",
                "json",
            ])
            .json();
        private.push(made["prefix"].as_str().unwrap().to_string());
        private.push(name.to_string());
        private.push(made["expires_at"].as_str().unwrap()[..10].to_string());
    }
    let backups = env.path("server-backups");
    let backups = backups.to_str().unwrap();
    env.ok(&["-q", "backup", "run", "--storage", backups]);
    let listed = env
        .ok(&["backup", "list", "--storage", backups, "-o", "json"])
        .json();
    private.push(listed[0]["id"].as_str().unwrap().to_string());
    private.push(backups.to_string());
    private.push(env.path("").to_str().unwrap().to_string());
    let server = Served::start(&env, &[("BACKUP_DIR", backups)]);
    let url = |path: &str| format!("{}{path}", server.url);

    for path in ["/health", "/health/ready", "/health/live"] {
        let answer = call("GET", &url(path), None, None);
        assert_eq!(answer.status, 200, "{path}: {answer}");
        let text = answer.body.to_string();
        for secret in &private {
            assert!(
                !text.contains(secret.as_str()),
                "{path} shows {secret}: {text}"
            );
        }
        for (name, check) in answer.body["details"].as_object().unwrap() {
            assert!(check["status"].is_string(), "{path} {name}: {check}");
            assert!(check["state"].is_string(), "{path} {name}: {check}");
        }
    }
    // States and counts.
    let health = call("GET", &url("/health"), None, None).body;
    let keys = &health["details"]["keys"];
    assert_eq!(keys["state"], "warning", "{health}");
    assert_eq!(keys["expiring"], 2, "{health}");
    assert_eq!(keys["message"], "warning, 2 expiring", "{health}");
    assert_eq!(health["details"]["backups"]["state"], "ok", "{health}");
    assert_eq!(health["details"]["migrations"]["pending"], 0, "{health}");
    assert!(
        health["details"]["disk"].get("backups").is_none(),
        "{health}"
    );

    // The details, for a key that may have them.
    let checks = json!({
        "checks": ["keys", "backups"],
        "timeout": "5s",
        "thresholds": {
            "disk_warning_percent": 10.0, "disk_critical_percent": 5.0,
            "memory_warning_percent": 10.0, "memory_critical_percent": 5.0,
            "backup_warning": "26h", "backup_critical": "50h",
            "key_expiry": "7d", "seal_warning": "26h"
        }
    });
    let refused = call("POST", &url("/health/checks"), None, Some(checks.clone()));
    assert_eq!(refused.status, 401, "{refused}");
    let detailed = call(
        "POST",
        &url("/health/checks"),
        Some(("x-api-key", reader.as_str())),
        Some(checks),
    );
    assert_eq!(detailed.status, 200, "{detailed}");
    let text = detailed.body.to_string();
    for shown in [&private[0], &private[1], &private[3], &private[6]] {
        assert!(text.contains(shown.as_str()), "{shown} in {text}");
    }
}

/// Failed authentications: at most `RATE_LIMIT_AUTH_FAILURES` looked at from one address in
/// any 60 seconds — a quota that refills as time passes would let a patient guesser have more.
#[test]
fn failed_authentications_are_at_most_the_limit_in_any_sixty_seconds() {
    let env = TestEnv::embedded();
    env.ok(&["-q", "init"]);
    let (_, key) = operator_key(&env, &["api-keys:read"]);
    let server = Served::start(&env, &[("RATE_LIMIT_AUTH_FAILURES", "20")]);
    let url = format!("{}/api-keys", server.url);
    let guess = |n: usize| {
        let bad = format!("sk_live_{n:032}");
        call("GET", &url, Some(("x-api-key", bad.as_str())), None)
    };
    for n in 0..20 {
        let refused = guess(n);
        assert_eq!(refused.status, 401, "guess {n}: {refused}");
    }
    // Three seconds on (a per-minute quota of 20 would have refilled one guess every 3 s).
    std::thread::sleep(std::time::Duration::from_millis(3500));
    let blocked = guess(20);
    assert_eq!(blocked.status, 429, "{blocked}");
    let retry: u64 = blocked.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((55..=57).contains(&retry), "Retry-After {retry}");
    assert!(
        blocked.body["message"]
            .as_str()
            .unwrap()
            .contains("at most 20 in any 60 seconds"),
        "{blocked}"
    );
    // Even a good key waits: the address is not heard until then.
    let good = call("GET", &url, Some(("x-api-key", key.as_str())), None);
    assert_eq!(good.status, 429, "{good}");
}

/// Behind a trusted proxy the failed-authentication limit is the client's, named by
/// `X-Forwarded-For`: a guesser locks out itself, not the operator behind the same proxy, and
/// cannot pass as someone else by writing the header itself. From anyone else the header is
/// not heard.
#[test]
fn behind_a_trusted_proxy_failures_count_against_the_forwarded_client() {
    let env = TestEnv::embedded();
    env.ok(&["-q", "init"]);
    let (_, key) = operator_key(&env, &["api-keys:read"]);
    let guesses = |server: &Served, from: &str| {
        let url = format!("{}/api-keys", server.url);
        (0..3)
            .map(|n| {
                let bad = format!("sk_live_{n:032}");
                let headers = [("x-api-key", bad.as_str()), ("x-forwarded-for", from)];
                call_with("GET", &url, &headers, None).status
            })
            .collect::<Vec<_>>()
    };
    let with_key = |server: &Served, from: &str| {
        let url = format!("{}/api-keys", server.url);
        let headers = [("x-api-key", key.as_str()), ("x-forwarded-for", from)];
        call_with("GET", &url, &headers, None)
    };
    let limits = [("RATE_LIMIT_AUTH_FAILURES", "3")];

    let mut trusted = limits.to_vec();
    trusted.push(("PLATCTL_TRUSTED_PROXIES", "127.0.0.0/8"));
    let server = Served::start(&env, &trusted);
    assert_eq!(guesses(&server, "203.0.113.7"), [401, 401, 401]);
    let blocked = with_key(&server, "203.0.113.7");
    assert_eq!(blocked.status, 429, "{blocked}");
    // What the guesser wrote itself comes before the address the proxy appended.
    let spoofed = with_key(&server, "198.51.100.1, 203.0.113.7");
    assert_eq!(spoofed.status, 429, "{spoofed}");
    let operator = with_key(&server, "198.51.100.1");
    assert_eq!(operator.status, 200, "{operator}");
    drop(server);

    let server = Served::start(&env, &limits);
    assert_eq!(guesses(&server, "203.0.113.7"), [401, 401, 401]);
    let shared = with_key(&server, "198.51.100.1");
    assert_eq!(
        shared.status, 429,
        "an untrusted peer's header was believed: {shared}"
    );
}

/// Sockets the server's process holds open.
fn sockets_of(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .unwrap()
        .filter_map(|e| std::fs::read_link(e.ok()?.path()).ok())
        .filter(|target| target.to_string_lossy().starts_with("socket:"))
        .count()
}

/// Connections that say nothing are bounded by `PLATCTL_MAX_CONNECTIONS` (the oldest silent
/// one makes way for a new one), so liveness keeps answering while they are held; one that
/// sends no complete request head is closed after the header-read timeout.
#[test]
fn idle_connections_are_bounded_and_liveness_keeps_answering() {
    use std::io::{Read, Write};
    use std::time::{Duration, Instant};
    let env = TestEnv::embedded();
    env.ok(&["-q", "init"]);
    let refused = crate::common::Run::from(
        env.std_cmd()
            .env("PLATCTL_MAX_CONNECTIONS", "0")
            .args(["serve", "--listen", "127.0.0.1:0"])
            .output()
            .unwrap(),
    );
    assert_eq!(refused.code, 2, "{refused}");
    assert!(
        refused.stderr.contains(
            "PLATCTL_MAX_CONNECTIONS=`0` (environment) is not valid: expected a number of \
             connections from 1 to 1000000"
        ),
        "{refused}"
    );
    let server = Served::start(&env, &[("PLATCTL_MAX_CONNECTIONS", "8")]);
    let addr = server.url.trim_start_matches("http://").to_string();
    let before = sockets_of(server.pid());
    let idle: Vec<std::net::TcpStream> = (0..40)
        .map(|_| std::net::TcpStream::connect(&addr).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    let held = sockets_of(server.pid()) - before;
    assert!(held <= 8, "{held} idle connections held open");
    for _ in 0..5 {
        let asked = Instant::now();
        let live = call("GET", &format!("{}/health/live", server.url), None, None);
        assert_eq!(live.status, 200, "{live}");
        assert!(
            asked.elapsed() < Duration::from_secs(1),
            "liveness took {:?}",
            asked.elapsed()
        );
    }
    drop(idle);

    // Half a request head, and then nothing: closed after the header-read timeout (5 s).
    let mut slow = std::net::TcpStream::connect(&addr).unwrap();
    slow.write_all(b"GET /health/live HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(15)))
        .unwrap();
    let sent = Instant::now();
    let mut buf = [0u8; 256];
    let closed = match slow.read(&mut buf) {
        Ok(0) => true,
        Ok(_) => false,
        Err(e) => e.kind() == std::io::ErrorKind::ConnectionReset,
    };
    let waited = sent.elapsed();
    assert!(closed, "not closed after {waited:?}");
    assert!(
        (Duration::from_secs(4)..Duration::from_secs(8)).contains(&waited),
        "closed after {waited:?}"
    );
}

/// SIGTERM during a backup: one `--shutdown-timeout` for everything in flight, and then the
/// client is told that the server is shutting down — not to check its URL.
#[test]
fn shutdown_takes_one_grace_and_tells_the_client_why() {
    use std::process::Stdio;
    use std::time::{Duration, Instant};
    let env = TestEnv::new(crate::common::Kind::Sqlite);
    env.ok(&["-q", "migrate", "run"]);
    env.ok(&["-q", "orgs", "create", "default"]);
    // Enough rows that the backup outlasts the grace.
    env.exec(
        "INSERT INTO audit_logs (occurred_at, actor, action, resource_type, resource_id, ip, \
         user_agent, metadata) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n \
         WHERE i < 3000000) SELECT (SELECT MIN(occurred_at) FROM audit_logs), 'bulk', \
         'bulk.test', 'thing', i, '10.0.0.1', 'ua', '{\"n\":\"' || hex(randomblob(40)) || '\"}' \
         FROM n",
    );
    let (_, key) = operator_key(&env, &["backups:create", "backups:read"]);
    let backups = env.path("server-backups");
    let server = Served::start_with(
        &env,
        &[("BACKUP_DIR", backups.to_str().unwrap())],
        &["--shutdown-timeout", "2s"],
    );
    let client = env
        .std_cmd()
        .env_remove("DATABASE_URL")
        .env("PLATCTL_API_KEY", &key)
        .args(["--server", server.url.as_str(), "backup", "run"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let asked = Instant::now();
    while !server.log().contains("path=/backups/run status=200") {
        assert!(
            asked.elapsed() < Duration::from_secs(20),
            "{}",
            server.log()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let signalled = Instant::now();
    let (code, log) = server.terminate();
    let took = signalled.elapsed();
    assert_eq!(code, 0, "{log}");
    assert!(
        took < Duration::from_millis(3000),
        "shutdown took {took:?} with a 2 s grace: {log}"
    );
    assert!(log.contains("did not finish in time"), "{log}");
    let run = crate::common::Run::from(client.wait_with_output().unwrap());
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr.contains("platctl serve is shutting down"),
        "{run}"
    );
    assert!(!run.stderr.contains("check the URL"), "{run}");
}

/// A connection that breaks once the answer has begun (no last line) is reported as cut: the
/// server was reached, so remote mode does not send the operator to check the URL.
#[test]
fn a_stream_cut_midway_is_reported_as_cut_not_as_unreachable() {
    use std::io::{Read, Write};
    let env = TestEnv::embedded();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let server = std::thread::spawn(move || {
        let (mut conn, _) = listener.accept().unwrap();
        let mut request = [0u8; 4096];
        let _ = conn.read(&mut request).unwrap();
        // The start of an event stream, then the connection drops mid-chunk.
        conn.write_all(
            b"HTTP/1.1 200 OK\r\ncontent-type: application/x-ndjson\r\n\
              transfer-encoding: chunked\r\n\r\n20\r\n{\"note\":\"started\"}\n",
        )
        .unwrap();
    });
    let mut cmd = env.bare();
    cmd.env(
        "PLATCTL_API_KEY",
        "sk_live_0123456789abcdefABCDEF0123456789",
    )
    .args(["--server", url.as_str(), "backup", "run"]);
    let run = crate::common::Run::from(cmd.output().unwrap());
    server.join().unwrap();
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("was cut before"), "{run}");
    assert!(!run.stderr.contains("check the URL"), "{run}");
}
