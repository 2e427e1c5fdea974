use std::fmt::Write as _;

use super::Ctx;
use crate::cli::MigrateCommand;
use crate::error::{ExitStatus, Result};
use crate::output::Format;
use crate::proto::{
    MigrateAccept, MigrateReport, MigrateRevert, MigrateRun, MigrateStatus, MigrateVerify,
    MigrationState, RevertPlan,
};

pub async fn run(ctx: &Ctx<'_>, cmd: MigrateCommand) -> Result<ExitStatus> {
    let printer = ctx.printer;
    match cmd {
        MigrateCommand::Status { exit_code } => {
            let backend = ctx.backend().await?;
            let list = backend.send(MigrateStatus {}).await?;
            backend.close().await;
            printer.list(&list, "this platctl ships no migrations")?;
            let behind = list.iter().any(|m| m.status != MigrationState::Applied);
            if exit_code && behind {
                return Ok(ExitStatus::Failure);
            }
        }
        MigrateCommand::Run { dry_run, to, lock } => {
            // A dry run changes nothing, not even by creating an SQLite file.
            let backend = if dry_run {
                ctx.backend().await?
            } else {
                ctx.backend_creating().await?
            };
            let req = MigrateRun {
                dry_run,
                to,
                lock_timeout: lock.lock_timeout,
            };
            let report = backend.send(req).await;
            backend.close().await;
            let report = report?;
            printer.done(&report, describe_run(&report))?;
        }
        MigrateCommand::Revert { to, lock } => {
            let backend = ctx.backend().await?;
            let plan = backend.send(RevertPlan { to }).await?;
            if plan.is_empty() {
                backend.close().await;
                let report = MigrateReport {
                    dry_run: false,
                    from_version: 0,
                    to_version: 0,
                    steps: Vec::new(),
                };
                printer.done(&report, "Nothing to revert.")?;
                return Ok(ExitStatus::Success);
            }
            let names: Vec<String> = plan
                .iter()
                .map(|m| format!("{} {}", m.version, m.name))
                .collect();
            let question = format!(
                "Revert {} migration{} ({}) on {}? Down scripts drop tables and their data",
                plan.len(),
                if plan.len() == 1 { "" } else { "s" },
                names.join(", "),
                backend.describe()
            );
            if let Err(e) = printer.confirm(&question) {
                backend.close().await;
                return Err(e);
            }
            let req = MigrateRevert {
                to,
                lock_timeout: lock.lock_timeout,
            };
            let report = backend.send(req).await;
            backend.close().await;
            let report = report?;
            let mut message = String::new();
            for step in &report.steps {
                let _ = writeln!(message, "reverted {} ({} ms)", step.file, step.duration_ms);
            }
            let _ = write!(message, "The schema is at version {}.", report.to_version);
            printer.done(&report, message)?;
        }
        MigrateCommand::Verify { accept } => {
            let backend = ctx.backend().await?;
            if let Some(version) = accept {
                let drift = backend.send(MigrateAccept { version }).await;
                backend.close().await;
                let drift = drift?;
                let message = match drift.problem == crate::proto::Drift::MATCHES {
                    true => format!(
                        "Migration {version} already matches {}: nothing to accept.",
                        drift.file
                    ),
                    false => format!(
                        "Accepted the current {} as migration {version} (checksum {}).",
                        drift.file,
                        drift.current_checksum.as_deref().unwrap_or("")
                    ),
                };
                printer.done(&drift, message)?;
                return Ok(ExitStatus::Success);
            }
            let drift = backend.send(MigrateVerify {}).await;
            let status = backend.send(MigrateStatus {}).await;
            backend.close().await;
            let (drift, status) = (drift?, status?);
            if printer.format() != Format::Table || !drift.is_empty() {
                printer.list(&drift, "")?;
            }
            if !drift.is_empty() {
                return Ok(ExitStatus::Failure);
            }
            let applied = status
                .iter()
                .filter(|m| m.status == MigrationState::Applied)
                .count();
            printer.line(format!(
                "All {applied} applied migrations match this platctl."
            ))?;
        }
    }
    Ok(ExitStatus::Success)
}

/// The human summary of `migrate run`.
pub fn describe_run(report: &MigrateReport) -> String {
    let mut out = String::new();
    if report.dry_run {
        if report.steps.is_empty() {
            let _ = write!(
                out,
                "Nothing to apply: the schema is at version {}.",
                report.from_version
            );
        } else {
            let _ = writeln!(
                out,
                "Would apply {} migration{} (version {} to {}):",
                report.steps.len(),
                if report.steps.len() == 1 { "" } else { "s" },
                report.from_version,
                report.to_version
            );
            for step in &report.steps {
                let _ = writeln!(out, "  {}", step.file);
            }
            out.pop();
        }
        return out;
    }
    for step in &report.steps {
        let _ = writeln!(out, "applied {} ({} ms)", step.file, step.duration_ms);
    }
    if report.steps.is_empty() {
        let _ = write!(
            out,
            "The schema is up to date at version {}.",
            report.to_version
        );
    } else {
        let _ = write!(
            out,
            "Applied {} migration{}; the schema is at version {}.",
            report.steps.len(),
            if report.steps.len() == 1 { "" } else { "s" },
            report.to_version
        );
    }
    out
}
