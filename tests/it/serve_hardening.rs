//! `platctl serve` against what an outside tester tried: what it says to whom, what it echoes,
//! how much it keeps, and how it stops (issue 19).

use serde_json::json;

use crate::common::TestEnv;
use crate::serve::{Answer, Served, call, operator_key};

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
    let (id, key) = operator_key(
        &env,
        &["api-keys:create", "api-keys:read", "api-keys:update"],
    );
    let server = Served::start(&env, &[]);
    let url = |path: &str| format!("{}{path}", server.url);
    for route in platctl::serve::ROUTES {
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
