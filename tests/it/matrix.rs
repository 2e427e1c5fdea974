//! The authorization matrix, generated from the operations table (`proto::ops`): every
//! operation × every kind of caller × {its own organization, another organization, the whole
//! platform}, through the door each caller has — directly (the operator, `--as` each system
//! role) and over HTTP (`platctl serve` + `--server`: a platform key, an organization key with
//! every scope, one with exactly the operation's scope, another organization's key).
//!
//! Each case asserts allow or deny as the rules of the README say. A denial must change
//! nothing, reveal nothing of the other organization (its users, its keys' prefixes), and —
//! for an object found by id — read exactly as a missing object does.

use platctl::core::catalogue;
use platctl::proto::ops::{Op, Reach};

use crate::common::{Run, TestEnv, each_backend};
use crate::serve::Served;

/// Who calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Caller {
    Operator,
    /// `--as` a user holding this system role in acme (and nothing in beta).
    As(&'static str),
    PlatformKey,
    /// acme's key with every scope.
    AcmeKey,
    /// acme's key with exactly the operation's scope.
    AcmeExactKey,
    /// beta's key with every scope: another organization's.
    BetaKey,
}

const CALLERS: [Caller; 9] = [
    Caller::Operator,
    Caller::As("OWNER"),
    Caller::As("ADMIN"),
    Caller::As("EDITOR"),
    Caller::As("VIEWER"),
    Caller::PlatformKey,
    Caller::AcmeKey,
    Caller::AcmeExactKey,
    Caller::BetaKey,
];

/// What a case names: acme (the callers' own), beta (another organization), or nothing (the
/// whole platform).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Acme,
    Beta,
    Platform,
}

/// One invocation of an operation.
struct Case {
    target: Target,
    args: Vec<String>,
    /// On stdin (a key to verify).
    stdin: Option<String>,
    /// Run by the operator, directly, before the case (puts a victim back in place).
    before: Vec<Vec<String>>,
    /// The object is found by id: a refusal reads as "not there".
    found: bool,
    /// A key made for the case in this organization, its id in place of `{victim}`.
    fresh_victim: Option<&'static str>,
}

/// The fixtures a case may name.
struct World {
    acme_victim: (String, String),
    beta_victim: (String, String),
}

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|s| s.to_string()).collect()
}

fn case(target: Target, args: &[&str]) -> Case {
    Case {
        target,
        args: strings(args),
        stdin: None,
        before: Vec::new(),
        found: false,
        fresh_victim: None,
    }
}

