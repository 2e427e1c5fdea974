//! The platform's rules, once: migrations, the permission catalogue and role hierarchy, the API
//! key format, audit entries. [`Core`] implements [`Backend`] over a database; `platctl serve`
//! will run the same core behind the admin API.

pub mod audit;
pub mod catalogue;
pub mod directory;
pub mod keys;
mod migrate;
pub mod rbac;

use async_trait::async_trait;
use chrono::{DateTime, SubsecRound, Utc};

use crate::backend::{Backend, Deliver};
use crate::db::{Db, Tx};
use crate::error::Result;
use crate::proto::*;

pub use audit::{Actor, AuditEntry};

/// A change: one write transaction with the actor resolved inside it, committed only when the
/// change and its audit entry both succeeded (dropping the transaction rolls back). With
/// `deliver`, the result must also be shown (a new key) before the change is committed.
macro_rules! change {
    ($core:ident, |$tx:ident, $actor:ident| $body:expr) => {{ change!($core, |$tx, $actor| $body, |_out| Ok(())) }};
    ($core:ident, |$tx:ident, $actor:ident| $body:expr, $deliver:expr) => {{
        $core.ready().await?;
        let mut tx = $core.db.begin().await?;
        let actor = $core.actor(&mut tx).await?;
        let out = {
            let $tx = &mut tx;
            let $actor = &actor;
            $body.await?
        };
        let deliver: &dyn Fn(&_) -> Result<()> = &$deliver;
        deliver(&out)?;
        tx.commit().await?;
        Ok(out)
    }};
}

/// A read: one read-only transaction, for a consistent view. The `--as` user must exist and
/// be enabled, for reads as for changes.
macro_rules! read {
    ($core:ident, |$tx:ident| $body:expr) => {{
        $core.ready().await?;
        let mut tx = $core.db.begin_read().await?;
        $core.actor(&mut tx).await?;
        let out = {
            let $tx = &mut tx;
            $body.await?
        };
        tx.commit().await?;
        Ok(out)
    }};
}

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
    /// The schema was found current (checked once, before the first read or change).
    schema_current: tokio::sync::OnceCell<()>,
}

impl Core {
    pub fn new(db: Db, target: String, act_as: Option<String>) -> Self {
        Core {
            db,
            target,
            act_as,
            operator: operator(),
            schema_current: tokio::sync::OnceCell::new(),
        }
    }

    /// Reads and changes need the schema this binary ships: refuse a database without it, or
    /// behind it, with what to run.
    async fn ready(&self) -> Result<()> {
        self.schema_current
            .get_or_try_init(|| migrate::ensure_current(&self.db))
            .await
            .map(|_| ())
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The actor of schema changes. Before the users table exists `--as` is recorded by
    /// name; once it does, the user must exist, as for every other change.
    async fn schema_actor(&self) -> Result<Actor> {
        let Some(email) = &self.act_as else {
            return Ok(Actor::operator(&self.operator));
        };
        if !self.db.table_exists("users").await? {
            return Ok(Actor {
                user_id: None,
                api_key_id: None,
                label: email.clone(),
            });
        }
        let mut tx = self.db.begin_read().await?;
        let actor = audit::actor_for_email(&mut tx, email).await;
        tx.commit().await?;
        actor
    }

    /// The actor of a change: the `--as` user (who must exist), else the operator.
    async fn actor(&self, tx: &mut Tx<'_>) -> Result<Actor> {
        match &self.act_as {
            None => Ok(Actor::operator(&self.operator)),
            Some(email) => audit::actor_for_email(tx, email).await,
        }
    }
}

#[async_trait]
impl Backend for Core {
    fn describe(&self) -> String {
        self.target.clone()
    }

    async fn migrate_status(&self) -> Result<Vec<Migration>> {
        self.schema_actor().await?;
        migrate::status(&self.db).await
    }

    async fn migrate_run(&self, req: &MigrateRun) -> Result<MigrateReport> {
        migrate::run(&self.db, req, &self.schema_actor().await?).await
    }

    async fn migrate_revert_plan(&self, to: Option<i64>) -> Result<Vec<Migration>> {
        self.schema_actor().await?;
        migrate::revert_plan(&self.db, to).await
    }

    async fn migrate_revert(&self, req: &MigrateRevert) -> Result<MigrateReport> {
        migrate::revert(&self.db, req, &self.schema_actor().await?).await
    }

    async fn migrate_verify(&self) -> Result<Vec<Drift>> {
        self.schema_actor().await?;
        migrate::verify(&self.db).await
    }

    async fn migrate_accept(&self, version: i64) -> Result<Drift> {
        migrate::accept(&self.db, version, &self.schema_actor().await?).await
    }

