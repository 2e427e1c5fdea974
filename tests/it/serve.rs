//! `platctl serve`: the admin API over each database, spoken to over HTTP as curl would.

use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::common::{TestEnv, each_backend, free_port, outside, within};

/// A `platctl serve` on a free loopback port; killed on drop if still running.
pub struct Served {
    child: Child,
    pub url: String,
    log: PathBuf,
}

impl Served {
    pub fn start(env: &TestEnv, extra: &[(&str, &str)]) -> Served {
        Served::start_with(env, extra, &[])
    }

    /// With more arguments to `serve` (`--tls-cert`...); `url` is https:// with TLS.
    pub fn start_with(env: &TestEnv, extra: &[(&str, &str)], args: &[&str]) -> Served {
        let port = free_port();
        let log = env.path(&format!("serve-{port}.log"));
        let mut cmd = env.std_cmd();
        cmd.args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .args(args)
            .envs(extra.iter().copied())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap());
        let child = cmd.spawn().unwrap();
        let served = Served {
            child,
            url: if args.contains(&"--tls-cert") {
                format!("https://127.0.0.1:{port}")
            } else {
                format!("http://127.0.0.1:{port}")
            },
            log,
        };
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "platctl serve did not listen: {}",
                served.log()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        served
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// SIGTERM, and the exit code once it has stopped.
    pub fn terminate(mut self) -> (i32, String) {
        let pid = self.child.id().to_string();
        let killed = std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap();
        assert!(killed.success());
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return (status.code().unwrap_or(-1), self.log());
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "still running 20 s after SIGTERM"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Served {
    /// SIGKILL (kill -9): no shutdown of any kind.
    pub fn kill9(&mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An answer: status, headers, JSON body (or the text as a JSON string).
pub struct Answer {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

impl std::fmt::Display for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status, self.body)
    }
}

/// One request, as curl would send it: `auth` is a header name and value.
pub fn call(method: &str, url: &str, auth: Option<(&str, &str)>, body: Option<Value>) -> Answer {
    call_with(method, url, auth.as_slice(), body)
}

/// One request with these headers.
pub fn call_with(method: &str, url: &str, headers: &[(&str, &str)], body: Option<Value>) -> Answer {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let client = reqwest::Client::new();
        let mut request = client
            .request(method.parse().unwrap(), url)
            .header("user-agent", "platctl-tests/1");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.text().await.unwrap();
        let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
        Answer {
            status,
            headers,
            body,
        }
    })
}

/// A platform key (the operator's power over HTTP) with these scopes; returns (id, key).
pub fn operator_key(env: &TestEnv, scopes: &[&str]) -> (String, String) {
    let mut args = vec![
        "keys",
        "create",
        "--platform",
        "--name",
        "api",
        "-o",
        "json",
    ];
    for s in scopes {
        args.extend(["--scope", s]);
    }
    let created = env.ok(&args).json();
    (
        created["id"].as_str().unwrap().to_string(),
        created["key"].as_str().unwrap().to_string(),
    )
}

each_backend!(pooled the_admin_api_authenticates_authorizes_and_audits, |env| {
    env.ok(&["-q", "migrate", "run"]);
    env.ok(&["-q", "orgs", "create", "default"]);
    let (admin_id, admin) = operator_key(
        &env,
        &["api-keys:create", "api-keys:read", "api-keys:delete"],
    );
    let (_, reader) = operator_key(&env, &["api-keys:read"]);
    let server = Served::start(&env, &[]);
    let url = |path: &str| format!("{}{path}", server.url);
    let bearer = format!("Bearer {admin}");
    let as_admin = Some(("authorization", bearer.as_str()));

    // Health: live never needs the database, ready does, /health is terminus-shaped.
    let live = call("GET", &url("/health/live"), None, None);
    assert_eq!(live.status, 200, "{live}");
    assert_eq!(live.body["status"], "ok");
    let ready = call("GET", &url("/health/ready"), None, None);
    assert_eq!(ready.status, 200, "{ready}");
    assert_eq!(ready.body["info"]["db"]["status"], "up");
    assert_eq!(ready.body["info"]["migrations"]["status"], "up");
    let health = call("GET", &url("/health"), None, None);
    for part in ["status", "info", "error", "details"] {
        assert!(health.body.get(part).is_some(), "{health}");
    }
    // No backup yet: that check is down, and so is the whole.
    assert_eq!(
        health.body["error"]["backups"]["status"], "down",
        "{health}"
    );
    assert_eq!(health.status, 503);

    // Who may create a key.
    let new_key = json!({"name": "ci", "scopes": ["api-keys:read"], "expires_in": "90d"});
    let missing = call("POST", &url("/api-keys"), None, Some(new_key.clone()));
    assert_eq!(missing.status, 401, "{missing}");
    assert_eq!(missing.body["reason"], "missing_key");
    assert_eq!(missing.body["statusCode"], 401);
    assert_eq!(missing.body["error"], "Unauthorized");
    let unknown = call(
        "POST",
        &url("/api-keys"),
        Some(("x-api-key", "sk_live_0123456789abcdefABCDEF0123456789")),
        Some(new_key.clone()),
    );
    assert_eq!(unknown.status, 401, "{unknown}");
    assert_eq!(unknown.body["reason"], "unknown_key");
    let malformed = call(
        "POST",
        &url("/api-keys"),
        Some(("authorization", "Basic b3BzOnNlY3JldA==")),
        Some(new_key.clone()),
    );
    assert_eq!(malformed.status, 401, "{malformed}");
    assert_eq!(malformed.body["reason"], "malformed_key");
    let lacking = call(
        "POST",
        &url("/api-keys"),
        Some(("x-api-key", reader.as_str())),
        Some(new_key.clone()),
    );
    assert_eq!(lacking.status, 403, "{lacking}");
    assert!(
        lacking.body["message"]
            .as_str()
            .unwrap()
            .contains("api-keys:create"),
        "{lacking}"
    );
    let greedy = call(
        "POST",
        &url("/api-keys"),
        as_admin,
        Some(json!({"name": "more", "scopes": ["backups:read"]})),
    );
    assert_eq!(greedy.status, 403, "{greedy}");
    assert!(
        greedy.body["message"]
            .as_str()
            .unwrap()
            .contains("backups:read")
    );

    let created = call(
        "POST",
        &url("/api-keys"),
        Some(("x-api-key", admin.as_str())),
        Some(new_key),
    );
    assert_eq!(created.status, 201, "{created}");
    let new = created.body["key"].as_str().unwrap().to_string();
    assert!(new.starts_with("sk_live_"), "{created}");
    assert_eq!(created.body["scopes"], json!(["api-keys:read"]));
    assert_eq!(created.body["organization"], "default");
    assert!(created.body["expires_at"].is_string(), "{created}");
    let new_id = created.body["id"].as_str().unwrap().to_string();
    assert!(created.headers.contains_key("x-ratelimit-remaining"));

    // Listings never show a whole key or a hash.
    let listed = call("GET", &url("/api-keys"), as_admin, None);
    assert_eq!(listed.status, 200, "{listed}");
    let keys = listed.body.as_array().unwrap();
    assert_eq!(keys.len(), 3, "{listed}");
    let text = listed.body.to_string();
    assert!(!text.contains(&new) && !text.contains(&admin) && !text.contains("hash"));
    let shown = call("GET", &url(&format!("/api-keys/{new_id}")), as_admin, None);
    assert_eq!(shown.body["prefix"], &new[..12], "{shown}");
    let nothing = call("GET", &url("/api-keys/0000ffff"), as_admin, None);
    assert_eq!(nothing.status, 404, "{nothing}");

    // The new key works, then is revoked and refused at once.
    let mine = call(
        "GET",
        &url("/api-keys"),
        Some(("x-api-key", new.as_str())),
        None,
    );
    assert_eq!(mine.status, 200, "{mine}");
    let revoked = call(
        "DELETE",
        &url(&format!("/api-keys/{new_id}/revoke")),
        as_admin,
        None,
    );
    assert_eq!(revoked.status, 200, "{revoked}");
    assert_eq!(revoked.body["status"], "revoked");
    let refused = call(
        "GET",
        &url("/api-keys"),
        Some(("x-api-key", new.as_str())),
        None,
    );
    assert_eq!(refused.status, 401, "{refused}");
    assert_eq!(refused.body["reason"], "revoked_key");

    // The API's changes are audited with the client's address and user agent.
    let audit = env
        .ok(&["audit", "query", "--action", "api_key.*", "-o", "json"])
        .json();
    let by_api: Vec<&Value> = audit
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["user_agent"] == "platctl-tests/1")
        .collect();
    assert_eq!(by_api.len(), 2, "{audit}");
    for entry in by_api {
        assert_eq!(entry["ip"], "127.0.0.1", "{entry}");
        assert_eq!(entry["actor_api_key_id"], admin_id.as_str(), "{entry}");
    }

    // SIGTERM: a clean exit, and the key uses written on the way out.
    let (code, log) = server.terminate();
    assert_eq!(code, 0, "{log}");
    assert!(log.contains("path=/api-keys status=201"), "{log}");
    assert!(!log.contains(&admin[12..]), "a key in the log: {log}");
    let admin_key = env.ok(&["keys", "show", &admin_id, "-o", "json"]).json();
    assert!(admin_key["last_used_at"].is_string(), "{admin_key}");
});

