//! Backups through the core: who may run them, the rules around them (backups disabled, the
//! label, the retention default), what interrupted runs left behind, and the audit entry of
//! each change. The work itself is `crate::backup`'s.

use serde_json::{Value, json};

use super::Core;
use super::audit::{self, AuditEntry};
use crate::backup::{self, Context, retention};
use crate::db::{ConnectOptions, DatabaseTarget, Db};
use crate::error::{Error, Result};
use crate::progress::Reporter;
use crate::proto::backup::*;
use crate::proto::bounded;
use crate::proto::ops::Op;

/// A label: up to 200 visible characters.
fn validate_label(label: Option<&str>) -> Result<()> {
    match label {
        Some(l) => crate::text::validate_free_text("label", l, 200),
        None => Ok(()),
    }
}

impl Core {
    /// What a backup operation works with (the configured storage, or `storage`; with
    /// `session`, the database for a dump or a restore, see [`Core::unswept_context`]), once
    /// what interrupted runs left behind (here, or in `also`) is removed and named.
    async fn backup_context(
        &self,
        storage: Option<&str>,
        also: Option<&DatabaseTarget>,
        progress: &Reporter,
        session: bool,
    ) -> Result<Context<'_>> {
        let ctx = if session {
            self.unswept_context(storage, progress).await?
        } else {
            self.context_with(&self.database, storage, progress)
        };
        let removed = backup::sweep(&ctx, also).await;
        if !removed.is_empty() {
            progress.note(&format!(
                "removed what interrupted runs left behind: {}",
                removed.join(", ")
            ));
        }
        Ok(ctx)
    }

    /// What a backup operation works with: the database (DATABASE_DIRECT_URL's, when the
    /// database goes through a pooler in transaction mode: `pg_dump` and a restore need a
    /// session of their own), the configured storage or `storage`.
    pub(super) async fn unswept_context(
        &self,
        storage: Option<&str>,
        progress: &Reporter,
    ) -> Result<Context<'_>> {
        let database = self.session_database().await?;
        Ok(self.context_with(database, storage, progress))
    }

    /// What a backup operation works with, on `database`.
    pub(super) fn context_with<'a>(
        &'a self,
        database: &'a DatabaseTarget,
        storage: Option<&str>,
        progress: &Reporter,
    ) -> Context<'a> {
        Context {
            database,
            config: self.backup.with_storage(storage),
            progress: progress.clone(),
            connect: if database == &self.database {
                self.connect.clone()
            } else {
                // DATABASE_DIRECT_URL: PostgreSQL itself.
                ConnectOptions {
                    origin: self.connect.direct_origin.clone(),
                    pooler: crate::db::Pooler::None,
                    direct: None,
                    ..self.connect.clone()
                }
            },
        }
    }

    /// The audit entry of a backup operation, in the configured database when it is
    /// reachable; the operation is done either way, so a failure is a warning.
    async fn audit_backup(
        &self,
        op: Op,
        action: &'static str,
        resource_id: String,
        metadata: Value,
        progress: &Reporter,
    ) {
        let entry = AuditEntry::new(action, "backup", resource_id).metadata(metadata);
        let written: Result<()> = async {
            self.ready().await?;
            let mut tx = self.db().await?.begin().await?;
            let actor = self.platform_actor_in(&mut tx, op).await?;
            audit::record(&mut tx, &actor, entry).await?;
            tx.commit().await
        }
        .await;
        if let Err(e) = written {
            progress.warn(&format!("the audit entry of {action} was not written: {e}"));
        }
    }

    pub(super) async fn run_backup(
        &self,
        req: &BackupRun,
        progress: Reporter,
    ) -> Result<BackupRunOutcome> {
        self.platform_actor(Op::BackupRun).await?;
        if let Some(by) = &self.backup.disabled_by {
            return Ok(BackupRunOutcome::Disabled { by: by.clone() });
        }
        validate_label(req.label.as_deref())?;
        let ctx = self
            .backup_context(req.storage.as_deref(), None, &progress, true)
            .await?;
        // The audit log's newest seal goes into the manifest: an anchor kept outside the
        // database (`audit verify --expect-head BACKUP_ID`).
        let seal_head = super::audit::chain::head(self.db().await?).await?;
        let manifest = backup::run(&ctx, req.label.clone(), req.lock_timeout, seal_head).await;
        progress.finish();
        let manifest = manifest?;
        self.audit_backup(
            Op::BackupRun,
            "backup.run",
            manifest.id.clone(),
            json!({
                "storage": ctx.config.storage,
                "artifact": manifest.artifact,
                "compressed_bytes": manifest.compressed_bytes,
                "sha256": manifest.sha256,
                "label": manifest.label,
            }),
            &progress,
        )
        .await;
        Ok(BackupRunOutcome::Taken {
            manifest: Box::new(manifest),
            storage: ctx.config.storage,
        })
    }

    pub(super) async fn list_backups(
        &self,
        storage: Option<&str>,
        progress: Reporter,
    ) -> Result<Vec<BackupInfo>> {
        self.platform_actor(Op::BackupList).await?;
        let ctx = self.backup_context(storage, None, &progress, false).await?;
        backup::list(&ctx).await
    }

    pub(super) async fn show_backup(
        &self,
        id: &str,
        storage: Option<&str>,
        progress: Reporter,
    ) -> Result<ShowBackup> {
        self.platform_actor(Op::BackupShow).await?;
        let ctx = self.backup_context(storage, None, &progress, false).await?;
        backup::show(&ctx, id).await
    }

    /// The database a restore writes to: `into`, else the configured one (through
    /// DATABASE_DIRECT_URL, when it goes through a pooler in transaction mode). A restore
    /// needs sessions of its own: an `into` that is a pooler in transaction mode is refused.
    async fn restore_target(&self, req: &BackupRestore) -> Result<DatabaseTarget> {
        let Some(url) = &req.into else {
            return self.session_database().await.cloned();
        };
        let target = DatabaseTarget::parse(url)?;
        if let DatabaseTarget::Postgres { .. } = target {
            let origin = "the URL given with --into";
            let db = Db::connect(
                &target,
                &ConnectOptions::plain(self.connect.timeout, origin),
            )
            .await?;
            let pooled = db
                .found()
                .is_some_and(|f| f.pooler == crate::db::Pooler::Transaction);
            db.close().await;
            if pooled {
                return Err(Error::new(
                    crate::error::ErrorKind::Config,
                    "the restore target (--into) goes through a pooler in transaction mode \
                     (detected); a restore needs sessions of its own",
                )
                .with_hint("give --into a URL of PostgreSQL itself, not of the pooler"));
            }
        }
        Ok(target)
    }

    pub async fn plan_restore(
        &self,
        req: &BackupRestore,
        progress: Reporter,
    ) -> Result<RestorePlan> {
        self.platform_actor(Op::BackupRestore).await?;
        let target = self.restore_target(req).await?;
        // Into another database, the configured one is not needed (it may be the one lost).
        let ctx = self
            .backup_context(
                req.storage.as_deref(),
                Some(&target),
                &progress,
                req.into.is_none(),
            )
            .await?;
        let jobs = req.jobs.unwrap_or_else(backup::default_jobs).max(1);
        let plan = backup::plan_restore(&ctx, req.id.as_deref(), target, req.clean, jobs).await;
        progress.finish();
        Ok(plan?.plain())
    }

    pub async fn restore(
        &self,
        req: &BackupRestore,
        plan: &RestorePlan,
        progress: Reporter,
    ) -> Result<RestoreReport> {
        self.platform_actor(Op::BackupRestore).await?;
        let target = self.restore_target(req).await?;
        // No sweep here: the plan just did, and the target is checked again under its lock.
        let ctx = match req.into {
            Some(_) => self.context_with(&self.database, req.storage.as_deref(), &progress),
            None => {
                self.unswept_context(req.storage.as_deref(), &progress)
                    .await?
            }
        };
        let report = async {
            let plan = backup::plan_again(&ctx, plan, target).await?;
            backup::execute_restore(&ctx, &plan).await
        }
        .await;
        progress.finish();
        let report = report?;
        self.audit_backup(
            Op::BackupRestore,
            "backup.restore",
            report.id.clone(),
            json!({
                "storage": ctx.config.storage,
                "target": report.target,
                "cleaned": report.cleaned,
            }),
            &progress,
        )
        .await;
        Ok(report)
    }

    pub(super) async fn verify_backup(
        &self,
        req: &BackupVerify,
        progress: Reporter,
    ) -> Result<VerifyReport> {
        self.platform_actor(Op::BackupVerify).await?;
        let ctx = self
            .backup_context(req.storage.as_deref(), None, &progress, req.restore_test)
            .await?;
        let report =
            backup::verify(&ctx, req.id.as_deref(), req.restore_test, req.lock_timeout).await;
        progress.finish();
        report
    }

    pub(super) async fn prune_backups(
        &self,
        req: &BackupPrune,
        progress: Reporter,
    ) -> Result<PruneReport> {
        self.platform_actor(Op::BackupPrune).await?;
        let policy = match &req.policy {
            PrunePolicy::Keep {
                daily,
                weekly,
                monthly,
            } => retention::Policy::Keep {
                daily: *daily,
                weekly: *weekly,
                monthly: *monthly,
            },
            PrunePolicy::OlderThan(age) => {
                retention::Policy::OlderThan(bounded("--older-than", age.0).map_err(Error::usage)?)
            }
            PrunePolicy::Retention => {
                let days = u64::try_from(self.backup.retention_days).unwrap_or(30);
                let age = std::time::Duration::from_secs(days * 86_400);
                retention::Policy::OlderThan(bounded("--older-than", age).map_err(Error::usage)?)
            }
        };
        let ctx = self
            .backup_context(req.storage.as_deref(), None, &progress, false)
            .await?;
        let report = backup::prune(&ctx, &policy, req.dry_run, req.lock_timeout).await?;
        if !req.dry_run && !report.deleted.is_empty() {
            let ids: Vec<&str> = report.deleted.iter().map(|b| b.id.as_str()).collect();
            self.audit_backup(
                Op::BackupPrune,
                "backup.prune",
                ctx.config.storage.clone(),
                json!({ "storage": ctx.config.storage, "deleted": ids }),
                &progress,
            )
            .await;
        }
        Ok(report)
    }
}
