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

/// The loopback SMTP server of tests/fixtures/smtp_server.py (aiosmtpd), stopped on drop.
struct SmtpServer {
    child: std::process::Child,
    port: u16,
    dir: std::path::PathBuf,
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn python_with_aiosmtpd() -> std::path::PathBuf {
    let venv = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/test-venv/bin/python");
    let python = std::env::var_os("PLATCTL_TEST_PYTHON")
        .map(std::path::PathBuf::from)
        .unwrap_or(venv);
    let ok = std::process::Command::new(&python)
        .args(["-c", "import aiosmtpd"])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok,
        "the email tests need Python with aiosmtpd at {} (scripts/test installs it: python3 -m \
         venv target/test-venv && target/test-venv/bin/pip install aiosmtpd), or \
         PLATCTL_TEST_PYTHON pointing at a python that has it",
        python.display()
    );
    python
}

fn smtp_server(env: &TestEnv) -> SmtpServer {
    use std::io::BufRead;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = env.path("mail");
    let script =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/smtp_server.py");
    let mut child = std::process::Command::new(python_with_aiosmtpd())
        .arg(script)
        .arg(port.to_string())
        .arg(&dir)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(line.trim(), "ready", "the SMTP server did not start");
    SmtpServer { child, port, dir }
}

#[test]
fn email_test_delivers_through_smtp_and_says_which_stage_failed() {
    let env = TestEnv::embedded();
    env.ok(&["-q", "init"]);
    let server = smtp_server(&env);
    let url = format!("smtp://127.0.0.1:{}?tls=none", server.port);
    let from = ("EMAIL_FROM", "Acme AI <no-reply@acme.io>");
    let data = env.path("d.json");
    std::fs::write(
        &data,
        r#"{"name": "Bob", "platform_name": "Acme", "expires_in": "1 hour",
            "reset_url": "https://app.acme.io/reset/abc123"}"#,
    )
    .unwrap();
    let d = data.to_str().unwrap();

    let sent = email(
        &env,
        &[("SMTP_URL", &url), from],
        &[
            "test",
            "--to",
            "bob@example.com",
            "--template",
            "password-reset",
            "--data",
            d,
        ],
    );
    assert_eq!(sent.code, 0, "{sent}");
    assert!(
        sent.stdout.contains("queued as test-1"),
        "the relay's reply: {sent}"
    );
    let mail = std::fs::read_to_string(server.dir.join("1.eml")).unwrap();
    assert!(mail.contains("RCPT TO: bob@example.com"), "{mail}");
    assert!(mail.contains("Subject: Reset your Acme password"), "{mail}");
    assert!(mail.contains("Content-Type: text/plain"), "{mail}");
    assert!(mail.contains("Content-Type: text/html"), "{mail}");
    assert!(mail.contains("https://app.acme.io/reset/abc123"), "{mail}");
    // Audited with the recipient's domain, never the address.
    let meta = env.query_string("SELECT metadata FROM audit_logs WHERE action = 'email.test'");
    assert!(
        meta.contains("example.com") && !meta.contains("bob@"),
        "{meta}"
    );

    // A recipient the server refuses: its own exit code, the server's words.
    let refused = email(
        &env,
        &[("SMTP_URL", &url), from],
        &["test", "--to", "x@refused.example"],
    );
    assert_eq!(refused.code, 24, "{refused}");
    assert!(refused.stderr.contains("recipient refused"), "{refused}");
    assert!(refused.stderr.contains("no such mailbox here"), "{refused}");

    // Nothing listening: a connect error, exit 21.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let nowhere = format!("smtp://127.0.0.1:{closed}?tls=none");
    let down = email(
        &env,
        &[("SMTP_URL", &nowhere), from],
        &["test", "--to", "bob@example.com"],
    );
    assert_eq!(down.code, 21, "{down}");
    assert!(down.stderr.contains("SMTP connect failed"), "{down}");

    // Credentials the server cannot take: authentication, exit 28, and the password unseen.
    let with_password = format!("smtp://ops:s3cret-Pa55@127.0.0.1:{}?tls=none", server.port);
    let auth = email(
        &env,
        &[("SMTP_URL", &with_password), from],
        &["-vvv", "test", "--to", "bob@example.com"],
    );
    assert_eq!(auth.code, 28, "{auth}");
    assert!(!auth.all_output().contains("s3cret-Pa55"), "{auth}");

    // A bad address sends nothing; no relay at all says what to set.
    let bad = email(
        &env,
        &[("SMTP_URL", &url), from],
        &["test", "--to", "not-an-address"],
    );
    assert_eq!(bad.code, 2, "{bad}");
    assert!(!server.dir.join("2.eml").exists());
    let unset = email(&env, &[from], &["test", "--to", "bob@example.com"]);
    assert_eq!(unset.code, 2, "{unset}");
    assert!(
        unset.stderr.contains("SMTP_URL") && unset.stderr.contains("SENDGRID_API_KEY"),
        "{unset}"
    );
    assert_eq!(
        env.count("SELECT COUNT(*) FROM audit_logs WHERE action = 'email.test'"),
        1
    );
}

#[test]
fn email_test_needs_settings_update() {
    let env = TestEnv::embedded();
    env.ok(&["-q", "init"]);
    env.ok(&["-q", "users", "create", "bob@acme.io"]);
    env.ok(&[
        "-q",
        "roles",
        "assign",
        "--user",
        "bob@acme.io",
        "--org",
        "default",
        "--role",
        "viewer",
    ]);
    // Refused before anything is sent: no relay is even asked.
    let denied = email(
        &env,
        &[
            ("SMTP_URL", "smtp://127.0.0.1:9?tls=none"),
            ("EMAIL_FROM", "no-reply@acme.io"),
        ],
        &["--as", "bob@acme.io", "test", "--to", "bob@example.com"],
    );
    assert_eq!(denied.code, 77, "{denied}");
    assert!(denied.stderr.contains("settings:update"), "{denied}");
    // Previews only read: a viewer lacks settings:read too, so it is refused the same way.
    let preview = email(
        &env,
        &[],
        &["--as", "bob@acme.io", "preview", "--template", "welcome"],
    );
    assert_eq!(preview.code, 77, "{preview}");
}
