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

use super::actor::{Actor, Authorized, KeyGrant, OrgRef, View};
use super::memory::{Heard, Held};
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
