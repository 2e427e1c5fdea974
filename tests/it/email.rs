//! `platctl email templates` and `email preview`: the built-in templates, a directory that
//! overrides them, strict rendering.

use crate::common::{FixtureServer, Run, TestEnv, fixture_server, free_port, outside};

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

fn smtp_server(env: &TestEnv) -> FixtureServer {
    fixture_server(env, "smtp_server.py", "mail", &[])
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
    assert!(
        refused.stderr.contains("refused the recipient"),
        "{refused}"
    );
    assert!(refused.stderr.contains("no such mailbox here"), "{refused}");

    // Nothing listening: a connect error, exit 21.
    let closed = free_port();
    let nowhere = format!("smtp://127.0.0.1:{closed}?tls=none");
    let down = email(
        &env,
        &[("SMTP_URL", &nowhere), from],
        &["test", "--to", "bob@example.com"],
    );
    assert_eq!(down.code, 21, "{down}");
    assert!(
        down.stderr.contains("cannot connect to the SMTP relay"),
        "{down}"
    );
    let first = down.stderr.lines().next().unwrap_or_default();
    let parts: Vec<&str> = first.split(": ").collect();
    assert!(parts.windows(2).all(|w| w[0] != w[1]), "said twice: {down}");

    // smtps:// (TLS from the first byte) to a relay that speaks plain SMTP: TLS failed, 29.
    let plain_as_tls = format!("smtps://127.0.0.1:{}", server.port);
    let tls = email(
        &env,
        &[("SMTP_URL", &plain_as_tls), from],
        &["test", "--to", "bob@example.com"],
    );
    assert_eq!(tls.code, 29, "{tls}");
    assert!(tls.stderr.contains("TLS with the SMTP relay"), "{tls}");

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
    env.member("bob@acme.io", "default", "viewer");
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

#[test]
fn email_test_goes_over_starttls_to_a_relay_with_a_private_ca() {
    let env = TestEnv::embedded();
    env.ok(&["-q", "init"]);
    let server = fixture_server(&env, "smtp_server.py", "mail-tls", &["--starttls"]);
    let ca = server.dir.join("ca.pem");
    let ca = ca.to_str().unwrap();
    let url = format!("smtp://127.0.0.1:{}", server.port);
    let from = ("EMAIL_FROM", "Acme AI <no-reply@acme.io>");

    // STARTTLS offered, the relay's certificate signed by SMTP_CA_FILE: delivered.
    let sent = email(
        &env,
        &[("SMTP_URL", &url), ("SMTP_CA_FILE", ca), from],
        &["test", "--provider", "smtp", "--to", "bob@example.com"],
    );
    assert_eq!(sent.code, 0, "{sent}");
    let mail = std::fs::read_to_string(server.dir.join("1.eml")).unwrap();
    assert!(mail.contains("Subject: Welcome to Acme AI"), "{mail}");
    assert!(mail.contains("Content-Type: text/plain"), "{mail}");
    assert!(mail.contains("Content-Type: text/html"), "{mail}");

    // Without the CA the certificate is not trusted: the TLS stage, exit 29.
    let untrusted = email(
        &env,
        &[("SMTP_URL", &url), from],
        &["test", "--to", "bob@example.com"],
    );
    assert_eq!(untrusted.code, 29, "{untrusted}");
    assert!(
        untrusted.stderr.contains("TLS with the SMTP relay"),
        "{untrusted}"
    );
    assert!(untrusted.stderr.contains("SMTP_CA_FILE"), "{untrusted}");

    // Skipping STARTTLS: this relay refuses the sender until it is encrypted.
    let plain = format!("{url}?tls=none");
    let refused = email(
        &env,
        &[("SMTP_URL", &plain), from],
        &["test", "--to", "bob@example.com"],
    );
    assert_eq!(refused.code, 23, "{refused}");
    assert!(refused.stderr.contains("STARTTLS"), "{refused}");

    // ?tls=required against a relay that does not offer STARTTLS: refused before any mail.
    let clear = smtp_server(&env);
    let required = format!("smtp://127.0.0.1:{}?tls=required", clear.port);
    let insisted = email(
        &env,
        &[("SMTP_URL", &required), from],
        &["test", "--to", "bob@example.com"],
    );
    assert_eq!(insisted.code, 29, "{insisted}");
    assert!(
        insisted.stderr.contains("does not offer STARTTLS"),
        "{insisted}"
    );
    assert!(!clear.dir.join("1.eml").exists());
    assert!(!server.dir.join("2.eml").exists());
}

#[test]
fn email_test_through_sendgrid_sends_the_documented_request() {
    let env = TestEnv::embedded();
    env.ok(&["-q", "init"]);
    let api = fixture_server(&env, "sendgrid_server.py", "sendgrid", &[]);
    let api_url = format!("http://127.0.0.1:{}", api.port);
    let key = "SG.good-k3y.Zx9Secret_part-0123456789";
    let from = ("EMAIL_FROM", "Acme AI <no-reply@acme.io>");
    let sendgrid = |key: &str, extra: &[(&str, &str)], args: &[&str]| {
        let mut all = vec![
            ("SENDGRID_API_KEY", key),
            ("SENDGRID_API_URL", api_url.as_str()),
            from,
        ];
        all.extend_from_slice(extra);
        email(&env, &all, args)
    };
    let request = |n: u32| -> serde_json::Value {
        let text = std::fs::read_to_string(api.dir.join(format!("{n}.json"))).unwrap();
        serde_json::from_str(&text).unwrap()
    };
    let data = env.path("d.json");
    std::fs::write(
        &data,
        r#"{"name": "Bob", "platform_name": "Acme", "expires_in": "1 hour",
            "reset_url": "https://app.acme.io/reset/abc123"}"#,
    )
    .unwrap();

    // Sandbox mode: the documented JSON, SendGrid's 200 and its message id.
    let sandbox = sendgrid(
        key,
        &[],
        &[
            "-vvv",
            "test",
            "--provider",
            "sendgrid",
            "--sandbox",
            "--to",
            "Bob <bob@example.com>",
            "--template",
            "password-reset",
            "--data",
            data.to_str().unwrap(),
        ],
    );
    assert_eq!(sandbox.code, 0, "{sandbox}");
    assert!(
        sandbox.stdout.contains("X-Message-Id test-msg-1"),
        "{sandbox}"
    );
    assert!(sandbox.stdout.contains("sandbox"), "{sandbox}");
    assert!(!sandbox.all_output().contains("Zx9Secret"), "{sandbox}");
    let sent = request(1);
    assert_eq!(sent["method"], "POST");
    assert_eq!(sent["path"], "/v3/mail/send");
    assert_eq!(sent["headers"]["authorization"], format!("Bearer {key}"));
    assert_eq!(sent["headers"]["content-type"], "application/json");
    let body = &sent["body"];
    assert_eq!(
        body["personalizations"],
        serde_json::json!([{"to": [{"email": "bob@example.com", "name": "Bob"}]}])
    );
    assert_eq!(
        body["from"],
        serde_json::json!({"email": "no-reply@acme.io", "name": "Acme AI"})
    );
    assert_eq!(body["subject"], "Reset your Acme password");
    assert_eq!(body["content"][0]["type"], "text/plain");
    assert_eq!(body["content"][1]["type"], "text/html");
    for part in 0..2 {
        let value = body["content"][part]["value"].as_str().unwrap();
        assert!(value.contains("https://app.acme.io/reset/abc123"), "{body}");
    }
    assert_eq!(body["mail_settings"]["sandbox_mode"]["enable"], true);

    // SendGrid is the default when its key is set, even with SMTP_URL beside it; 202.
    let real = sendgrid(
        key,
        &[("SMTP_URL", "smtp://127.0.0.1:9?tls=none")],
        &["test", "--to", "bob@example.com", "-o", "json"],
    );
    assert_eq!(real.code, 0, "{real}");
    let json = real.json();
    assert_eq!(json["provider"], "sendgrid");
    assert_eq!(json["message_id"], "test-msg-2");
    assert_eq!(json["reply"], "202 Accepted");
    assert!(request(2)["body"].get("mail_settings").is_none());

    // A key SendGrid does not know: its own message, exit 28, the key unseen even with -vvv.
    let wrong = "SG.wrong-k3y.Qq7Unknown_0123456789";
    let denied = sendgrid(wrong, &[], &["-vvv", "test", "--to", "bob@example.com"]);
    assert_eq!(denied.code, 28, "{denied}");
    assert!(
        denied
            .stderr
            .contains("The provided authorization grant is invalid, expired, or revoked"),
        "{denied}"
    );
    assert!(denied.stderr.contains("401"), "{denied}");
    assert!(!denied.all_output().contains("Qq7Unknown"), "{denied}");

    // Rate-limited: exit 75, and when to try again.
    let throttled = sendgrid(
        "SG.throttled.Rr5Busy_0123456789",
        &[],
        &["test", "--to", "bob@example.com"],
    );
    assert_eq!(throttled.code, 75, "{throttled}");
    assert!(throttled.stderr.contains("try again in 37s"), "{throttled}");

    // A sender SendGrid has not verified: the field it names, exit 23.
    let unverified = sendgrid(
        key,
        &[("EMAIL_FROM", "ops@unverified.example")],
        &["test", "--to", "bob@example.com"],
    );
    assert_eq!(unverified.code, 23, "{unverified}");
    assert!(
        unverified
            .stderr
            .contains("from: The from address does not match a verified Sender Identity."),
        "{unverified}"
    );

    // Sandbox is SendGrid's; plain http to anything but loopback is refused; nothing is sent.
    let smtp_sandbox = sendgrid(
        key,
        &[("SMTP_URL", "smtp://127.0.0.1:9?tls=none")],
        &[
            "test",
            "--provider",
            "smtp",
            "--sandbox",
            "--to",
            "bob@example.com",
        ],
    );
    assert_eq!(smtp_sandbox.code, 2, "{smtp_sandbox}");
    assert!(smtp_sandbox.stderr.contains("--sandbox"), "{smtp_sandbox}");
    let cleartext = email(
        &env,
        &[
            ("SENDGRID_API_KEY", key),
            ("SENDGRID_API_URL", "http://api.sendgrid.com"),
            from,
        ],
        &["test", "--to", "bob@example.com"],
    );
    assert_eq!(cleartext.code, 2, "{cleartext}");
    assert!(cleartext.stderr.contains("SENDGRID_API_URL"), "{cleartext}");
    assert!(!cleartext.all_output().contains("Zx9Secret"), "{cleartext}");

    // No database to record it in: nothing is sent.
    let missing = env.path("missing.db");
    let unrecorded = sendgrid(
        key,
        &[("DATABASE_URL", missing.to_str().unwrap())],
        &["test", "--to", "bob@example.com"],
    );
    assert_eq!(unrecorded.code, 1, "{unrecorded}");
    assert!(
        unrecorded.stderr.contains("no SQLite database"),
        "{unrecorded}"
    );

    // Nothing listening: connect, 21; TLS to a server that speaks none: TLS, 29.
    let closed = free_port();
    let nowhere = format!("http://127.0.0.1:{closed}");
    let down = sendgrid(
        key,
        &[("SENDGRID_API_URL", &nowhere)],
        &["test", "--to", "bob@example.com"],
    );
    assert_eq!(down.code, 21, "{down}");
    assert!(down.stderr.contains("SendGrid connect failed"), "{down}");
    let tls_url = format!("https://127.0.0.1:{}", api.port);
    let no_tls = sendgrid(
        key,
        &[("SENDGRID_API_URL", &tls_url)],
        &["test", "--to", "bob@example.com"],
    );
    assert_eq!(no_tls.code, 29, "{no_tls}");
    assert!(no_tls.stderr.contains("SendGrid TLS failed"), "{no_tls}");

    assert!(
        !api.dir.join("6.json").exists(),
        "only five requests reached SendGrid"
    );
    let meta = env.query_string(
        "SELECT group_concat(metadata, ' ') FROM audit_logs WHERE action = 'email.test'",
    );
    assert!(
        meta.contains("\"provider\":\"sendgrid\"") && meta.contains("\"sandbox\":true"),
        "{meta}"
    );
    assert_eq!(
        env.count("SELECT COUNT(*) FROM audit_logs WHERE action = 'email.test'"),
        2
    );
}

