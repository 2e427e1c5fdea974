//! Organizations and users, and finding them by the names operators type (slug, email, role
//! name) with "did you mean" help when there is no such thing.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::audit::{self, Actor, AuditEntry};
use crate::db::{Row, Sql, Tx};
use crate::error::{Error, Result, suggestion};
use crate::proto::*;
use crate::text::quote;

pub struct OrgRef {
    pub id: Uuid,
    pub slug: String,
}

pub struct UserRef {
    pub id: Uuid,
    pub email: String,
    pub disabled_at: Option<DateTime<Utc>>,
}

pub struct RoleRef {
    pub id: Uuid,
    pub name: String,
    pub level: i64,
    pub is_system: bool,
}

/// Lowercase letters, digits and single dashes between them; at most 63 characters.
pub fn validate_slug(slug: &str) -> Result<()> {
    let ok = !slug.is_empty()
        && slug.len() <= 63
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--");
    if ok {
        return Ok(());
    }
    let mut hint = String::from(
        "a slug is 1-63 lowercase letters, digits and dashes (ASCII only), starting and ending \
         with a letter or digit",
    );
    if let Some(c) = slug.chars().find(|c| !c.is_ascii()) {
        // Transliterating is guesswork (`ünï` is not `n`): say what is wrong instead.
        hint.push_str(&format!("; `{c}` is not ASCII"));
    } else {
        let proposal: String = slug
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        if !proposal.is_empty() && proposal.len() <= 63 {
            hint.push_str(&format!("; try `{proposal}`"));
        }
    }
    Err(Error::usage(format!("{} is not a valid organization slug", quote(slug))).with_hint(hint))
}

/// A plausible email: one `@`, something on both sides, a dot in the domain, no spaces.
pub fn validate_email(email: &str) -> Result<()> {
    let ok = match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !email
                    .chars()
                    .any(|c| c.is_whitespace() || crate::text::is_unsafe(c))
                && email.len() <= 254
        }
        None => false,
    };
    if ok {
        Ok(())
    } else {
        Err(
            Error::usage(format!("{} is not an email address", quote(email)))
                .with_hint("expected name@domain, e.g. alice@acme.io"),
        )
    }
}

async fn names(tx: &mut Tx<'_>, sql: &'static str) -> Result<Vec<String>> {
    tx.fetch_all(Sql::new(sql))
        .await?
        .iter()
        .map(|r| r.text("name"))
        .collect()
}

fn not_found(what: &str, input: &str, existing: &[String], create: &str) -> Error {
    let hint = if existing.is_empty() {
        format!("there are none yet: {create}")
    } else {
        suggestion(input, existing.iter().map(String::as_str))
    };
    Error::not_found(format!("there is no {what} {}", quote(input))).with_hint(hint)
}

pub async fn org_by_slug(tx: &mut Tx<'_>, slug: &str) -> Result<OrgRef> {
    let row = tx
        .fetch_optional(Sql::new("SELECT id, slug FROM organizations WHERE slug = $1").bind(slug))
        .await?;
    match row {
        Some(row) => Ok(OrgRef {
            id: row.uuid("id")?,
            slug: row.text("slug")?,
        }),
        None => {
            let existing = names(
                tx,
                "SELECT slug AS name FROM organizations ORDER BY slug LIMIT 1000",
            )
            .await?;
            Err(not_found(
                "organization",
                slug,
                &existing,
                "create one with `platctl orgs create SLUG`",
            ))
        }
    }
}

/// The organization named, or the only one there is.
pub async fn resolve_org(tx: &mut Tx<'_>, slug: Option<&str>) -> Result<OrgRef> {
    if let Some(slug) = slug {
        return org_by_slug(tx, slug).await;
    }
    let rows = tx
        .fetch_all(Sql::new(
            "SELECT id, slug FROM organizations ORDER BY slug LIMIT 11",
        ))
        .await?;
    match rows.len() {
        0 => Err(
            Error::not_found("there are no organizations yet").with_hint(
                "create one with `platctl orgs create SLUG` (`platctl init` creates `default`)",
            ),
        ),
        1 => Ok(OrgRef {
            id: rows[0].uuid("id")?,
            slug: rows[0].text("slug")?,
        }),
        n => {
            let mut slugs: Vec<String> = rows
                .iter()
                .take(10)
                .map(|r| r.text("slug"))
                .collect::<Result<_>>()?;
            if n > 10 {
                slugs.push("...".into());
            }
            Err(
                Error::usage("which organization? there is more than one").with_hint(format!(
                    "pass --org SLUG (one of {}) or set default_org in your profile",
                    slugs.join(", ")
                )),
            )
        }
    }
}