/// Each operation's invocations: every target it can name. Exhaustive over `Op`, so a new
/// operation cannot be added without saying how the matrix calls it.
fn cases(op: Op, w: &World, n: usize) -> Vec<Case> {
    use Target::*;
    let per_org = |f: &dyn Fn(&str, &str) -> Vec<String>| -> Vec<Case> {
        [
            (Acme, "acme", "carol@acme.io"),
            (Beta, "beta", "dave@beta.io"),
        ]
        .into_iter()
        .map(|(t, org, user)| Case {
            target: t,
            args: f(org, user),
            stdin: None,
            before: Vec::new(),
            found: false,
            fresh_victim: None,
        })
        .collect()
    };
    let listing = |args: &[&str]| -> Vec<Case> {
        let mut out = per_org(&|org, _| {
            let mut a = strings(args);
            a.extend(strings(&["--org", org]));
            a
        });
        out.push(case(Platform, args));
        out
    };
    let by_id = |args: &[&str], stdin: bool| -> Vec<Case> {
        [(Acme, &w.acme_victim), (Beta, &w.beta_victim)]
            .into_iter()
            .map(|(t, (id, secret))| {
                let mut a = strings(args);
                if !stdin {
                    a.push(id.clone());
                }
                Case {
                    target: t,
                    args: a,
                    stdin: stdin.then(|| secret.clone()),
                    before: Vec::new(),
                    found: true,
                    fresh_victim: None,
                }
            })
            .collect()
    };
    match op {
        Op::MigrateStatus => vec![case(Platform, &["migrate", "status"])],
        Op::MigrateRun => vec![case(Platform, &["migrate", "run"])],
        // Without --yes: allowed stops at the question (the plan was authorized), nothing runs.
        Op::MigrateRevert => vec![case(Platform, &["migrate", "revert"])],
        Op::MigrateVerify => vec![case(Platform, &["migrate", "verify"])],
        Op::MigrateAccept => vec![case(Platform, &["migrate", "verify", "--accept", "1"])],
        Op::OrgsCreate => vec![case(Platform, &["orgs", "create", &format!("made-{n}")])],
        Op::OrgsList => vec![case(Platform, &["orgs", "list"])],
        Op::UsersCreate => vec![case(
            Platform,
            &["users", "create", &format!("made-{n}@example.com")],
        )],
        Op::UsersList => listing(&["users", "list"]),
        // With --yes: the command asks before it calls (an allowed case disables carol; the
        // next operation's cases enable her again).
        Op::UsersDisable => vec![Case {
            before: vec![strings(&["users", "enable", "carol@acme.io"])],
            ..case(Platform, &["-y", "users", "disable", "carol@acme.io"])
        }],
        Op::UsersEnable => vec![case(Platform, &["users", "enable", "carol@acme.io"])],
        Op::RolesList => vec![case(Platform, &["roles", "list"])],
        Op::RolesShow => vec![case(Platform, &["roles", "show", "viewer"])],
        Op::RolesCreate => vec![case(
            Platform,
            &["roles", "create", &format!("made-{n}"), "--level", "0"],
        )],
        Op::RolesDelete => vec![Case {
            before: vec![strings(&["roles", "create", "doomed", "--level", "0"])],
            ..case(Platform, &["-y", "roles", "delete", "doomed"])
        }],
        Op::RolesGrant => vec![case(Platform, &["roles", "grant", "matrix", "agents:read"])],
        Op::RolesRevoke => vec![case(
            Platform,
            &["roles", "revoke", "matrix", "agents:read"],
        )],
        Op::RolesAssign => per_org(&|org, user| {
            strings(&[
                "roles", "assign", "--user", user, "--org", org, "--role", "viewer",
            ])
        }),
        Op::RolesUnassign => {
            let mut out =
                per_org(&|org, user| strings(&["roles", "unassign", "--user", user, "--org", org]));
            for (c, (org, user)) in out
                .iter_mut()
                .zip([("acme", "carol@acme.io"), ("beta", "dave@beta.io")])
            {
                c.before = vec![strings(&[
                    "roles", "assign", "--user", user, "--org", org, "--role", "viewer",
                ])];
            }
            out
        }
        Op::PermissionsList => vec![case(Platform, &["permissions", "list"])],
        Op::PermissionsCheck => per_org(&|org, user| {
            strings(&[
                "permissions",
                "check",
                "--user",
                user,
                "--org",
                org,
                "agents:read",
            ])
        }),
        Op::KeysCreate => per_org(&|org, _| {
            strings(&["keys", "create", "--org", org, "--scope", "api-keys:create"])
        }),
        Op::KeysConfirm => by_id(&["keys", "confirm"], false),
        Op::KeysList => listing(&["keys", "list"]),
        Op::KeysShow => by_id(&["keys", "show"], false),
        // Revoke before rotate (the table's order): an allowed rotation then meets a revoked
        // key — a conflict, not a refusal.
        Op::KeysRevoke => by_id(&["keys", "revoke"], false),
        // With --yes (the command asks first), on a key made for the case.
        Op::KeysDelete => [(Acme, "acme"), (Beta, "beta")]
            .into_iter()
            .map(|(t, org)| Case {
                found: true,
                fresh_victim: Some(org),
                ..case(t, &["-y", "keys", "delete", "{victim}"])
            })
            .collect(),
        Op::KeysRotate => by_id(&["keys", "rotate"], false),
        Op::KeysVerify => by_id(&["keys", "verify"], true),
        Op::KeysWhoami => vec![case(Platform, &["keys", "whoami"])],
        Op::BackupRun => vec![case(Platform, &["backup", "run"])],
        Op::BackupList => vec![case(Platform, &["backup", "list"])],
        Op::BackupShow => vec![case(Platform, &["backup", "show", "20260101T000000Z-0000"])],
        Op::BackupVerify => vec![case(Platform, &["backup", "verify", "--latest"])],
        Op::BackupRestore => vec![case(Platform, &["backup", "restore", "--latest"])],
        Op::BackupPrune => vec![case(Platform, &["backup", "prune", "--older-than", "30d"])],
        Op::AuditQuery => listing(&["audit", "query"]),
        Op::AuditTail => listing(&["audit", "tail", "-n", "5"]),
        Op::AuditStats => listing(&["audit", "stats", "--by", "action"]),
        Op::AuditExport => listing(&["audit", "export", "--out", "-"]),
        Op::AuditPrune => vec![case(Platform, &["audit", "prune", "--older-than", "365d"])],
        Op::AuditSeal => vec![case(Platform, &["audit", "seal"])],
        Op::AuditVerify => vec![case(Platform, &["audit", "verify"])],
        Op::Health => vec![case(Platform, &["health", "--check", "db,migrations"])],
        Op::EmailTemplates => vec![case(Platform, &["email", "templates"])],
        Op::EmailPreview => vec![case(
            Platform,
            &["email", "preview", "--template", "welcome"],
        )],
        Op::EmailTest => vec![case(Platform, &["email", "test", "--to", "x@example.com"])],
    }
}

