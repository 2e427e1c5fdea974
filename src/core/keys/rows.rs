//! How a key is read from the database: one set of columns over organization and platform
//! keys, and its status. Below the key operations ([`super`]) and [`super::super::users`],
//! which both read keys.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::core::actor::OrgRef;
use crate::db::{Row, Sql, Tx};
use crate::error::Result;
use crate::proto::{ApiKey, KeyStatus};

/// A key works only while it is not revoked, not expired, and its creator is not disabled
/// (a key never holds more than its creator, and a disabled user holds nothing).
fn status(
    revoked: Option<DateTime<Utc>>,
    expires: Option<DateTime<Utc>>,
    creator_disabled: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> KeyStatus {
    if revoked.is_some() {
        KeyStatus::Revoked
    } else if expires.is_some_and(|e| e <= now) {
        KeyStatus::Expired
    } else if creator_disabled.is_some() {
        KeyStatus::Disabled
    } else {
        KeyStatus::Active
    }
}

/// Every key, organization keys (`api_keys`, which the platform reads) and platform keys
/// (`platform_keys`, platctl's own) alike, with its organization, creator and pending
/// confirmation.
pub(super) const KEY_COLUMNS: &str = "SELECT k.id, k.created_by, k.prefix, k.name, k.scopes, k.created_at, k.expires_at, \
     k.last_used_at, k.revoked_at, k.revoked_reason, k.organization_id, k.platform, o.slug, \
     u.email, u.disabled_at AS creator_disabled_at, d.confirm_by \
     FROM (SELECT id, organization_id, name, prefix, key_hash, scopes, created_by, created_at, \
     expires_at, last_used_at, revoked_at, revoked_reason, FALSE AS platform FROM api_keys \
     UNION ALL SELECT id, NULL, name, prefix, key_hash, scopes, NULL, created_at, expires_at, \
     last_used_at, revoked_at, revoked_reason, TRUE FROM platform_keys) k \
     LEFT JOIN organizations o ON o.id = k.organization_id \
     LEFT JOIN users u ON u.id = k.created_by \
     LEFT JOIN api_key_deliveries d ON d.key_id = k.id";

/// The order of listings: platform keys first, then by organization and age.
pub(super) const KEY_ORDER: &str = " ORDER BY k.platform DESC, o.slug, k.created_at";

pub(super) fn key_from(row: &Row, now: DateTime<Utc>) -> Result<ApiKey> {
    let revoked_at = row.opt_time("revoked_at")?;
    let expires_at = row.opt_time("expires_at")?;
    let creator_disabled = row.opt_time("creator_disabled_at")?;
    Ok(ApiKey {
        id: row.uuid("id")?,
        prefix: row.text("prefix")?,
        organization: row.opt_text("slug")?,
        platform: row.bool("platform")?,
        name: row.text("name")?,
        scopes: row.text_list("scopes")?,
        status: status(revoked_at, expires_at, creator_disabled, now),
        created_at: row.time("created_at")?,
        created_by: row.opt_text("email")?,
        expires_at,
        last_used_at: row.opt_time("last_used_at")?,
        revoked_at,
        revoked_reason: row.opt_text("revoked_reason")?,
        confirm_by: row.opt_time("confirm_by")?,
    })
}

/// A key as found, with its organization's id (none for a platform key).
pub(super) struct Found {
    pub key: ApiKey,
    pub org: Option<OrgRef>,
}

pub(super) fn found_from(row: &Row, now: DateTime<Utc>) -> Result<Found> {
    let key = key_from(row, now)?;
    let org = match (row.opt_uuid("organization_id")?, &key.organization) {
        (Some(id), Some(slug)) => Some(OrgRef {
            id,
            slug: slug.clone(),
        }),
        _ => None,
    };
    Ok(Found { key, org })
}

/// The keys `user_id` made that still work (not revoked, not expired).
pub async fn of_creator(tx: &mut Tx<'_>, user_id: Uuid) -> Result<Vec<ApiKey>> {
    let now = crate::local::now();
    let mut sql = Sql::new(KEY_COLUMNS);
    sql.push_str(" WHERE k.created_by = ");
    sql.push_bind(user_id);
    sql.push_str(" AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > ");
    sql.push_bind(now);
    sql.push_str(")");
    sql.push_str(KEY_ORDER);
    tx.fetch_all(sql)
        .await?
        .iter()
        .map(|r| key_from(r, now))
        .collect()
}