#[test]
fn rate_limits_answer_429_with_when_to_retry() {
    let env = TestEnv::embedded();
    env.ok(&["-q", "init"]);
    let (_, key) = operator_key(&env, &["api-keys:read"]);
    let server = Served::start(&env, &[("RATE_LIMIT_MAX", "100"), ("RATE_LIMIT_TTL", "60")]);
    let url = format!("{}/api-keys", server.url);
    let mut limited = None;
    for n in 1..=130 {
        let answer = call("GET", &url, Some(("x-api-key", key.as_str())), None);
        if answer.status == 429 {
            limited = Some((n, answer));
            break;
        }
        assert_eq!(answer.status, 200, "{answer}");
    }
    let (n, answer) = limited.expect("130 requests with RATE_LIMIT_MAX=100 met no 429");
    assert!(n > 100, "refused after {n} requests");
    let header = |name: &str| answer.headers[name].to_str().unwrap().to_string();
    let retry: u64 = header("retry-after").parse().unwrap();
    assert!((1..=60).contains(&retry), "Retry-After {retry}");
    assert_eq!(header("x-ratelimit-limit"), "100");
    assert_eq!(header("x-ratelimit-remaining"), "0");
    assert_eq!(answer.body["statusCode"], 429);

    // Failed authentications: five a minute from one address, then 429 even for a good key.
    let bad = "sk_live_0123456789abcdefABCDEF0123456789";
    for _ in 0..5 {
        let refused = call("GET", &url, Some(("x-api-key", bad)), None);
        assert_eq!(refused.status, 401, "{refused}");
    }
    let blocked = call("GET", &url, Some(("x-api-key", bad)), None);
    assert_eq!(blocked.status, 429, "{blocked}");
    assert!(blocked.headers.contains_key("retry-after"));

    let metrics = call("GET", &format!("{}/metrics", server.url), None, None);
    let text = metrics.body.as_str().unwrap();
    // Every request before the 429 was answered 200 (the quota refills as they go: more
    // than 100 may pass).
    let served = format!(
        "platctl_http_requests_total{{method=\"GET\",route=\"/api-keys\",status=\"200\"}} {}",
        n - 1
    );
    assert!(text.contains(&served), "{served} in {text}");
    assert!(
        text.contains("platctl_auth_failures_total{reason=\"unknown_key\"}"),
        "{text}"
    );
    assert!(
        text.contains("platctl_rate_limited_requests_total"),
        "{text}"
    );
    assert!(
        text.contains("platctl_http_request_duration_seconds_bucket"),
        "{text}"
    );
}

#[test]
fn every_protected_route_refuses_a_request_without_a_key() {
    let env = TestEnv::embedded();
    env.ok(&["-q", "init"]);
    let server = Served::start(&env, &[]);
    for route in platctl::serve::routes::ROUTES.iter() {
        let path = route.path.replace("{id}", "0000ffff");
        let answer = call(route.method, &format!("{}{path}", server.url), None, None);
        match route.op {
            Some(_) => {
                assert_eq!(answer.status, 401, "{} {path}: {answer}", route.method);
                assert_eq!(answer.body["reason"], "missing_key");
            }
            // Public: answered (the health of a server without backups may be 503).
            None => assert!(
                [200, 503].contains(&answer.status),
                "{} {path}: {answer}",
                route.method
            ),
        }
    }
    let nowhere = call("GET", &format!("{}/nowhere", server.url), None, None);
    assert_eq!(nowhere.status, 404, "{nowhere}");
    assert_eq!(nowhere.body["message"], "Cannot GET /nowhere");
}

