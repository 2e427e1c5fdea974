//! Authorization, once for every operation: the permission each needs comes from
//! [`crate::proto::ops`], and this module decides whether the actor holds it where the
//! operation applies. The rules are written there; the refusal is one error kind,
//! [`ErrorKind::Forbidden`](crate::error::ErrorKind::Forbidden) (exit code 77).

use uuid::Uuid;

use super::audit::Actor;
use super::memory::{Heard, Held};
use super::{catalogue, orgs, permissions, roles, users};
use crate::db::{Sql, Tx};
use crate::error::{Error, Result};
use crate::proto::ops::Op;
use crate::proto::permission::Permission;

/// Where an operation applies.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    /// The whole platform: the permission is needed in every organization.
    Platform,
    /// One organization, by slug.
    Org(&'a str),
    /// One organization by slug when given, else the one the operation would pick (the only
    /// organization, or `default`), as key creation does.
    OrgOrDefault(Option<&'a str>),
    /// Organization `--org` when given, else the whole platform (listings).
    OrgOrPlatform(Option<&'a str>),
    /// The organization of an API key (by id, id prefix or display prefix).
    KeyOf(&'a str),
}

/// An API key acting: what it may do besides what its creator holds.
#[derive(Debug, Clone)]
pub struct KeyGrant {
    pub organization_id: Uuid,
    pub organization: String,
    pub prefix: String,
    pub scopes: Vec<String>,
}

/// Check that `actor` may run `op` on `scope`, inside the operation's transaction.
pub(super) async fn authorize(
    tx: &mut Tx<'_>,
    heard: &Heard,
    actor: &Actor,
    op: Op,
    scope: Scope<'_>,
) -> Result<()> {
    let needed = op.permission();
    if actor.user_id.is_none() && actor.key.is_none() {
        // The operator, with the database itself, is not limited by a role.
        return Ok(());
    }
    let orgs = match (&actor.key, scope) {
        // A key in its own organization: known from the key, nothing to look up.
        (
            Some(key),
            Scope::Org(slug) | Scope::OrgOrPlatform(Some(slug)) | Scope::OrgOrDefault(Some(slug)),
        ) if slug == key.organization => vec![orgs::OrgRef {
            id: key.organization_id,
            slug: key.organization.clone(),
        }],
        _ => organizations(tx, scope).await?,
    };
    if let Some(key) = &actor.key {
        let granted = key.scopes.iter().any(|s| *s == needed.to_string());
        if !granted {
            return Err(forbidden(
                needed,
                format!(
                    "the API key {}... does not have it in its scopes",
                    key.prefix
                ),
            )
            .with_hint(format!(
                "use a key with that scope (`platctl keys create --org {} --scope {needed}`)",
                key.organization
            )));
        }
        // A key acts in its organization. An operation on the whole platform (migrations,
        // backups) is the exception: its scope grants it, and its creator must hold it in
        // every organization (below), as they would to run it themselves.
        let platform = matches!(scope, Scope::Platform);
        if let Some(other) = orgs
            .iter()
            .find(|o| o.id != key.organization_id && !platform)
        {
            return Err(forbidden(
                needed,
                format!(
                    "the API key {}... belongs to {}, not {}",
                    key.prefix, key.organization, other.slug
                ),
            )
            .with_hint(format!("use a key of {}", other.slug)));
        }
    }
    let Some(user_id) = actor.user_id else {
        // A key the operator created holds what its scopes say.
        return Ok(());
    };
    if orgs.is_empty() {
        let user = users::user_by_id(tx, user_id).await?;
        return Err(forbidden(
            needed,
            format!("{} holds no role in any organization", user.email),
        )
        .with_hint(grant_hint(needed, &user.email, "SLUG")));
    }
    let wanted = (needed.resource.to_string(), needed.action.to_string());
    for org in &orgs {
        let (user, held) = held(tx, heard, user_id, org.id).await?;
        if !held.contains(&wanted) {
            let role = roles::role_of(tx, user.id, org.id).await?;
            let holds = match role {
                Some(role) => format!("{} is {} in {}", user.email, role.name, org.slug),
                None => format!("{} holds no role in {}", user.email, org.slug),
            };
            let reason = match scope {
                Scope::Platform | Scope::OrgOrPlatform(None) => {
                    format!("it applies to every organization, and {holds}")
                }
                _ => holds,
            };
            return Err(forbidden(needed, reason).with_hint(grant_hint(
                needed,
                &user.email,
                &org.slug,
            )));
        }
    }
    Ok(())
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

/// The organizations an operation on `scope` touches.
async fn organizations(tx: &mut Tx<'_>, scope: Scope<'_>) -> Result<Vec<orgs::OrgRef>> {
    match scope {
        Scope::Org(slug) | Scope::OrgOrPlatform(Some(slug)) | Scope::OrgOrDefault(Some(slug)) => {
            Ok(vec![orgs::org_by_slug(tx, slug).await?])
        }
        Scope::OrgOrDefault(None) => Ok(vec![orgs::resolve_org(tx, None).await?]),
        Scope::Platform | Scope::OrgOrPlatform(None) => {
            let rows = tx
                .fetch_all(Sql::new("SELECT id, slug FROM organizations ORDER BY slug"))
                .await?;
            rows.iter()
                .map(|row| {
                    Ok(orgs::OrgRef {
                        id: row.uuid("id")?,
                        slug: row.text("slug")?,
                    })
                })
                .collect()
        }
        Scope::KeyOf(id) => Ok(vec![super::keys::organization_of(tx, id).await?]),
    }
}
