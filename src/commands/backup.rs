use std::time::Duration;

use super::Ctx;
use crate::backup::{self, Config, Context, compress, retention};
use crate::cli::{BackupCommand, StorageArgs};
use crate::db::DatabaseTarget;
use crate::error::{Error, ExitStatus, Result};
use crate::output::Format;
use crate::proto::{Operation, OperationRecord};

fn config(ctx: &Ctx<'_>, storage: &StorageArgs) -> Result<Config> {
    let settings = ctx.settings;
    let mut compression = compress::Options::default_for_machine();
    compression.level = settings.backup_compression_level.value;
    Ok(Config {
        storage: storage
            .storage
            .clone()
            .unwrap_or_else(|| settings.backup_dir.value.clone()),
        compression,
        s3: settings.s3_options(),
    })
}

fn context<'a>(
    ctx: &'a Ctx<'_>,
    config: &'a Config,
    bar: indicatif::ProgressBar,
) -> Result<Context<'a>> {
    Ok(Context {
        database: &ctx.settings.database,
        config,
        progress: std::sync::Arc::new(bar),
        connect_timeout: ctx.settings.connect_timeout.value,
        database_origin: ctx.settings.database_origin(),
        pg_bin_dir: ctx.settings.pg_bin_dir.as_ref().map(|d| d.value.clone()),
    })
}

/// Write the operation's audit entry into the configured database when it is reachable.
async fn audit(ctx: &Ctx<'_>, operation: Operation, id: &str, metadata: serde_json::Value) {
    let record = OperationRecord {
        operation,
        resource_id: id.to_string(),
        metadata,
    };
    match ctx.backend().await {
        Ok(backend) => {
            if let Err(e) = backend.record_operation(&record).await {
                ctx.printer.warn(format!(
                    "the audit entry of {} was not written: {e}",
                    operation.action()
                ));
            }
            backend.close().await;
        }
        Err(e) => ctx.printer.warn(format!(
            "the audit entry of {} was not written: {e}",
            operation.action()
        )),
    }
}

/// Every backup command first removes what interrupted runs left behind, and names it.
async fn tidy(ctx: &Ctx<'_>, bc: &Context<'_>, also: Option<&DatabaseTarget>) {
    let removed = backup::sweep(bc, also).await;
    if !removed.is_empty() {
        ctx.printer.note(format!(
            "removed what interrupted runs left behind: {}",
            removed.join(", ")
        ));
    }
}

