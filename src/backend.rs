//! The operations commands call, behind one trait, chosen once from the settings.
//!
//! `postgres://…` and `sqlite://…` (or a path) give the [`crate::core::Core`]: the platform's
//! rules running over that database. The admin API client (`--server`) is the third
//! implementation: it sends the same requests to `platctl serve`, which runs the same core.
//! Commands only see `dyn Backend`, so adding an implementation changes no command.

use async_trait::async_trait;
use std::time::Duration;

use crate::core::Core;
use crate::db::{ConnectOptions, Db};
use crate::error::Result;
use crate::proto::*;
use crate::settings::Settings;

#[async_trait]
pub trait Backend: Send + Sync {
    /// What this backend talks to, for people, with secrets redacted.
    fn describe(&self) -> String;

    /// Every migration: applied, pending, changed or unknown, in version order.
    async fn migrate_status(&self) -> Result<Vec<Migration>>;
    /// Apply pending migrations (or say which would be applied).
    async fn migrate_run(&self, req: &MigrateRun) -> Result<MigrateReport>;
    /// The migrations `migrate_revert` would revert, newest first.
    async fn migrate_revert_plan(&self, to: Option<i64>) -> Result<Vec<Migration>>;
    /// Revert migrations with their down scripts, newest first.
    async fn migrate_revert(&self, req: &MigrateRevert) -> Result<MigrateReport>;
    /// Applied migrations that differ from this binary's, or that it does not know.
    async fn migrate_verify(&self) -> Result<Vec<Drift>>;
    /// Record the current checksum of a changed, applied migration as correct.
    async fn migrate_accept(&self, version: i64) -> Result<Drift>;

    /// Create the organization `default` when there is none; returns it when created.
    async fn ensure_default_organization(&self) -> Result<Option<Organization>>;

    async fn create_organization(&self, req: &CreateOrganization) -> Result<Organization>;
    async fn list_organizations(&self) -> Result<Vec<Organization>>;

    async fn create_user(&self, req: &CreateUser) -> Result<User>;
    /// Every user, or the members of one organization.
    async fn list_users(&self, organization: Option<&str>) -> Result<Vec<User>>;
    async fn disable_user(&self, email: &str) -> Result<Changed<User>>;

    async fn list_roles(&self) -> Result<Vec<Role>>;
    async fn show_role(&self, name: &str) -> Result<RoleDetail>;
    async fn create_role(&self, req: &CreateRole) -> Result<Role>;
    /// Delete a custom role; with `force`, also the assignments that still use it.
    async fn delete_role(&self, name: &str, force: bool) -> Result<RoleDeleted>;
    /// Grant permissions (`resource:action` or `resource:*`) to a role.
    async fn grant(&self, role: &str, permissions: &[String]) -> Result<GrantChange>;
    async fn revoke(&self, role: &str, permissions: &[String]) -> Result<GrantChange>;
    /// Give a user a role in an organization, replacing the one they held there.
    async fn assign_role(&self, req: &AssignRole) -> Result<Assignment>;
    async fn unassign_role(&self, user: &str, organization: &str) -> Result<Assignment>;

    async fn list_permissions(&self, resource: Option<&str>) -> Result<Vec<PermissionInfo>>;
    async fn check_permission(&self, req: &CheckPermission) -> Result<PermissionCheck>;

    async fn create_key(&self, req: &CreateKey) -> Result<CreatedKey>;
    async fn list_keys(&self, req: &ListKeys) -> Result<Vec<ApiKey>>;
    /// A key by id, unambiguous id prefix, or display prefix.
    async fn show_key(&self, id: &str) -> Result<ApiKey>;
    async fn revoke_key(&self, id: &str, reason: Option<&str>) -> Result<Changed<ApiKey>>;
    async fn delete_key(&self, id: &str) -> Result<ApiKey>;
    /// A new key like the old one; the old one keeps working for `grace`.
    async fn rotate_key(&self, id: &str, grace: Duration) -> Result<RotatedKey>;
    async fn verify_key(&self, key: &str) -> Result<KeyVerification>;

    /// The audit entry of an operation done outside the database (a backup, a restore).
    async fn record_operation(&self, record: &OperationRecord) -> Result<()>;

    /// Release connections.
    async fn close(&self);
}

/// How long to wait for a database connection, from PLATCTL_CONNECT_TIMEOUT (default 10s).
pub fn connect_timeout(settings: &Settings) -> Result<Duration> {
    match settings.env.get("PLATCTL_CONNECT_TIMEOUT") {
        None => Ok(Duration::from_secs(10)),
        Some(text) => crate::cli::parse_duration(&text).map_err(|e| {
            crate::error::Error::config(format!("PLATCTL_CONNECT_TIMEOUT=`{text}`: {e}"))
        }),
    }
}

/// Open the backend the settings name. `create` allows creating a missing SQLite file.
pub async fn open(settings: &Settings, create: bool) -> Result<Box<dyn Backend>> {
    let opts = ConnectOptions {
        create,
        timeout: connect_timeout(settings)?,
    };
    let db = Db::connect(&settings.database, &opts).await?;
    tracing::debug!(database = %settings.database.display(), "connected");
    Ok(Box::new(Core::new(
        db,
        settings.database.display(),
        settings.act_as.clone(),
    )))
}
