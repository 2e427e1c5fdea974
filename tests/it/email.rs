//! `platctl email templates` and `email preview`: the built-in templates, a directory that
//! overrides them, strict rendering.

use crate::common::{Run, TestEnv};

fn email(env: &TestEnv, extra: &[(&str, &str)], args: &[&str]) -> Run {
    let mut cmd = env.cmd();
    for (k, v) in extra {
        cmd.env(k, v);
    }
    let mut all = vec!["email"];
    all.extend(args);
    Run::from(cmd.args(&all).output().unwrap())
}

#[test]
fn previews_render_the_data_strictly_and_escape_html() {
    let env = TestEnv::embedded();
    let data = env.path("d.json");
    std::fs::write(
        &data,
        r#"{"name": "<b>Bob</b>", "platform_name": "Acme", "expires_in": "1 hour",
            "reset_url": "https://app.acme.io/reset/abc123?u=7"}"#,
    )
    .unwrap();
    let d = data.to_str().unwrap();
    // No database is needed to render.
    let text = email(
        &env,
        &[],
        &[
            "preview",
            "--template",
            "password-reset",
            "--data",
            d,
            "--format",
            "text",
        ],
    );
    assert_eq!(text.code, 0, "{text}");
    assert!(
        text.stdout.contains("https://app.acme.io/reset/abc123?u=7"),
        "{text}"
    );
    assert!(text.stdout.contains("Hello <b>Bob</b>,"), "{text}");
    assert!(
        text.stderr.contains("Subject: Reset your Acme password"),
        "{text}"
    );
    let html = email(
        &env,
        &[],
        &["preview", "--template", "password-reset", "--data", d],
    );
    assert!(
        html.stdout.contains("Hello &lt;b&gt;Bob&lt;/b&gt;,"),
        "{html}"
    );
    assert!(
        html.stdout.contains("reset/abc123?u&#x3D;7"),
        "escaped for HTML: {html}"
    );

    // A declared variable missing from the data: an error naming it, nothing rendered.
    std::fs::write(
        &data,
        r#"{"name": "Bob", "platform_name": "Acme", "expires_in": "1h"}"#,
    )
    .unwrap();
    let missing = email(
        &env,
        &[],
        &["preview", "--template", "password-reset", "--data", d],
    );
    assert_eq!(missing.code, 2, "{missing}");
    assert!(missing.stderr.contains("`reset_url`"), "{missing}");
    assert!(missing.stdout.is_empty(), "{missing}");

    // The whole MIME message: both parts, the sender from EMAIL_FROM.
    let eml = email(
        &env,
        &[("EMAIL_FROM", "Acme AI <no-reply@acme.io>")],
        &["preview", "--template", "welcome", "--format", "eml"],
    );
    assert_eq!(eml.code, 0, "{eml}");
    assert!(
        eml.stdout.contains("From: \"Acme AI\" <no-reply@acme.io>"),
        "{eml}"
    );
    assert!(
        eml.stdout.contains("Content-Type: multipart/alternative"),
        "{eml}"
    );
    assert!(eml.stdout.contains("Content-Type: text/plain"), "{eml}");
    assert!(eml.stdout.contains("Content-Type: text/html"), "{eml}");

    let unknown = email(&env, &[], &["preview", "--template", "welcom"]);
    assert_eq!(unknown.code, 1, "{unknown}");
    assert!(
        unknown.stderr.contains("`welcome`"),
        "did you mean: {unknown}"
    );
}

#[test]
fn a_templates_directory_overrides_parts_and_says_so() {
    let env = TestEnv::embedded();
    let dir = env.path("templates");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("welcome.subject.hbs"),
        "Hi {{name}} from {{platform_name}}\n",
    )
    .unwrap();
    let d = dir.to_str().unwrap();
    let list = email(
        &env,
        &[("EMAIL_TEMPLATES_DIR", d)],
        &["templates", "-o", "json"],
    );
    assert_eq!(list.code, 0, "{list}");
    let json = list.json();
    let welcome = json
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "welcome")
        .unwrap();
    assert!(
        welcome["source"]
            .as_str()
            .unwrap()
            .ends_with("welcome.subject.hbs"),
        "{welcome}"
    );
    assert_eq!(welcome["subject"], "Hi {{name}} from {{platform_name}}");
    let reset = json
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "password-reset")
        .unwrap();
    assert_eq!(reset["source"], "built in");
    assert_eq!(reset["variables"][2], "reset_url");

    let shown = email(
        &env,
        &[("EMAIL_TEMPLATES_DIR", d)],
        &["preview", "--template", "welcome", "-o", "json"],
    );
    assert_eq!(shown.json()["subject"], "Hi Alice from Acme AI");

    // An override using a variable the template does not declare fails in strict mode.
    std::fs::write(dir.join("welcome.txt.hbs"), "Hello {{nickname}}\n").unwrap();
    let strict = email(
        &env,
        &[("EMAIL_TEMPLATES_DIR", d)],
        &["preview", "--template", "welcome", "--format", "text"],
    );
    assert_eq!(strict.code, 2, "{strict}");
    assert!(strict.stderr.contains("nickname"), "{strict}");

    let nodir = email(
        &env,
        &[("EMAIL_TEMPLATES_DIR", "/nonexistent/dir")],
        &["templates"],
    );
    assert_eq!(nodir.code, 2, "{nodir}");
    assert!(nodir.stderr.contains("EMAIL_TEMPLATES_DIR"), "{nodir}");
}
