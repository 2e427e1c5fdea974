//! Authorization in the core: the operator may do anything, a `--as` user what their role
//! grants where the operation applies, an API key what its scopes and its creator's role grant.

use std::time::Duration;

use platctl::core::Core;
use platctl::core::run::Run;
use platctl::db::ConnectOptions;
use platctl::db::DatabaseTarget;
use platctl::error::ErrorKind;
use platctl::proto::error::AuthFailure;
use platctl::proto::ops::Principal;
use platctl::proto::{CreateKey, ListKeys};

use crate::common::{TestEnv, each_backend};
use crate::rbac::with_member;

fn role_of_bob(env: &TestEnv) -> String {
    env.query_string(
        "SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id \
         JOIN users u ON u.id = ur.user_id WHERE u.email = 'bob@acme.io'",
    )
}

each_backend!(a_viewer_cannot_promote_themselves_or_create_keys, |env| {
    let env = with_member(env, "viewer");
    let audit_rows = env.count("SELECT COUNT(*) FROM audit_logs");

    let promote = env.run(&[
        "--as",
        "bob@acme.io",
        "roles",
        "assign",
        "--user",
        "bob@acme.io",
        "--org",
        "acme",
        "--role",
        "owner",
    ]);
    assert_eq!(promote.code, 77, "{promote}");
    assert!(
        promote
            .stderr
            .contains("forbidden: `roles:manage` is needed; bob@acme.io is VIEWER in acme"),
        "{promote}"
    );
    assert_eq!(role_of_bob(&env), "VIEWER");

    let key = env.run(&[
        "--as",
        "bob@acme.io",
        "keys",
        "create",
        "--scope",
        "agents:read",
    ]);
    assert_eq!(key.code, 77, "{key}");
    assert!(key.stderr.contains("`api-keys:create` is needed"), "{key}");
    assert_eq!(env.count("SELECT COUNT(*) FROM api_keys"), 0);

    for (args, needed) in [
        (vec!["migrate", "run"], "settings:manage"),
        (vec!["backup", "list", "--storage", "."], "backups:read"),
        (
            vec!["roles", "create", "auditor", "--level", "1"],
            "roles:manage",
        ),
        (vec!["keys", "list"], "api-keys:read"),
    ] {
        let mut full = vec!["--as", "bob@acme.io"];
        full.extend(&args);
        let run = env.run(&full);
        assert_eq!(run.code, 77, "{args:?}: {run}");
        assert!(
            run.stderr.contains(&format!("`{needed}` is needed")),
            "{run}"
        );
    }
    assert_eq!(env.count("SELECT COUNT(*) FROM audit_logs"), audit_rows);

    // What the role grants is allowed.
    let orgs = env.ok(&["--as", "bob@acme.io", "orgs", "list", "-o", "json"]);
    assert_eq!(orgs.json()[0]["slug"], "acme");

    // The operator, with the database itself, may do anything.
    env.ok(&[
        "-q",
        "roles",
        "assign",
        "--user",
        "bob@acme.io",
        "--org",
        "acme",
        "--role",
        "owner",
    ]);
    assert_eq!(role_of_bob(&env), "OWNER");
});

each_backend!(
    a_platform_wide_change_needs_the_permission_everywhere,
    |env| {
        let env = with_member(env, "owner");
        env.ok(&[
            "--as",
            "bob@acme.io",
            "-q",
            "users",
            "create",
            "carol@acme.io",
        ]);
        // beta, where bob holds no role: a change to the whole platform touches it too.
        env.ok(&["-q", "orgs", "create", "beta"]);
        let refused = env.run(&["--as", "bob@acme.io", "users", "create", "dan@acme.io"]);
        assert_eq!(refused.code, 77, "{refused}");
        assert!(
            refused
                .stderr
                .contains("`users:create` is needed; it applies to every organization")
                && refused.stderr.contains("bob@acme.io holds it only in acme"),
            "{refused}"
        );
        assert_eq!(
            env.count("SELECT COUNT(*) FROM users WHERE email = 'dan@acme.io'"),
            0
        );
        // Within acme, his role still counts.
        let listed = env.ok(&[
            "--as",
            "bob@acme.io",
            "users",
            "list",
            "--org",
            "acme",
            "-o",
            "json",
        ]);
        assert_eq!(listed.json().as_array().unwrap().len(), 1, "{listed}");
    }
);

