//! Roles, their grants, and who holds which role where.
//!
//! Grants are stored direct (`role_permissions`); what a role holds, inheritance included, is
//! read from the view `role_effective_permissions`, which encodes the hierarchy rule once: a
//! system role holds every grant of the system roles below its level.

use std::collections::BTreeMap;

use uuid::Uuid;

use super::actor::{Actor, Authorized, OrgRef};
use super::audit::{self, AuditEntry};
use super::catalogue::{self, Permission};
use super::lookup::{names, not_found};
use super::{roles, users};
use crate::db::{Sql, Tx};
use crate::error::{Error, Result};
use crate::proto::*;

pub struct RoleRef {
    pub id: Uuid,
    pub name: String,
    pub level: i64,
    pub is_system: bool,
}

pub async fn role_by_name(tx: &mut Tx<'_>, name: &str) -> Result<RoleRef> {
    let row = tx
        .fetch_optional(
            Sql::new("SELECT id, name, level, is_system FROM roles WHERE lower(name) = lower($1)")
                .bind(name),
        )
        .await?;
    match row {
        Some(row) => Ok(RoleRef {
            id: row.uuid("id")?,
            name: row.text("name")?,
            level: row.get::<i32>("level").map(i64::from)?,
            is_system: row.bool("is_system")?,
        }),
        None => {
            let existing = names(tx, "SELECT name FROM roles ORDER BY level DESC, name").await?;
            Err(not_found(
                "role",
                name,
                &existing,
                "create one with `platctl roles create NAME --level N`",
            ))
        }
    }
}

/// How a role holds a permission.
#[derive(Debug, Clone)]
pub struct Holding {
    pub via: String,
    pub via_level: i64,
    pub direct: bool,
}

/// Everything a role holds, keyed by (resource, action).
pub async fn effective(
    tx: &mut Tx<'_>,
    role_id: Uuid,
) -> Result<BTreeMap<(String, String), Holding>> {
    let rows = tx
        .fetch_all(
            Sql::new(
                "SELECT p.resource, p.action, src.name AS via, src.level AS via_level, \
                 (src.id = e.role_id) AS direct \
                 FROM role_effective_permissions e \
                 JOIN roles src ON src.id = e.granted_via_role_id \
                 JOIN permissions p ON p.id = e.permission_id \
                 WHERE e.role_id = $1",
            )
            .bind(role_id),
        )
        .await?;
    let mut out: BTreeMap<(String, String), Holding> = BTreeMap::new();
    for row in rows {
        let key = (row.text("resource")?, row.text("action")?);
        let holding = Holding {
            via: row.text("via")?,
            via_level: i64::from(row.get::<i32>("via_level")?),
            direct: row.bool("direct")?,
        };
        match out.get(&key) {
            // A direct grant wins; otherwise the closest (highest) granting role.
            Some(h) if h.direct || (!holding.direct && h.via_level >= holding.via_level) => {}
            _ => {
                out.insert(key, holding);
            }
        }
    }
    Ok(out)
}

pub(super) fn catalogue_rank(resource: &str, action: &str) -> (usize, usize) {
    let r = catalogue::RESOURCES
        .iter()
        .position(|x| *x == resource)
        .unwrap_or(usize::MAX);
    let a = catalogue::ACTIONS
        .iter()
        .position(|x| *x == action)
        .unwrap_or(usize::MAX);
    (r, a)
}

const ROLE_COLUMNS: &str = "SELECT r.id, r.name, r.level, r.is_system, r.description, r.created_at, \
     (SELECT COUNT(DISTINCT e.permission_id) FROM role_effective_permissions e \
      WHERE e.role_id = r.id) AS permissions, \
     (SELECT COUNT(*) FROM user_roles ur WHERE ur.role_id = r.id) AS members \
     FROM roles r";

fn role_from(row: &crate::db::Row) -> Result<Role> {
    Ok(Role {
        id: row.uuid("id")?,
        name: row.text("name")?,
        level: i64::from(row.get::<i32>("level")?),
        is_system: row.bool("is_system")?,
        description: row.text("description")?,
        permissions: row.int("permissions")?,
        members: row.int("members")?,
        created_at: row.time("created_at")?,
    })
}

pub async fn list_roles(tx: &mut Tx<'_>) -> Result<Vec<Role>> {
    let mut sql = Sql::new(ROLE_COLUMNS);
    sql.push_str(" ORDER BY r.level DESC, lower(r.name)");
    tx.fetch_all(sql).await?.iter().map(role_from).collect()
}

