//! A key's state changes one at a time (a revoked key is never rotated, a key is rotated at
//! most once, whatever arrives together), and a key made over the admin API that never reached
//! its caller cannot be used unknowingly: it expires unless confirmed.

use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use serde_json::json;

use crate::common::each_backend;
use crate::serve::{Served, call, operator_key};

each_backend!(revoke_and_two_rotations_at_once_leave_one_story, |env| {
    env.ok(&["-q", "migrate", "run"]);
    env.ok(&["-q", "orgs", "create", "acme"]);
    let (_, admin) = operator_key(&env, &["api-keys:update", "api-keys:delete", "agents:read"]);
    let server = Served::start(&env, &[("RATE_LIMIT_MAX", "100000")]);
    let bearer = format!("Bearer {admin}");
    let trials = 12;
    let mut rotated_first = 0;
    for trial in 0..trials {
        let name = format!("race-{trial}");
        let created = env
            .ok(&[
                "keys",
                "create",
                "--org",
                "acme",
                "--name",
                &name,
                "--scope",
                "agents:read",
                "-o",
                "json",
            ])
            .json();
        let id = created["id"].as_str().unwrap().to_string();
        let barrier = Arc::new(Barrier::new(3));
        let threads: Vec<_> = ["revoke", "rotate", "rotate"]
            .into_iter()
            .map(|what| {
                let (barrier, url, bearer) = (
                    barrier.clone(),
                    format!("{}/api-keys/{id}/{what}", server.url),
                    bearer.clone(),
                );
                std::thread::spawn(move || {
                    let body = match what {
                        "rotate" => json!({ "grace": "1h" }),
                        _ => json!({ "reason": "race" }),
                    };
                    barrier.wait();
                    (
                        what,
                        call(
                            "POST",
                            &url,
                            Some(("authorization", bearer.as_str())),
                            Some(body),
                        ),
                    )
                })
            })
            .collect();
        let answers: Vec<_> = threads.into_iter().map(|t| t.join().unwrap()).collect();
        let rotations: Vec<_> = answers
            .iter()
            .filter(|(what, a)| *what == "rotate" && a.status == 201)
            .collect();
        let (_, revoke) = answers.iter().find(|(w, _)| *w == "revoke").unwrap();
        assert_eq!(revoke.status, 200, "trial {trial}: {revoke}");
        for (what, a) in &answers {
            assert!(
                [200, 201, 409].contains(&a.status),
                "trial {trial}: {what}: {a}"
            );
        }
        // At most one rotation, recorded once; a refused one says why.
        let shown: Vec<String> = answers.iter().map(|(w, a)| format!("{w}: {a}")).collect();
        assert!(rotations.len() <= 1, "trial {trial}: {shown:?}");
        let recorded = env.count(&format!(
            "SELECT COUNT(*) FROM api_key_rotations WHERE CAST(key_id AS TEXT) = '{id}'"
        ));
        assert_eq!(recorded as usize, rotations.len(), "trial {trial}");
        for (what, a) in &answers {
            if a.status == 409 {
                let message = a.body["message"].as_str().unwrap_or_default();
                assert!(
                    message.contains("rotated already") || message.contains("is revoked"),
                    "trial {trial}: {what}: {a}"
                );
            }
        }
        // A successor exists only if its rotation came before the revoke.
        let order = env.query_strings(&format!(
            "SELECT action FROM audit_logs WHERE resource_id = '{id}' \
             AND action IN ('api_key.rotate', 'api_key.revoke') ORDER BY id"
        ));
        if rotations.is_empty() {
            assert_eq!(order, ["api_key.revoke"], "trial {trial}");
        } else {
            rotated_first += 1;
            assert_eq!(order, ["api_key.rotate", "api_key.revoke"], "trial {trial}");
        }
        let successors = env.count(&format!(
            "SELECT COUNT(*) FROM api_keys WHERE name = '{}' AND CAST(id AS TEXT) <> '{id}'",
            created["name"].as_str().unwrap()
        ));
        assert_eq!(successors as usize, rotations.len(), "trial {trial}");
    }
    assert!(rotated_first <= trials);
});

