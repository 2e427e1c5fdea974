//! `platctl serve` as a fleet: three replicas on one PostgreSQL behind a real HAProxy (Debian's
//! package) on loopback. Clients connect from addresses of their own (127.0.0.2, .3, ...), so
//! that the replicas, which trust only the proxy (127.0.0.1), must take each client's address
//! from `X-Forwarded-For`.

use std::collections::BTreeSet;
use std::net::IpAddr;
use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::time::Duration;

use serde_json::{Value, json};
use sqlx::Connection;

use crate::backup::{partial_exists, populated, wait_for};
use crate::common::{Kind, TestEnv, free_port, which, within};
use crate::serve::{Answer, Served, events, operator_key};

/// A HAProxy balancing round-robin over the replicas, with `X-Forwarded-For`.
struct Proxy {
    child: Child,
    url: String,
    log: PathBuf,
}

impl Proxy {
    fn start(env: &TestEnv, replicas: &[&Served]) -> Proxy {
        let haproxy = which("haproxy")
            .or_else(|| Some(PathBuf::from("/usr/sbin/haproxy")).filter(|p| p.is_file()))
            .expect(
                "the fleet tests need HAProxy in front of the replicas: install it \
                 (Debian/Ubuntu: apt-get install haproxy); scripts/test does",
            );
        let port = free_port();
        let mut servers = String::new();
        for (i, served) in replicas.iter().enumerate() {
            let address = served.url.trim_start_matches("http://");
            servers.push_str(&format!("    server r{} {address} check\n", i + 1));
        }
        let config = format!(
            "global\n    maxconn 2000\n\
             defaults\n    mode http\n    timeout connect 2s\n    timeout client 60s\n    \
             timeout server 60s\n    retries 2\n    option redispatch\n\
             frontend api\n    bind 127.0.0.1:{port}\n    option forwardfor\n    \
             default_backend replicas\n\
             backend replicas\n    balance roundrobin\n    option httpchk GET /health/live\n    \
             default-server inter 300ms fall 1 rise 1\n{servers}"
        );
        let file = env.path("haproxy.cfg");
        std::fs::write(&file, config).unwrap();
        let log = env.path("haproxy.log");
        let child = std::process::Command::new(haproxy)
            .args(["-db", "-f", file.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        let proxy = Proxy {
            child,
            url: format!("http://127.0.0.1:{port}"),
            log,
        };
        within(Duration::from_secs(20), "HAProxy to listen", || {
            std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
        });
        proxy
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One request from the loopback address `from`.
fn call_from(
    from: &str,
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<Value>,
) -> Answer {
    try_call_from(from, method, url, headers, body)
        .unwrap_or_else(|e| panic!("{method} {url}: {e}"))
}

/// One request from `from`, or how it failed (a server killed while answering).
fn try_call_from(
    from: &str,
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<Value>,
) -> Result<Answer, reqwest::Error> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let client = reqwest::Client::builder()
            .local_address(from.parse::<IpAddr>().unwrap())
            .build()?;
        let mut request = client.request(method.parse().unwrap(), url);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.text().await?;
        let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
        Ok(Answer {
            status,
            headers,
            body,
        })
    })
}

fn replica_of(answer: &Answer) -> String {
    answer.headers["x-platctl-replica"]
        .to_str()
        .unwrap()
        .to_string()
}

/// A session of someone else's holding the key tables locked (every look-up of a key waits)
/// until it rolls back.
fn lock_key_tables(env: &TestEnv) -> sqlx::PgConnection {
    env.block_on(async {
        let mut c = sqlx::PgConnection::connect(&env.direct).await.unwrap();
        sqlx::raw_sql("BEGIN; LOCK TABLE api_keys, platform_keys IN ACCESS EXCLUSIVE MODE")
            .execute(&mut c)
            .await
            .unwrap();
        c
    })
}

/// Replica `name` on `env`'s database, trusting the proxy, with `extra` settings.
fn replica(env: &TestEnv, name: &str, extra: &[(&str, &str)]) -> Served {
    let backups = env.path("backups");
    let mut settings = vec![
        ("PLATCTL_REPLICA_ID", name),
        ("PLATCTL_TRUSTED_PROXIES", "127.0.0.1"),
        ("BACKUP_DIR", backups.to_str().unwrap()),
    ];
    settings.extend_from_slice(extra);
    Served::start(env, &settings)
}

/// Three replicas, r1 to r3.
fn replicas(env: &TestEnv, extra: &[(&str, &str)]) -> Vec<Served> {
    ["r1", "r2", "r3"]
        .iter()
        .map(|name| replica(env, name, extra))
        .collect()
}

/// The per-key quota and the failed-authentication limit are counted once for the fleet, per
/// client address (from `X-Forwarded-For`, believed only from the proxy); each replica names
/// itself; a key revoked on one replica is refused on the others.
#[test]
fn a_fleet_behind_haproxy_counts_each_limit_once() {
    let env = TestEnv::new(Kind::Postgres).migrated();
    env.ok(&["-q", "orgs", "create", "acme"]);
    let (_, reader) = operator_key(&env, &["api-keys:read"]);
    let (_, admin) = operator_key(&env, &["api-keys:read", "api-keys:delete"]);
    // A slow quota: one request back every 3 minutes, so the count holds for the test.
    let max = 20;
    let fleet = replicas(
        &env,
        &[("RATE_LIMIT_MAX", "20"), ("RATE_LIMIT_TTL", "3600")],
    );
    let proxy = Proxy::start(&env, &fleet.iter().collect::<Vec<_>>());
    let keys = format!("{}/api-keys", proxy.url);

    // Each replica names itself in its health and its metrics, and on every answer.
    for (i, served) in fleet.iter().enumerate() {
        let name = format!("r{}", i + 1);
        let ready = call_from(
            "127.0.0.1",
            "GET",
            &format!("{}/health/ready", served.url),
            &[],
            None,
        );
        assert_eq!(ready.status, 200, "{ready}");
        assert_eq!(ready.body["replica"], name.as_str(), "{ready}");
        assert_eq!(ready.body["info"]["limits"]["status"], "up", "{ready}");
        assert_eq!(replica_of(&ready), name);
        let metrics = call_from(
            "127.0.0.1",
            "GET",
            &format!("{}/metrics", served.url),
            &[],
            None,
        );
        let line = format!("platctl_replica_info{{replica=\"{name}\",version=\"");
        assert!(metrics.body.as_str().unwrap().contains(&line), "{metrics}");
    }

    // The key's quota: 3x the maximum asked through the proxy, spread over the replicas.
    let auth = format!("Bearer {reader}");
    let mut served = 0;
    let mut by = BTreeSet::new();
    for _ in 0..3 * max {
        let answer = call_from("127.0.0.3", "GET", &keys, &[("authorization", &auth)], None);
        by.insert(replica_of(&answer));
        match answer.status {
            200 => served += 1,
            429 => assert!(answer.headers.contains_key("retry-after"), "{answer}"),
            _ => panic!("{answer}"),
        }
    }
    assert_eq!(by.len(), 3, "the proxy spread the requests: {by:?}");
    // Never more than the quota; fewer by at most what each replica claimed and did not spend.
    assert!(
        (max - 3..=max).contains(&served),
        "{served} of {} requests served with RATE_LIMIT_MAX={max} across three replicas",
        3 * max
    );

    // Its good key was looked up with a place among its address's tries, given back each time.
    let held = env.count_at(
        &env.direct,
        "SELECT count(*) FROM auth_failures WHERE address = '127.0.0.3' \
         AND cardinality(times) + cardinality(pending) > 0",
    );
    assert_eq!(held, 0, "a good key's tries left behind");

    // Failed authentications from one client: five in the fleet, then 429 on every replica,
    // even for a good key; another client behind the same proxy is not affected.
    let mut refused = Vec::new();
    for i in 0..15 {
        let bad = format!("Bearer sk_live_{i:0>36}");
        let answer = call_from("127.0.0.2", "GET", &keys, &[("authorization", &bad)], None);
        refused.push((answer.status, replica_of(&answer)));
    }
    let unauthorized = refused.iter().filter(|(s, _)| *s == 401).count();
    assert_eq!(unauthorized, 5, "{refused:?}");
    assert!(refused[5..].iter().all(|(s, _)| *s == 429), "{refused:?}");
    let guessed_on: BTreeSet<&String> = refused.iter().map(|(_, r)| r).collect();
    assert_eq!(guessed_on.len(), 3, "{refused:?}");
    let admin_auth = format!("Bearer {admin}");
    for served in &fleet {
        let blocked = call_from(
            "127.0.0.2",
            "GET",
            &keys,
            &[("authorization", &admin_auth)],
            None,
        );
        assert_eq!(blocked.status, 429, "{blocked}");
        let url = format!("{}/api-keys", served.url);
        let other = call_from(
            "127.0.0.4",
            "GET",
            &url,
            &[("authorization", &admin_auth)],
            None,
        );
        assert_eq!(other.status, 200, "{other}");
    }
    // Guesses sent all at once, on every replica, are no faster: each key counts among its
    // address's tries from before it is looked at. With the key tables held locked every
    // look-up waits, so the look-ups under way can be counted: never more than five (the
    // other keys wait their turn, then get 429), and a good key sent after them is refused
    // without being looked at. (Looked up first and counted after, all 30 would wait, and the
    // good key would pass.)
    let (_, fresh) = operator_key(&env, &["api-keys:read"]);
    let fresh_auth = format!("Bearer {fresh}");
    let looking = || {
        env.count_at(
            &env.direct,
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' \
             AND query LIKE '%key_hash%'",
        )
    };
    let mut blocker = lock_key_tables(&env);
    let (at_once, good, most) = std::thread::scope(|s| {
        let guesses: Vec<_> = (0..29)
            .map(|i| {
                // Well formed (32 characters), so that each is looked up.
                let (keys, auth) = (&keys, format!("Bearer sk_live_{:0>32}", 100 + i));
                s.spawn(move || {
                    let answer =
                        call_from("127.0.0.7", "GET", keys, &[("authorization", &auth)], None);
                    (answer.status, replica_of(&answer))
                })
            })
            .collect();
        within(
            Duration::from_secs(10),
            "look-ups waiting on the lock",
            || looking() > 0,
        );
        std::thread::sleep(Duration::from_millis(200));
        let good = s.spawn(|| {
            call_from(
                "127.0.0.7",
                "GET",
                &keys,
                &[("authorization", &fresh_auth)],
                None,
            )
        });
        let mut most = 0;
        for _ in 0..15 {
            most = most.max(looking());
            std::thread::sleep(Duration::from_millis(20));
        }
        env.block_on(async {
            sqlx::raw_sql("ROLLBACK")
                .execute(&mut blocker)
                .await
                .unwrap()
        });
        let at_once: Vec<(u16, String)> = guesses.into_iter().map(|t| t.join().unwrap()).collect();
        (at_once, good.join().unwrap(), most)
    });
    // (Five but for one waiting for a connection of its replica's pool, whose four may all be
    // waiting on the lock.)
    assert!((1..=5).contains(&most), "{most} look-ups under way at once");
    assert_eq!(good.status, 429, "{good}");
    let looked_at = at_once.iter().filter(|(s, _)| *s == 401).count();
    assert_eq!(looked_at, 5, "{at_once:?}");
    assert!(
        at_once.iter().all(|(s, _)| [401, 429].contains(s)),
        "{at_once:?}"
    );
    let guessed_on: BTreeSet<&String> = at_once.iter().map(|(_, r)| r).collect();
    assert_eq!(guessed_on.len(), 3, "{at_once:?}");

    // A client that writes its own X-Forwarded-For is still itself: the proxy appends the
    // address it heard from, and the replicas read from the right.
    let forged = call_from(
        "127.0.0.5",
        "GET",
        &keys,
        &[
            ("authorization", &admin_auth),
            ("x-forwarded-for", "127.0.0.9"),
        ],
        None,
    );
    assert_eq!(forged.status, 200, "{forged}");
    let forged = call_from(
        "127.0.0.2",
        "GET",
        &keys,
        &[
            ("authorization", &admin_auth),
            ("x-forwarded-for", "127.0.0.4"),
        ],
        None,
    );
    assert_eq!(forged.status, 429, "{forged}");

    // Revoked on one replica: refused on the others (they hear of it from PostgreSQL).
    let victim = env
        .ok(&[
            "keys",
            "create",
            "--org",
            "acme",
            "--scope",
            "api-keys:read",
            "-o",
            "json",
        ])
        .json();
    let (victim_id, victim_key) = (
        victim["id"].as_str().unwrap().to_string(),
        victim["key"].as_str().unwrap().to_string(),
    );
    let victim_auth = format!("Bearer {victim_key}");
    for served in &fleet {
        let url = format!("{}/api-keys", served.url);
        let used = call_from(
            "127.0.0.6",
            "GET",
            &url,
            &[("authorization", &victim_auth)],
            None,
        );
        assert_eq!(used.status, 200, "{used}");
    }
    let revoked = call_from(
        "127.0.0.4",
        "DELETE",
        &format!("{}/api-keys/{victim_id}", fleet[0].url),
        &[("authorization", &admin_auth)],
        None,
    );
    assert!(revoked.status < 300, "{revoked}");
    for served in &fleet[1..] {
        let url = format!("{}/api-keys", served.url);
        within(
            Duration::from_millis(500),
            "the revocation to reach the replica",
            || {
                call_from(
                    "127.0.0.6",
                    "GET",
                    &url,
                    &[("authorization", &victim_auth)],
                    None,
                )
                .status
                    == 401
            },
        );
    }
    assert!(!proxy.log().contains("ALERT"), "{}", proxy.log());
}

/// Key uses written by several replicas never go back in time nor deadlock; one backup at a
/// time across the fleet, the refused caller told which replica holds it; a replica killed
/// with kill -9 under load loses no key it answered for and leaves no lock behind.
#[test]
fn a_fleet_runs_background_work_once_and_survives_a_kill() {
    let env = populated(TestEnv::new(Kind::Postgres), 300_000);
    let (_, operator) = operator_key(
        &env,
        &[
            "api-keys:read",
            "api-keys:create",
            "backups:create",
            "backups:read",
        ],
    );
    let mut fleet = replicas(&env, &[("RATE_LIMIT_MAX", "100000")]);
    let auth = format!("Bearer {operator}");
    let header = [("authorization", auth.as_str())];

    // Forty keys used on r1 and then on r2; r2 writes its uses first (at its shutdown), then
    // r1 its earlier ones: the later times stay.
    let used: Vec<(String, String)> = (0..40)
        .map(|_| {
            let made = env
                .ok(&[
                    "keys",
                    "create",
                    "--org",
                    "acme",
                    "--scope",
                    "api-keys:read",
                    "-o",
                    "json",
                ])
                .json();
            (
                made["id"].as_str().unwrap().to_string(),
                made["key"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let ids: Vec<String> = used.iter().map(|(id, _)| format!("'{id}'")).collect();
    let used_since = |at: &str| {
        env.count(&format!(
            "SELECT COUNT(*) FROM api_keys WHERE id IN ({}) AND last_used_at >= '{at}'",
            ids.join(",")
        ))
    };
    let use_all = |served: &Served| {
        for (_, key) in &used {
            let url = format!("{}/api-keys", served.url);
            let bearer = format!("Bearer {key}");
            let answer = call_from(
                "127.0.0.2",
                "GET",
                &url,
                &[("authorization", &bearer)],
                None,
            );
            assert_eq!(answer.status, 200, "{answer}");
        }
    };
    let clock = || env.query_string("SELECT clock_timestamp()::text");
    use_all(&fleet[0]);
    let between = clock();
    use_all(&fleet[1]);
    let r2 = fleet.remove(1);
    let r1 = fleet.remove(0);
    for (code, log) in [r2.terminate(), r1.terminate()] {
        assert_eq!(code, 0, "{log}");
        assert!(!log.contains("cannot record"), "{log}");
    }
    assert_eq!(
        used_since(&between),
        40,
        "a later use was overwritten by an earlier one"
    );

    // Both replicas write the same forty keys at the same moment: neither waits for the other
    // in a deadlock (PostgreSQL would end one of them, and its uses would be lost).
    for _ in 0..3 {
        let before = clock();
        let (a, b) = (
            replica(&env, "r1", &[("RATE_LIMIT_MAX", "100000")]),
            replica(&env, "r2", &[("RATE_LIMIT_MAX", "100000")]),
        );
        use_all(&a);
        use_all(&b);
        let (first, second) = std::thread::scope(|s| {
            let first = s.spawn(|| a.terminate());
            let second = s.spawn(|| b.terminate());
            (first.join().unwrap(), second.join().unwrap())
        });
        for (code, log) in [first, second] {
            assert_eq!(code, 0, "{log}");
            assert!(!log.contains("cannot record"), "{log}");
        }
        assert_eq!(used_since(&before), 40);
    }

    // Two replicas again beside the third, and the proxy in front.
    fleet.insert(0, replica(&env, "r1", &[("RATE_LIMIT_MAX", "100000")]));
    fleet.insert(1, replica(&env, "r2", &[("RATE_LIMIT_MAX", "100000")]));
    let proxy = Proxy::start(&env, &fleet.iter().collect::<Vec<_>>());

    // One backup at a time: the second, asked of another replica, is told which one holds it.
    let dir = env.path("backups");
    std::thread::scope(|s| {
        let first = s.spawn(|| {
            call_from(
                "127.0.0.3",
                "POST",
                &format!("{}/backups/run", fleet[0].url),
                &header,
                Some(json!({"label": "first", "lock_timeout": "0s"})),
            )
        });
        wait_for(|| partial_exists(&dir), "the first backup to take the lock");
        let second = call_from(
            "127.0.0.3",
            "POST",
            &format!("{}/backups/run", fleet[1].url),
            &header,
            Some(json!({"label": "second", "lock_timeout": "0s"})),
        );
        // Refused before it starts: an answer of its own, not a stream.
        assert_eq!(second.status, 403, "{second}");
        let message = second.body["message"].as_str().unwrap_or_default();
        assert!(
            message.contains("backup run holds the lock") && message.contains("on replica r1"),
            "{second}"
        );
        let first = first.join().unwrap();
        assert!(
            events(&first).pop().unwrap()["result"].is_object(),
            "{first}"
        );
    });

    // Under load through the proxy (keys made on every replica), one replica killed with
    // kill -9 in the middle of its backup: every key answered 201 is there, and the storage's
    // lock is free for the next backup at once.
    let made = std::sync::Mutex::new(Vec::new());
    let killed = format!("{}/backups/run", fleet[2].url);
    std::thread::scope(|s| {
        let backup = s.spawn(|| {
            try_call_from(
                "127.0.0.3",
                "POST",
                &killed,
                &header,
                Some(json!({"label": "killed", "lock_timeout": "0s"})),
            )
        });
        let load: Vec<_> = (0..4)
            .map(|t| {
                let (made, url, header) = (&made, &proxy.url, &header);
                s.spawn(move || {
                    for i in 0..25 {
                        let answer = call_from(
                            &format!("127.0.0.{}", 10 + t),
                            "POST",
                            &format!("{url}/api-keys"),
                            header,
                            Some(json!({"name": format!("load-{t}-{i}"), "scopes": ["api-keys:read"], "organization": "acme"})),
                        );
                        match answer.status {
                            201 => made
                                .lock()
                                .unwrap()
                                .push(answer.body["id"].as_str().unwrap().to_string()),
                            // The killed replica's requests in flight: the proxy's 502/503.
                            502 | 503 => {}
                            _ => panic!("{answer}"),
                        }
                    }
                })
            })
            .collect();
        wait_for(|| partial_exists(&dir), "the backup on r3 to take the lock");
        std::thread::sleep(Duration::from_millis(200));
        fleet[2].kill9();
        for l in load {
            l.join().unwrap();
        }
        let _ = backup.join();
    });
    let made = made.into_inner().unwrap();
    assert!(
        made.len() >= 50,
        "only {} of 100 keys made under load",
        made.len()
    );
    let ids: Vec<String> = made.iter().map(|id| format!("'{id}'")).collect();
    assert_eq!(
        env.count(&format!(
            "SELECT COUNT(*) FROM api_keys WHERE id IN ({})",
            ids.join(",")
        )),
        made.len() as i64,
        "a key answered 201 is missing"
    );
    let after = call_from(
        "127.0.0.3",
        "POST",
        &format!("{}/backups/run", proxy.url),
        &header,
        Some(json!({"label": "after", "lock_timeout": "0s"})),
    );
    let last = events(&after).pop().unwrap();
    assert!(
        last["result"].is_object(),
        "a lock was left behind: {after}"
    );
    let listed = env
        .ok(&[
            "backup",
            "list",
            "--storage",
            dir.to_str().unwrap(),
            "-o",
            "json",
        ])
        .json();
    let labels: BTreeSet<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|b| b["label"].as_str())
        .collect();
    assert_eq!(labels, BTreeSet::from(["first", "after"]), "{listed}");
}

/// The store of the limits: refused where it cannot be, and said where it is.
#[test]
fn the_limits_store_is_a_setting_with_the_right_default_for_each_database() {
    // SQLite has one server per file: `database` is refused before anything listens.
    let embedded = TestEnv::embedded();
    embedded.ok(&["-q", "init"]);
    let mut cmd = embedded.cmd();
    cmd.env("PLATCTL_RATE_LIMIT_STORE", "database").args([
        "serve",
        "--listen",
        &format!("127.0.0.1:{}", free_port()),
    ]);
    let refused = crate::common::Run::from(cmd.output().unwrap());
    assert_ne!(refused.code, 0, "{refused}");
    assert!(
        refused
            .stderr
            .contains("PLATCTL_RATE_LIMIT_STORE=database needs PostgreSQL")
            && refused.stderr.contains("PLATCTL_RATE_LIMIT_STORE=process"),
        "{refused}"
    );
    let bad = embedded
        .cmd()
        .env("PLATCTL_RATE_LIMIT_STORE", "redis")
        .args(["config", "show"])
        .output()
        .unwrap();
    let bad = crate::common::Run::from(bad);
    assert!(
        bad.stderr.contains("`auto`, `database` or `process`"),
        "{bad}"
    );

    // On SQLite (auto) and with `process` on PostgreSQL, the process counts alone: no
    // `limits` check in readiness; on PostgreSQL by default, the shared limits are one.
    let sqlite = Served::start(&embedded, &[]);
    let ready = call_from(
        "127.0.0.1",
        "GET",
        &format!("{}/health/ready", sqlite.url),
        &[],
        None,
    );
    assert!(ready.body["details"].get("limits").is_none(), "{ready}");
    assert!(
        sqlite.log().contains("limits=\"process\""),
        "{}",
        sqlite.log()
    );
    let env = TestEnv::new(Kind::Postgres).migrated();
    let alone = Served::start(&env, &[("PLATCTL_RATE_LIMIT_STORE", "process")]);
    let ready = call_from(
        "127.0.0.1",
        "GET",
        &format!("{}/health/ready", alone.url),
        &[],
        None,
    );
    assert!(ready.body["details"].get("limits").is_none(), "{ready}");
    let shared = Served::start(&env, &[]);
    let ready = call_from(
        "127.0.0.1",
        "GET",
        &format!("{}/health/ready", shared.url),
        &[],
        None,
    );
    assert_eq!(ready.body["details"]["limits"]["status"], "up", "{ready}");
    assert!(
        shared.log().contains("limits=\"database\""),
        "{}",
        shared.log()
    );
    // Named HOST:PORT when no PLATCTL_REPLICA_ID is set.
    let port = shared.url.rsplit(':').next().unwrap();
    assert!(
        ready.body["replica"]
            .as_str()
            .unwrap()
            .ends_with(&format!(":{port}")),
        "{ready}"
    );
}

/// A key whose look-up outlasts its bound (the key tables locked by someone else) is answered
/// 503, and its try is settled as no failure: the address keeps every place, and no place is
/// freed while the key is still being looked at.
#[test]
fn a_look_up_that_takes_too_long_is_a_503_and_leaves_no_try() {
    let env = TestEnv::new(Kind::Postgres).migrated();
    let served = Served::start(&env, &[]);
    let keys = format!("{}/api-keys", served.url);
    let mut blocker = lock_key_tables(&env);
    let started = std::time::Instant::now();
    let auth = format!("Bearer sk_live_{:0>32}", 7);
    let answer = call_from("127.0.0.8", "GET", &keys, &[("authorization", &auth)], None);
    let took = started.elapsed();
    env.block_on(async {
        sqlx::raw_sql("ROLLBACK")
            .execute(&mut blocker)
            .await
            .unwrap()
    });
    assert_eq!(answer.status, 503, "{answer}");
    assert!(
        answer.body["message"]
            .as_str()
            .is_some_and(|m| m.contains("could not be looked up within 5s")),
        "{answer}"
    );
    assert!(
        (Duration::from_secs(5)..Duration::from_secs(8)).contains(&took),
        "answered after {took:?}"
    );
    let held = env.count_at(
        &env.direct,
        "SELECT count(*) FROM auth_failures WHERE address = '127.0.0.8' \
         AND cardinality(times) + cardinality(pending) > 0",
    );
    assert_eq!(held, 0, "the try was left behind");
}
