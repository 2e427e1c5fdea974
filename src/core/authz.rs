//! Authorization, once for every operation: the permission each needs and where it applies
//! come from [`crate::proto::ops`], and this module decides — before anything the operation
//! names is looked up — whether the actor may run it, and what it may see while it runs
//! ([`View`]). The refusal is one error kind,
//! [`ErrorKind::Forbidden`](crate::error::ErrorKind::Forbidden) (exit code 77).
//!
//! No oracle: a refusal names only what the actor already knows (its own organizations and
//! role), an organization it holds nothing in is refused alike whether it exists or not, and
//! look-ups through a [`View`] find nothing — and suggest nothing — outside it, so another
//! organization's object reads as a missing one.

use uuid::Uuid;

use super::audit::Actor;
use super::memory::{Heard, Held};
use super::orgs::OrgRef;
use super::{catalogue, orgs, permissions, roles, users};
use crate::db::{Sql, Tx};
use crate::error::{Error, Result};
use crate::proto::ops::{Op, Reach};
use crate::proto::permission::Permission;

/// What an operation names of where it applies.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    /// Nothing: the whole platform (an operation of [`Reach::Platform`], or a listing
    /// without `--org`).
    Platform,
    /// One organization, by slug.
    Org(&'a str),
    /// The organization the operation picks when none is named (key creation): an
    /// organization key's own, the only one a user holds a role in, else the only one there is.
    Default,
    /// Objects the operation finds by look-ups through the [`View`] (keys by id).
    Found,
}