/// Whether the rules allow `caller` to run `op` on `target`.
fn allowed(caller: Caller, op: Op, target: Target) -> bool {
    let platform_op = op.reach() == Reach::Platform;
    let holds = |role: &str| catalogue::default_effective(role).contains(&op.permission());
    match caller {
        Caller::Operator | Caller::PlatformKey => true,
        // An organization's key: its own organization only, never the whole platform (a
        // listing without --org reads its own).
        Caller::AcmeKey | Caller::AcmeExactKey => !platform_op && target != Target::Beta,
        Caller::BetaKey => !platform_op && target != Target::Acme,
        // A user of acme alone: never the whole platform (beta is part of it); in acme, what
        // the role grants; a listing without --org reads acme.
        Caller::As(role) => !platform_op && target != Target::Beta && holds(role),
    }
}

/// A digest of what a denial must leave as it was (one query: one connection per case).
fn state(env: &TestEnv) -> String {
    let counts = [
        "SELECT COUNT(*) FROM audit_logs",
        "SELECT COUNT(*) FROM api_keys",
        "SELECT COUNT(revoked_at) FROM api_keys",
        "SELECT COUNT(*) FROM api_key_rotations",
        "SELECT COUNT(*) FROM api_key_deliveries",
        "SELECT COUNT(*) FROM platform_keys",
        "SELECT COUNT(*) FROM users",
        "SELECT COUNT(disabled_at) FROM users",
        "SELECT COUNT(*) FROM user_roles",
        "SELECT COUNT(*) FROM organizations",
        "SELECT COUNT(*) FROM roles",
        "SELECT COUNT(*) FROM role_permissions",
        "SELECT COUNT(*) FROM audit_seals",
    ]
    .iter()
    .map(|q| format!("CAST(({q}) AS TEXT)"))
    .collect::<Vec<_>>()
    .join(" || ',' || ");
    env.query_string(&format!("SELECT {counts}"))
}

struct Setup {
    env: TestEnv,
    server: Served,
    world: World,
    keys: Vec<(Caller, String)>,
    /// acme's keys with exactly one permission, by operation.
    exact: std::collections::HashMap<Op, String>,
    /// What beta's callers never show acme's, and acme's never beta's.
    beta_names: Vec<String>,
}

fn key(env: &TestEnv, args: &[&str]) -> (String, String) {
    let mut full = strings(&["keys", "create", "-o", "json"]);
    full.extend(strings(args));
    let full: Vec<&str> = full.iter().map(String::as_str).collect();
    let created = env.ok(&full).json();
    (
        created["id"].as_str().unwrap().to_string(),
        created["key"].as_str().unwrap().to_string(),
    )
}

fn with_scopes<'a>(args: &[&'a str], scopes: &'a [String]) -> Vec<&'a str> {
    let mut out = args.to_vec();
    for s in scopes {
        out.extend(["--scope", s.as_str()]);
    }
    out
}

