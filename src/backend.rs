//! The operations commands call, behind one trait, chosen once from the settings.
//!
//! `postgres://…` and `sqlite://…` (or a path) give the [`crate::core::Core`]: the platform's
//! rules running over that database. The admin API client (`--server`) is the third
//! implementation: it sends the same requests to `platctl serve`, which runs the same core.
//! Commands only see `dyn Backend`, so adding an implementation changes no command.

use async_trait::async_trait;
use std::time::Duration;

use crate::error::Result;
use crate::progress::Reporter;
use crate::proto::audit::*;
use crate::proto::backup::*;
use crate::proto::*;

/// Shows a new API key to the one who asked for it, on its one showing. The key is kept only
/// when this succeeds: a key nobody could receive would be active and lost. (The core rolls the
/// creation back; a remote backend revokes the key, with an audit entry saying why.)
pub type Deliver<'a, T> = &'a (dyn Fn(&T) -> Result<()> + Send + Sync);

/// Receives a long result a page at a time, as it is read: nothing holds all of it.
pub type Sink<'a, T> = &'a mut (dyn FnMut(Vec<T>) -> Result<()> + Send);

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
    /// Disable a user (`true`) or enable them again (`false`).
    async fn set_user_disabled(&self, email: &str, disabled: bool) -> Result<UserChange>;

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

    /// Create a key and show it with `deliver`; when showing fails, nothing is kept.
    async fn create_key(
        &self,
        req: &CreateKey,
        deliver: Deliver<'_, CreatedKey>,
    ) -> Result<CreatedKey>;
    async fn list_keys(&self, req: &ListKeys) -> Result<Vec<ApiKey>>;
    /// A key by id, unambiguous id prefix, or display prefix.
    async fn show_key(&self, id: &str) -> Result<ApiKey>;
    async fn revoke_key(&self, id: &str, reason: Option<&str>) -> Result<Changed<ApiKey>>;
    async fn delete_key(&self, id: &str) -> Result<ApiKey>;
    /// A new key like the old one; the old one keeps working for `grace`.
    /// Shown with `deliver`; when showing fails, nothing is kept.
    async fn rotate_key(
        &self,
        id: &str,
        grace: Duration,
        deliver: Deliver<'_, RotatedKey>,
    ) -> Result<RotatedKey>;
    /// Confirm having a key made over the admin API, so that it keeps its expiry.
    async fn confirm_key(&self, id: &str) -> Result<Changed<ApiKey>>;
    async fn verify_key(&self, key: &str) -> Result<KeyVerification>;

    /// Take a backup now (or say that backups are disabled).
    async fn backup_run(&self, req: &BackupRun, progress: Reporter) -> Result<BackupRunOutcome>;
    /// The backups in the configured storage (or `storage`), newest first.
    async fn backup_list(
        &self,
        storage: Option<&str>,
        progress: Reporter,
    ) -> Result<Vec<BackupInfo>>;
    async fn backup_show(
        &self,
        id: &str,
        storage: Option<&str>,
        progress: Reporter,
    ) -> Result<ShowBackup>;
    /// Check everything a restore needs, touching nothing: what would be restored, where.
    async fn backup_restore_plan(
        &self,
        req: &BackupRestore,
        progress: Reporter,
    ) -> Result<RestorePlan>;
    /// Run a restore as planned (the plan is checked again against the storage).
    async fn backup_restore(
        &self,
        req: &BackupRestore,
        plan: &RestorePlan,
        progress: Reporter,
    ) -> Result<RestoreReport>;
    async fn backup_verify(&self, req: &BackupVerify, progress: Reporter) -> Result<VerifyReport>;
    async fn backup_prune(&self, req: &BackupPrune, progress: Reporter) -> Result<PruneReport>;

    /// Audit entries matching the query, handed to `sink` a page at a time; returns how many.
    async fn audit_query(&self, req: &AuditQuery, sink: Sink<'_, AuditRecord>) -> Result<u64>;
    /// The newest entries (oldest of them first), and where to follow from.
    async fn audit_tail(&self, req: &AuditTail) -> Result<TailPoll>;
    /// Entries that appeared since `cursor`, in id order (none skipped that commit late).
    async fn audit_follow(&self, filter: &AuditFilter, cursor: &TailCursor) -> Result<TailPoll>;
    async fn audit_stats(&self, req: &AuditStats) -> Result<Vec<AuditCount>>;
    /// Write matching entries to `out`, oldest first, in the request's format.
    async fn audit_export(
        &self,
        req: &AuditExport,
        out: &mut (dyn std::io::Write + Send),
        progress: Reporter,
    ) -> Result<ExportReport>;
    /// What `audit_prune` would delete, deleting nothing.
    async fn audit_prune_plan(&self, req: &AuditPrune) -> Result<AuditPrunePlan>;
    async fn audit_prune(&self, req: &AuditPrune, progress: Reporter) -> Result<AuditPruneReport>;
    /// Seal the entries added since the last seal.
    async fn audit_seal(&self, progress: Reporter) -> Result<SealReport>;
    /// Recompute every seal.
    async fn audit_verify(
        &self,
        req: &AuditVerify,
        progress: Reporter,
    ) -> Result<AuditVerifyReport>;

    /// The email templates, and where each comes from.
    async fn email_templates(&self) -> Result<Vec<crate::proto::email::TemplateInfo>>;
    /// Render a template without sending it.
    async fn email_preview(
        &self,
        req: &crate::proto::email::EmailPreview,
    ) -> Result<crate::proto::email::Rendered>;

    /// Send one message rendered from a template, through the configured relay.
    async fn email_test(
        &self,
        req: &crate::proto::email::EmailTest,
    ) -> Result<crate::proto::email::EmailSent>;

    /// Run health checks, concurrently, each under the request's time limit.
    async fn health(
        &self,
        req: &crate::proto::health::HealthRequest,
    ) -> Result<crate::proto::health::HealthReport>;

    /// Release connections.
    async fn close(&self);
}
