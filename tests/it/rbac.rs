//! Organizations, users, roles, permissions: on SQLite and PostgreSQL, with their audit rows.

use std::collections::BTreeSet;

use platctl::core::catalogue;

use crate::common::{Kind, TestEnv, each_backend};

/// A migrated database with organization `acme` and user bob@acme.io holding `role` there.
pub(crate) fn with_member(env: TestEnv, role: &str) -> TestEnv {
    let env = env.migrated();
    env.ok(&["-q", "orgs", "create", "acme", "--name", "Acme"]);
    env.member("bob@acme.io", "acme", role);
    env
}

/// `platctl permissions check --user USER --org ORG PERM EXTRA...`
fn check(env: &TestEnv, user: &str, org: &str, perm: &str, extra: &[&str]) -> crate::common::Run {
    let mut args = vec!["permissions", "check", "--user", user, "--org", org, perm];
    args.extend(extra);
    env.run(&args)
}

fn audit_count(env: &TestEnv, action: &str) -> i64 {
    env.count(&format!(
        "SELECT COUNT(*) FROM audit_logs WHERE action = '{action}'"
    ))
}

each_backend!(the_seed_migration_agrees_with_the_catalogue, |env| {
    let env = env.migrated();
    let set = |sql: String| -> BTreeSet<String> { env.query_strings(&sql).into_iter().collect() };
    let names = |perms: BTreeSet<catalogue::Permission>| -> BTreeSet<String> {
        perms.iter().map(|p| p.to_string()).collect()
    };
    for role in catalogue::SYSTEM_ROLES {
        for (table, expected) in [
            ("role_permissions", catalogue::default_direct(role.name)),
            (
                "role_effective_permissions",
                catalogue::default_effective(role.name),
            ),
        ] {
            let found = set(format!(
                "SELECT DISTINCT p.resource || ':' || p.action FROM {table} g \
                 JOIN roles r ON r.id = g.role_id JOIN permissions p ON p.id = g.permission_id \
                 WHERE r.name = '{}'",
                role.name
            ));
            assert_eq!(found, names(expected), "{table} of {}", role.name);
        }
        let level = env.count(&format!(
            "SELECT CAST(level AS BIGINT) FROM roles WHERE name = '{}'",
            role.name
        ));
        assert_eq!(level, role.level);
    }
    let all: BTreeSet<String> = env
        .query_strings("SELECT resource || ':' || action FROM permissions")
        .into_iter()
        .collect();
    let catalogue: BTreeSet<String> = catalogue::Permission::all()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(all, catalogue);
});

each_backend!(organizations_and_users_take_hostile_names_as_data, |env| {
    let env = env.migrated();
    let name = "Acme'; DROP TABLE organizations; --";
    let created = env.ok(&["orgs", "create", "acme", "--name", name, "-o", "json"]);
    assert_eq!(created.json()["name"], name);
    let list = env.ok(&["orgs", "list", "-o", "json"]);
    assert_eq!(list.json()[0]["name"], name);
    assert!(env.table_exists("organizations"));

    for bad in ["Acme Corp", "o'brien", "a;b", "ACME"] {
        let run = env.run(&["orgs", "create", bad]);
        assert_eq!(run.code, 2, "{bad}: {run}");
        assert!(
            run.stderr.contains("lowercase letters, digits and dashes"),
            "{run}"
        );
    }
    let hint = env.run(&["orgs", "create", "Acme Corp"]);
    assert!(hint.stderr.contains("try `acme-corp`"), "{hint}");
    let dup = env.run(&["orgs", "create", "acme"]);
    assert_eq!(dup.code, 1, "{dup}");
    assert!(dup.stderr.contains("already exists"), "{dup}");
    assert_eq!(env.count("SELECT COUNT(*) FROM organizations"), 1);
    assert_eq!(audit_count(&env, "organization.create"), 1);

    let user_name = "Robert'); DELETE FROM users; --";
    env.ok(&["users", "create", "Alice@Acme.io", "--name", user_name]);
    let dup = env.run(&["users", "create", "alice@ACME.io"]);
    assert_eq!(dup.code, 1, "emails match case-insensitively: {dup}");
    let bad = env.run(&["users", "create", "not-an-email"]);
    assert_eq!(bad.code, 2, "{bad}");
    let users = env.ok(&["users", "list", "-o", "json"]);
    assert_eq!(users.json()[0]["name"], user_name);
    assert_eq!(users.json()[0]["status"], "active");

    env.ok(&["-y", "users", "disable", "ALICE@acme.io"]);
    let again = env.ok(&["-y", "users", "disable", "alice@acme.io"]);
    assert!(again.stdout.contains("already disabled"), "{again}");
    let users = env.ok(&["users", "list", "-o", "json"]);
    assert_eq!(users.json()[0]["status"], "disabled");
    assert_eq!(audit_count(&env, "user.create"), 1);
    assert_eq!(audit_count(&env, "user.disable"), 1);
    let actor = env.query_string("SELECT actor FROM audit_logs WHERE action = 'user.disable'");
    assert!(
        actor.contains('@') && actor != "alice@acme.io",
        "operator actor: {actor}"
    );
});