/// What Python's mail parser (a mail client's view) reads in a message.
fn mail_parts(eml: &str) -> serde_json::Value {
    let script =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mail_parts.py");
    let parsed = outside("python3", "python3", &[script.to_str().unwrap()], eml);
    serde_json::from_str(&parsed).unwrap()
}

/// A preview is the message `email test` sends, in every part and every format: nothing in it
/// is masked (a reset link's token is the operator's own test data), the HTML part escapes
/// for HTML only, `-o json` is valid JSON with every value whole, and the `.eml` has the
/// `Message-ID` (on the sender's domain) and `Date` a mail client writes — as does the message
/// the relay receives.
#[test]
fn a_preview_is_the_message_that_is_sent_in_every_part() {
    let env = TestEnv::embedded();
    env.ok(&["-q", "init"]);
    let reset_url = r#"https://app.acme.io/reset?token=abc123&u="7"&password=x y"#;
    let data = env.path("d.json");
    std::fs::write(
        &data,
        serde_json::json!({"name": "Bob", "platform_name": "Acme", "expires_in": "1 hour",
                           "reset_url": reset_url})
        .to_string(),
    )
    .unwrap();
    let d = data.to_str().unwrap();
    let from = ("EMAIL_FROM", "Acme AI <no-reply@acme.io>");
    let preview = |args: &[&str]| {
        let mut all = vec!["preview", "--template", "password-reset", "--data", d];
        all.extend(args);
        let run = email(&env, &[from], &all);
        assert_eq!(run.code, 0, "{run}");
        run.stdout
    };

    // -o json, read by jq: the text part holds the link whole, the HTML part holds it escaped
    // for HTML, which Python's html module turns back into the same link.
    let json = preview(&["-o", "json"]);
    let text = outside("jq", "jq", &["-r", ".text"], &json);
    assert!(text.contains(reset_url), "{json}");
    let html = outside("jq", "jq", &["-r", ".html"], &json);
    let unescaped = outside(
        "python3",
        "python3",
        &[
            "-c",
            "import html, sys; print(html.unescape(sys.stdin.read()), end='')",
        ],
        &html,
    );
    assert!(
        unescaped.contains(&format!("<a href=\"{reset_url}\">")),
        "{html}"
    );
    assert!(!html.contains("token=abc123"), "raw in HTML: {html}");
    // The text and HTML formats print the same parts (jq -r ends each with a line break).
    assert_eq!(format!("{}\n", preview(&["--format", "text"])), text);
    assert_eq!(format!("{}\n", preview(&["--format", "html"])), html);

    // The .eml and the mail the relay got, read by Python's mail parser: the same parts, each
    // with a Message-ID on acme.io and a Date.
    let eml = mail_parts(&preview(&["--format", "eml"]));
    let server = smtp_server(&env);
    let url = format!("smtp://127.0.0.1:{}?tls=none", server.port);
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
    let got = mail_parts(&std::fs::read_to_string(server.dir.join("1.eml")).unwrap());
    for mail in [&eml, &got] {
        assert_eq!(mail["defects"], serde_json::json!([]), "{mail}");
        let id = mail["message_id"].as_str().unwrap_or_default();
        assert!(id.starts_with('<') && id.ends_with("@acme.io>"), "{mail}");
        assert!(mail["date"].is_string(), "{mail}");
        assert_eq!(mail["subject"], "Reset your Acme password", "{mail}");
        assert!(mail["text"].as_str().unwrap().contains(reset_url), "{mail}");
    }
    assert_eq!(eml["text"], got["text"]);
    assert_eq!(eml["html"], got["html"]);
    assert_eq!(eml["from"], got["from"]);
    assert_ne!(
        eml["message_id"], got["message_id"],
        "a Message-ID is never reused"
    );
}