impl<'a> Target<'a> {
    /// `--org` when given, else the whole platform.
    pub fn named(org: Option<&'a str>) -> Target<'a> {
        org.map_or(Target::Platform, Target::Org)
    }

    /// `--org` when given, else the organization the operation picks.
    pub fn or_default(org: Option<&'a str>) -> Target<'a> {
        org.map_or(Target::Default, Target::Org)
    }
}

/// An API key acting: what it may do.
#[derive(Debug, Clone)]
pub struct KeyGrant {
    /// Its organization; none for a platform key.
    pub organization: Option<OrgRef>,
    pub prefix: String,
    pub scopes: Vec<String>,
}

/// What an authorized operation may see of the platform.
#[derive(Debug, Clone)]
pub enum View {
    /// Everything: the operator, a platform key, a user holding the permission everywhere.
    All,
    /// The objects of these organizations only (never a platform key, never an entry of the
    /// platform's own).
    Orgs(Vec<OrgRef>),
}

impl View {
    /// Whether it sees the organization.
    pub fn sees(&self, org: Uuid) -> bool {
        match self {
            View::All => true,
            View::Orgs(orgs) => orgs.iter().any(|o| o.id == org),
        }
    }

    /// The organizations it is limited to, if it is.
    pub fn orgs(&self) -> Option<&[OrgRef]> {
        match self {
            View::All => None,
            View::Orgs(orgs) => Some(orgs),
        }
    }

    /// ` AND column IN (…)` when limited (a column that is NULL — a platform key, a platform
    /// entry — is never in it).
    pub fn restrict(&self, sql: &mut Sql, column: &str) {
        let View::Orgs(orgs) = self else {
            return;
        };
        if orgs.is_empty() {
            sql.push_str(" AND 1 = 0");
            return;
        }
        sql.push_str(&format!(" AND {column} IN ("));
        for (i, org) in orgs.iter().enumerate() {
            if i > 0 {
                sql.push_str(", ");
            }
            sql.push_bind(org.id);
        }
        sql.push_str(")");
    }
}

/// What an authorization decided.
#[derive(Debug, Clone)]
pub struct Authorized {
    /// What the operation may see while it looks things up.
    pub view: View,
    /// The organization it applies to, when it names one or picks one ([`Target::Org`],
    /// [`Target::Default`]).
    pub org: Option<OrgRef>,
}

/// Who is acting, as authorization tells them apart.
enum Who<'a> {
    Operator,
    PlatformKey(&'a KeyGrant),
    OrgKey(&'a KeyGrant, &'a OrgRef),
    User(Uuid),
}

fn who(actor: &Actor) -> Who<'_> {
    match (&actor.key, actor.user_id) {
        (Some(key), _) => match &key.organization {
            Some(org) => Who::OrgKey(key, org),
            None => Who::PlatformKey(key),
        },
        (None, Some(user)) => Who::User(user),
        (None, None) => Who::Operator,
    }
}

/// Check that `actor` may run `op` on `target`, inside the operation's transaction, before
/// the operation looks anything up.
pub(super) async fn authorize(
    tx: &mut Tx<'_>,
    heard: &Heard,
    actor: &Actor,
    op: Op,
    target: Target<'_>,
) -> Result<Authorized> {
    let needed = op.permission();
    // An operation on the whole platform names no organization, whatever it was given.
    let target = if op.reach() == Reach::Platform {
        Target::Platform
    } else {
        target
    };
    match who(actor) {
        Who::Operator => unlimited(tx, target).await,
        Who::PlatformKey(key) => {
            in_scopes(key, needed, None)?;
            unlimited(tx, target).await
        }
        Who::OrgKey(key, own) => {
            in_scopes(key, needed, Some(own))?;
            if op.reach() == Reach::Platform {
                return Err(forbidden(
                    needed,
                    format!(
                        "the API key {}... belongs to the organization {}, and `{}` applies to \
                         the whole platform",
                        key.prefix,
                        own.slug,
                        op.command()
                    ),
                )
                .with_hint(format!(
                    "an organization's key never acts on the whole platform, whatever its \
                     scopes; the operator can make a platform key for it: `platctl keys create \
                     --platform --scope {needed}`"
                )));
            }
            if let Target::Org(slug) = target
                && slug != own.slug
            {
                // Refused alike whether `slug` exists or not: nothing looked up.
                return Err(forbidden(
                    needed,
                    format!(
                        "the API key {}... acts only in its organization, {}",
                        key.prefix, own.slug
                    ),
                )
                .with_hint(format!(
                    "use a key of the organization you name, or leave it out (the key's own, {}, \
                     is the default)",
                    own.slug
                )));
            }
            if let Some(creator) = actor.user_id {
                // A key never holds more than its creator: they must still hold it there.
                let (user, held) = held(tx, heard, creator, own.id).await?;
                if !holds(&held, needed) {
                    let holds = match roles::role_of(tx, user.id, own.id).await? {
                        Some(role) => format!("{} is {} in {}", user.email, role.name, own.slug),
                        None => format!("{} holds no role in {}", user.email, own.slug),
                    };
                    return Err(forbidden(
                        needed,
                        format!(
                            "the API key {}... acts for its creator, and {holds}",
                            key.prefix
                        ),
                    )
                    .with_hint(grant_hint(needed, &user.email, &own.slug)));
                }
            }
            let org = match target {
                Target::Org(_) | Target::Default => Some(own.clone()),
                Target::Platform | Target::Found => None,
            };
            Ok(Authorized {
                view: View::Orgs(vec![own.clone()]),
                org,
            })
        }
        Who::User(user_id) => as_user(tx, heard, user_id, op, target).await,
    }
}

/// The operator or a platform key: everything, and the organization named (looked up, with
/// suggestions from every organization) or picked.
async fn unlimited(tx: &mut Tx<'_>, target: Target<'_>) -> Result<Authorized> {
    let org = match target {
        Target::Org(slug) => Some(orgs::org_by_slug(tx, slug).await?),
        Target::Default => Some(orgs::resolve_org(tx, None).await?),
        Target::Platform | Target::Found => None,
    };
    Ok(Authorized {
        view: View::All,
        org,
    })
}

/// A key's scopes must include the permission.
fn in_scopes(key: &KeyGrant, needed: Permission, own: Option<&OrgRef>) -> Result<()> {
    if key.scopes.iter().any(|s| *s == needed.to_string()) {
        return Ok(());
    }
    let make = match own {
        Some(org) => format!("platctl keys create --org {} --scope {needed}", org.slug),
        None => format!("platctl keys create --platform --scope {needed}"),
    };
    Err(forbidden(
        needed,
        format!(
            "the API key {}... does not have it in its scopes",
            key.prefix
        ),
    )
    .with_hint(format!("use a key with that scope (`{make}`)")))
}

/// A platform user (`--as`): the permission where the operation applies, which for the
/// whole platform means in every organization.
async fn as_user(
    tx: &mut Tx<'_>,
    heard: &Heard,
    user_id: Uuid,
    op: Op,
    target: Target<'_>,
) -> Result<Authorized> {
    let needed = op.permission();
    let user = users::user_by_id(tx, user_id).await?;
    // Their organizations, and where they hold the permission: all they may see.
    let mine = memberships(tx, user_id).await?;
    let mut granted = Vec::new();
    for org in &mine {
        if holds(&held(tx, heard, user_id, org.id).await?.1, needed) {
            granted.push(org.clone());
        }
    }
    let everywhere = !granted.is_empty() && granted.len() as i64 == organization_count(tx).await?;
    let only_in = || match granted.as_slice() {
        [] => format!("{} holds it in no organization", user.email),
        some => format!(
            "{} holds it only in {}",
            user.email,
            some.iter()
                .map(|o| o.slug.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    match target {
        Target::Platform if op.reach() == Reach::Platform || granted.is_empty() => {
            if everywhere {
                return Ok(Authorized {
                    view: View::All,
                    org: None,
                });
            }
            let reason = if mine.is_empty() {
                format!("{} holds no role in any organization", user.email)
            } else {
                format!("it applies to every organization, and {}", only_in())
            };
            let org = granted.first().or(mine.first()).map_or("SLUG", |o| &o.slug);
            Err(forbidden(needed, reason).with_hint(grant_hint(needed, &user.email, org)))
        }
        // A listing without --org: what they may read, which is everything only when they
        // hold it everywhere (platform keys and the platform's own entries included).
        Target::Platform => Ok(Authorized {
            view: if everywhere {
                View::All
            } else {
                View::Orgs(granted)
            },
            org: None,
        }),
        Target::Found => {
            if granted.is_empty() {
                return Err(forbidden(needed, only_in()).with_hint(grant_hint(
                    needed,
                    &user.email,
                    mine.first().map_or("SLUG", |o| &o.slug),
                )));
            }
            Ok(Authorized {
                view: if everywhere {
                    View::All
                } else {
                    View::Orgs(granted)
                },
                org: None,
            })
        }
        Target::Org(_) | Target::Default => {
            let org = match target {
                Target::Org(slug) => mine.iter().find(|o| o.slug == slug).cloned(),
                _ => match mine.as_slice() {
                    [only] => Some(only.clone()),
                    [] => None,
                    several => {
                        return Err(Error::usage("which organization? there is more than one")
                            .with_hint(format!(
                                "pass --org SLUG (one of {})",
                                several
                                    .iter()
                                    .map(|o| o.slug.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            )));
                    }
                },
            };
            let Some(org) = org else {
                // Refused alike whether the organization exists or not.
                let slug = match target {
                    Target::Org(slug) => slug,
                    _ => "any organization",
                };
                return Err(
                    forbidden(needed, format!("{} holds no role in {slug}", user.email))
                        .with_hint(grant_hint(needed, &user.email, "SLUG")),
                );
            };
            if !granted.iter().any(|o| o.id == org.id) {
                let holds = match roles::role_of(tx, user.id, org.id).await? {
                    Some(role) => format!("{} is {} in {}", user.email, role.name, org.slug),
                    None => format!("{} holds no role in {}", user.email, org.slug),
                };
                return Err(forbidden(needed, holds).with_hint(grant_hint(
                    needed,
                    &user.email,
                    &org.slug,
                )));
            }
            Ok(Authorized {
                view: View::Orgs(vec![org.clone()]),
                org: Some(org),
            })
        }
    }
}

/// The organizations a user holds a role in, by slug.
async fn memberships(tx: &mut Tx<'_>, user_id: Uuid) -> Result<Vec<OrgRef>> {
    tx.fetch_all(
        Sql::new(
            "SELECT o.id, o.slug FROM user_roles ur \
             JOIN organizations o ON o.id = ur.organization_id \
             WHERE ur.user_id = $1 ORDER BY o.slug",
        )
        .bind(user_id),
    )
    .await?
    .iter()
    .map(|row| {
        Ok(OrgRef {
            id: row.uuid("id")?,
            slug: row.text("slug")?,
        })
    })
    .collect()
}

async fn organization_count(tx: &mut Tx<'_>) -> Result<i64> {
    tx.fetch_one(Sql::new("SELECT COUNT(*) AS n FROM organizations"))
        .await?
        .int("n")
}

fn holds(held: &std::collections::BTreeSet<(String, String)>, needed: Permission) -> bool {
    held.contains(&(needed.resource.to_string(), needed.action.to_string()))
}

/// How high `actor` reaches in the role hierarchy in `org` — nobody grants a role above
/// their own or changes someone above them. The operator, a platform key and a key the
/// operator made for an organization are not bounded by a role; a user, and a key a user made,
/// by the user's role there. For the whole platform (`org` none: the role catalogue), by a
/// user's lowest role of all.
pub(super) async fn ceiling(tx: &mut Tx<'_>, actor: &Actor, org: Option<Uuid>) -> Result<Ceiling> {
    let Some(user_id) = actor.user_id else {
        return Ok(Ceiling::None);
    };
    let user = users::user_by_id(tx, user_id).await?;
    let mut sql = Sql::new(
        "SELECT r.id, r.name, r.level, o.slug FROM user_roles ur \
         JOIN roles r ON r.id = ur.role_id \
         JOIN organizations o ON o.id = ur.organization_id WHERE ur.user_id = ",
    );
    sql.push_bind(user_id);
    if let Some(org) = org {
        sql.push_str(" AND ur.organization_id = ");
        sql.push_bind(org);
    }
    sql.push_str(" ORDER BY r.level, o.slug LIMIT 1");
    let held = match tx.fetch_optional(sql).await? {
        Some(row) => Some(Bound {
            role_id: row.uuid("id")?,
            role: row.text("name")?,
            level: i64::from(row.get::<i32>("level")?),
            org: row.text("slug")?,
        }),
        None => None,
    };
    Ok(Ceiling::Role {
        user: user.email,
        held,
    })
}

/// How high an actor reaches in the role hierarchy.
#[derive(Debug, Clone)]
pub enum Ceiling {
    /// Not bounded by a role.
    None,
    /// Bounded by `user`'s role (none: no role at all).
    Role { user: String, held: Option<Bound> },
}

/// The role that bounds an actor.
#[derive(Debug, Clone)]
pub struct Bound {
    pub role_id: Uuid,
    pub role: String,
    pub level: i64,
    pub org: String,
}

impl Ceiling {
    /// Refuse when `role` (of `level`) is above the actor's own: `what` is what they would
    /// do to it ("cannot grant").
    pub fn allows(&self, what: &str, role: &str, level: i64) -> Result<()> {
        let Ceiling::Role { user, held } = self else {
            return Ok(());
        };
        let (max, own) = match held {
            Some(b) => (
                b.level,
                format!("{} (level {}) in {}", b.role, b.level, b.org),
            ),
            None => (0, "none".to_string()),
        };
        if level <= max {
            return Ok(());
        }
        Err(Error::forbidden(format!(
            "forbidden: {user} {what} {role} (level {level}), above their own role, {own}"
        ))
        .with_hint(
            "nobody grants a role above their own or changes someone above them; the operator \
             (without --as), a platform key or a higher role can",
        ))
    }

    /// Refuse to hand out permissions the actor does not hold itself.
    pub async fn holds(&self, tx: &mut Tx<'_>, permissions: &[Permission]) -> Result<()> {
        let Ceiling::Role { user, held } = self else {
            return Ok(());
        };
        let have = match held {
            Some(b) => roles::effective(tx, b.role_id).await?,
            None => Default::default(),
        };
        let missing: Vec<String> = permissions
            .iter()
            .filter(|p| !have.contains_key(&(p.resource.to_string(), p.action.to_string())))
            .map(|p| p.to_string())
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        Err(Error::forbidden(format!(
            "forbidden: {user} cannot grant {}, which their own role does not hold",
            missing.join(", ")
        ))
        .with_hint("nobody hands out more than they hold; the operator (without --as) can"))
    }
}

/// What the user holds in `org`: remembered ([`Heard`]), or read and remembered.
async fn held(tx: &mut Tx<'_>, heard: &Heard, user_id: Uuid, org: Uuid) -> Result<Held> {
    if let Some(held) = heard.held(user_id, org) {
        return Ok(held);
    }
    let generation = heard.generation();
    let user = users::user_by_id(tx, user_id).await?;
    let permissions = permissions::user_permissions(tx, &user, org).await?;
    let held = (user, std::sync::Arc::new(permissions));
    if let Some((generation, _)) = generation {
        heard.keep_held(org, generation, &held);
    }
    Ok(held)
}

fn forbidden(needed: Permission, reason: String) -> Error {
    Error::forbidden(format!("forbidden: `{needed}` is needed; {reason}"))
}

/// What the operator can run so that `user` holds `needed` in `org`: a role that grants it.
fn grant_hint(needed: Permission, user: &str, org: &str) -> String {
    let lowest = catalogue::SYSTEM_ROLES
        .iter()
        .rev()
        .find(|r| catalogue::default_effective(r.name).contains(&needed))
        .map_or("ROLE", |r| r.name);
    format!(
        "the operator (without --as) can give them a role that grants it, e.g. \
         `platctl roles assign --user {user} --org {org} --role {lowest}`, or grant it to \
         their role (`platctl roles grant ROLE {needed}`)"
    )
}