each_backend!(an_editor_may_create_agents_but_not_manage_backups, |env| {
    let env = with_member(env, "editor");
    let allowed = check(
        &env,
        "bob@acme.io",
        "acme",
        "agents:create",
        &["-o", "json"],
    );
    assert_eq!(allowed.code, 0, "{allowed}");
    let json = allowed.json();
    assert_eq!(json["allowed"], true);
    assert_eq!(json["role"], "EDITOR");
    assert_eq!(json["granted_via"], "EDITOR");
    assert_eq!(json["inherited"], false);

    let inherited = check(&env, "bob@acme.io", "acme", "agents:read", &["-o", "json"]);
    assert_eq!(inherited.code, 0, "{inherited}");
    assert_eq!(inherited.json()["granted_via"], "VIEWER");
    assert_eq!(inherited.json()["inherited"], true);

    let denied = check(&env, "bob@acme.io", "acme", "backups:manage", &[]);
    assert_eq!(denied.code, 1, "{denied}");
    assert!(denied.stdout.starts_with("denied"), "{denied}");

    // Errors in a predicate are 2, like grep.
    let typo = check(&env, "bob@acme.io", "acme", "agent:create", &[]);
    assert_eq!(typo.code, 2, "{typo}");
    assert!(typo.stderr.contains("did you mean `agents`"), "{typo}");
    let nobody = check(&env, "bib@acme.io", "acme", "agents:read", &[]);
    assert_eq!(nobody.code, 2, "{nobody}");
    assert!(
        nobody.stderr.contains("did you mean `bob@acme.io`"),
        "{nobody}"
    );

    // No role in an organization, or disabled: denied.
    env.ok(&["-q", "orgs", "create", "other"]);
    let elsewhere = check(&env, "bob@acme.io", "other", "agents:read", &[]);
    assert_eq!(elsewhere.code, 1, "{elsewhere}");
    env.ok(&["-q", "-y", "users", "disable", "bob@acme.io"]);
    let disabled = check(&env, "bob@acme.io", "acme", "agents:create", &[]);
    assert_eq!(disabled.code, 1, "{disabled}");
    assert!(disabled.stdout.contains("disabled"), "{disabled}");
});

each_backend!(
    system_roles_cannot_be_deleted_and_assigned_roles_need_force,
    |env| {
        let env = with_member(env, "viewer");
        let run = env.run(&["--yes", "roles", "delete", "viewer"]);
        assert_eq!(run.code, 1, "{run}");
        assert!(run.stderr.contains("system role"), "{run}");
        assert_eq!(env.count("SELECT COUNT(*) FROM roles"), 4);

        let created = env.ok(&[
            "roles", "create", "support", "--level", "2", "--from", "EDITOR", "-o", "json",
        ]);
        assert_eq!(created.json()["permissions"], 38);
        assert_eq!(audit_count(&env, "role.create"), 1);
        env.ok(&[
            "-q",
            "roles",
            "assign",
            "--user",
            "bob@acme.io",
            "--org",
            "acme",
            "--role",
            "support",
        ]);

        let in_use = env.run(&["--yes", "roles", "delete", "support"]);
        assert_eq!(in_use.code, 1, "{in_use}");
        assert!(in_use.stderr.contains("--force"), "{in_use}");
        let unconfirmed = env.run(&["roles", "delete", "support", "--force"]);
        assert_eq!(unconfirmed.code, 2, "{unconfirmed}");
        assert!(unconfirmed.stderr.contains("--yes"), "{unconfirmed}");
        assert_eq!(
            env.count("SELECT COUNT(*) FROM roles WHERE name = 'support'"),
            1
        );

        let forced = env.ok(&[
            "--yes", "roles", "delete", "support", "--force", "-o", "json",
        ]);
        assert_eq!(forced.json()["unassigned"], 1);
        assert_eq!(
            env.count("SELECT COUNT(*) FROM roles WHERE name = 'support'"),
            0
        );
        assert_eq!(env.count("SELECT COUNT(*) FROM user_roles"), 0);
        assert_eq!(audit_count(&env, "role.delete"), 1);

        let quoted = env.run(&["roles", "create", "it's;x", "--level", "1"]);
        assert_eq!(quoted.code, 2, "{quoted}");
    }
);