each_backend!(pooled health_server_asks_a_running_server, |env| {
    env.ok(&["-q", "migrate", "run"]);
    let server = Served::start(&env, &[]);
    let ready = env.run(&[
        "health",
        "--server",
        &server.url,
        "--probe",
        "ready",
        "-o",
        "json",
    ]);
    assert_eq!(ready.code, 0, "{ready}");
    assert_eq!(ready.json()["info"]["migrations"]["status"], "up");
    let live = env.run(&[
        "health",
        "--server",
        &server.url,
        "--probe",
        "live",
        "--format",
        "nagios",
    ]);
    assert_eq!(live.code, 0, "{live}");
    assert!(live.stdout.starts_with("PLATCTL OK - process ok"), "{live}");
    // The whole /health: no backup is CRITICAL there too, with the server's counts (without a
    // key, states and counts are all a server says).
    let all = env.run(&["health", "--server", &server.url, "--format", "nagios"]);
    assert_eq!(all.code, 2, "{all}");
    assert!(
        all.stdout.starts_with("PLATCTL CRITICAL - db ok, "),
        "{all}"
    );
    assert!(all.stdout.contains("backups critical, 0 backups"), "{all}");
    assert!(
        all.stdout.contains("| migrations_pending=0;;0;; migrations_changed=0;0;;; "),
        "{all}"
    );
    assert!(!all.stdout.contains("db_latency_ms"), "{all}");
    drop(server);
    // Nobody there: CRITICAL, within the timeout.
    let gone = env.run(&[
        "health",
        "--server",
        &format!("http://127.0.0.1:{}", free_port()),
    ]);
    assert_eq!(gone.code, 2, "{gone}");
    assert!(gone.stdout.contains("cannot reach"), "{gone}");
    let bad = env.run(&["health", "--server", "ftp://example.com"]);
    assert_eq!(bad.code, 3, "{bad}");
});

each_backend!(pooled remote_mode_gives_what_direct_mode_gives, |env| {
    env.ok(&["-q", "migrate", "run"]);
    env.ok(&["-q", "orgs", "create", "default"]);
    let (_, key) = operator_key(
        &env,
        &[
            "api-keys:read",
            "backups:read",
            "organizations:read",
            "settings:read",
        ],
    );
    let key_file = env.path("admin.key");
    std::fs::write(&key_file, format!("{key}\n")).unwrap();
    let key_file = key_file.to_str().unwrap().to_string();
    // The server keeps its backups in its own directory; the client has none.
    let server_backups = env.path("server-backups");
    let server_backups = server_backups.to_str().unwrap();
    env.ok(&["-q", "backup", "run", "--storage", server_backups]);
    let server = Served::start(&env, &[("BACKUP_DIR", server_backups)]);
    let url = server.url.clone();
    let remote = |args: &[&str]| {
        let mut all = vec!["--server", url.as_str(), "--api-key-file", &key_file];
        all.extend_from_slice(args);
        let mut cmd = env.bare();
        cmd.env("BACKUP_DIR", env.path("client-backups"));
        crate::common::Run::from(cmd.args(&all).output().unwrap())
    };

    // The same keys, the same fields, whichever door.
    let strip = |v: Value| -> Value {
        let mut v = v;
        for k in v.as_array_mut().unwrap() {
            k.as_object_mut().unwrap().remove("last_used_at");
        }
        v
    };
    let direct = env.ok(&["keys", "list", "-o", "json"]).json();
    let over_http = remote(&["keys", "list", "-o", "json"]);
    assert_eq!(over_http.code, 0, "{over_http}");
    assert_eq!(strip(over_http.json()), strip(direct));
    let orgs = remote(&["orgs", "list", "-o", "json"]);
    assert_eq!(orgs.json(), env.ok(&["orgs", "list", "-o", "json"]).json());

    // The server's backups, not this machine's.
    let listed = remote(&["backup", "list", "-o", "json"]);
    assert_eq!(listed.code, 0, "{listed}");
    assert_eq!(listed.json().as_array().unwrap().len(), 1, "{listed}");
    let elsewhere = remote(&["backup", "list", "--storage", "/tmp"]);
    assert_eq!(elsewhere.code, 2, "{elsewhere}");

    // Refusals keep their exit codes: 77 for a missing scope, as in direct mode.
    let denied = remote(&["keys", "create", "--scope", "api-keys:read"]);
    assert_eq!(denied.code, 77, "{denied}");
    assert!(
        denied.stderr.contains("403: `api-keys:create` is needed"),
        "{denied}"
    );
    let missing = remote(&["keys", "show", "0000ffff"]);
    assert_eq!(missing.code, 1, "{missing}");
    assert!(
        missing.stderr.contains("no API key 0000ffff") || missing.stderr.contains("0000ffff"),
        "{missing}"
    );
    let mut unknown = env.bare();
    unknown
        .env(
            "PLATCTL_API_KEY",
            "sk_live_0123456789abcdefABCDEF0123456789",
        )
        .args(["--server", &url, "keys", "list"]);
    let unknown = crate::common::Run::from(unknown.output().unwrap());
    assert_eq!(unknown.code, 77, "{unknown}");
    assert!(
        unknown.stderr.contains("401: the API key is unknown"),
        "{unknown}"
    );
    assert!(
        !unknown.all_output().contains("ABCDEF0123456789"),
        "{unknown}"
    );
    // A restore replaces a database: not the server's own, through its API.
    let restore = remote(&["-y", "backup", "restore", "--latest"]);
    assert_eq!(restore.code, 2, "{restore}");
    assert!(
        restore
            .stderr
            .contains("does not replace the one it serves"),
        "{restore}"
    );

    // Health with a key runs the checks there, with this command's thresholds.
    let health = remote(&["health", "--check", "db,migrations", "-o", "json"]);
    assert_eq!(health.code, 0, "{health}");
    assert_eq!(health.json()["status"], "ok");
    drop(server);
    let gone = remote(&["keys", "list"]);
    assert_eq!(gone.code, 1, "{gone}");
    assert!(gone.stderr.contains("cannot reach"), "{gone}");
});