async fn role_info(tx: &mut Tx<'_>, id: Uuid) -> Result<Role> {
    let mut sql = Sql::new(ROLE_COLUMNS);
    sql.push_str(" WHERE r.id = ");
    sql.push_bind(id);
    role_from(&tx.fetch_one(sql).await?)
}

pub async fn show_role(tx: &mut Tx<'_>, name: &str) -> Result<RoleDetail> {
    let role = roles::role_by_name(tx, name).await?;
    let held = effective(tx, role.id).await?;
    let mut permissions: Vec<RolePermission> = held
        .into_iter()
        .map(|((resource, action), h)| RolePermission {
            role: role.name.clone(),
            permission: format!("{resource}:{action}"),
            resource,
            action,
            inherited: !h.direct,
            granted_via: h.via,
        })
        .collect();
    permissions.sort_by_key(|p| catalogue_rank(&p.resource, &p.action));
    Ok(RoleDetail {
        role: role_info(tx, role.id).await?,
        permissions,
    })
}

fn validate_role_name(name: &str) -> Result<()> {
    crate::proto::input::role_name(name)
}

async fn permission_id(tx: &mut Tx<'_>, p: &Permission) -> Result<Uuid> {
    let row = tx
        .fetch_optional(
            Sql::new("SELECT id FROM permissions WHERE resource = $1 AND action = $2")
                .bind(p.resource)
                .bind(p.action),
        )
        .await?;
    match row {
        Some(row) => row.uuid("id"),
        None => Err(
            Error::migration(format!("the permission {p} is missing from the database"))
                .with_hint("run `platctl migrate status`: the seed migration may not be applied"),
        ),
    }
}

async fn insert_grant(tx: &mut Tx<'_>, role: Uuid, p: &Permission) -> Result<()> {
    let pid = permission_id(tx, p).await?;
    tx.execute(
        Sql::new(
            "INSERT INTO role_permissions (role_id, permission_id, granted_at) VALUES ($1, $2, $3)",
        )
        .bind(role)
        .bind(pid)
        .bind(crate::local::now()),
    )
    .await?;
    Ok(())
}