each_backend!(
    grants_and_revokes_take_wildcards_and_respect_inheritance,
    |env| {
        let env = env.migrated();
        env.ok(&["-q", "roles", "create", "auditor", "--level", "1"]);
        let granted = env.ok(&[
            "roles",
            "grant",
            "auditor",
            "audit-logs:*",
            "users:read",
            "-o",
            "json",
        ]);
        assert_eq!(granted.json()["changed"].as_array().unwrap().len(), 9);
        let again = env.ok(&["roles", "grant", "auditor", "audit-logs:read", "-o", "json"]);
        assert_eq!(again.json()["changed"].as_array().unwrap().len(), 0);
        assert_eq!(
            audit_count(&env, "role.grant"),
            1,
            "a grant that changes nothing is not audited"
        );

        env.ok(&["-q", "roles", "revoke", "auditor", "audit-logs:export"]);
        let shown = env.ok(&["roles", "show", "auditor", "-o", "json"]);
        assert_eq!(shown.json().as_array().unwrap().len(), 8);
        assert_eq!(audit_count(&env, "role.revoke"), 1);

        // ADMIN holds agents:read through VIEWER: revoking it from ADMIN is refused.
        let inherited = env.run(&["roles", "revoke", "admin", "agents:read"]);
        assert_eq!(inherited.code, 1, "{inherited}");
        assert!(inherited.stderr.contains("through VIEWER"), "{inherited}");

        // Granting to VIEWER reaches every system role above it.
        env.ok(&["-q", "roles", "grant", "viewer", "settings:read"]);
        let editor = env.ok(&["roles", "show", "editor", "-o", "json"]);
        let via: Vec<_> = editor
            .json()
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["permission"] == "settings:read")
            .map(|p| p["granted_via"].clone())
            .collect();
        assert_eq!(via, ["VIEWER"]);

        let unknown = env.run(&[
            "roles",
            "grant",
            "auditor",
            "backups:read",
            "agents:destroy",
        ]);
        assert_eq!(unknown.code, 2, "{unknown}");
        assert!(
            unknown.stderr.contains("unknown action `destroy`"),
            "{unknown}"
        );
        let after = env.ok(&["roles", "show", "auditor", "-o", "json"]);
        assert_eq!(
            after.json().as_array().unwrap().len(),
            8,
            "a refused grant changed something"
        );

        let missing = env.run(&["roles", "show", "edtor"]);
        assert_eq!(missing.code, 1, "{missing}");
        assert!(
            missing.stderr.contains("did you mean `EDITOR`"),
            "{missing}"
        );
    }
);

each_backend!(
    assigning_replaces_the_role_and_unassigning_removes_it,
    |env| {
        let env = with_member(env, "VIEWER");
        let moved = env.ok(&[
            "roles",
            "assign",
            "--user",
            "BOB@acme.io",
            "--org",
            "acme",
            "--role",
            "admin",
            "-o",
            "json",
        ]);
        assert_eq!(moved.json()["previous_role"], "VIEWER");
        assert_eq!(env.count("SELECT COUNT(*) FROM user_roles"), 1);
        assert_eq!(
            env.query_string("SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id"),
            "ADMIN"
        );
        let same = env.ok(&[
            "roles",
            "assign",
            "--user",
            "bob@acme.io",
            "--org",
            "acme",
            "--role",
            "ADMIN",
        ]);
        assert!(same.stdout.contains("nothing changed"), "{same}");
        assert_eq!(audit_count(&env, "role.assign"), 2);

        let users = env.ok(&["users", "list", "--org", "acme", "-o", "json"]);
        assert_eq!(users.json()[0]["roles"][0], "acme:ADMIN");

        env.ok(&[
            "roles",
            "unassign",
            "--user",
            "bob@acme.io",
            "--org",
            "acme",
        ]);
        assert_eq!(env.count("SELECT COUNT(*) FROM user_roles"), 0);
        assert_eq!(audit_count(&env, "role.unassign"), 1);
        let again = env.run(&[
            "roles",
            "unassign",
            "--user",
            "bob@acme.io",
            "--org",
            "acme",
        ]);
        assert_eq!(again.code, 1, "{again}");
        let unknown_org = env.run(&[
            "roles",
            "assign",
            "--user",
            "bob@acme.io",
            "--org",
            "acne",
            "--role",
            "viewer",
        ]);
        assert_eq!(unknown_org.code, 1, "{unknown_org}");
        assert!(
            unknown_org.stderr.contains("did you mean `acme`"),
            "{unknown_org}"
        );
    }
);

