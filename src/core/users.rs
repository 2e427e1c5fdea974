//! Users: creating, listing, disabling and enabling them, and finding one by email.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::actor::{Actor, OrgRef, View};
use super::audit::{self, AuditEntry};
use super::lookup::{names, not_found};
use crate::db::{Row, Sql, Tx};
use crate::error::{Error, Result};
use crate::proto::input;
use crate::proto::*;

#[derive(Debug, Clone)]
pub struct UserRef {
    pub id: Uuid,
    pub email: String,
    pub disabled_at: Option<DateTime<Utc>>,
}

/// A plausible email: [`crate::proto::input::email`], which the admin API applies too.
pub fn validate_email(email: &str) -> Result<()> {
    input::email(email).map(|_| ())
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

/// A user the view sees — one holding a role in one of its organizations — by email; a user
/// it does not see is not there, alike, and suggestions come only from those it sees.
pub async fn user_in(tx: &mut Tx<'_>, view: &View, email: &str) -> Result<UserRef> {
    if matches!(view, View::All) {
        return user_by_email(tx, email).await;
    }
    let mut sql =
        Sql::new("SELECT u.id, u.email, u.disabled_at FROM users u WHERE lower(u.email) = lower(");
    sql.push_bind(email);
    sql.push_str(") AND EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id");
    view.restrict(&mut sql, "ur.organization_id");
    sql.push_str(")");
    if let Some(row) = tx.fetch_optional(sql).await? {
        return Ok(UserRef {
            id: row.uuid("id")?,
            email: row.text("email")?,
            disabled_at: row.opt_time("disabled_at")?,
        });
    }
    let mut sql = Sql::new(
        "SELECT DISTINCT u.email AS name, lower(u.email) AS sort FROM users u \
         JOIN user_roles ur ON ur.user_id = u.id WHERE 1 = 1",
    );
    view.restrict(&mut sql, "ur.organization_id");
    sql.push_str(" ORDER BY sort LIMIT 1000");
    let existing = tx
        .fetch_all(sql)
        .await?
        .iter()
        .map(|r| r.text("name"))
        .collect::<Result<Vec<_>>>()?;
    let orgs = view
        .orgs()
        .unwrap_or_default()
        .iter()
        .map(|o| o.slug.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let hint = if existing.is_empty() {
        "the operator can add one: `platctl roles assign --user EMAIL --org SLUG --role ROLE`"
            .to_string()
    } else {
        crate::error::suggestion(email, existing.iter().map(String::as_str))
    };
    Err(Error::not_found(format!(
        "there is no user {} in {orgs}",
        crate::text::quote(email)
    ))
    .with_hint(hint))
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
    // Trimmed, in NFC, the domain lowercased: what is stored is what the rules accepted.
    let email = input::email(&req.email)?;
    let email = email.as_str();
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
        created_at: crate::local::now(),
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
async fn memberships(tx: &mut Tx<'_>, scope: &View) -> Result<BTreeMap<Uuid, Vec<String>>> {
    let mut sql = Sql::new(
        "SELECT ur.user_id, o.slug, r.name FROM user_roles ur \
         JOIN organizations o ON o.id = ur.organization_id \
         JOIN roles r ON r.id = ur.role_id WHERE 1 = 1",
    );
    scope.restrict(&mut sql, "ur.organization_id");
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

/// The roles of one user (`organization:ROLE`), by organization.
pub async fn roles_of(tx: &mut Tx<'_>, id: Uuid) -> Result<Vec<String>> {
    let mut sql = Sql::new(
        "SELECT o.slug, r.name FROM user_roles ur \
         JOIN organizations o ON o.id = ur.organization_id \
         JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ",
    );
    sql.push_bind(id);
    sql.push_str(" ORDER BY o.slug");
    tx.fetch_all(sql)
        .await?
        .iter()
        .map(|row| Ok(format!("{}:{}", row.text("slug")?, row.text("name")?)))
        .collect()
}

/// The users of `org`, else every user the view sees (with their roles in what it sees).
pub async fn list_users(tx: &mut Tx<'_>, view: &View, org: Option<&OrgRef>) -> Result<Vec<User>> {
    let scope = match org {
        Some(org) => View::Orgs(vec![org.clone()]),
        None => view.clone(),
    };
    let mut roles = memberships(tx, &scope).await?;
    let mut sql = Sql::new(
        "SELECT u.id, u.email, u.name, u.created_at, u.disabled_at FROM users u WHERE 1 = 1",
    );
    if scope.orgs().is_some() {
        sql.push_str(" AND EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id");
        scope.restrict(&mut sql, "ur.organization_id");
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
                .bind(disabled.then(crate::local::now))
                .bind(user.id),
        )
        .await?;
        let keys = super::keys::rows::of_creator(tx, user.id).await?;
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
    let roles = memberships(tx, &View::All)
        .await?
        .remove(&user.id)
        .unwrap_or_default();
    Ok(UserChange {
        changed,
        user: user_from(&row, roles)?,
        keys: super::keys::rows::of_creator(tx, user.id).await?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
            "owner-a@acme.io\u{200b}",
        ] {
            assert!(validate_email(bad).is_err(), "{bad}");
        }
    }
}