fn setup(env: TestEnv) -> Setup {
    let backups = env.path("backups");
    let backups = backups.to_str().unwrap().to_string();
    env.ok(&["-q", "migrate", "run"]);
    for org in ["acme", "beta"] {
        env.ok(&["-q", "orgs", "create", org]);
    }
    for (user, org, role) in [
        ("owner@acme.io", "acme", "owner"),
        ("admin@acme.io", "acme", "admin"),
        ("editor@acme.io", "acme", "editor"),
        ("viewer@acme.io", "acme", "viewer"),
        ("carol@acme.io", "acme", "viewer"),
        ("owner@beta.io", "beta", "owner"),
        ("dave@beta.io", "beta", "viewer"),
    ] {
        env.ok(&["-q", "users", "create", user]);
        env.ok(&[
            "-q", "roles", "assign", "--user", user, "--org", org, "--role", role,
        ]);
    }
    env.ok(&["-q", "roles", "create", "matrix", "--level", "0"]);
    let everything = env.permissions();
    let all = |args: &[&str]| key(&env, &with_scopes(args, &everything));
    let world = World {
        acme_victim: key(
            &env,
            &[
                "--org",
                "acme",
                "--name",
                "victim",
                "--scope",
                "agents:read",
            ],
        ),
        beta_victim: key(
            &env,
            &[
                "--org",
                "beta",
                "--name",
                "victim",
                "--scope",
                "agents:read",
            ],
        ),
    };
    let keys = vec![
        (
            Caller::PlatformKey,
            all(&["--platform", "--name", "platform"]).1,
        ),
        (
            Caller::AcmeKey,
            all(&["--org", "acme", "--name", "acme-all"]).1,
        ),
        (
            Caller::BetaKey,
            all(&["--org", "beta", "--name", "beta-all"]).1,
        ),
    ];
    let mut exact = std::collections::HashMap::new();
    for op in Op::ALL {
        let scopes = vec![op.permission().to_string()];
        let made = key(
            &env,
            &with_scopes(&["--org", "acme", "--name", "exact"], &scopes),
        );
        exact.insert(*op, made.1);
    }
    let beta_names = vec![
        "owner@beta.io".to_string(),
        "dave@beta.io".to_string(),
        world.beta_victim.1[..12].to_string(),
    ];
    let server = Served::start(
        &env,
        &[
            ("BACKUP_DIR", backups.as_str()),
            ("RATE_LIMIT_MAX", "1000000"),
            ("RATE_LIMIT_AUTH_FAILURES", "1000000"),
        ],
    );
    Setup {
        env,
        server,
        world,
        keys,
        exact,
        beta_names,
    }
}

impl Setup {
    fn run(&self, caller: Caller, op: Op, args: &[String], stdin: Option<&str>) -> Run {
        let backups = self.env.path("backups");
        let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
        args.extend(["-o", "json"]);
        let mut cmd = match caller {
            Caller::Operator | Caller::As(_) => {
                let mut cmd = self.env.cmd();
                if let Caller::As(role) = caller {
                    cmd.args(["--as", &format!("{}@acme.io", role.to_lowercase())]);
                }
                cmd
            }
            _ => {
                let key = match caller {
                    Caller::AcmeExactKey => &self.exact[&op],
                    other => {
                        &self
                            .keys
                            .iter()
                            .find(|(c, _)| *c == other)
                            .expect("a key for every key caller")
                            .1
                    }
                };
                let mut cmd = self.env.bare();
                cmd.env("PLATCTL_API_KEY", key)
                    .args(["--server", self.server.url.as_str()]);
                cmd
            }
        };
        cmd.env("BACKUP_DIR", &backups).args(&args);
        if let Some(input) = stdin {
            cmd.write_stdin(input.to_string());
        }
        Run::from(cmd.output().unwrap())
    }

    fn operator(&self, args: &[String]) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        // Putting a victim back may find it in place already: either is fine.
        self.env.run(&args);
    }
}

/// A refusal: exit 77 (the predicates `permissions check` and `keys verify` exit 2 on any
/// error, like grep, and `health` 3, like a Nagios plugin: with the refusal's message), or —
/// for an object found by id — not there (a key the caller may not see verifies as
/// NOT_FOUND).
fn refused(run: &Run, op: Op, c: &Case) -> bool {
    let code = match op {
        Op::PermissionsCheck | Op::KeysVerify => 2,
        Op::Health => 3,
        _ => 77,
    };
    if run.code == code && (code == 77 || run.stderr.contains("` is needed;")) {
        return true;
    }
    c.found
        && (run.stderr.contains("there is no API key")
            || (c.args[..2] == ["keys", "verify"] && run.stdout.contains("\"NOT_FOUND\"")))
}