each_backend!(as_records_the_platform_user_as_actor, |env| {
    let env = with_member(env, "owner");
    env.ok(&["--as", "bob@acme.io", "orgs", "create", "beta"]);
    let row = env.query_strings(
        "SELECT actor || '|' || CAST(actor_user_id AS TEXT) FROM audit_logs \
         WHERE action = 'organization.create' AND resource_id IN \
         (SELECT CAST(id AS TEXT) FROM organizations WHERE slug = 'beta')",
    );
    let bob = env.query_string("SELECT CAST(id AS TEXT) FROM users WHERE email = 'bob@acme.io'");
    assert_eq!(row, [format!("bob@acme.io|{bob}")]);
    let nobody = env.run(&["--as", "eve@acme.io", "orgs", "create", "gamma"]);
    assert_eq!(nobody.code, 1, "{nobody}");
    assert_eq!(
        env.count("SELECT COUNT(*) FROM organizations WHERE slug = 'gamma'"),
        0
    );
});

#[test]
fn permissions_list_shows_the_catalogue() {
    let env = TestEnv::new(crate::common::Kind::Sqlite).migrated();
    let all = env.ok(&["permissions", "list", "-o", "json"]);
    assert_eq!(all.json().as_array().unwrap().len(), 104);
    let backups = env.ok(&["permissions", "list", "--resource", "backups", "-o", "json"]);
    let manage = backups
        .json()
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["permission"] == "backups:manage")
        .unwrap()
        .clone();
    assert_eq!(manage["roles"], serde_json::json!(["OWNER"]));
    let typo = env.run(&["permissions", "list", "--resource", "backup"]);
    assert_eq!(typo.code, 2, "{typo}");
}

each_backend!(a_failed_audit_write_rolls_the_change_back, |env| {
    let env = env.migrated();
    match env.kind {
        Kind::Postgres => env.exec(
            "CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS \
             $$ BEGIN RAISE EXCEPTION 'the audit store is unavailable'; END $$; \
             CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_logs \
             FOR EACH ROW EXECUTE FUNCTION refuse_audit();",
        ),
        Kind::Sqlite => env.exec(
            "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_logs \
             BEGIN SELECT RAISE(ABORT, 'the audit store is unavailable'); END;",
        ),
    }
    for args in [
        vec!["orgs", "create", "acme"],
        vec!["users", "create", "alice@acme.io"],
        vec!["roles", "create", "support", "--level", "2"],
    ] {
        let run = env.run(&args);
        assert_eq!(run.code, 1, "{args:?}: {run}");
        assert!(run.stderr.contains("audit"), "{run}");
        assert!(run.stderr.contains("rolled back"), "{run}");
    }
    assert_eq!(env.count("SELECT COUNT(*) FROM organizations"), 0);
    assert_eq!(env.count("SELECT COUNT(*) FROM users"), 0);
    assert_eq!(env.count("SELECT COUNT(*) FROM roles"), 4);
});

each_backend!(revoking_a_wildcard_keeps_what_the_role_inherits, |env| {
    let env = with_member(env, "editor");
    let run = env.ok(&["roles", "revoke", "editor", "agents:*", "-o", "json"]);
    let json = run.json();
    assert_eq!(json["changed"].as_array().unwrap().len(), 5, "{run}");
    assert_eq!(
        json["inherited"],
        serde_json::json!(["agents:read (from VIEWER)"])
    );
    assert_eq!(
        check(&env, "bob@acme.io", "acme", "agents:create", &[]).code,
        1
    );
    assert_eq!(
        check(&env, "bob@acme.io", "acme", "agents:read", &[]).code,
        0
    );
    // Named outright, an inherited permission is still refused.
    let named = env.run(&["roles", "revoke", "editor", "agents:read"]);
    assert_eq!(named.code, 1, "{named}");
});

each_backend!(
    roles_show_draws_the_matrix_and_grants_record_their_actor,
    |env| {
        let env = with_member(env, "admin");
        let shown = env.ok(&["roles", "show", "editor"]);
        let agents = shown
            .stdout
            .lines()
            .find(|l| l.starts_with("agents "))
            .unwrap_or_default()
            .to_string();
        assert!(agents.contains("(✓)") && agents.contains("✓ "), "{shown}");
        assert!(shown.stdout.contains("inherited"), "{shown}");
        env.ok(&[
            "--as",
            "bob@acme.io",
            "roles",
            "grant",
            "viewer",
            "settings:read",
        ]);
        assert_eq!(
            env.query_string("SELECT actor FROM audit_logs WHERE action = 'role.grant'"),
            "bob@acme.io"
        );
    }
);