pub async fn run(ctx: &Ctx<'_>, cmd: BackupCommand) -> Result<ExitStatus> {
    let printer = ctx.printer;
    // `--as` a user who does not exist, is disabled or lacks the permission is refused here
    // too, before anything.
    if ctx.settings.act_as.is_some() {
        use crate::proto::ops::Op;
        let op = match &cmd {
            BackupCommand::Run { .. } => Op::BackupRun,
            BackupCommand::List { .. } => Op::BackupList,
            BackupCommand::Show { .. } => Op::BackupShow,
            BackupCommand::Restore { .. } => Op::BackupRestore,
            BackupCommand::Verify { .. } => Op::BackupVerify,
            BackupCommand::Prune { .. } => Op::BackupPrune,
        };
        let backend = ctx.backend().await?;
        let checked = backend.check_actor(op).await;
        backend.close().await;
        checked?;
    }
    match cmd {
        BackupCommand::Run {
            storage,
            label,
            lock,
        } => {
            let enabled = &ctx.settings.backup_enabled;
            if !enabled.value {
                let given = enabled.source.given("backup_enabled", &enabled.text);
                let message = format!("Backups are disabled by {given}; nothing was done.");
                printer.done(&serde_json::json!({ "enabled": false }), message)?;
                return Ok(ExitStatus::Success);
            }
            if let Some(l) = &label
                && (l.len() > 200 || l.chars().any(char::is_control))
            {
                return Err(Error::usage("--label takes up to 200 printable characters"));
            }
            let config = config(ctx, &storage)?;
            let bc = context(ctx, &config, printer.spinner("backing up"))?;
            tidy(ctx, &bc, None).await;
            let manifest = backup::run(&bc, label, lock.lock_timeout).await;
            bc.progress.finish();
            let manifest = manifest?;
            audit(
                ctx,
                Operation::BackupRun,
                &manifest.id,
                serde_json::json!({
                    "storage": config.storage,
                    "artifact": manifest.artifact,
                    "compressed_bytes": manifest.compressed_bytes,
                    "sha256": manifest.sha256,
                    "label": manifest.label,
                }),
            )
            .await;
            let seconds =
                (manifest.finished_at - manifest.started_at).num_milliseconds() as f64 / 1000.0;
            printer.done(
                &manifest,
                format!(
                    "Backup {} written to {}: {} ({} uncompressed), {} tables, {} rows, in {seconds:.1}s.",
                    manifest.id,
                    config.storage,
                    backup::manifest::human_bytes(manifest.compressed_bytes),
                    backup::manifest::human_bytes(manifest.uncompressed_bytes),
                    manifest.tables.len(),
                    manifest.tables.values().sum::<u64>()
                ),
            )?;
        }
        BackupCommand::List { storage } => {
            let config = config(ctx, &storage)?;
            let bc = context(ctx, &config, indicatif::ProgressBar::hidden())?;
            tidy(ctx, &bc, None).await;
            let list = backup::list(&bc).await?;
            printer.list(&list, &format!("No backups in {}.", config.storage))?;
        }
        BackupCommand::Show { id, storage } => {
            let config = config(ctx, &storage)?;
            let bc = context(ctx, &config, indicatif::ProgressBar::hidden())?;
            tidy(ctx, &bc, None).await;
            printer.object(&backup::show(&bc, &id).await?)?;
        }
        BackupCommand::Restore {
            id,
            latest: _,
            storage,
            into,
            clean,
            jobs,
        } => {
            let target = match &into {
                Some(url) => {
                    crate::redact::register_url(url);
                    if crate::redact::redact_url(url) != *url {
                        printer.warn(
                            "a password in --into is visible to other users in `ps`; \
                             prefer a URL without one and PGPASSWORD or ~/.pgpass",
                        );
                    }
                    DatabaseTarget::parse(url)?
                }
                None => ctx.settings.database.clone(),
            };
            let config = config(ctx, &storage)?;
            let bc = context(ctx, &config, printer.progress("checking"))?;
            tidy(ctx, &bc, Some(&target)).await;
            let jobs = jobs.map_or_else(backup::default_jobs, usize::from);
            let plan = backup::plan_restore(&bc, id.as_deref(), target, clean, jobs).await;
            let plan = match plan {
                Ok(p) => p,
                Err(e) => {
                    bc.progress.finish();
                    return Err(e);
                }
            };
            bc.progress.finish();
            let m = &plan.manifest;
            let question = if let Some(u) = &plan.unfinished {
                format!(
                    "Restore backup {} ({}) into {}, which holds an unfinished restore ({}) \
                     that will be emptied first?",
                    m.id,
                    m.finished_at.format("%Y-%m-%d %H:%M UTC"),
                    plan.target.display(),
                    u.describe()
                )
            } else if plan.target_in_use {
                format!(
                    "Restore backup {} ({}) into {}, DROPPING everything it holds now?",
                    m.id,
                    m.finished_at.format("%Y-%m-%d %H:%M UTC"),
                    plan.target.display()
                )
            } else {
                format!(
                    "Restore backup {} ({}) into {}?",
                    m.id,
                    m.finished_at.format("%Y-%m-%d %H:%M UTC"),
                    plan.target.display()
                )
            };
            printer.confirm(&question)?;
            let bc = context(ctx, &config, printer.progress("restoring"))?;
            let report = backup::execute_restore(&bc, &plan).await;
            bc.progress.finish();
            let report = report?;
            audit(
                ctx,
                Operation::BackupRestore,
                &report.id,
                serde_json::json!({
                    "storage": config.storage,
                    "target": report.target,
                    "cleaned": report.cleaned,
                }),
            )
            .await;
            let replaced = report
                .replaced_unfinished
                .as_ref()
                .map(|u| {
                    format!(
                        " (the unfinished restore of backup {} was emptied first)",
                        u.backup_id
                    )
                })
                .unwrap_or_default();
            printer.done(
                &report,
                format!(
                    "Restored backup {} into {}{replaced}: {} tables, {} rows, in {:.1}s.",
                    report.id,
                    report.target,
                    report.tables,
                    report.rows,
                    report.duration_ms as f64 / 1000.0
                ),
            )?;
        }
        BackupCommand::Verify {
            id,
            latest: _,
            restore_test,
            storage,
        } => {
            let config = config(ctx, &storage)?;
            let bc = context(ctx, &config, printer.progress("verifying"))?;
            tidy(ctx, &bc, None).await;
            let report = backup::verify(&bc, id.as_deref(), restore_test).await;
            bc.progress.finish();
            let report = report?;
            let ok = report.mismatches.is_empty();
            let message = if !restore_test {
                format!("Backup {}: the SHA-256 matches its manifest.", report.id)
            } else if ok {
                format!(
                    "Backup {}: the SHA-256 matches, and a test restore reproduced the row counts of all {} tables.",
                    report.id, report.tables_checked
                )
            } else {
                let list: Vec<String> = report
                    .mismatches
                    .iter()
                    .map(|m| format!("{} ({} rows, expected {})", m.table, m.found, m.expected))
                    .collect();
                format!(
                    "Backup {}: a test restore differs from the manifest: {}",
                    report.id,
                    list.join(", ")
                )
            };
            if ok {
                printer.done(&report, message)?;
                return Ok(ExitStatus::Success);
            }
            // A failure is reported even with -q.
            if printer.format() != Format::Table {
                printer.object(&report)?;
            }
            printer.failure(&message);
            return Ok(ExitStatus::Failure);
        }
        BackupCommand::Prune {
            older_than,
            keep_daily,
            keep_weekly,
            keep_monthly,
            dry_run,
            storage,
            lock,
        } => {
            let policy = if keep_daily.is_some() || keep_weekly.is_some() || keep_monthly.is_some()
            {
                retention::Policy::Keep {
                    daily: keep_daily.unwrap_or(0),
                    weekly: keep_weekly.unwrap_or(0),
                    monthly: keep_monthly.unwrap_or(0),
                }
            } else {
                let age = older_than.unwrap_or(Duration::from_secs(
                    u64::try_from(ctx.settings.backup_retention_days.value).unwrap_or(30) * 86_400,
                ));
                retention::Policy::OlderThan(
                    crate::proto::bounded("--older-than", age).map_err(Error::usage)?,
                )
            };
            let config = config(ctx, &storage)?;
            let bc = context(ctx, &config, indicatif::ProgressBar::hidden())?;
            tidy(ctx, &bc, None).await;
            let report = backup::prune(&bc, &policy, dry_run, lock.lock_timeout).await?;
            if !dry_run && !report.deleted.is_empty() {
                let ids: Vec<&str> = report.deleted.iter().map(|b| b.id.as_str()).collect();
                audit(
                    ctx,
                    Operation::BackupPrune,
                    &config.storage,
                    serde_json::json!({ "storage": config.storage, "deleted": ids }),
                )
                .await;
            }
            for id in &report.found_corrupt {
                printer.warn(format!(
                    "backup {id} is corrupt (its SHA-256 differs from its manifest's): it does \
                     not count as good{}",
                    if dry_run { "" } else { ", and is deleted" }
                ));
            }
            if printer.format() == Format::Table {
                if !report.deleted.is_empty() && (dry_run || !printer.is_quiet()) {
                    printer.list(&report.deleted, "")?;
                }
                let verb = if dry_run { "Would delete" } else { "Deleted" };
                let newest = match &report.newest_good {
                    Some(id) => {
                        format!(" The newest good backup, {id}, is kept: its SHA-256 was checked.")
                    }
                    None => " There is no good backup to keep.".to_string(),
                };
                printer.line(format!(
                    "{verb} {} backup{}; {} kept.{newest}",
                    report.deleted.len(),
                    if report.deleted.len() == 1 { "" } else { "s" },
                    report.kept
                ))?;
            } else {
                printer.object(&report)?;
            }
        }
    }
    Ok(ExitStatus::Success)
}
