//! Organizations: creating and listing them, and finding one by the slug operators type.

use uuid::Uuid;

use super::actor::{Actor, OrgRef};
use super::audit::{self, AuditEntry};
use super::lookup::{names, not_found};
use crate::db::{Sql, Tx};
use crate::error::{Error, Result};
use crate::proto::*;

/// Lowercase letters, digits and single dashes between them; at most 63 characters
/// ([`crate::proto::input::slug`], which the admin API applies too).
pub fn validate_slug(slug: &str) -> Result<()> {
    crate::proto::input::slug(slug)
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

pub async fn create_org(
    tx: &mut Tx<'_>,
    actor: &Actor,
    req: &CreateOrganization,
) -> Result<Organization> {
    validate_slug(&req.slug)?;
    // No name, or a blank one: the slug.
    let name = req
        .name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| req.slug.clone());
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
        created_at: crate::local::now(),
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
}
