//! The platform's rules, once: migrations, the permission catalogue and role hierarchy, the API
//! key format, audit entries. [`Core`] implements [`Backend`] over a database; `platctl serve`
//! will run the same core behind the admin API.

pub mod audit;
mod migrate;

use async_trait::async_trait;
use chrono::{DateTime, SubsecRound, Utc};
use uuid::Uuid;

use crate::backend::Backend;
use crate::db::{Db, Sql, Tx};
use crate::error::Result;
use crate::proto::*;

pub use audit::{Actor, AuditEntry};

/// The clock. Timestamps are kept to the microsecond (PostgreSQL's precision).
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

/// The operator running platctl, as `os-user@host`: the actor of changes made without `--as`.
pub fn operator() -> String {
    let user = whoami::username()
        .ok()
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "unknown".into());
    let host = whoami::hostname().unwrap_or_else(|_| "localhost".into());
    format!("{user}@{host}")
}

pub struct Core {
    db: Db,
    target: String,
    act_as: Option<String>,
    operator: String,
}

impl Core {
    pub fn new(db: Db, target: String, act_as: Option<String>) -> Self {
        Core {
            db,
            target,
            act_as,
            operator: operator(),
        }
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The actor of schema changes: users may not exist yet, so `--as` is recorded by name.
    fn schema_actor(&self) -> Actor {
        Actor {
            user_id: None,
            api_key_id: None,
            label: self.act_as.clone().unwrap_or_else(|| self.operator.clone()),
        }
    }

    /// The actor of a change: the `--as` user (who must exist), else the operator.
    async fn actor(&self, tx: &mut Tx<'_>) -> Result<Actor> {
        match &self.act_as {
            None => Ok(Actor::operator(&self.operator)),
            Some(email) => audit::actor_for_email(tx, email).await,
        }
    }

    async fn create_organization_tx(
        &self,
        tx: &mut Tx<'_>,
        slug: &str,
        name: &str,
    ) -> Result<Organization> {
        let actor = self.actor(tx).await?;
        let org = Organization {
            id: Uuid::new_v4(),
            slug: slug.to_string(),
            name: name.to_string(),
            created_at: now(),
        };
        tx.execute(
            Sql::new(
                "INSERT INTO organizations (id, slug, name, created_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(org.id)
            .bind(org.slug.as_str())
            .bind(org.name.as_str())
            .bind(org.created_at),
        )
        .await?;
        audit::record(
            tx,
            &actor,
            AuditEntry::new("organization.create", "organization", org.id.to_string())
                .organization(org.id)
                .metadata(serde_json::json!({ "slug": org.slug, "name": org.name })),
        )
        .await?;
        Ok(org)
    }
}

#[async_trait]
impl Backend for Core {
    fn describe(&self) -> String {
        self.target.clone()
    }

    async fn migrate_status(&self) -> Result<Vec<Migration>> {
        migrate::status(&self.db).await
    }

    async fn migrate_run(&self, req: &MigrateRun) -> Result<MigrateReport> {
        migrate::run(&self.db, req, &self.schema_actor()).await
    }

    async fn migrate_revert_plan(&self, to: Option<i64>) -> Result<Vec<Migration>> {
        migrate::revert_plan(&self.db, to).await
    }

    async fn migrate_revert(&self, req: &MigrateRevert) -> Result<MigrateReport> {
        migrate::revert(&self.db, req, &self.schema_actor()).await
    }

    async fn migrate_verify(&self) -> Result<Vec<Drift>> {
        migrate::verify(&self.db).await
    }

    async fn migrate_accept(&self, version: i64) -> Result<Drift> {
        migrate::accept(&self.db, version, &self.schema_actor()).await
    }

    async fn ensure_default_organization(&self) -> Result<Option<Organization>> {
        let mut tx = self.db.begin().await?;
        let count = tx
            .fetch_one(Sql::new("SELECT COUNT(*) AS n FROM organizations"))
            .await?
            .int("n")?;
        if count > 0 {
            return Ok(None);
        }
        let org = self
            .create_organization_tx(&mut tx, "default", "Default organization")
            .await?;
        tx.commit().await?;
        Ok(Some(org))
    }

    async fn close(&self) {
        self.db.close().await;
    }
}