pub async fn create_role(tx: &mut Tx<'_>, actor: &Actor, req: &CreateRole) -> Result<Role> {
    validate_role_name(&req.name)?;
    if let Some(d) = &req.description {
        crate::text::validate_free_text("role description", d, 500)?;
    }
    if !(0..=1000).contains(&req.level) {
        return Err(Error::usage(format!("level {} is out of range", req.level)).with_hint(
            "levels run from 0 to 1000; the system roles are VIEWER 1, EDITOR 2, ADMIN 3, OWNER 4",
        ));
    }
    let existing = tx
        .fetch_optional(
            Sql::new("SELECT name FROM roles WHERE lower(name) = lower($1)").bind(&req.name),
        )
        .await?;
    if let Some(row) = existing {
        return Err(Error::conflict(format!(
            "the role {} already exists",
            row.text("name")?
        )));
    }
    let copied: Vec<Permission> = match &req.from {
        Some(from) => {
            let source = roles::role_by_name(tx, from).await?;
            effective(tx, source.id)
                .await?
                .keys()
                .filter_map(|(r, a)| Permission::find(r, a))
                .collect()
        }
        None => Vec::new(),
    };
    // Nobody makes a role above their own, or hands out (by copying) what they do not hold.
    let ceiling = ceiling(tx, actor, None).await?;
    ceiling.allows("cannot create", &req.name, req.level)?;
    ceiling.holds(tx, &copied).await?;
    let id = Uuid::new_v4();
    tx.execute(
        Sql::new(
            "INSERT INTO roles (id, name, level, description, is_system, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(&req.name)
        .bind(req.level)
        .bind(req.description.clone().unwrap_or_default())
        .bind(false)
        .bind(crate::local::now()),
    )
    .await?;
    for p in &copied {
        insert_grant(tx, id, p).await?;
    }
    audit::record(
        tx,
        actor,
        AuditEntry::new("role.create", "role", id.to_string()).metadata(serde_json::json!({
            "name": req.name,
            "level": req.level,
            "from": req.from,
            "permissions": copied.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
        })),
    )
    .await?;
    role_info(tx, id).await
}

pub async fn delete_role(
    tx: &mut Tx<'_>,
    actor: &Actor,
    name: &str,
    force: bool,
) -> Result<RoleDeleted> {
    let role = roles::role_by_name(tx, name).await?;
    ceiling(tx, actor, None)
        .await?
        .allows("cannot delete", &role.name, role.level)?;
    if role.is_system {
        return Err(Error::refused(format!(
            "{} is a system role; system roles cannot be deleted",
            role.name
        ))
        .with_hint("revoke permissions from it instead, or create a custom role"));
    }
    let info = role_info(tx, role.id).await?;
    if info.members > 0 && !force {
        return Err(Error::conflict(format!(
            "the role {} is still assigned to {} user{}",
            role.name,
            info.members,
            if info.members == 1 { "" } else { "s" }
        ))
        .with_hint("reassign them first, or pass --force to remove those assignments too"));
    }
    let unassigned = tx
        .execute(Sql::new("DELETE FROM user_roles WHERE role_id = $1").bind(role.id))
        .await?;
    tx.execute(Sql::new("DELETE FROM roles WHERE id = $1").bind(role.id))
        .await?;
    let unassigned = i64::try_from(unassigned).unwrap_or(i64::MAX);
    audit::record(
        tx,
        actor,
        AuditEntry::new("role.delete", "role", role.id.to_string()).metadata(serde_json::json!({
            "name": role.name, "level": role.level, "unassigned": unassigned,
        })),
    )
    .await?;
    Ok(RoleDeleted {
        role: info,
        unassigned,
    })
}

pub async fn grant(
    tx: &mut Tx<'_>,
    actor: &Actor,
    role: &str,
    perms: &[Permission],
) -> Result<GrantChange> {
    let marked: Vec<(Permission, bool)> = perms.iter().map(|p| (*p, true)).collect();
    change_grants(tx, actor, role, &marked, true).await
}

/// Revoke a role's own grants. A permission it only inherits is refused when named, and left
/// in place (and reported) when it came from `resource:*`.
pub async fn revoke(
    tx: &mut Tx<'_>,
    actor: &Actor,
    role: &str,
    perms: &[(Permission, bool)],
) -> Result<GrantChange> {
    change_grants(tx, actor, role, perms, false).await
}

/// Grant (or revoke) each permission the role does not (or does) hold; one audit entry for
/// the lot, none when nothing changed.
async fn change_grants(
    tx: &mut Tx<'_>,
    actor: &Actor,
    role: &str,
    perms: &[(Permission, bool)],
    grant: bool,
) -> Result<GrantChange> {
    let role = roles::role_by_name(tx, role).await?;
    let ceiling = ceiling(tx, actor, None).await?;
    ceiling.allows("cannot change the grants of", &role.name, role.level)?;
    if grant {
        let perms: Vec<Permission> = perms.iter().map(|(p, _)| *p).collect();
        ceiling.holds(tx, &perms).await?;
    }
    let held = effective(tx, role.id).await?;
    let inherited = |p: &Permission| {
        held.get(&(p.resource.to_string(), p.action.to_string()))
            .filter(|h| !h.direct)
            .map(|h| h.via.clone())
    };
    if !grant {
        // Refuse before changing anything when a permission named outright is only inherited.
        for (p, explicit) in perms {
            if let Some(h) = held.get(&(p.resource.to_string(), p.action.to_string()))
                && !h.direct
                && *explicit
            {
                return Err(Error::refused(format!(
                    "{} holds {p} through {}, not by a grant of its own",
                    role.name, h.via
                ))
                .with_hint(format!(
                    "revoke it from {} (every system role above it loses it too)",
                    h.via
                )));
            }
        }
    }
    let mut change = GrantChange {
        role: role.name.clone(),
        changed: Vec::new(),
        unchanged: Vec::new(),
        inherited: Vec::new(),
    };
    for (p, _) in perms {
        if !grant && let Some(via) = inherited(p) {
            change.inherited.push(format!("{p} (from {via})"));
            continue;
        }
        let holds = held.contains_key(&(p.resource.to_string(), p.action.to_string()));
        if holds == grant {
            change.unchanged.push(p.to_string());
            continue;
        }
        if grant {
            insert_grant(tx, role.id, p).await?;
        } else {
            let pid = permission_id(tx, p).await?;
            tx.execute(
                Sql::new("DELETE FROM role_permissions WHERE role_id = $1 AND permission_id = $2")
                    .bind(role.id)
                    .bind(pid),
            )
            .await?;
        }
        change.changed.push(p.to_string());
    }
    if !change.changed.is_empty() {
        let action = if grant { "role.grant" } else { "role.revoke" };
        audit::record(
            tx,
            actor,
            AuditEntry::new(action, "role", role.id.to_string())
                .metadata(serde_json::json!({ "role": role.name, "permissions": change.changed })),
        )
        .await?;
    }
    Ok(change)
}

/// The role a user holds in an organization, if any.
/// The organization an operation was authorized for.
fn authorized_org<'a>(auth: &'a Authorized, slug: &str) -> Result<&'a OrgRef> {
    auth.org.as_ref().ok_or_else(|| {
        Error::internal(format!(
            "the organization {} was not authorized",
            crate::text::quote(slug)
        ))
    })
}

