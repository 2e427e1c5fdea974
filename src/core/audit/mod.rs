//! Audit entries. Every change platctl makes writes one `audit_logs` row in the same
//! transaction as the change, so a failed audit write rolls the change back. Reading the log
//! (`query`), retention (`prune`) and tamper evidence (`seal`, over the `chain` of seals and
//! prune records) live beside.

pub mod chain;
pub mod filter;
mod parallel;
pub mod prune;
pub mod query;
pub mod seal;

use serde_json::Value;
use uuid::Uuid;

use super::actor::{Actor, Client};
use crate::db::{Sql, Tx};
use crate::error::{Error, Result};

/// The platform user named by `--as`, who must exist and must not be disabled.
pub async fn actor_for_email(tx: &mut Tx<'_>, email: &str) -> Result<Actor> {
    let row = tx
        .fetch_optional(
            Sql::new("SELECT id, email, disabled_at FROM users WHERE lower(email) = lower($1)")
                .bind(email),
        )
        .await?;
    let Some(row) = row else {
        return Err(Error::not_found(format!(
            "--as {}: there is no such user",
            crate::text::quote(email)
        ))
        .with_hint("create the user first (`platctl users create EMAIL`) or drop --as"));
    };
    let label = row.text("email")?;
    if let Some(since) = row.opt_time("disabled_at")? {
        return Err(Error::refused(format!(
            "--as {label}: the user is disabled (since {}) and can do nothing",
            since.format("%Y-%m-%d %H:%M UTC")
        ))
        .with_hint(format!(
            "the operator can enable them again: `platctl users enable {label}`"
        )));
    }
    Ok(Actor {
        user_id: Some(row.uuid("id")?),
        api_key_id: None,
        label,
        key: None,
        client: Client::default(),
    })
}

/// One audit row about to be written.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    pub action: &'static str,
    pub resource_type: &'static str,
    pub resource_id: Option<String>,
    pub organization_id: Option<Uuid>,
    pub metadata: Value,
}

impl AuditEntry {
    pub fn new(action: &'static str, resource_type: &'static str, resource_id: String) -> Self {
        AuditEntry {
            action,
            resource_type,
            resource_id: Some(resource_id),
            organization_id: None,
            metadata: Value::Object(Default::default()),
        }
    }

    pub fn organization(mut self, id: Uuid) -> Self {
        self.organization_id = Some(id);
        self
    }

    pub fn metadata(mut self, metadata: Value) -> Self {
        self.metadata = metadata;
        self
    }
}

pub const USER_AGENT: &str = concat!("platctl/", env!("CARGO_PKG_VERSION"));

/// Write the entry inside the caller's transaction.
pub async fn record(tx: &mut Tx<'_>, actor: &Actor, entry: AuditEntry) -> Result<()> {
    tx.execute(
        Sql::new(
            "INSERT INTO audit_logs (occurred_at, actor_user_id, actor_api_key_id, actor, \
             organization_id, action, resource_type, resource_id, ip, user_agent, metadata) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(crate::local::now())
        .bind(actor.user_id)
        .bind(actor.api_key_id)
        .bind(actor.label.as_str())
        .bind(entry.organization_id)
        .bind(entry.action)
        .bind(entry.resource_type)
        .bind(entry.resource_id)
        .bind(actor.client.ip)
        .bind(actor.client.user_agent.as_deref().unwrap_or(USER_AGENT))
        .bind(entry.metadata),
    )
    .await
    .map_err(|e| {
        Error::new(
            e.kind(),
            format!("cannot write the audit entry: {}", e.message()),
        )
        .with_hint("the change was rolled back")
    })?;
    Ok(())
}