pub async fn user_by_email(tx: &mut Tx<'_>, email: &str) -> Result<UserRef> {
    let row = tx
        .fetch_optional(
            Sql::new("SELECT id, email, disabled_at FROM users WHERE lower(email) = lower($1)")
                .bind(email),
        )
        .await?;
    match row {
        Some(row) => Ok(UserRef {
            id: row.uuid("id")?,
            email: row.text("email")?,
            disabled_at: row.opt_time("disabled_at")?,
        }),
        None => {
            let existing = names(
                tx,
                "SELECT email AS name FROM users ORDER BY lower(email) LIMIT 1000",
            )
            .await?;
            Err(not_found(
                "user",
                email,
                &existing,
                "create one with `platctl users create EMAIL`",
            ))
        }
    }
}

pub async fn user_by_id(tx: &mut Tx<'_>, id: Uuid) -> Result<UserRef> {
    let row = tx
        .fetch_one(Sql::new("SELECT id, email, disabled_at FROM users WHERE id = $1").bind(id))
        .await?;
    Ok(UserRef {
        id: row.uuid("id")?,
        email: row.text("email")?,
        disabled_at: row.opt_time("disabled_at")?,
    })
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

// --- organizations -----------------------------------------------------------------------------

pub async fn create_org(
    tx: &mut Tx<'_>,
    actor: &Actor,
    req: &CreateOrganization,
) -> Result<Organization> {
    validate_slug(&req.slug)?;
    let name = req.name.clone().unwrap_or_else(|| req.slug.clone());
    if name.trim().is_empty() {
        return Err(Error::usage("the organization name is empty"));
    }
    crate::text::validate_free_text("organization name", &name, 200)?;
    let exists = tx
        .fetch_optional(Sql::new("SELECT id FROM organizations WHERE slug = $1").bind(&req.slug))
        .await?;
    if exists.is_some() {
        return Err(Error::conflict(format!(
            "the organization `{}` already exists",
            req.slug
        )));
    }
    let org = Organization {
        id: Uuid::new_v4(),
        slug: req.slug.clone(),
        name,
        members: 0,
        created_at: super::now(),
    };
    tx.execute(
        Sql::new("INSERT INTO organizations (id, slug, name, created_at) VALUES ($1, $2, $3, $4)")
            .bind(org.id)
            .bind(&org.slug)
            .bind(&org.name)
            .bind(org.created_at),
    )
    .await?;
    audit::record(
        tx,
        actor,
        AuditEntry::new("organization.create", "organization", org.id.to_string())
            .organization(org.id)
            .metadata(serde_json::json!({ "slug": org.slug, "name": org.name })),
    )
    .await?;
    Ok(org)
}

/// `platctl init`: an organization `default` when there is none, so that
/// `platctl keys create --scope ...` works on a fresh machine.
pub async fn ensure_default_org(tx: &mut Tx<'_>, actor: &Actor) -> Result<Option<Organization>> {
    let count = tx
        .fetch_one(Sql::new("SELECT COUNT(*) AS n FROM organizations"))
        .await?
        .int("n")?;
    if count > 0 {
        return Ok(None);
    }
    let req = CreateOrganization {
        slug: "default".into(),
        name: Some("Default organization".into()),
    };
    create_org(tx, actor, &req).await.map(Some)
}

pub async fn list_orgs(tx: &mut Tx<'_>) -> Result<Vec<Organization>> {
    let rows = tx
        .fetch_all(Sql::new(
            "SELECT o.id, o.slug, o.name, o.created_at, \
             (SELECT COUNT(*) FROM user_roles ur WHERE ur.organization_id = o.id) AS members \
             FROM organizations o ORDER BY o.slug",
        ))
        .await?;
    rows.iter()
        .map(|r| {
            Ok(Organization {
                id: r.uuid("id")?,
                slug: r.text("slug")?,
                name: r.text("name")?,
                members: r.int("members")?,
                created_at: r.time("created_at")?,
            })
        })
        .collect()
}

// --- users ---------------------------------------------------------------------------------------

fn user_from(row: &Row, roles: Vec<String>) -> Result<User> {
    let disabled_at = row.opt_time("disabled_at")?;
    Ok(User {
        id: row.uuid("id")?,
        email: row.text("email")?,
        name: row.opt_text("name")?,
        status: if disabled_at.is_some() {
            UserStatus::Disabled
        } else {
            UserStatus::Active
        },
        roles,
        created_at: row.time("created_at")?,
        disabled_at,
    })
}

pub async fn create_user(tx: &mut Tx<'_>, actor: &Actor, req: &CreateUser) -> Result<User> {
    let email = req.email.trim();
    validate_email(email)?;
    if let Some(name) = &req.name {
        crate::text::validate_free_text("user name", name, 200)?;
    }
    let exists = tx
        .fetch_optional(
            Sql::new("SELECT email FROM users WHERE lower(email) = lower($1)").bind(email),
        )
        .await?;
    if let Some(row) = exists {
        return Err(
            Error::conflict(format!("the user {} already exists", row.text("email")?))
                .with_hint("emails match whatever their case"),
        );
    }
    let user = User {
        id: Uuid::new_v4(),
        email: email.to_string(),
        name: req.name.clone().filter(|n| !n.trim().is_empty()),
        status: UserStatus::Active,
        roles: Vec::new(),
        created_at: super::now(),
        disabled_at: None,
    };
    tx.execute(
        Sql::new("INSERT INTO users (id, email, name, created_at) VALUES ($1, $2, $3, $4)")
            .bind(user.id)
            .bind(&user.email)
            .bind(user.name.clone())
            .bind(user.created_at),
    )
    .await?;
    audit::record(
        tx,
        actor,
        AuditEntry::new("user.create", "user", user.id.to_string())
            .metadata(serde_json::json!({ "email": user.email, "name": user.name })),
    )
    .await?;
    Ok(user)
}

/// `organization:ROLE` memberships per user.
async fn memberships(tx: &mut Tx<'_>, org: Option<Uuid>) -> Result<BTreeMap<Uuid, Vec<String>>> {
    let mut sql = Sql::new(
        "SELECT ur.user_id, o.slug, r.name FROM user_roles ur \
         JOIN organizations o ON o.id = ur.organization_id \
         JOIN roles r ON r.id = ur.role_id",
    );
    if let Some(org) = org {
        sql.push_str(" WHERE ur.organization_id = ");
        sql.push_bind(org);
    }
    sql.push_str(" ORDER BY o.slug");
    let mut out: BTreeMap<Uuid, Vec<String>> = BTreeMap::new();
    for row in tx.fetch_all(sql).await? {
        out.entry(row.uuid("user_id")?).or_default().push(format!(
            "{}:{}",
            row.text("slug")?,
            row.text("name")?
        ));
    }
    Ok(out)
}

pub async fn list_users(tx: &mut Tx<'_>, org: Option<&str>) -> Result<Vec<User>> {
    let org = match org {
        Some(slug) => Some(org_by_slug(tx, slug).await?.id),
        None => None,
    };
    let mut roles = memberships(tx, org).await?;
    let mut sql =
        Sql::new("SELECT u.id, u.email, u.name, u.created_at, u.disabled_at FROM users u");
    if let Some(org) = org {
        sql.push_str(
            " WHERE EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id \
             AND ur.organization_id = ",
        );
        sql.push_bind(org);
        sql.push_str(")");
    }
    sql.push_str(" ORDER BY lower(u.email)");
    let rows = tx.fetch_all(sql).await?;
    rows.iter()
        .map(|row| {
            let id = row.uuid("id")?;
            user_from(row, roles.remove(&id).unwrap_or_default())
        })
        .collect()
}

/// `users disable` (`disabled`) and `users enable`: every permission check denies a disabled
/// user, and their API keys stop working until they are enabled again.
pub async fn set_disabled(
    tx: &mut Tx<'_>,
    actor: &Actor,
    email: &str,
    disabled: bool,
) -> Result<UserChange> {
    let user = user_by_email(tx, email).await?;
    let changed = user.disabled_at.is_some() != disabled;
    if changed {
        tx.execute(
            Sql::new("UPDATE users SET disabled_at = $1 WHERE id = $2")
                .bind(disabled.then(super::now))
                .bind(user.id),
        )
        .await?;
        let keys = super::keys::of_creator(tx, user.id).await?;
        let prefixes: Vec<&str> = keys.iter().map(|k| k.prefix.as_str()).collect();
        let action = if disabled {
            "user.disable"
        } else {
            "user.enable"
        };
        audit::record(
            tx,
            actor,
            AuditEntry::new(action, "user", user.id.to_string())
                .metadata(serde_json::json!({ "email": user.email, "api_keys": prefixes })),
        )
        .await?;
    }
    let row = tx
        .fetch_one(
            Sql::new("SELECT id, email, name, created_at, disabled_at FROM users WHERE id = $1")
                .bind(user.id),
        )
        .await?;
    let roles = memberships(tx, None)
        .await?
        .remove(&user.id)
        .unwrap_or_default();
    Ok(UserChange {
        changed,
        user: user_from(&row, roles)?,
        keys: super::keys::of_creator(tx, user.id).await?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        for good in ["acme", "acme-corp", "a1", "x"] {
            assert!(validate_slug(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "Acme",
            "acme corp",
            "acme--x",
            "-acme",
            "acme-",
            "a;b",
            "o'brien",
        ] {
            assert!(validate_slug(bad).is_err(), "{bad}");
        }
        let hint = validate_slug("Acme Corp")
            .err()
            .and_then(|e| e.hint().map(String::from));
        assert!(hint.is_some_and(|h| h.contains("`acme-corp`")));
    }

    #[test]
    fn emails() {
        assert!(validate_email("alice@acme.io").is_ok());
        assert!(validate_email("o'brien+ops@acme.co.uk").is_ok());
        for bad in [
            "alice",
            "@acme.io",
            "alice@acme",
            "a b@acme.io",
            "alice@.io",
        ] {
            assert!(validate_email(bad).is_err(), "{bad}");
        }
    }
}