each_backend!(pooled a_key_revoked_elsewhere_is_refused_within_a_second, |env| {
    env.ok(&["-q", "migrate", "run"]);
    env.ok(&["-q", "orgs", "create", "default"]);
    let (id, key) = operator_key(&env, &["api-keys:read"]);
    let server = Served::start(&env, &[]);
    let url = format!("{}/api-keys", server.url);
    let auth = Some(("x-api-key", key.as_str()));
    // Looked up, and kept for reuse.
    for _ in 0..3 {
        let listed = call("GET", &url, auth, None);
        assert_eq!(listed.status, 200, "{listed}");
    }
    // Revoked by another process (the command line, another replica): refused within 1 s.
    env.ok(&["-q", "keys", "revoke", &id]);
    let revoked = Instant::now();
    loop {
        let answer = call("GET", &url, auth, None);
        if answer.status == 401 {
            assert_eq!(answer.body["reason"], "revoked_key", "{answer}");
            break;
        }
        assert_eq!(answer.status, 200, "{answer}");
        assert!(
            revoked.elapsed() < Duration::from_millis(1500),
            "still accepted {:?} after the revoke",
            revoked.elapsed()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
});

/// "At once" for a change another process made: the server hears of it in well under a
/// millisecond; what it remembered without hearing would stay for a second.
const AT_ONCE: Duration = Duration::from_millis(250);

// Key listings may be answered from memory (PostgreSQL), but never behind a change made
// through platctl by another process: each is announced, and hearing it forgets them.
each_backend!(pooled a_listing_shows_changes_made_elsewhere_at_once, |env| {
    env.ok(&["-q", "migrate", "run"]);
    env.ok(&["-q", "orgs", "create", "default"]);
    let (_, key) = operator_key(&env, &["api-keys:read"]);
    let server = Served::start(&env, &[]);
    let url = format!("{}/api-keys", server.url);
    let names = || -> Vec<String> {
        let listed = call("GET", &url, Some(("x-api-key", key.as_str())), None);
        assert_eq!(listed.status, 200, "{listed}");
        listed
            .body
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["name"].as_str().unwrap().to_string())
            .collect()
    };
    let ids: Vec<String> = (0..4)
        .map(|i| {
            names(); // listed (and kept) just before the change
            let name = format!("made-elsewhere-{i}");
            let made = env
                .ok(&[
                    "keys",
                    "create",
                    "--org",
                    "default",
                    "--name",
                    &name,
                    "--scope",
                    "agents:read",
                    "-o",
                    "json",
                ])
                .json();
            within(AT_ONCE, "a key created elsewhere listed", || {
                names().contains(&name)
            });
            made["id"].as_str().unwrap().to_string()
        })
        .collect();
    env.ok(&["-q", "keys", "revoke", &ids[0]]);
    within(AT_ONCE, "a key revoked elsewhere gone", || {
        !names().iter().any(|n| n == "made-elsewhere-0")
    });
    // Written by another program (not platctl: nothing announced): seen within the second.
    names();
    env.exec("UPDATE api_keys SET name = 'renamed-by-sql' WHERE name = 'made-elsewhere-1'");
    within(
        Duration::from_millis(1500),
        "an UPDATE by SQL listed",
        || names().iter().any(|n| n == "renamed-by-sql"),
    );
});

// What a user holds is remembered too (PostgreSQL), and forgotten as soon as it changes
// anywhere: a role taken away by the command line refuses their key at once.
each_backend!(
    pooled a_role_taken_away_elsewhere_refuses_the_users_key_at_once,
    |env| {
        env.ok(&["-q", "migrate", "run"]);
        env.ok(&["-q", "orgs", "create", "default"]);
        env.ok(&["-q", "users", "create", "alice@acme.io"]);
        let assign = [
            "-q",
            "roles",
            "assign",
            "--user",
            "alice@acme.io",
            "--org",
            "default",
        ];
        env.ok(&[&assign[..], &["--role", "admin"]].concat());
        let made = env
            .ok(&[
                "--as",
                "alice@acme.io",
                "keys",
                "create",
                "--org",
                "default",
                "--name",
                "alice",
                "--scope",
                "api-keys:read",
                "-o",
                "json",
            ])
            .json();
        let key = made["key"].as_str().unwrap().to_string();
        let server = Served::start(&env, &[]);
        let url = format!("{}/api-keys", server.url);
        let status = || call("GET", &url, Some(("x-api-key", key.as_str())), None).status;
        for round in 0..3 {
            for _ in 0..3 {
                assert_eq!(status(), 200, "round {round}: alice's key with her role");
            }
            env.ok(&[
                "-q",
                "roles",
                "unassign",
                "--user",
                "alice@acme.io",
                "--org",
                "default",
            ]);
            within(
                AT_ONCE,
                &format!("round {round}: refused after the unassign"),
                || status() == 403,
            );
            env.ok(&[&assign[..], &["--role", "admin"]].concat());
            within(
                AT_ONCE,
                &format!("round {round}: accepted after the assign"),
                || status() == 200,
            );
        }
    }
);

/// Wait (up to 2 minutes) for the backup labelled `label` to appear in `storage`, and verify it.
fn backup_finishes(env: &TestEnv, storage: &std::path::Path, label: &str) {
    let storage = storage.to_str().unwrap();
    let start = Instant::now();
    loop {
        let listed = env
            .ok(&["backup", "list", "--storage", storage, "-o", "json"])
            .json();
        if let Some(found) = listed
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["label"] == label)
        {
            let id = found["id"].as_str().unwrap();
            env.ok(&["backup", "verify", id, "--storage", storage]);
            return;
        }
        assert!(start.elapsed() < Duration::from_secs(120), "{listed}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The events of a long operation's answer (one JSON value per line, keep-alives skipped).
pub(crate) fn events(answer: &Answer) -> Vec<Value> {
    answer
        .body
        .as_str()
        .unwrap_or_else(|| panic!("not an event stream: {answer}"))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

each_backend!(pooled long_operations_stream_their_progress_over_the_api, |env| {
    env.ok(&["-q", "migrate", "run"]);
    env.ok(&["-q", "orgs", "create", "default"]);
    let (key_id, key) = operator_key(
        &env,
        &[
            "backups:create",
            "backups:read",
            "backups:execute",
            "audit-logs:read",
            "audit-logs:export",
        ],
    );
    let (_, reader) = operator_key(&env, &["backups:read"]);
    let backups = env.path("server-backups");
    let server = Served::start(&env, &[("BACKUP_DIR", backups.to_str().unwrap())]);
    let url = |path: &str| format!("{}{path}", server.url);
    let bearer = format!("Bearer {key}");
    let auth = Some(("authorization", bearer.as_str()));

    // With curl: progress events, then the result as the last line.
    let ran = call(
        "POST",
        &url("/backups/run"),
        auth,
        Some(json!({"label": "api", "lock_timeout": "30s"})),
    );
    assert_eq!(ran.status, 200, "{ran}");
    assert_eq!(ran.headers["content-type"], "application/x-ndjson");
    let lines = events(&ran);
    assert!(
        lines.iter().any(|e| e["advance"].as_u64().unwrap_or(0) > 0),
        "{ran}"
    );
    let last = lines.last().unwrap();
    let id = last["result"]["taken"]["manifest"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{ran}"))
        .to_string();
    // Refused before it starts: an ordinary 403, not a stream.
    let denied = call(
        "POST",
        &url("/backups/run"),
        Some(("x-api-key", reader.as_str())),
        Some(json!({"lock_timeout": "30s"})),
    );
    assert_eq!(denied.status, 403, "{denied}");
    assert!(
        denied.body["message"]
            .as_str()
            .unwrap()
            .contains("backups:create"),
        "{denied}"
    );

    // Remote mode: the same commands, the server's storage, the same outputs and codes.
    let remote = |args: &[&str]| {
        let mut cmd = env.bare();
        cmd.env("PLATCTL_API_KEY", &key)
            .env("BACKUP_DIR", env.path("client-backups"))
            .args(["--server", server.url.as_str()])
            .args(args);
        crate::common::Run::from(cmd.output().unwrap())
    };
    let second = remote(&["backup", "run", "--label", "remote", "-o", "json"]);
    assert_eq!(second.code, 0, "{second}");
    let second_id = second.json()["id"].as_str().unwrap().to_string();
    // What the server's storage holds, read directly.
    let server_backups = || -> Vec<Value> {
        let storage = backups.to_str().unwrap();
        let listed = env.ok(&["backup", "list", "--storage", storage, "-o", "json"]);
        listed.json().as_array().unwrap().clone()
    };
    let there = server_backups();
    let ids: Vec<&str> = there.iter().map(|b| b["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [second_id.as_str(), id.as_str()], "{there:?}");
    assert!(!env.path("client-backups").exists());
    let verified = remote(&[
        "backup",
        "verify",
        "--latest",
        "--restore-test",
        "-o",
        "json",
    ]);
    assert_eq!(verified.code, 0, "{verified}");
    let verified = verified.json();
    assert_eq!(verified["id"], second_id.as_str(), "{verified}");
    assert_eq!(verified["checksum_ok"], true, "{verified}");
    assert_eq!(verified["restore_test"], true, "{verified}");
    assert!(
        verified["tables_checked"].as_u64().unwrap() > 3,
        "{verified}"
    );

    // The backups were audited as the key's, with the client's user agent.
    let runs = env
        .ok(&["audit", "query", "--action", "backup.run", "-o", "json"])
        .json();
    let runs = runs.as_array().unwrap();
    assert_eq!(runs.len(), 2, "{runs:?}");
    for entry in runs {
        assert_eq!(entry["actor_api_key_id"], key_id.as_str(), "{entry}");
        assert_eq!(entry["ip"], "127.0.0.1", "{entry}");
    }
    // Told as a person reads it: the path is the server's, and says so.
    let told = remote(&["backup", "run", "--label", "told"]);
    assert_eq!(told.code, 0, "{told}");
    let place = format!(
        "written to {} on the server {}:",
        backups.display(),
        server.url
    );
    assert!(told.stdout.contains(&place), "{told}");

    // An export: the same bytes whichever door, compressed here when the file says so (of
    // the key's organization: the backups' entries are the platform's, not the key's to read).
    for name in ["audit.ndjson", "audit.csv", "audit.json.gz"] {
        let over_http = env.path(&format!("remote-{name}"));
        let direct = env.path(&format!("direct-{name}"));
        let run = remote(&[
            "audit",
            "export",
            "--action",
            "api_key.*",
            "--out",
            over_http.to_str().unwrap(),
        ]);
        assert_eq!(run.code, 0, "{run}");
        env.ok(&[
            "audit",
            "export",
            "--action",
            "api_key.*",
            "--out",
            direct.to_str().unwrap(),
        ]);
        let read = |p: &std::path::Path| {
            let bytes = std::fs::read(p).unwrap();
            if name.ends_with(".gz") {
                let mut text = String::new();
                std::io::Read::read_to_string(
                    &mut flate2::read::GzDecoder::new(&bytes[..]),
                    &mut text,
                )
                .unwrap();
                text
            } else {
                String::from_utf8(bytes).unwrap()
            }
        };
        assert_eq!(read(&over_http), read(&direct), "{name}");
        assert!(read(&direct).contains(&key_id), "{name}");
    }
    let to_stdout = remote(&[
        "audit",
        "export",
        "--action",
        "api_key.*",
        "-o",
        "ndjson",
        "--out",
        "-",
    ]);
    assert_eq!(to_stdout.code, 0, "{to_stdout}");
    assert_eq!(to_stdout.stdout.lines().count(), 2, "{to_stdout}");

    // A client that goes away does not leave a half-written backup: the backup finishes.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let mut response = reqwest::Client::new()
            .post(url("/backups/run"))
            .bearer_auth(&key)
            .json(&json!({"label": "left", "lock_timeout": "30s"}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let first = response.chunk().await.unwrap();
        assert!(first.is_some());
        drop(response);
    });
    backup_finishes(&env, &backups, "left");
    let (code, log) = server.terminate();
    assert_eq!(code, 0, "{log}");
});

#[test]
fn ctrl_c_on_a_remote_backup_stops_the_watching_not_the_backup() {
    let env = TestEnv::new(crate::common::Kind::Sqlite);
    env.ok(&["-q", "migrate", "run"]);
    env.ok(&["-q", "orgs", "create", "default"]);
    // Enough rows that the backup takes a while.
    env.exec(
        "INSERT INTO audit_logs (occurred_at, actor, action, resource_type, resource_id, ip, \
         user_agent, metadata) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n \
         WHERE i < 300000) SELECT (SELECT MIN(occurred_at) FROM audit_logs), 'bulk', \
         'bulk.test', 'thing', i, '10.0.0.1', 'ua', '{\"n\":\"' || hex(randomblob(40)) || '\"}' \
         FROM n",
    );
    let (_, key) = operator_key(&env, &["backups:create", "backups:read"]);
    let backups = env.path("server-backups");
    let server = Served::start(&env, &[("BACKUP_DIR", backups.to_str().unwrap())]);
    let mut cmd = env.std_cmd();
    cmd.env_remove("DATABASE_URL")
        .env("PLATCTL_API_KEY", &key)
        .args([
            "--server",
            server.url.as_str(),
            "backup",
            "run",
            "--label",
            "cut",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let child = cmd.spawn().unwrap();
    std::thread::sleep(Duration::from_millis(400));
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let run = crate::common::Run::from(child.wait_with_output().unwrap());
    assert_eq!(run.code, 130, "the backup ended before the signal: {run}");
    assert!(
        run.stderr
            .contains("stopped watching; the server goes on with the backup"),
        "{run}"
    );
    // And it does: the backup finishes, complete and good.
    backup_finishes(&env, &backups, "cut");
    let (code, log) = server.terminate();
    assert_eq!(code, 0, "{log}");
}

each_backend!(pooled roles_migrations_and_audit_run_over_the_api, |env| {
    env.ok(&["-q", "migrate", "run"]);
    env.ok(&["-q", "orgs", "create", "default"]);
    let (_, key) = operator_key(
        &env,
        &[
            "roles:manage",
            "roles:read",
            "settings:read",
            "settings:manage",
            "audit-logs:read",
            "audit-logs:manage",
        ],
    );
    let server = Served::start(&env, &[]);
    let remote = |args: &[&str]| {
        let mut cmd = env.bare();
        cmd.env("PLATCTL_API_KEY", &key)
            .args(["--server", server.url.as_str()])
            .args(args);
        crate::common::Run::from(cmd.output().unwrap())
    };
    let ok = |args: &[&str]| {
        let run = remote(args);
        assert_eq!(run.code, 0, "{args:?}: {run}");
        run
    };
    ok(&[
        "roles", "create", "support", "--level", "2", "--from", "VIEWER",
    ]);
    ok(&["roles", "grant", "support", "audit-logs:read"]);
    let shown = ok(&["roles", "show", "support", "-o", "json"]).json();
    assert_eq!(
        shown,
        env.ok(&["roles", "show", "support", "-o", "json"]).json()
    );
    ok(&["roles", "revoke", "support", "audit-logs:read"]);
    ok(&["-y", "roles", "delete", "support"]);
    assert_eq!(ok(&["migrate", "verify", "-o", "json"]).json(), json!([]));
    let dry = ok(&["migrate", "run", "--dry-run", "-o", "json"]).json();
    assert_eq!(
        dry,
        env.ok(&["migrate", "run", "--dry-run", "-o", "json"])
            .json()
    );

    // The audit log, streamed: the same entries as direct mode, in the same order — every
    // entry for a platform key, the platform's own (role changes) included.
    let over_http = ok(&["audit", "query", "--all", "-o", "json"]).json();
    let direct = env.ok(&["audit", "query", "--all", "-o", "json"]).json();
    assert_eq!(over_http, direct);
    let actions: Vec<&str> = over_http
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    for action in ["api_key.create", "role.create", "role.delete"] {
        assert!(actions.contains(&action), "{action}: {actions:?}");
    }
    // An organization's key reads its organization's entries, and no other's.
    env.ok(&["-q", "orgs", "create", "other"]);
    let org_key = env.ok(&[
        "-q",
        "keys",
        "create",
        "--org",
        "default",
        "--scope",
        "audit-logs:read",
    ]);
    let as_org_key = |args: &[&str]| {
        let mut cmd = env.bare();
        cmd.env("PLATCTL_API_KEY", org_key.stdout.trim())
            .args(["--server", server.url.as_str()])
            .args(args);
        crate::common::Run::from(cmd.output().unwrap())
    };
    let own = as_org_key(&["audit", "query", "--all", "-o", "json"]);
    assert_eq!(own.code, 0, "{own}");
    assert_eq!(
        own.json(),
        env.ok(&["audit", "query", "--all", "--org", "default", "-o", "json"])
            .json()
    );
    // Nothing found says that other organizations' entries were not looked at.
    let orgs = env.ok(&["orgs", "list", "-o", "json"]).json();
    let other = orgs
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["slug"] == "other")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let resource = format!("organization:{other}");
    let seen = env.ok(&["audit", "query", "--resource", &resource, "-o", "json"]);
    assert_eq!(seen.json().as_array().unwrap().len(), 1, "{seen}");
    let none = as_org_key(&["audit", "query", "--resource", &resource]);
    assert_eq!(none.code, 0, "{none}");
    assert!(
        none.stdout.trim().is_empty()
            && none.stderr.trim()
                == "No audit entries match among those this API key may read: an \
                    organization's key reads only its organization's entries.",
        "{none}"
    );
    let elsewhere = as_org_key(&["audit", "query", "--org", "other"]);
    assert_eq!(elsewhere.code, 77, "{elsewhere}");
    assert!(
        elsewhere
            .stderr
            .contains("acts only in its organization, default"),
        "{elsewhere}"
    );
    let stats = ok(&["audit", "stats", "--by", "action", "-o", "json"]).json();
    assert_eq!(
        stats,
        env.ok(&["audit", "stats", "--by", "action", "-o", "json"])
            .json()
    );
    let sealed = ok(&["audit", "seal", "-o", "json"]).json();
    assert!(
        sealed["seal"]["row_count"].as_i64().unwrap() > 4,
        "{sealed}"
    );
    let verified = ok(&["audit", "verify", "-o", "json"]).json();
    assert_eq!(verified["ok"], true, "{verified}");
    // Refused over the API as directly: the key lacks audit-logs:delete.
    let prune = remote(&["-y", "audit", "prune", "--older-than", "1d"]);
    assert_eq!(prune.code, 77, "{prune}");
});

#[test]
fn the_openapi_document_has_every_route_and_only_them() {
    let api: Value = serde_json::from_str(&platctl::serve::openapi_json()).unwrap();
    let mut documented: Vec<String> = Vec::new();
    for (path, item) in api["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            documented.push(format!("{} {path}", method.to_uppercase()));
        }
    }
    documented.sort();
    let mut table: Vec<String> = platctl::serve::routes::ROUTES
        .iter()
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    table.sort();
    assert_eq!(documented, table);
    // Every protected route names its key schemes; every operation lists 401 and 403.
    for route in platctl::serve::routes::ROUTES
        .iter()
        .filter(|r| r.op.is_some())
    {
        let op = &api["paths"][route.path][route.method.to_lowercase()];
        assert!(op["security"].is_array(), "{} {}", route.method, route.path);
        for status in ["401", "403", "429"] {
            assert!(
                op["responses"].get(status).is_some(),
                "{} {} lacks {status}",
                route.method,
                route.path
            );
        }
    }
}

/// Schemathesis (from PyPI, installed by scripts/test into target/test-venv) against a live
/// server, every check and every phase (examples, coverage, fuzzing, and stateful: chains of
/// calls along the document's links): no 5xx; every answer as documented (status, content
/// type, schema, headers; NDJSON answers line by line, tests/fixtures/schemathesis_hooks.py);
/// every request the document accepts accepted (or refused for what it means, 422: see
/// tests/fixtures/schemathesis.toml), every other one refused; no protected route that ignores
/// a missing or wrong key, no resource still there after its deletion.
#[test]
fn the_openapi_fuzzer_finds_no_server_error_and_no_undocumented_answer() {
    let venv = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/test-venv/bin");
    let schemathesis = std::env::var_os("PLATCTL_TEST_SCHEMATHESIS")
        .map(PathBuf::from)
        .unwrap_or_else(|| venv.join("schemathesis"));
    assert!(
        schemathesis.exists(),
        "the API fuzz test needs schemathesis at {} (scripts/test installs it: \
         target/test-venv/bin/pip install schemathesis), or PLATCTL_TEST_SCHEMATHESIS naming it",
        schemathesis.display()
    );
    let env = TestEnv::embedded();
    env.ok(&["-q", "init"]);
    let backups = env.path("backups");
    let backups = backups.to_str().unwrap();
    // A healthy platform (a backup exists), and a key that may do everything but wreck the
    // run itself: revert the schema, delete backups or keys (its own among them).
    env.ok(&["-q", "backup", "run", "--storage", backups]);
    let spared = [
        "settings:manage",
        "backups:delete",
        "backups:manage",
        "api-keys:delete",
    ];
    let scopes: Vec<String> = env
        .permissions()
        .into_iter()
        .filter(|p| !spared.contains(&p.as_str()))
        .collect();
    let scopes: Vec<&str> = scopes.iter().map(String::as_str).collect();
    let (key_id, key) = operator_key(&env, &scopes);
    let key_prefix = env.query_string(&format!(
        "SELECT prefix FROM platform_keys WHERE CAST(id AS TEXT) = '{key_id}'"
    ));
    let server = Served::start(
        &env,
        &[
            ("BACKUP_DIR", backups),
            ("RATE_LIMIT_MAX", "1000000"),
            ("RATE_LIMIT_AUTH_FAILURES", "1000000"),
        ],
    );
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let output = std::process::Command::new(&schemathesis)
        .arg("--config-file")
        .arg(fixtures.join("schemathesis.toml"))
        .args(["run", &format!("{}/openapi.json", server.url)])
        .args(["-H", &format!("Authorization: Bearer {key}")])
        .args([
            "--checks",
            "all",
            "--phases",
            "examples,coverage,fuzzing,stateful",
            "--max-examples",
            "20",
            "--seed",
            "20261126",
            "--output-truncate",
            "true",
        ])
        .env("NO_COLOR", "1")
        // The NDJSON answers of long operations, read line by line, and the run's own key kept
        // from rotation (tests/fixtures).
        .env("SCHEMATHESIS_HOOKS", "schemathesis_hooks")
        .env("PLATCTL_FUZZ_KEY_ID", &key_id)
        .env("PLATCTL_FUZZ_KEY_PREFIX", &key_prefix)
        .env("PYTHONPATH", &fixtures)
        .current_dir(env.path(""))
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "schemathesis found problems:\n{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Every operation it selected was tested, and it selected them all.
    let selected = report
        .lines()
        .find_map(|l| l.trim().strip_prefix("Selected: "))
        .and_then(|l| l.split_once('/'))
        .unwrap_or_else(|| panic!("{report}"));
    assert_eq!(selected.0, selected.1, "{report}");
    assert!(
        report.contains(&format!("Tested: {}", selected.0)),
        "{report}"
    );
    assert!(
        selected.0.parse::<usize>().unwrap() + 2 >= platctl::serve::routes::ROUTES.len(),
        "{report}"
    );
    // Each phase ran (the stateful one needs links to follow) and passed.
    for phase in ["Examples", "Coverage", "Fuzzing", "Stateful"] {
        assert!(report.contains(&format!("✅ {phase}")), "{report}");
    }
    let log = server.log();
    assert!(!log.contains("panicked"), "{log}");
}

#[test]
fn serve_speaks_https_with_a_certificate_a_private_ca_signed() {
    let env = TestEnv::embedded();
    env.ok(&["-q", "init"]);
    let (_, key) = operator_key(&env, &["api-keys:read"]);
    let dir = env.path("");
    let made = std::process::Command::new(crate::common::test_python())
        .current_dir(&dir)
        .args([
            "-c",
            "import trustme; ca = trustme.CA(); c = ca.issue_cert('127.0.0.1'); \
             c.private_key_pem.write_to_path('key.pem'); \
             c.cert_chain_pems[0].write_to_path('cert.pem'); ca.cert_pem.write_to_path('ca.pem')",
        ])
        .status()
        .unwrap();
    assert!(made.success());
    let (cert, key_file, ca) = (
        env.path("cert.pem"),
        env.path("key.pem"),
        env.path("ca.pem"),
    );
    let server = Served::start_with(
        &env,
        &[],
        &[
            "--tls-cert",
            cert.to_str().unwrap(),
            "--tls-key",
            key_file.to_str().unwrap(),
        ],
    );
    let probe = |ca: Option<&std::path::Path>| {
        let mut cmd = env.bare();
        if let Some(ca) = ca {
            cmd.env("PLATCTL_SERVER_CA_FILE", ca);
        }
        cmd.args(["health", "--server", &server.url, "--probe", "live"]);
        crate::common::Run::from(cmd.output().unwrap())
    };
    let trusted = probe(Some(&ca));
    assert_eq!(trusted.code, 0, "{trusted}");
    // Over HTTPS, browsers are told to keep to it.
    let hsts = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(async {
            let root = reqwest::Certificate::from_pem(&std::fs::read(&ca).unwrap()).unwrap();
            let client = reqwest::Client::builder()
                .add_root_certificate(root)
                .build()
                .unwrap();
            let answer = client
                .get(format!("{}/health/live", server.url))
                .send()
                .await
                .unwrap();
            answer.headers().get("strict-transport-security").cloned()
        });
    assert_eq!(
        hsts.as_ref().and_then(|v| v.to_str().ok()),
        Some("max-age=31536000; includeSubDomains")
    );
    let untrusted = probe(None);
    assert_eq!(untrusted.code, 2, "{untrusted}");
    assert!(untrusted.stdout.contains("certificate"), "{untrusted}");
    // Remote mode over HTTPS: the key crosses encrypted, the answer is the same.
    let mut cmd = env.bare();
    cmd.env("PLATCTL_SERVER_CA_FILE", &ca)
        .env("PLATCTL_API_KEY", &key)
        .args(["--server", &server.url, "keys", "list", "-o", "json"]);
    let listed = crate::common::Run::from(cmd.output().unwrap());
    assert_eq!(listed.code, 0, "{listed}");
    assert_eq!(listed.json().as_array().unwrap().len(), 1);
    let mut cmd = env.bare();
    cmd.env("PLATCTL_API_KEY", &key)
        .args(["--server", &server.url, "keys", "list"]);
    let refused = crate::common::Run::from(cmd.output().unwrap());
    assert_eq!(refused.code, 1, "{refused}");
    assert!(
        refused.stderr.contains("PLATCTL_SERVER_CA_FILE"),
        "{refused}"
    );
    let (code, log) = server.terminate();
    assert_eq!(code, 0, "{log}");
    assert!(log.contains("listening on https://"), "{log}");
}

each_backend!(
    pooled whoami_names_the_key_its_maker_and_the_roles_that_bound_it,
    |env| {
        env.ok(&["-q", "migrate", "run"]);
        env.ok(&["-q", "orgs", "create", "acme"]);
        env.ok(&["-q", "users", "create", "alice@acme.io"]);
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
        let made = env
            .ok(&[
                "--as",
                "alice@acme.io",
                "keys",
                "create",
                "--org",
                "acme",
                "--name",
                "mine",
                "--scope",
                "api-keys:read",
                "-o",
                "json",
            ])
            .json();
        let server = Served::start(&env, &[]);

        // Over the admin API: the key itself, who made it, the role that bounds it.
        let mut remote = env.bare();
        remote
            .env("PLATCTL_API_KEY", made["key"].as_str().unwrap())
            .args([
                "--server",
                server.url.as_str(),
                "keys",
                "whoami",
                "-o",
                "json",
            ]);
        let out = crate::common::Run::from(remote.output().unwrap());
        assert_eq!(out.code, 0, "{out}");
        let me = out.json();
        assert_eq!(me["principal"], "key", "{me}");
        assert_eq!(me["key"]["id"], made["id"], "{me}");
        assert_eq!(me["key"]["organization"], "acme", "{me}");
        assert_eq!(
            me["key"]["scopes"],
            serde_json::json!(["api-keys:read"]),
            "{me}"
        );
        assert_eq!(me["roles"], serde_json::json!(["acme:ADMIN"]), "{me}");

        // Directly: the --as user, and the operator (everything, no roles to bound it).
        let user = env
            .ok(&["--as", "alice@acme.io", "keys", "whoami", "-o", "json"])
            .json();
        assert_eq!(user["principal"], "user", "{user}");
        assert_eq!(user["actor"], "alice@acme.io", "{user}");
        assert!(user["key"].is_null(), "{user}");
        let operator = env.ok(&["keys", "whoami", "-o", "json"]).json();
        assert_eq!(operator["principal"], "operator", "{operator}");
        assert_eq!(operator["roles"], serde_json::json!([]), "{operator}");

        // A key without `api-keys:read` is told what it lacks, like any other operation.
        let (_, narrow) = operator_key(&env, &["agents:read"]);
        let mut refused = env.bare();
        refused.env("PLATCTL_API_KEY", &narrow).args([
            "--server",
            server.url.as_str(),
            "keys",
            "whoami",
        ]);
        let refused = crate::common::Run::from(refused.output().unwrap());
        assert_eq!(refused.code, 77, "{refused}");
        assert!(refused.stderr.contains("api-keys:read"), "{refused}");
    }
);

/// `/metrics` in the format the scraper asks for, each accepted by the tools that read it:
/// the classic text format (no `Accept`, or `text/plain`) by `promtool check metrics` and
/// prometheus_client's parser, OpenMetrics (what Prometheus asks for first) by
/// prometheus_client's strict OpenMetrics parser — the same families, with samples, in both.
#[test]
fn metrics_come_in_the_format_asked_for_and_their_readers_accept_them() {
    let env = TestEnv::embedded();
    env.ok(&["-q", "init"]);
    let (_, key) = operator_key(&env, &["api-keys:read"]);
    let server = Served::start(&env, &[]);
    let url = format!("{}/api-keys", server.url);
    assert_eq!(
        call("GET", &url, Some(("x-api-key", key.as_str())), None).status,
        200
    );
    assert_eq!(call("GET", &url, None, None).status, 401);
    let metrics = format!("{}/metrics", server.url);
    let python = crate::common::test_python();
    let script =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/metrics_families.py");
    let families = |format: &str, text: &str| -> Value {
        let read = outside(
            python.to_str().unwrap(),
            "python3",
            &[script.to_str().unwrap(), format],
            text,
        );
        serde_json::from_str(&read).unwrap()
    };

    let prometheus_default = "application/openmetrics-text;version=1.0.0;q=0.5,\
        application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2";
    let mut seen = Vec::new();
    for (accept, format, content_type) in [
        (
            None,
            "prometheus",
            "text/plain; version=0.0.4; charset=utf-8",
        ),
        (
            Some("text/plain"),
            "prometheus",
            "text/plain; version=0.0.4; charset=utf-8",
        ),
        (
            Some(prometheus_default),
            "openmetrics",
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        ),
    ] {
        let headers: Vec<(&str, &str)> = accept.map(|a| ("accept", a)).into_iter().collect();
        let answer = call_with("GET", &metrics, &headers, None);
        assert_eq!(answer.status, 200, "{answer}");
        assert_eq!(answer.headers["content-type"], content_type, "{accept:?}");
        let text = answer.body.as_str().unwrap().to_string();
        if format == "prometheus" {
            let promtool =
                std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/tools/promtool");
            assert!(
                promtool.exists(),
                "this test needs promtool at {} (scripts/test takes it out of Debian's \
                 prometheus package: apt-get download prometheus)",
                promtool.display()
            );
            outside(
                promtool.to_str().unwrap(),
                "prometheus",
                &["check", "metrics"],
                &text,
            );
        } else {
            assert!(text.ends_with("# EOF\n"), "{text}");
        }
        let read = families(format, &text);
        let requests = &read["platctl_http_requests"];
        assert_eq!(requests["type"], "counter", "{read}");
        assert!(requests["samples"].as_u64().unwrap() >= 2, "{read}");
        assert!(
            read["platctl_http_request_duration_seconds"]["samples"]
                .as_u64()
                .unwrap()
                > 0
        );
        // The replica's info: an OpenMetrics `info` family, a `_info` gauge in the classic
        // format (as prometheus_client's parsers name them).
        let info = match format {
            "prometheus" => "platctl_replica_info",
            _ => "platctl_replica",
        };
        assert!(read[info]["samples"].as_u64() == Some(1), "{read}");
        let mut names: Vec<String> = read
            .as_object()
            .unwrap()
            .keys()
            .map(|name| name.trim_end_matches("_info").to_string())
            .collect();
        names.sort();
        seen.push(names);
    }
    assert_eq!(seen[0], seen[2], "the same families in both formats");
}
