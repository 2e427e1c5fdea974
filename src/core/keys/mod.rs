//! API keys: the format, generation, hashing, and the key commands.
//!
//! A key is `sk_live_` (or `sk_test_`) and 32 characters of `[A-Za-z0-9]` from the operating
//! system's CSPRNG: 32 x log2(62) = 190 bits of entropy. Only the SHA-256 of the whole key
//! (lowercase hex) and its first 12 characters are stored. A slow hash (bcrypt, argon2) guards
//! guessable secrets such as passwords; a 190-bit random key cannot be guessed, so one SHA-256
//! is as strong, and lets the server find a key by its hash with one index lookup.

use chrono::{DateTime, Utc};
use rand::TryRng;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::actor::{Actor, Client, KeyGrant, OrgRef, View};
use super::audit::{self, AuditEntry};
use super::catalogue;
use super::memory::Heard;
use super::{permissions, users};
use crate::db::{Sql, Tx};
use crate::error::{Error, ErrorKind, Result};
use crate::migrations::hex;
use crate::proto::*;
use crate::text::quote;

pub use crate::proto::keyformat::*;

pub(super) mod rows;

use rows::{Found, KEY_COLUMNS, KEY_ORDER, found_from, key_from};

const ALPHABET: &[u8; 62] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// A new key from the OS CSPRNG, without modulo bias (bytes >= 248 are drawn again).
pub fn generate(test: bool) -> Result<String> {
    let mut key = String::from(if test { TEST_PREFIX } else { LIVE_PREFIX });
    let mut rng = rand::rngs::SysRng;
    let mut buf = [0u8; 64];
    while key.len() < LIVE_PREFIX.len() + SECRET_LEN {
        rng.try_fill_bytes(&mut buf).map_err(|e| {
            Error::internal(format!(
                "the operating system's random generator failed: {e}"
            ))
        })?;
        for b in buf {
            if key.len() == LIVE_PREFIX.len() + SECRET_LEN {
                break;
            }
            if b < 248 {
                key.push(char::from(ALPHABET[usize::from(b % 62)]));
            }
        }
    }
    Ok(key)
}

/// Lowercase hex SHA-256 of the whole key.
pub fn hash(key: &str) -> String {
    hex(&Sha256::digest(key.as_bytes()))
}

/// The table a key is kept in.
fn table(platform: bool) -> &'static str {
    if platform {
        "platform_keys"
    } else {
        "api_keys"
    }
}

/// The actor behind an API key: the key must be valid (not revoked or expired, its creator
/// not disabled); an organization key acts with its creator's rights bounded by its scopes,
/// a platform key with its scopes.
pub async fn actor_for_key(tx: &mut Tx<'_>, key: &str) -> Result<Actor> {
    use crate::proto::error::AuthFailure;
    let unauthenticated = |failure: AuthFailure, reason: &str| {
        Error::new(
            crate::error::ErrorKind::Unauthenticated(failure),
            format!("the API key is {reason}"),
        )
    };
    if !is_well_formed(key) {
        return Err(
            unauthenticated(AuthFailure::MalformedKey, "malformed").with_hint(format!(
                "a platform key matches {}",
                crate::proto::keyformat::PATTERN
            )),
        );
    }
    let mut sql = Sql::new(KEY_COLUMNS);
    sql.push_str(" WHERE k.key_hash = ");
    sql.push_bind(hash(key));
    let Some(row) = tx.fetch_optional(sql).await? else {
        return Err(unauthenticated(AuthFailure::UnknownKey, "unknown"));
    };
    let Found { key: found, org } = found_from(&row, crate::local::now())?;
    match found.status {
        KeyStatus::Active => {}
        KeyStatus::Expired => return Err(unauthenticated(AuthFailure::ExpiredKey, "expired")),
        KeyStatus::Revoked => return Err(unauthenticated(AuthFailure::RevokedKey, "revoked")),
        KeyStatus::Disabled => {
            return Err(unauthenticated(
                AuthFailure::CreatorDisabled,
                "made by a disabled user",
            ));
        }
    }
    Ok(Actor {
        user_id: row.opt_uuid("created_by")?,
        api_key_id: Some(found.id),
        label: found.created_by.clone().unwrap_or_else(|| {
            if found.platform {
                format!("platform key {}...", found.prefix)
            } else {
                format!("key {}...", found.prefix)
            }
        }),
        key: Some(KeyGrant {
            organization: org,
            prefix: found.prefix,
            scopes: found.scopes,
        }),
        client: Client::default(),
    })
}

