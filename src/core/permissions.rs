//! Permissions: the catalogue as the database holds it, what a user holds in an organization,
//! and the check `permissions check` answers.

use std::collections::{BTreeMap, BTreeSet};

use uuid::Uuid;

use super::actor::{OrgRef, View};
use super::catalogue::{self};
use super::roles::{catalogue_rank, effective, role_of};
use super::users;
use crate::db::{Sql, Tx};
use crate::error::{Error, ErrorKind, Result};
use crate::proto::*;
use crate::text::quote;

pub async fn list_permissions(
    tx: &mut Tx<'_>,
    resource: Option<&str>,
) -> Result<Vec<PermissionInfo>> {
    if let Some(r) = resource
        && !catalogue::RESOURCES.contains(&r)
    {
        return Err(Error::usage(format!("unknown resource {}", quote(r)))
            .with_hint(crate::error::suggestion(r, catalogue::RESOURCES)));
    }
    let rows = tx
        .fetch_all(Sql::new("SELECT resource, action FROM permissions"))
        .await?;
    let holders = tx
        .fetch_all(Sql::new(
            "SELECT DISTINCT p.resource, p.action, r.name, r.level \
             FROM role_effective_permissions e \
             JOIN roles r ON r.id = e.role_id \
             JOIN permissions p ON p.id = e.permission_id",
        ))
        .await?;
    let mut roles: BTreeMap<(String, String), Vec<(i64, String)>> = BTreeMap::new();
    for row in holders {
        roles
            .entry((row.text("resource")?, row.text("action")?))
            .or_default()
            .push((i64::from(row.get::<i32>("level")?), row.text("name")?));
    }
    let mut out = Vec::new();
    for row in rows {
        let (resource_name, action) = (row.text("resource")?, row.text("action")?);
        if resource.is_some_and(|r| r != resource_name) {
            continue;
        }
        let mut holders = roles
            .remove(&(resource_name.clone(), action.clone()))
            .unwrap_or_default();
        holders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        out.push(PermissionInfo {
            permission: format!("{resource_name}:{action}"),
            resource: resource_name,
            action,
            roles: holders.into_iter().map(|(_, n)| n).collect(),
        });
    }
    out.sort_by_key(|p| catalogue_rank(&p.resource, &p.action));
    Ok(out)
}

/// The permissions a user holds in an organization (none when disabled or without a role).
pub async fn user_permissions(
    tx: &mut Tx<'_>,
    user: &users::UserRef,
    org: Uuid,
) -> Result<BTreeSet<(String, String)>> {
    if user.disabled_at.is_some() {
        return Ok(BTreeSet::new());
    }
    match role_of(tx, user.id, org).await? {
        Some(role) => Ok(effective(tx, role.id).await?.into_keys().collect()),
        None => Ok(BTreeSet::new()),
    }
}

/// Whether `req.user` holds the permission in the organization (authorized for it: `org`).
pub async fn check(
    tx: &mut Tx<'_>,
    view: &View,
    org: &OrgRef,
    req: &CheckPermission,
) -> Result<PermissionCheck> {
    let perms = catalogue::parse(&req.permission)?;
    let [p] = perms.as_slice() else {
        return Err(Error::usage(format!(
            "`{}` names {} permissions; check one at a time",
            req.permission,
            perms.len()
        )));
    };
    let user = users::user_in(tx, view, &req.user).await?;
    let mut out = PermissionCheck {
        allowed: false,
        user: user.email.clone(),
        organization: org.slug.clone(),
        permission: p.to_string(),
        role: None,
        granted_via: None,
        inherited: false,
        reason: String::new(),
    };
    if let Some(at) = user.disabled_at {
        out.reason = format!(
            "{} is disabled (since {})",
            user.email,
            at.format("%Y-%m-%d")
        );
        return Ok(out);
    }
    let Some(role) = role_of(tx, user.id, org.id).await? else {
        out.reason = format!("{} holds no role in {}", user.email, org.slug);
        return Ok(out);
    };
    out.role = Some(role.name.clone());
    let held = effective(tx, role.id).await?;
    match held.get(&(p.resource.to_string(), p.action.to_string())) {
        Some(h) => {
            out.allowed = true;
            out.inherited = !h.direct;
            out.granted_via = Some(h.via.clone());
            out.reason = if h.direct {
                format!("role {} grants it (direct)", role.name)
            } else {
                format!("role {} inherits it from {}", role.name, h.via)
            };
        }
        None => {
            out.reason = format!("role {} does not hold it", role.name);
        }
    }
    Ok(out)
}

/// A refusal for scopes beyond what a user holds.
pub fn exceeds(user: &str, org: &str, missing: &[String]) -> Error {
    Error::new(
        ErrorKind::Refused,
        format!(
            "{user} cannot hand out {} in {org}: a key never holds more than its creator",
            missing.join(", ")
        ),
    )
    .with_hint(format!(
        "`platctl permissions check --user {user} --org {org} PERM` shows what they hold"
    ))
}
