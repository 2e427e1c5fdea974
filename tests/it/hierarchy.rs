//! The role hierarchy: nobody grants a role above their own or changes someone above them
//! (OWNER > ADMIN > EDITOR > VIEWER, custom roles by their level), through `--as` and through
//! a key an ADMIN made, over HTTP; the operator with the database may do anything.

use crate::common::{Run, TestEnv, each_backend};
use crate::serve::Served;

fn role_of(env: &TestEnv, user: &str, org: &str) -> String {
    env.query_strings(&format!(
        "SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id \
         JOIN users u ON u.id = ur.user_id JOIN organizations o ON o.id = ur.organization_id \
         WHERE u.email = '{user}' AND o.slug = '{org}'"
    ))
    .pop()
    .unwrap_or_else(|| "-".into())
}

fn people(env: TestEnv) -> TestEnv {
    let env = env.migrated();
    for org in ["acme", "beta"] {
        env.ok(&["-q", "orgs", "create", org]);
    }
    for (user, org, role) in [
        ("owner@acme.io", "acme", "owner"),
        ("admin@acme.io", "acme", "admin"),
        ("admin2@acme.io", "acme", "admin"),
        ("carol@acme.io", "acme", "viewer"),
        ("owner@beta.io", "beta", "owner"),
    ] {
        env.member(user, org, role);
    }
    env
}

/// The refusals an ADMIN of acme meets, and what they may do, through one door.
fn admin_stays_below_owner(env: &TestEnv, admin: &dyn Fn(&[&str]) -> Run) {
    let audit = env.count("SELECT COUNT(*) FROM audit_logs");
    let assign = |user: &str, org: &str, role: &str| {
        admin(&[
            "roles", "assign", "--user", user, "--org", org, "--role", role,
        ])
    };
    // Itself to OWNER; the OWNER down to VIEWER; the OWNER out; beta's owner in as OWNER.
    for (run, what) in [
        (
            assign("admin@acme.io", "acme", "owner"),
            "cannot grant OWNER",
        ),
        (
            assign("owner@acme.io", "acme", "viewer"),
            "cannot change the role of owner@acme.io, who is OWNER",
        ),
        (
            admin(&[
                "roles",
                "unassign",
                "--user",
                "owner@acme.io",
                "--org",
                "acme",
            ]),
            "cannot take the role of owner@acme.io, who is OWNER",
        ),
        (
            assign("carol@acme.io", "acme", "owner"),
            "cannot grant OWNER",
        ),
    ] {
        assert_eq!(run.code, 77, "{what}: {run}");
        assert!(run.stderr.contains(what), "{what}: {run}");
        assert!(
            run.stderr
                .contains("above their own role, ADMIN (level 3) in acme"),
            "{run}"
        );
    }
    // A user of another organization is not one of acme's: not there, alike.
    let outsider = assign("owner@beta.io", "acme", "viewer");
    assert_eq!(outsider.code, 1, "{outsider}");
    assert!(
        outsider
            .stderr
            .contains("there is no user `owner@beta.io` in acme"),
        "{outsider}"
    );
    // Its suggestions are acme's users only.
    let hint = outsider.stderr.lines().skip(1).collect::<String>();
    assert!(!hint.contains("@beta.io"), "{outsider}");
    assert_eq!(role_of(env, "admin@acme.io", "acme"), "ADMIN");
    assert_eq!(role_of(env, "owner@acme.io", "acme"), "OWNER");
    assert_eq!(role_of(env, "owner@beta.io", "acme"), "-");
    assert_eq!(env.count("SELECT COUNT(*) FROM audit_logs"), audit);

    // Up to their own level, they may.
    let ok = assign("carol@acme.io", "acme", "editor");
    assert_eq!(ok.code, 0, "{ok}");
    assert_eq!(role_of(env, "carol@acme.io", "acme"), "EDITOR");
    let peer = assign("admin2@acme.io", "acme", "editor");
    assert_eq!(peer.code, 0, "an equal may be changed: {peer}");
    assert_eq!(role_of(env, "admin2@acme.io", "acme"), "EDITOR");
    let back = assign("admin2@acme.io", "acme", "admin");
    assert_eq!(
        back.code, 0,
        "a role equal to their own may be granted: {back}"
    );
}

each_backend!(an_admin_never_reaches_above_itself_through_as, |env| {
    let env = people(env);
    admin_stays_below_owner(&env, &|args| {
        let mut full = vec!["--as", "admin@acme.io"];
        full.extend(args);
        env.run(&full)
    });
    // The operator, with the database itself, may do anything.
    env.ok(&[
        "-q",
        "roles",
        "assign",
        "--user",
        "carol@acme.io",
        "--org",
        "acme",
        "--role",
        "owner",
    ]);
    assert_eq!(role_of(&env, "carol@acme.io", "acme"), "OWNER");
});

each_backend!(an_admins_key_never_reaches_above_its_creator, |env| {
    let env = people(env);
    let key = env.ok(&[
        "-q",
        "--as",
        "admin@acme.io",
        "keys",
        "create",
        "--org",
        "acme",
        "--scope",
        "roles:manage",
    ]);
    let key = key.stdout.trim().to_string();
    let server = Served::start(&env, &[("RATE_LIMIT_MAX", "100000")]);
    admin_stays_below_owner(&env, &|args| {
        let mut cmd = env.bare();
        cmd.env("PLATCTL_API_KEY", &key)
            .args(["--server", server.url.as_str()])
            .args(args);
        Run::from(cmd.output().unwrap())
    });
});

each_backend!(the_role_catalogue_stays_below_whoever_changes_it, |env| {
    // An ADMIN of every organization may manage roles on the whole platform — below itself.
    let env = people(env);
    env.ok(&[
        "-q",
        "roles",
        "assign",
        "--user",
        "admin@acme.io",
        "--org",
        "beta",
        "--role",
        "admin",
    ]);
    let admin = |args: &[&str]| {
        let mut full = vec!["--as", "admin@acme.io"];
        full.extend(args);
        env.run(&full)
    };
    let grants = env.count("SELECT COUNT(*) FROM role_permissions");
    for (args, what) in [
        (
            vec!["roles", "grant", "owner", "agents:read"],
            "cannot change the grants of OWNER (level 4)",
        ),
        (
            vec!["roles", "grant", "admin", "backups:manage"],
            "cannot grant backups:manage, which their own role does not hold",
        ),
        (
            vec!["roles", "create", "boss", "--level", "9"],
            "cannot create boss (level 9)",
        ),
        (
            vec!["roles", "create", "copy", "--level", "1", "--from", "owner"],
            "which their own role does not hold",
        ),
    ] {
        let run = admin(&args);
        assert_eq!(run.code, 77, "{args:?}: {run}");
        assert!(run.stderr.contains(what), "{args:?}: {run}");
    }
    assert_eq!(env.count("SELECT COUNT(*) FROM role_permissions"), grants);
    assert_eq!(
        env.count("SELECT COUNT(*) FROM roles WHERE name IN ('boss', 'copy')"),
        0
    );
    // What they hold, to a role at or below their level: allowed.
    let run = admin(&[
        "roles", "create", "support", "--level", "2", "--from", "editor",
    ]);
    assert_eq!(run.code, 0, "{run}");
    let run = admin(&["roles", "grant", "support", "users:read"]);
    assert_eq!(run.code, 0, "{run}");
});
