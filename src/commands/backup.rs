//! `platctl backup`: arguments to requests, results to the printer. The work, its rules and
//! its audit entries are the backend's.

use super::Ctx;
use crate::cli::BackupCommand;
use crate::error::{Error, ExitStatus, Result};
use crate::output::Format;
use crate::proto::backup::{
    BackupPrune, BackupRestore, BackupRun, BackupRunOutcome, BackupShow, BackupVerify, ListBackups,
    PrunePolicy, ShowBackup, human_bytes,
};
use crate::text;

pub async fn run(ctx: &Ctx<'_>, cmd: BackupCommand) -> Result<ExitStatus> {
    let backend = ctx.backend().await?;
    let result = execute(ctx, &backend, cmd).await;
    backend.close().await;
    result
}

async fn execute(
    ctx: &Ctx<'_>,
    backend: &crate::backend::Backend,
    cmd: BackupCommand,
) -> Result<ExitStatus> {
    let printer = ctx.printer;
    // With --server, storage paths are the server's: say so.
    let on_server = |place: &str| match &ctx.settings.server {
        Some(server) => format!("{place} on the server {server}"),
        None => place.to_string(),
    };
    // A relative --storage is this directory's — here; on a server it is the server's.
    let place = |storage: crate::cli::StorageArgs| match &ctx.settings.server {
        Some(_) => storage.storage,
        None => storage.storage.map(|s| {
            crate::settings::absolute_storage(&s, &std::env::current_dir().unwrap_or_default())
        }),
    };
    match cmd {
        BackupCommand::Run {
            storage,
            label,
            lock,
        } => {
            let req = BackupRun {
                storage: place(storage),
                label,
                lock_timeout: lock.lock_timeout,
            };
            let outcome = backend
                .send_reporting(req, printer.reporter(printer.spinner("backing up")))
                .await?;
            let (manifest, storage) = match outcome {
                BackupRunOutcome::Disabled { by } => {
                    let message = format!("Backups are disabled by {by}; nothing was done.");
                    printer.done(&serde_json::json!({ "enabled": false }), message)?;
                    return Ok(ExitStatus::Success);
                }
                BackupRunOutcome::Taken { manifest, storage } => (manifest, storage),
            };
            let seconds =
                (manifest.finished_at - manifest.started_at).num_milliseconds() as f64 / 1000.0;
            printer.done(
                &manifest,
                format!(
                    "Backup {} written to {}: {} ({} uncompressed), {} tables, {} rows, in {seconds:.1}s.",
                    manifest.id,
                    on_server(&storage),
                    human_bytes(manifest.compressed_bytes),
                    human_bytes(manifest.uncompressed_bytes),
                    manifest.tables.len() as u64,
                    manifest.tables.values().sum::<u64>()
                ),
            )?;
        }
        BackupCommand::List { storage } => {
            let storage = place(storage);
            let list = backend
                .send_reporting(
                    ListBackups {
                        storage: storage.clone(),
                    },
                    printer.reporter_quiet(),
                )
                .await?;
            let shown = match (storage, &ctx.settings.server) {
                (Some(place), _) => on_server(&place),
                (None, Some(_)) => on_server("the storage"),
                (None, None) => ctx.settings.backup.storage.clone(),
            };
            printer.list(&list, &format!("No backups in {shown}."))?;
        }
        BackupCommand::Show { id, storage } => {
            let shown = backend
                .send_reporting(
                    BackupShow {
                        id,
                        storage: place(storage),
                    },
                    printer.reporter_quiet(),
                )
                .await?;
            match printer.format() {
                Format::Table => printer.object(&for_people(&shown)?)?,
                _ => printer.object(&shown)?,
            }
        }
        BackupCommand::Restore {
            id,
            latest: _,
            storage,
            into,
            clean,
            jobs,
        } => {
            if let Some(url) = &into {
                crate::redact::register_url(url);
                if crate::redact::redact_url(url) != *url {
                    printer.warn(
                        "a password in --into is visible to other users in `ps`; \
                         prefer a URL without one and PGPASSWORD or ~/.pgpass",
                    );
                }
            }
            let req = BackupRestore {
                id,
                storage: place(storage),
                into,
                clean,
                jobs: jobs.map(usize::from),
            };
            let plan = backend
                .backup_restore_plan(&req, printer.reporter(printer.progress("checking")))
                .await?;
            let m = &plan.manifest;
            let question = if let Some(u) = &plan.unfinished {
                format!(
                    "Restore backup {} ({}) into {}, which holds an unfinished restore ({}) \
                     that will be emptied first?",
                    m.id,
                    m.finished_at.format("%Y-%m-%d %H:%M UTC"),
                    plan.target,
                    u.describe()
                )
            } else if plan.target_in_use {
                format!(
                    "Restore backup {} ({}) into {}, DROPPING everything it holds now?",
                    m.id,
                    m.finished_at.format("%Y-%m-%d %H:%M UTC"),
                    plan.target
                )
            } else {
                format!(
                    "Restore backup {} ({}) into {}?",
                    m.id,
                    m.finished_at.format("%Y-%m-%d %H:%M UTC"),
                    plan.target
                )
            };
            printer.confirm(&question)?;
            let report = backend
                .backup_restore(&req, &plan, printer.reporter(printer.progress("restoring")))
                .await?;
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
            lock,
            storage,
        } => {
            let req = BackupVerify {
                id,
                storage: place(storage),
                restore_test,
                lock_timeout: lock.lock_timeout,
            };
            let report = backend
                .send_reporting(req, printer.reporter(printer.progress("verifying")))
                .await?;
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
                PrunePolicy::Keep {
                    daily: keep_daily.unwrap_or(0),
                    weekly: keep_weekly.unwrap_or(0),
                    monthly: keep_monthly.unwrap_or(0),
                }
            } else {
                older_than.map_or(PrunePolicy::Retention, |d| {
                    PrunePolicy::OlderThan(crate::proto::Span(d))
                })
            };
            let req = BackupPrune {
                policy,
                dry_run,
                storage: place(storage),
                lock_timeout: lock.lock_timeout,
            };
            let report = backend
                .send_reporting(req, printer.reporter_quiet())
                .await?;
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

/// A backup as a person reads it: long lists summarised (the whole of them in -o json) and to
/// whom it is encrypted in one line: `age: age1m6l98u...n5zp6a (sha256:1bcd44452da55adf)`.
fn for_people(shown: &ShowBackup) -> Result<serde_json::Value> {
    let manifest = &shown.manifest;
    let mut value = serde_json::to_value(shown)
        .map_err(|e| Error::internal("cannot show the backup").with_source(e))?;
    if let Some(encryption) = &manifest.encryption {
        value["encryption"] = serde_json::Value::String(encryption.describe());
    }
    let rows = manifest
        .tables
        .values()
        .fold(0u64, |sum, n| sum.saturating_add(*n));
    value["tables"] = serde_json::Value::String(format!(
        "{}, {}",
        text::plural(manifest.tables.len() as u64, "table", "tables"),
        text::plural(rows, "row", "rows"),
    ));
    let builds = manifest.index_builds.values().map(Vec::len).sum::<usize>();
    value["index_builds"] = serde_json::Value::String(match builds {
        0 => "none".to_string(),
        _ => format!(
            "{} on {}",
            text::plural(builds as u64, "build", "builds"),
            text::plural(manifest.index_builds.len() as u64, "table", "tables"),
        ),
    });
    Ok(value)
}