each_backend!(
    a_key_made_over_the_api_expires_unless_its_caller_confirms_it,
    |env| {
        env.ok(&["-q", "migrate", "run"]);
        env.ok(&["-q", "orgs", "create", "acme"]);
        let (_, admin) = operator_key(&env, &["api-keys:create", "api-keys:read", "agents:read"]);
        let server = Served::start(
            &env,
            &[("KEY_CONFIRM_WITHIN", "3s"), ("RATE_LIMIT_MAX", "100000")],
        );
        let bearer = format!("Bearer {admin}");
        let auth = Some(("authorization", bearer.as_str()));
        let made = |name: &str| {
            call(
                "POST",
                &format!("{}/api-keys", server.url),
                auth,
                Some(
                    json!({ "organization": "acme", "name": name, "scopes": ["agents:read"], "expires_in": "90d" }),
                ),
            )
        };
        // Unconfirmed: it works, until confirm_by, and then it is EXPIRED everywhere.
        let pending = made("pending");
        assert_eq!(pending.status, 201, "{pending}");
        assert!(pending.body["confirm_by"].is_string(), "{pending}");
        let confirmed = made("confirmed");
        assert_eq!(confirmed.status, 201, "{confirmed}");
        let id = confirmed.body["id"].as_str().unwrap();
        let ok = call(
            "POST",
            &format!("{}/api-keys/{id}/confirm", server.url),
            auth,
            None,
        );
        assert_eq!(ok.status, 200, "{ok}");
        assert_eq!(ok.body["changed"], true, "{ok}");
        assert!(ok.body["confirm_by"].is_null(), "{ok}");
        let expires = ok.body["expires_at"].as_str().unwrap();
        let expires: chrono::DateTime<chrono::Utc> = expires.parse().unwrap();
        assert!(
            expires > platctl::local::now() + chrono::Duration::days(89),
            "{ok}"
        );
        let verify = |key: &str| {
            let mut cmd = env.cmd();
            cmd.args(["keys", "verify", "-o", "json"])
                .write_stdin(key.to_string());
            crate::common::Run::from(cmd.output().unwrap()).json()["status"].clone()
        };
        assert_eq!(verify(pending.body["key"].as_str().unwrap()), "VALID");
        std::thread::sleep(Duration::from_millis(3_500));
        assert_eq!(verify(pending.body["key"].as_str().unwrap()), "EXPIRED");
        assert_eq!(verify(confirmed.body["key"].as_str().unwrap()), "VALID");
        let late = call(
            "POST",
            &format!(
                "{}/api-keys/{}/confirm",
                server.url,
                pending.body["id"].as_str().unwrap()
            ),
            auth,
            None,
        );
        assert_eq!(late.status, 409, "{late}");
        assert!(
            late.body["message"]
                .as_str()
                .unwrap()
                .contains("expired unconfirmed"),
            "{late}"
        );
        // Both confirmations and the creations are in the audit log.
        assert_eq!(
            env.count("SELECT COUNT(*) FROM audit_logs WHERE action = 'api_key.confirm'"),
            1
        );

        // Remote mode confirms once it has written the key out: it keeps its expiry.
        let mut cmd = env.bare();
        cmd.env("PLATCTL_API_KEY", &admin).args([
            "--server",
            server.url.as_str(),
            "keys",
            "create",
            "--org",
            "acme",
            "--name",
            "remote",
            "--scope",
            "agents:read",
            "-o",
            "json",
        ]);
        let remote = crate::common::Run::from(cmd.output().unwrap());
        assert_eq!(remote.code, 0, "{remote}");
        assert_eq!(
            env.count("SELECT COUNT(*) FROM api_keys WHERE name = 'remote' AND expires_at IS NULL"),
            1,
            "confirmed: no expiry, as asked"
        );
    }
);

each_backend!(
    keys_made_before_a_kill_9_are_never_usable_unknowingly,
    |env| {
        env.ok(&["-q", "migrate", "run"]);
        env.ok(&["-q", "orgs", "create", "acme"]);
        let (_, admin) = operator_key(&env, &["api-keys:create", "agents:read"]);
        let mut server = Served::start(
            &env,
            &[("KEY_CONFIRM_WITHIN", "2s"), ("RATE_LIMIT_MAX", "100000")],
        );
        let url = format!("{}/api-keys", server.url);
        let bearer = format!("Bearer {admin}");
        // A burst of creations, cut by kill -9: some keys committed that no client received.
        let stop = Instant::now() + Duration::from_millis(600);
        let workers: Vec<_> = (0..4)
            .map(|_| {
                let (url, bearer) = (url.clone(), bearer.clone());
                std::thread::spawn(move || {
                    let mut received = Vec::new();
                    while Instant::now() < stop {
                        let runtime = tokio::runtime::Builder::new_current_thread()
                            .enable_all()
                            .build()
                            .unwrap();
                        let answer = runtime.block_on(async {
                            reqwest::Client::new()
                                .post(&url)
                                .header("authorization", &bearer)
                                .json(&json!({ "organization": "acme", "scopes": ["agents:read"] }))
                                .send()
                                .await
                                .ok()?
                                .json::<serde_json::Value>()
                                .await
                                .ok()
                        });
                        match answer {
                            Some(created) => {
                                received.push(created["id"].as_str().unwrap_or("").to_string())
                            }
                            None => break,
                        }
                    }
                    received
                })
            })
            .collect();
        std::thread::sleep(Duration::from_millis(300));
        server.kill9();
        let received: Vec<String> = workers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect();
        let made = env.count("SELECT COUNT(*) FROM api_keys");
        assert!(made > 0, "the burst made no key");
        // Every key made over the API, received or not, was made to expire within the window
        // unless confirmed — none was confirmed here.
        let lasting = env.count(
            "SELECT COUNT(*) FROM api_keys k LEFT JOIN api_key_deliveries d ON d.key_id = k.id \
         WHERE d.key_id IS NULL OR k.expires_at IS NULL OR k.expires_at > d.confirm_by",
        );
        assert_eq!(lasting, 0, "{made} made, {} received", received.len());
        std::thread::sleep(Duration::from_millis(2_200));
        let usable = env
            .ok(&["keys", "list", "--org", "acme", "-o", "json"])
            .json();
        assert_eq!(usable.as_array().unwrap().len(), 0, "{usable}");
    }
);