/// Set `last_used_at` of each key to its time of use, unless it is already later.
pub async fn record_uses(db: &crate::db::Db, uses: &[(Uuid, DateTime<Utc>)]) -> Result<()> {
    // Several replicas write their uses at once: each locks the rows in the same (id) order,
    // so none waits for another that waits for it; and a time never replaces a later one.
    let mut uses = uses.to_vec();
    uses.sort_unstable_by_key(|(id, _)| *id);
    let mut tx = db.begin().await?;
    for (id, at) in &uses {
        for update in [
            "UPDATE api_keys SET last_used_at = $1 \
             WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $1)",
            "UPDATE platform_keys SET last_used_at = $1 \
             WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $1)",
        ] {
            tx.execute(Sql::new(update).bind(*at).bind(*id)).await?;
        }
    }
    tx.announce_change().await?;
    tx.commit().await
}

/// A key the view sees, by its id, an unambiguous beginning of its id, or its display
/// prefix. One it does not see is not there, alike.
async fn find(tx: &mut Tx<'_>, view: &View, id: &str) -> Result<Found> {
    let id = id.trim();
    let mut sql = Sql::new(KEY_COLUMNS);
    if let Ok(uuid) = Uuid::parse_str(id) {
        sql.push_str(" WHERE k.id = ");
        sql.push_bind(uuid);
    } else if id.len() >= 4 && id.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
        // Only hex digits and dashes: nothing LIKE would read as a wildcard.
        sql.push_str(" WHERE CAST(k.id AS TEXT) LIKE ");
        sql.push_bind(format!("{}%", id.to_ascii_lowercase()));
    } else if id.starts_with("sk_") {
        if is_well_formed(id) {
            return Err(Error::usage("that is a whole key, not an id")
                .with_hint("never pass keys as arguments (`ps` shows them); `platctl keys verify` reads one from stdin"));
        }
        sql.push_str(" WHERE k.prefix = ");
        sql.push_bind(id);
    } else {
        return Err(Error::usage(format!("{} is not a key id", quote(id)))
            .with_hint("give the id (or its first characters) or the prefix, as `platctl keys list` shows them"));
    }
    view.restrict(&mut sql, "k.organization_id");
    sql.push_str(" LIMIT 2");
    let now = crate::local::now();
    let rows = tx.fetch_all(sql).await?;
    match rows.as_slice() {
        [row] => found_from(row, now),
        [] => Err(
            Error::not_found(format!("there is no API key {}", quote(id)))
                .with_hint("`platctl keys list --all` shows every key"),
        ),
        _ => Err(
            Error::usage(format!("{} matches more than one key", quote(id)))
                .with_hint("give more characters of the id"),
        ),
    }
}

/// Check that the actor may hand out every scope: a key only its own, a user only what
/// they hold in the organization (a platform key, made by no user, has no organization).
async fn check_scopes(
    tx: &mut Tx<'_>,
    actor: &Actor,
    org: Option<&OrgRef>,
    scopes: &[String],
) -> Result<()> {
    if let Some(key) = &actor.key {
        // A key makes keys with at most its own scopes.
        let beyond: Vec<&String> = scopes.iter().filter(|s| !key.scopes.contains(s)).collect();
        if !beyond.is_empty() {
            let list: Vec<&str> = beyond.iter().map(|s| s.as_str()).collect();
            return Err(Error::forbidden(format!(
                "forbidden: the API key {}... cannot give scopes it does not hold: {}",
                key.prefix,
                list.join(", ")
            ))
            .with_hint("ask only for scopes the calling key holds, or use a key that holds them"));
        }
    }
    let (Some(user_id), Some(org)) = (actor.user_id, org) else {
        // The operator, with direct access to the database, is not limited by a role.
        return Ok(());
    };
    let user = users::user_by_id(tx, user_id).await?;
    if user.disabled_at.is_some() {
        return Err(Error::refused(format!(
            "{} is disabled and cannot create keys",
            user.email
        )));
    }
    let held = permissions::user_permissions(tx, &user, org.id).await?;
    let missing: Vec<String> = scopes
        .iter()
        .filter(|s| {
            s.split_once(':')
                .is_none_or(|(r, a)| !held.contains(&(r.to_string(), a.to_string())))
        })
        .cloned()
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(permissions::exceeds(&user.email, &org.slug, &missing))
    }
}