    async fn ensure_default_organization(&self) -> Result<Option<Organization>> {
        change!(self, |tx, actor| directory::ensure_default_org(tx, actor))
    }

    async fn create_organization(&self, req: &CreateOrganization) -> Result<Organization> {
        directory::validate_slug(&req.slug)?;
        change!(self, |tx, actor| directory::create_org(tx, actor, req))
    }

    async fn list_organizations(&self) -> Result<Vec<Organization>> {
        read!(self, |tx| directory::list_orgs(tx))
    }

    async fn create_user(&self, req: &CreateUser) -> Result<User> {
        directory::validate_email(req.email.trim())?;
        change!(self, |tx, actor| directory::create_user(tx, actor, req))
    }

    async fn list_users(&self, organization: Option<&str>) -> Result<Vec<User>> {
        read!(self, |tx| directory::list_users(tx, organization))
    }

    async fn set_user_disabled(&self, email: &str, disabled: bool) -> Result<UserChange> {
        change!(self, |tx, actor| directory::set_disabled(
            tx, actor, email, disabled
        ))
    }

    async fn list_roles(&self) -> Result<Vec<Role>> {
        read!(self, |tx| rbac::list_roles(tx))
    }

    async fn show_role(&self, name: &str) -> Result<RoleDetail> {
        read!(self, |tx| rbac::show_role(tx, name))
    }

    async fn create_role(&self, req: &CreateRole) -> Result<Role> {
        change!(self, |tx, actor| rbac::create_role(tx, actor, req))
    }

    async fn delete_role(&self, name: &str, force: bool) -> Result<RoleDeleted> {
        change!(self, |tx, actor| rbac::delete_role(tx, actor, name, force))
    }

    async fn grant(&self, role: &str, permissions: &[String]) -> Result<GrantChange> {
        let perms = catalogue::parse_all(permissions)?;
        change!(self, |tx, actor| rbac::grant(tx, actor, role, &perms))
    }

    async fn revoke(&self, role: &str, permissions: &[String]) -> Result<GrantChange> {
        let perms = catalogue::parse_marked(permissions)?;
        change!(self, |tx, actor| rbac::revoke(tx, actor, role, &perms))
    }

    async fn assign_role(&self, req: &AssignRole) -> Result<Assignment> {
        change!(self, |tx, actor| rbac::assign(tx, actor, req))
    }

    async fn unassign_role(&self, user: &str, organization: &str) -> Result<Assignment> {
        change!(self, |tx, actor| rbac::unassign(
            tx,
            actor,
            user,
            organization
        ))
    }

    async fn list_permissions(&self, resource: Option<&str>) -> Result<Vec<PermissionInfo>> {
        read!(self, |tx| rbac::list_permissions(tx, resource))
    }

    async fn check_permission(&self, req: &CheckPermission) -> Result<PermissionCheck> {
        catalogue::parse(&req.permission)?;
        read!(self, |tx| rbac::check(tx, req))
    }

    async fn create_key(
        &self,
        req: &CreateKey,
        deliver: Deliver<'_, CreatedKey>,
    ) -> Result<CreatedKey> {
        catalogue::parse_all(&req.scopes)?;
        change!(self, |tx, actor| keys::create(tx, actor, req), deliver)
    }

    async fn list_keys(&self, req: &ListKeys) -> Result<Vec<ApiKey>> {
        read!(self, |tx| keys::list(tx, req))
    }

    async fn show_key(&self, id: &str) -> Result<ApiKey> {
        read!(self, |tx| keys::show(tx, id))
    }

    async fn revoke_key(&self, id: &str, reason: Option<&str>) -> Result<Changed<ApiKey>> {
        change!(self, |tx, actor| keys::revoke(tx, actor, id, reason))
    }

    async fn delete_key(&self, id: &str) -> Result<ApiKey> {
        change!(self, |tx, actor| keys::delete(tx, actor, id))
    }

    async fn rotate_key(
        &self,
        id: &str,
        grace: std::time::Duration,
        deliver: Deliver<'_, RotatedKey>,
    ) -> Result<RotatedKey> {
        change!(
            self,
            |tx, actor| keys::rotate(tx, actor, id, grace),
            deliver
        )
    }

    async fn verify_key(&self, key: &str) -> Result<KeyVerification> {
        read!(self, |tx| keys::verify(tx, key))
    }

    async fn check_actor(&self) -> Result<String> {
        Ok(self.schema_actor().await?.label)
    }

    async fn record_operation(&self, record: &OperationRecord) -> Result<()> {
        let entry = AuditEntry::new(
            record.operation.action(),
            "backup",
            record.resource_id.clone(),
        )
        .metadata(record.metadata.clone());
        change!(self, |tx, actor| audit::record(tx, actor, entry))
    }

    async fn close(&self) {
        self.db.close().await;
    }
}