/// The case with the victim's id (or key) replaced by one that does not exist.
fn as_missing(c: &Case) -> (Vec<String>, Option<String>) {
    let missing_id = "00000000-0000-4000-8000-000000000000".to_string();
    let mut args = c.args.clone();
    if c.stdin.is_none()
        && let Some(last) = args.last_mut()
    {
        *last = missing_id;
    }
    let stdin = c
        .stdin
        .as_ref()
        .map(|_| "sk_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA".to_string());
    (args, stdin)
}

fn matrix(env: TestEnv) {
    let s = setup(env);
    // Ops the admin API has no route for are the command line's only (a restore replaces
    // the database the server serves): keys cannot reach them at all.
    let routed: Vec<Op> = platctl::serve::routes::ROUTES
        .iter()
        .filter_map(|r| r.op)
        .collect();
    let mut failures = Vec::new();
    let mut counted = (0, 0);
    let mut n = 0;
    for op in Op::ALL {
        for caller in CALLERS {
            let over_http = !matches!(caller, Caller::Operator | Caller::As(_));
            if over_http && !routed.contains(op) {
                continue;
            }
            for mut c in cases(*op, &s.world, n) {
                n += 1;
                if let Some(org) = c.fresh_victim {
                    let (id, _) = key(&s.env, &["--org", org, "--scope", "agents:read"]);
                    for a in &mut c.args {
                        *a = a.replace("{victim}", &id);
                    }
                }
                for before in &c.before {
                    s.operator(before);
                }
                let expect = allowed(caller, *op, c.target);
                let before = state(&s.env);
                let run = s.run(caller, *op, &c.args, c.stdin.as_deref());
                let was_refused = refused(&run, *op, &c);
                let what = format!("{caller:?} {op:?} on {:?}: {:?}", c.target, c.args);
                if was_refused == expect {
                    failures.push(format!(
                        "{what}: expected {}, got\n{run}",
                        if expect { "allowed" } else { "refused" }
                    ));
                    continue;
                }
                if expect {
                    counted.0 += 1;
                    // What an acme caller reads of the whole platform holds nothing of beta's.
                    let limited = matches!(
                        caller,
                        Caller::AcmeKey | Caller::AcmeExactKey | Caller::As(_)
                    );
                    if limited && c.target == Target::Platform {
                        for name in &s.beta_names {
                            if run.all_output().contains(name.as_str()) {
                                failures.push(format!("{what}: shows beta's {name}:\n{run}"));
                            }
                        }
                    }
                    continue;
                }
                counted.1 += 1;
                if state(&s.env) != before {
                    failures.push(format!("{what}: refused, but something changed:\n{run}"));
                }
                // Nothing of the other organization the caller did not name itself.
                for name in &s.beta_names {
                    if run.all_output().contains(name.as_str())
                        && !c.args.iter().any(|a| a.contains(name.as_str()))
                        && caller != Caller::BetaKey
                    {
                        failures.push(format!("{what}: the refusal names {name}:\n{run}"));
                    }
                }
                if c.found && !run.stderr.contains("` is needed;") {
                    // Indistinguishable from a missing object: the same exit and message.
                    let (args, stdin) = as_missing(&c);
                    let missing = s.run(caller, *op, &args, stdin.as_deref());
                    let id = c.args.last().map(String::as_str).unwrap_or("");
                    let mask = |text: &str, id: &str| text.replace(id, "<id>");
                    let shown =
                        |r: &Run, id: &str| (r.code, mask(&r.stderr, id), mask(&r.stdout, id));
                    let missing_id = args.last().map(String::as_str).unwrap_or("");
                    if shown(&run, id) != shown(&missing, missing_id) {
                        failures.push(format!(
                            "{what}: another organization's key reads unlike a missing one:\n{run}\n--- missing:\n{missing}"
                        ));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of the matrix's cases went wrong:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    // It did decide both ways, many times.
    assert!(counted.0 > 100 && counted.1 > 100, "{counted:?}");
}

each_backend!(
    every_operation_by_every_caller_where_it_may_and_only_there,
    |env| { matrix(env) }
);