pub async fn role_of(tx: &mut Tx<'_>, user: Uuid, org: Uuid) -> Result<Option<RoleRef>> {
    let row = tx
        .fetch_optional(
            Sql::new(
                "SELECT r.id, r.name, r.level, r.is_system FROM user_roles ur \
                 JOIN roles r ON r.id = ur.role_id \
                 WHERE ur.user_id = $1 AND ur.organization_id = $2",
            )
            .bind(user)
            .bind(org),
        )
        .await?;
    row.map(|row| {
        Ok(RoleRef {
            id: row.uuid("id")?,
            name: row.text("name")?,
            level: i64::from(row.get::<i32>("level")?),
            is_system: row.bool("is_system")?,
        })
    })
    .transpose()
}

/// Give `req.user` the role in the organization (authorized for it: `org`). Nobody grants a
/// role above their own, or changes the role of someone above them.
pub async fn assign(
    tx: &mut Tx<'_>,
    actor: &Actor,
    auth: &Authorized,
    req: &AssignRole,
) -> Result<Assignment> {
    let org = authorized_org(auth, &req.organization)?;
    let user = users::user_in(tx, &auth.view, &req.user).await?;
    let role = roles::role_by_name(tx, &req.role).await?;
    let previous = role_of(tx, user.id, org.id).await?;
    let ceiling = ceiling(tx, actor, Some(org.id)).await?;
    ceiling.allows("cannot grant", &role.name, role.level)?;
    if let Some(previous) = &previous {
        ceiling.allows(
            &format!("cannot change the role of {}, who is", user.email),
            &previous.name,
            previous.level,
        )?;
    }
    let mut out = Assignment {
        user: user.email.clone(),
        organization: org.slug.clone(),
        role: Some(role.name.clone()),
        previous_role: previous.as_ref().map(|p| p.name.clone()),
        changed: false,
    };
    if previous.as_ref().is_some_and(|p| p.id == role.id) {
        return Ok(out);
    }
    tx.execute(
        Sql::new(
            "INSERT INTO user_roles (user_id, organization_id, role_id, granted_at, granted_by) \
             VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (user_id, organization_id) DO UPDATE SET role_id = excluded.role_id, \
             granted_at = excluded.granted_at, granted_by = excluded.granted_by",
        )
        .bind(user.id)
        .bind(org.id)
        .bind(role.id)
        .bind(crate::local::now())
        .bind(actor.user_id),
    )
    .await?;
    audit::record(
        tx,
        actor,
        AuditEntry::new("role.assign", "user", user.id.to_string())
            .organization(org.id)
            .metadata(serde_json::json!({
                "user": user.email,
                "organization": org.slug,
                "role": role.name,
                "previous_role": out.previous_role,
            })),
    )
    .await?;
    out.changed = true;
    Ok(out)
}

pub async fn unassign(
    tx: &mut Tx<'_>,
    actor: &Actor,
    auth: &Authorized,
    user: &str,
    organization: &str,
) -> Result<Assignment> {
    let org = authorized_org(auth, organization)?;
    let user = users::user_in(tx, &auth.view, user).await?;
    let Some(previous) = role_of(tx, user.id, org.id).await? else {
        return Err(Error::not_found(format!(
            "{} holds no role in {}",
            user.email, org.slug
        )));
    };
    ceiling(tx, actor, Some(org.id)).await?.allows(
        &format!("cannot take the role of {}, who is", user.email),
        &previous.name,
        previous.level,
    )?;
    tx.execute(
        Sql::new("DELETE FROM user_roles WHERE user_id = $1 AND organization_id = $2")
            .bind(user.id)
            .bind(org.id),
    )
    .await?;
    audit::record(
        tx,
        actor,
        AuditEntry::new("role.unassign", "user", user.id.to_string())
            .organization(org.id)
            .metadata(serde_json::json!({
                "user": user.email, "organization": org.slug, "role": previous.name,
            })),
    )
    .await?;
    Ok(Assignment {
        user: user.email,
        organization: org.slug.clone(),
        role: None,
        previous_role: Some(previous.name),
        changed: true,
    })
}
/// How high `actor` reaches in the role hierarchy in `org` — nobody grants a role above
/// their own or changes someone above them. The operator, a platform key and a key the
/// operator made for an organization are not bounded by a role; a user, and a key a user made,
/// by the user's role there. For the whole platform (`org` none: the role catalogue), by a
/// user's lowest role of all.
async fn ceiling(tx: &mut Tx<'_>, actor: &Actor, org: Option<Uuid>) -> Result<Ceiling> {
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
            Some(b) => effective(tx, b.role_id).await?,
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