/// The core with an API key as the actor, as `platctl serve` will run it.
fn as_key<T>(env: &TestEnv, key: &str, f: impl AsyncFnOnce(&Core) -> T) -> T {
    env.block_on(async {
        let target = DatabaseTarget::parse(&env.url).unwrap();
        let opts = ConnectOptions::plain(Duration::from_secs(10), "DATABASE_URL");
        let backups = platctl::backup::Config {
            storage: "./backups".into(),
            compression: platctl::backup::compress::Options::default_for_machine(),
            encrypt_to: None,
            identity_file: None,
            s3: Default::default(),
            pg_bin_dir: None,
            disabled_by: None,
            retention_days: 30,
        };
        let core = Core::new(
            target,
            opts,
            Principal::Key(key.to_string()),
            backups,
            None,
            Default::default(),
        );
        let out = f(&core).await;
        core.close().await;
        out
    })
}

fn list_acme() -> ListKeys {
    ListKeys {
        organization: Some("acme".into()),
        platform: false,
        created_by: None,
        all: false,
    }
}

each_backend!(
    an_api_key_acts_within_its_scopes_and_its_creators_role,
    |env| {
        let env = with_member(env, "admin");
        let key = env.ok(&[
            "-q",
            "--as",
            "bob@acme.io",
            "keys",
            "create",
            "--org",
            "acme",
            "--scope",
            "api-keys:read,agents:read",
        ]);
        let key = key.stdout.trim().to_string();

        let listed = as_key(&env, &key, async |core| {
            list_acme().run(core, platctl::progress::silent()).await
        });
        assert_eq!(listed.unwrap().len(), 1);

        // Beyond its scopes: refused, though its creator could.
        let create = CreateKey {
            organization: Some("acme".into()),
            name: None,
            scopes: vec!["agents:read".into()],
            ..Default::default()
        };
        let created = as_key(&env, &key, async |core| {
            core.create_key(&create, &|_| Ok(())).await
        });
        let err = created.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Forbidden, "{err}");
        assert!(
            err.message().contains("`api-keys:create` is needed"),
            "{err}"
        );
        assert!(
            err.message().contains("does not have it in its scopes"),
            "{err}"
        );

        // Its creator demoted: the key holds no more than they do.
        env.ok(&[
            "-q",
            "roles",
            "assign",
            "--user",
            "bob@acme.io",
            "--org",
            "acme",
            "--role",
            "viewer",
        ]);
        let err = as_key(&env, &key, async |core| {
            list_acme().run(core, platctl::progress::silent()).await
        })
        .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Forbidden, "{err}");
        assert!(
            err.message().contains("bob@acme.io is VIEWER in acme"),
            "{err}"
        );

        // Revoked: not a key at all any more.
        env.ok(&["-q", "keys", "revoke", &key[..12]]);
        let err = as_key(&env, &key, async |core| {
            list_acme().run(core, platctl::progress::silent()).await
        })
        .unwrap_err();
        assert_eq!(
            err.kind(),
            ErrorKind::Unauthenticated(AuthFailure::RevokedKey),
            "{err}"
        );
        assert!(err.message().contains("revoked"), "{err}");
        let err = as_key(&env, "sk_live_nonsense", async |core| {
            list_acme().run(core, platctl::progress::silent()).await
        })
        .unwrap_err();
        assert_eq!(
            err.kind(),
            ErrorKind::Unauthenticated(AuthFailure::MalformedKey),
            "{err}"
        );
    }
);