struct NewKey<'a> {
    /// None: a platform key.
    org: Option<&'a OrgRef>,
    name: &'a str,
    scopes: &'a [String],
    expires_at: Option<DateTime<Utc>>,
    test: bool,
}

/// How long a key made by an API key (over the admin API) waits for its caller to confirm
/// that it has it, before it expires.
pub type ConfirmWithin = std::time::Duration;

async fn insert(
    tx: &mut Tx<'_>,
    actor: &Actor,
    new: NewKey<'_>,
    confirm_within: ConfirmWithin,
) -> Result<CreatedKey> {
    let key = generate(new.test)?;
    let now = crate::local::now();
    // A key made over the admin API reaches its caller only after this commits: until they
    // confirm they have it, it expires on its own (everywhere, the platform included).
    let confirm_by = match actor.key {
        Some(_) => Some(
            chrono::Duration::from_std(confirm_within)
                .ok()
                .and_then(|d| now.checked_add_signed(d))
                .ok_or_else(|| Error::usage("the confirmation window is too long"))?,
        ),
        None => None,
    };
    let created = CreatedKey {
        id: Uuid::new_v4(),
        prefix: display_prefix(&key),
        organization: new.org.map(|o| o.slug.clone()),
        platform: new.org.is_none(),
        name: new.name.to_string(),
        scopes: new.scopes.to_vec(),
        // What it expires at once confirmed (until then, at `confirm_by` too).
        expires_at: new.expires_at,
        created_at: now,
        created_by: actor.user_id.map(|_| actor.label.clone()),
        confirm_by,
        key,
    };
    // Stored: the sooner of the two, so that an unconfirmed key expires everywhere.
    let provisional = match (confirm_by, new.expires_at) {
        (Some(by), Some(at)) => Some(by.min(at)),
        (Some(by), None) => Some(by),
        (None, at) => at,
    };
    match new.org {
        Some(org) => {
            tx.execute(
                Sql::new(
                    "INSERT INTO api_keys (id, organization_id, name, prefix, key_hash, scopes, \
                     created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(created.id)
                .bind(org.id)
                .bind(&created.name)
                .bind(&created.prefix)
                .bind(hash(&created.key))
                .bind(created.scopes.clone())
                .bind(actor.user_id)
                .bind(created.created_at)
                .bind(provisional),
            )
            .await?;
        }
        None => {
            tx.execute(
                Sql::new(
                    "INSERT INTO platform_keys (id, name, prefix, key_hash, scopes, created_at, \
                     expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(created.id)
                .bind(&created.name)
                .bind(&created.prefix)
                .bind(hash(&created.key))
                .bind(created.scopes.clone())
                .bind(created.created_at)
                .bind(provisional),
            )
            .await?;
        }
    }
    if let Some(by) = confirm_by {
        tx.execute(
            Sql::new(
                "INSERT INTO api_key_deliveries (key_id, confirm_by, expires_at) VALUES ($1, $2, $3)",
            )
            .bind(created.id)
            .bind(by)
            .bind(new.expires_at),
        )
        .await?;
    }
    Ok(created)
}

fn expiry(expires: &Option<Expiry>, now: DateTime<Utc>) -> Result<Option<DateTime<Utc>>> {
    match expires {
        None => Ok(None),
        Some(Expiry::In(d)) => {
            let d = bounded("--expires-in", d.0).map_err(Error::usage)?;
            if d <= chrono::Duration::zero() {
                return Err(Error::usage("--expires-in must be longer than zero"));
            }
            now.checked_add_signed(d)
                .map(Some)
                .ok_or_else(|| Error::usage("--expires-in is too long"))
        }
        Some(Expiry::At(at)) if *at <= now => Err(Error::usage(format!(
            "--expires-at {} is in the past",
            at.to_rfc3339()
        ))),
        Some(Expiry::At(at)) => Ok(Some(*at)),
    }
}

/// Validate a key request's own values (before anything is looked up).
pub fn check_request(req: &CreateKey) -> Result<Vec<String>> {
    if let Some(name) = req.name.as_deref() {
        crate::text::validate_free_text("key name", name, 200)?;
    }
    if req.platform && req.organization.is_some() {
        return Err(Error::usage("a platform key has no organization")
            .with_hint("drop --org, or drop --platform for a key of that organization"));
    }
    let scopes: Vec<String> = catalogue::parse_all(&req.scopes)?
        .iter()
        .map(|p| p.to_string())
        .collect();
    if scopes.is_empty() {
        return Err(Error::usage("a key needs at least one --scope")
            .with_hint("e.g. --scope agents:create --scope agents:read, or --scope agents:*"));
    }
    Ok(scopes)
}

/// Make a key in `org` (none: a platform key, which only the operator makes).
pub async fn create(
    tx: &mut Tx<'_>,
    actor: &Actor,
    org: Option<&OrgRef>,
    req: &CreateKey,
    confirm_within: ConfirmWithin,
) -> Result<CreatedKey> {
    let scopes = check_request(req)?;
    let now = crate::local::now();
    let expires_at = expiry(&req.expiry()?, now)?;
    check_scopes(tx, actor, org, &scopes).await?;
    let name = match req.name.as_deref().map(str::trim) {
        Some("") => return Err(Error::usage("the key name is empty")),
        Some(n) => n.to_string(),
        None => format!("key-{}", now.format("%Y%m%d-%H%M%S")),
    };
    let created = insert(
        tx,
        actor,
        NewKey {
            org,
            name: &name,
            scopes: &scopes,
            expires_at,
            test: req.test,
        },
        confirm_within,
    )
    .await?;
    let mut entry = AuditEntry::new("api_key.create", "api_key", created.id.to_string()).metadata(
        serde_json::json!({
            "name": created.name,
            "prefix": created.prefix,
            "scopes": created.scopes,
            "expires_at": expires_at,
            "test": req.test,
            "platform": created.platform,
            "confirm_by": created.confirm_by,
        }),
    );
    if let Some(org) = org {
        entry = entry.organization(org.id);
    }
    audit::record(tx, actor, entry).await?;
    Ok(created)
}

/// [`list`], or the same listing while nothing has changed since it was read ([`Heard`]).
pub(super) async fn list_remembered(
    tx: &mut Tx<'_>,
    heard: &Heard,
    view: &View,
    req: &ListKeys,
) -> Result<Vec<ApiKey>> {
    if let Some(keys) = heard.listing(req, view) {
        return Ok(keys);
    }
    let generation = heard.generation();
    let keys = list(tx, view, req).await?;
    if let Some(generation) = generation {
        heard.keep_listing(req, view, generation, &keys);
    }
    Ok(keys)
}

/// `keys whoami`: the key acting (if one is), whose it is, and the roles that bound it.
pub async fn whoami(tx: &mut Tx<'_>, actor: &Actor, as_user: bool) -> Result<Identity> {
    let principal = match (actor.api_key_id, as_user) {
        (Some(_), _) => "key",
        (None, true) => "user",
        (None, false) => "operator",
    };
    let key = match actor.api_key_id {
        Some(id) => Some(show(tx, &View::All, &id.to_string()).await?),
        None => None,
    };
    let roles = match actor.user_id {
        Some(id) => users::roles_of(tx, id).await?,
        None => Vec::new(),
    };
    Ok(Identity {
        principal: principal.into(),
        actor: actor.label.clone(),
        key,
        roles,
    })
}

pub async fn list(tx: &mut Tx<'_>, view: &View, req: &ListKeys) -> Result<Vec<ApiKey>> {
    let now = crate::local::now();
    let mut sql = Sql::new(KEY_COLUMNS);
    sql.push_str(" WHERE 1 = 1");
    view.restrict(&mut sql, "k.organization_id");
    if let Some(slug) = &req.organization {
        // Authorized for it already, so it exists.
        sql.push_str(" AND o.slug = ");
        sql.push_bind(slug.as_str());
    }
    if req.platform {
        sql.push_str(" AND k.platform");
    }
    if let Some(email) = &req.created_by {
        let user = users::user_in(tx, view, email).await?;
        sql.push_str(" AND k.created_by = ");
        sql.push_bind(user.id);
    }
    if !req.all {
        sql.push_str(
            " AND k.revoked_at IS NULL AND u.disabled_at IS NULL \
             AND (k.expires_at IS NULL OR k.expires_at > ",
        );
        sql.push_bind(now);
        sql.push_str(")");
    }
    sql.push_str(KEY_ORDER);
    let rows = tx.fetch_all(sql).await?;
    rows.iter().map(|r| key_from(r, now)).collect()
}

pub async fn show(tx: &mut Tx<'_>, view: &View, id: &str) -> Result<ApiKey> {
    Ok(find(tx, view, id).await?.key)
}

/// The audit entry of a change to `found`, in its organization (none for a platform key).
fn entry_for(action: &'static str, found: &Found) -> AuditEntry {
    let entry = AuditEntry::new(action, "api_key", found.key.id.to_string());
    match &found.org {
        Some(org) => entry.organization(org.id),
        None => entry,
    }
}

/// Record `action` on `found` (its name and prefix, and what `said`), and read it back.
async fn recorded(
    tx: &mut Tx<'_>,
    actor: &Actor,
    view: &View,
    action: &'static str,
    found: &Found,
    said: serde_json::Value,
) -> Result<Changed<ApiKey>> {
    let mut metadata = serde_json::json!({ "name": found.key.name, "prefix": found.key.prefix });
    if let (Some(all), serde_json::Value::Object(more)) = (metadata.as_object_mut(), said) {
        all.extend(more);
    }
    audit::record(tx, actor, entry_for(action, found).metadata(metadata)).await?;
    Ok(Changed {
        changed: true,
        item: find(tx, view, &found.key.id.to_string()).await?.key,
    })
}

/// A platform key is the whole platform's: who may change one must be allowed to on the
/// whole platform (the operator, a platform key, a user holding it everywhere).
fn platform_key_needs_platform(found: &Found, view: &View) -> Result<()> {
    if found.key.platform && !matches!(view, View::All) {
        return Err(Error::not_found(format!(
            "there is no API key {}",
            quote(&found.key.prefix)
        )));
    }
    Ok(())
}

pub async fn revoke(
    tx: &mut Tx<'_>,
    actor: &Actor,
    view: &View,
    id: &str,
    reason: Option<&str>,
) -> Result<Changed<ApiKey>> {
    if let Some(reason) = reason {
        crate::text::validate_free_text("reason", reason, 500)?;
    }
    let found = find(tx, view, id).await?;
    platform_key_needs_platform(&found, view)?;
    // Only a key not revoked yet: of two revokes at once (or a revoke beside a rotation), the
    // second waits for the first's row lock and then finds nothing to do.
    let sql = format!(
        "UPDATE {} SET revoked_at = $1, revoked_reason = $2 WHERE id = $3 AND revoked_at IS NULL",
        table(found.key.platform)
    );
    let changed = tx
        .execute(
            Sql::assembled(sql)
                .bind(crate::local::now())
                .bind(reason)
                .bind(found.key.id),
        )
        .await?;
    if changed == 0 {
        return Ok(Changed {
            changed: false,
            item: find(tx, view, &found.key.id.to_string()).await?.key,
        });
    }
    let said = serde_json::json!({ "reason": reason });
    recorded(tx, actor, view, "api_key.revoke", &found, said).await
}

pub async fn delete(tx: &mut Tx<'_>, actor: &Actor, view: &View, id: &str) -> Result<ApiKey> {
    let found = find(tx, view, id).await?;
    platform_key_needs_platform(&found, view)?;
    let sql = format!("DELETE FROM {} WHERE id = $1", table(found.key.platform));
    tx.execute(Sql::assembled(sql).bind(found.key.id)).await?;
    tx.execute(Sql::new("DELETE FROM api_key_deliveries WHERE key_id = $1").bind(found.key.id))
        .await?;
    audit::record(
        tx,
        actor,
        entry_for("api_key.delete", &found).metadata(serde_json::json!({
            "name": found.key.name, "prefix": found.key.prefix, "scopes": found.key.scopes,
        })),
    )
    .await?;
    Ok(found.key)
}

fn conflict(message: String, hint: &str) -> Error {
    Error::new(ErrorKind::Conflict, message).with_hint(hint.to_string())
}

pub async fn rotate(
    tx: &mut Tx<'_>,
    actor: &Actor,
    view: &View,
    id: &str,
    grace: std::time::Duration,
    confirm_within: ConfirmWithin,
) -> Result<RotatedKey> {
    let grace = bounded("--grace", grace).map_err(Error::usage)?;
    let found = find(tx, view, id).await?;
    let old = &found.key;
    if old.platform && (actor.key.is_some() || actor.user_id.is_some()) {
        platform_key_needs_platform(&found, view)?;
        return Err(Error::forbidden(format!(
            "forbidden: the platform key {} is rotated only by the operator with the database",
            old.prefix
        ))
        .with_hint("platform keys are made, and so rotated, only by the operator (without --as, not over the admin API)"));
    }
    let revoked = || {
        conflict(
            format!(
                "the key {} is revoked; revoked keys are not rotated",
                old.prefix
            ),
            "create a new key with `platctl keys create`",
        )
    };
    if old.revoked_at.is_some() {
        return Err(revoked());
    }
    let rotated = |successor: &str| {
        conflict(
            format!(
                "the key {} was rotated already (its successor is {successor}); a key is rotated once",
                old.prefix
            ),
            "rotate its successor, or create a new key with `platctl keys create`",
        )
    };
    if let Some(row) = tx
        .fetch_optional(
            Sql::new("SELECT successor_id FROM api_key_rotations WHERE key_id = $1").bind(old.id),
        )
        .await?
    {
        return Err(rotated(&row.uuid("successor_id")?.to_string()));
    }
    check_scopes(tx, actor, found.org.as_ref(), &old.scopes).await?;
    let now = crate::local::now();
    // The new key keeps the old one's lifetime, counted from now (at most until 9999).
    let expires_at = old.expires_at.map(|e| {
        let lifetime = e
            .signed_duration_since(old.created_at)
            .max(chrono::Duration::zero());
        crate::proto::time::clamp(
            now.checked_add_signed(lifetime)
                .unwrap_or(DateTime::<Utc>::MAX_UTC),
        )
    });
    let old_ends = now
        .checked_add_signed(grace)
        .ok_or_else(|| Error::usage("--grace is too long"))?;
    let old_ends = old.expires_at.map_or(old_ends, |e| e.min(old_ends));
    // Only while not revoked: a revoke that committed first (this waits for its row lock)
    // leaves nothing to rotate.
    let sql = format!(
        "UPDATE {} SET expires_at = $1 WHERE id = $2 AND revoked_at IS NULL",
        table(old.platform)
    );
    if tx
        .execute(Sql::assembled(sql).bind(old_ends).bind(old.id))
        .await?
        == 0
    {
        return Err(revoked());
    }
    let new = insert(
        tx,
        actor,
        NewKey {
            org: found.org.as_ref(),
            name: &old.name,
            scopes: &old.scopes,
            expires_at,
            test: old.prefix.starts_with(TEST_PREFIX),
        },
        confirm_within,
    )
    .await?;
    // Once: a rotation that committed first (this waits for it) leaves this one nothing.
    let recorded = tx
        .execute(
            Sql::new(
                "INSERT INTO api_key_rotations (key_id, successor_id, rotated_at) \
                 VALUES ($1, $2, $3) ON CONFLICT (key_id) DO NOTHING",
            )
            .bind(old.id)
            .bind(new.id)
            .bind(now),
        )
        .await?;
    if recorded == 0 {
        return Err(rotated("another key"));
    }
    audit::record(
        tx,
        actor,
        entry_for("api_key.rotate", &found).metadata(serde_json::json!({
            "name": old.name,
            "old_prefix": old.prefix,
            "new_key_id": new.id,
            "new_prefix": new.prefix,
            "old_key_expires_at": old_ends,
            "grace_seconds": grace.num_seconds(),
        })),
    )
    .await?;
    let old = find(tx, view, &old.id.to_string()).await?.key;
    Ok(RotatedKey { new, old })
}

/// Confirm that the caller has a key made over the admin API: it keeps the expiry asked
/// for instead of expiring at `confirm_by`.
pub async fn confirm(
    tx: &mut Tx<'_>,
    actor: &Actor,
    view: &View,
    id: &str,
) -> Result<Changed<ApiKey>> {
    let found = find(tx, view, id).await?;
    platform_key_needs_platform(&found, view)?;
    let Some(confirm_by) = found.key.confirm_by else {
        return Ok(Changed {
            changed: false,
            item: found.key,
        });
    };
    let now = crate::local::now();
    if confirm_by <= now || found.key.revoked_at.is_some() {
        return Err(conflict(
            format!(
                "the key {} can no longer be confirmed: it {} at {}",
                found.key.prefix,
                if found.key.revoked_at.is_some() {
                    "was revoked"
                } else {
                    "expired unconfirmed"
                },
                found
                    .key
                    .revoked_at
                    .unwrap_or(confirm_by)
                    .format("%Y-%m-%d %H:%M:%S UTC")
            ),
            "create a new key",
        ));
    }
    let row = tx
        .fetch_optional(
            Sql::new(
                "SELECT expires_at FROM api_key_deliveries WHERE key_id = $1 AND confirm_by > $2",
            )
            .bind(found.key.id)
            .bind(now),
        )
        .await?;
    let Some(row) = row else {
        return Ok(Changed {
            changed: false,
            item: find(tx, view, id).await?.key,
        });
    };
    let expires_at = row.opt_time("expires_at")?;
    let sql = format!(
        "UPDATE {} SET expires_at = $1 WHERE id = $2 AND revoked_at IS NULL",
        table(found.key.platform)
    );
    tx.execute(Sql::assembled(sql).bind(expires_at).bind(found.key.id))
        .await?;
    tx.execute(Sql::new("DELETE FROM api_key_deliveries WHERE key_id = $1").bind(found.key.id))
        .await?;
    let said = serde_json::json!({ "expires_at": expires_at });
    recorded(tx, actor, view, "api_key.confirm", &found, said).await
}

/// Whether `key` is valid: one the view does not see is NOT_FOUND, alike.
pub async fn verify(tx: &mut Tx<'_>, view: &View, key: &str) -> Result<KeyVerification> {
    let mut out = KeyVerification {
        status: Verdict::NotFound,
        id: None,
        prefix: None,
        organization: None,
        platform: false,
        name: None,
        scopes: Vec::new(),
        expires_at: None,
        revoked_at: None,
    };
    if !is_well_formed(key) {
        return Ok(out);
    }
    let mut sql = Sql::new(KEY_COLUMNS);
    sql.push_str(" WHERE k.key_hash = ");
    sql.push_bind(hash(key));
    view.restrict(&mut sql, "k.organization_id");
    let Some(row) = tx.fetch_optional(sql).await? else {
        return Ok(out);
    };
    let found = key_from(&row, crate::local::now())?;
    out.status = match found.status {
        KeyStatus::Active => Verdict::Valid,
        KeyStatus::Expired => Verdict::Expired,
        KeyStatus::Revoked => Verdict::Revoked,
        KeyStatus::Disabled => Verdict::Disabled,
    };
    out.id = Some(found.id);
    out.prefix = Some(found.prefix);
    out.organization = found.organization;
    out.platform = found.platform;
    out.name = Some(found.name);
    out.scopes = found.scopes;
    out.expires_at = found.expires_at;
    out.revoked_at = found.revoked_at;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_have_the_documented_shape() {
        for test in [false, true] {
            let key = generate(test).unwrap();
            assert!(is_well_formed(&key), "{key}");
            assert_eq!(key.len(), 40);
            assert!(key.starts_with(if test { "sk_test_" } else { "sk_live_" }));
            assert_eq!(display_prefix(&key).len(), 12);
        }
        assert_ne!(generate(false).unwrap(), generate(false).unwrap());
        assert!(!is_well_formed("sk_live_short"));
        assert!(!is_well_formed("sk_prod_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    }

    #[test]
    fn every_character_of_the_alphabet_turns_up() {
        let mut seen = std::collections::BTreeSet::new();
        for _ in 0..200 {
            seen.extend(generate(false).unwrap()[8..].bytes());
        }
        assert_eq!(seen.len(), 62);
    }

    #[test]
    fn hash_is_lowercase_hex_sha256() {
        assert_eq!(
            hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