each_backend!(names_never_leak_around_the_permission_check, |env| {
    // Two organizations; acme's keys ask about beta's users and organization.
    env.ok(&["-q", "migrate", "run"]);
    for org in ["acme", "beta"] {
        env.ok(&["-q", "orgs", "create", org]);
    }
    for (user, org) in [("owner-a@acme.io", "acme"), ("owner-b@beta.io", "beta")] {
        env.member(user, org, "owner");
    }
    let key = |scope: &str| {
        env.ok(&["-q", "keys", "create", "--org", "acme", "--scope", scope])
            .stdout
            .trim()
            .to_string()
    };
    let (agents, reader) = (key("agents:read"), key("api-keys:read,audit-logs:read"));
    let server = crate::serve::Served::start(&env, &[("RATE_LIMIT_MAX", "100000")]);
    let ask = |key: &str, method: &str, path: &str, body: Option<serde_json::Value>| {
        let bearer = format!("Bearer {key}");
        crate::serve::call(
            method,
            &format!("{}{path}", server.url),
            Some(("authorization", bearer.as_str())),
            body,
        )
    };

    // Without the permission, nothing is looked up: no organization named, known or not.
    for org in ["nowhere", "beta", "bet"] {
        let refused = ask(
            &agents,
            "POST",
            "/role-assignments",
            Some(serde_json::json!({"user": "x@acme.io", "organization": org, "role": "viewer"})),
        );
        assert_eq!(refused.status, 403, "{refused}");
        let message = refused.body["message"].as_str().unwrap();
        assert!(
            message.contains("does not have it in its scopes"),
            "{refused}"
        );
        let text = refused.body.to_string().replace(org, "ORG");
        assert!(!text.contains("beta"), "{refused}");
    }

    // A user of another organization reads as no user, with suggestions from acme only.
    for (path, needle) in [
        ("/api-keys?created_by=owner-b@beta.io", "owner-b@beta.io"),
        ("/api-keys?created_by=owner-b@beta.i", "owner-b@beta.i"),
    ] {
        let answer = ask(&reader, "GET", path, None);
        assert_eq!(answer.status, 404, "{answer}");
        let message = answer.body["message"].as_str().unwrap();
        assert_eq!(
            message,
            format!("there is no user `{needle}` in acme"),
            "{answer}"
        );
        let hint = answer.body["hint"].as_str().unwrap_or_default();
        assert!(!hint.contains("beta"), "{answer}");
    }
    let mut audit = env.bare();
    audit.env("PLATCTL_API_KEY", &reader).args([
        "--server",
        server.url.as_str(),
        "audit",
        "query",
        "--user",
        "owner-b@beta.i",
    ]);
    let audit = crate::common::Run::from(audit.output().unwrap());
    assert_eq!(audit.code, 1, "{audit}");
    assert!(audit.stderr.contains("in acme"), "{audit}");
    assert!(
        audit.stderr.contains("owner-a@acme.io"),
        "suggests acme's: {audit}"
    );
    assert!(
        !audit.stderr.replace("owner-b@beta.i`", "").contains("beta"),
        "{audit}"
    );

    // Another organization's key and no key at all: the same 404.
    let theirs = env
        .ok(&[
            "keys",
            "create",
            "--org",
            "beta",
            "--scope",
            "agents:read",
            "-o",
            "json",
        ])
        .json();
    let theirs = theirs["id"].as_str().unwrap();
    let missing = "5e9c3a1d-0000-4000-8000-000000000000";
    let a = ask(&reader, "GET", &format!("/api-keys/{theirs}"), None);
    let b = ask(&reader, "GET", &format!("/api-keys/{missing}"), None);
    assert_eq!(a.status, 404, "{a}");
    assert_eq!(
        a.body.to_string().replace(theirs, "ID"),
        b.body.to_string().replace(missing, "ID")
    );
});
