//! `platctl health`: checks to a request, the report to the printer in the shape asked for
//! (a table, terminus JSON, or a Nagios plugin's output), and the state to the exit code.

use super::Ctx;
use crate::cli::{HealthArgs, HealthFormat, Probe};
use crate::error::{Error, ExitStatus, Result};
use crate::output::{Format, Tone};
use crate::proto::health::{CHECKS, HealthReport, HealthRequest, HealthState, Thresholds};

pub async fn run(ctx: &Ctx<'_>, args: HealthArgs) -> Result<ExitStatus> {
    // With a server: a probe, or no key to run the checks with, asks its health endpoints.
    let server = ctx.settings.server.clone();
    match (&server, args.probe) {
        (None, Some(_)) => {
            return Err(Error::usage("--probe asks a server: it needs --server URL")
                .with_hint("e.g. platctl health --server http://127.0.0.1:8088 --probe ready"));
        }
        (Some(server), probe) if probe.is_some() || ctx.settings.api_key.is_none() => {
            let path = match probe {
                None => "/health",
                Some(Probe::Live) => "/health/live",
                Some(Probe::Ready) => "/health/ready",
            };
            let ca = ctx.settings.server_ca_file.as_deref();
            let report = crate::remote::probe(server, ca, path, args.timeout).await?;
            return show(ctx, &args, &report);
        }
        _ => {}
    }
    for (name, warning, critical) in [
        ("disk", args.disk_warning, args.disk_critical),
        ("memory", args.memory_warning, args.memory_critical),
    ] {
        if !(0.0..=100.0).contains(&warning)
            || !(0.0..=100.0).contains(&critical)
            || critical > warning
        {
            return Err(Error::usage(format!(
                "--{name}-warning {warning} and --{name}-critical {critical} are not thresholds"
            ))
            .with_hint("percentages from 0 to 100, critical below warning (e.g. 10 and 5)"));
        }
    }
    if args.backup_critical < args.backup_warning {
        return Err(
            Error::usage("--backup-critical is shorter than --backup-warning")
                .with_hint("the backup age that is critical must be longer, e.g. 26h and 50h"),
        );
    }
    let checks = if args.check.is_empty() {
        CHECKS.iter().map(|c| c.to_string()).collect()
    } else {
        args.check.clone()
    };
    let req = HealthRequest {
        checks,
        timeout: args.timeout,
        thresholds: Thresholds {
            disk_warning_percent: args.disk_warning,
            disk_critical_percent: args.disk_critical,
            memory_warning_percent: args.memory_warning,
            memory_critical_percent: args.memory_critical,
            backup_warning: args.backup_warning,
            backup_critical: args.backup_critical,
            key_expiry: args.key_expiry,
            seal_warning: args.seal_warning,
        },
    };
    let backend = ctx.backend().await?;
    let report = backend.send(req).await;
    backend.close().await;
    show(ctx, &args, &report?)
}

/// The report in the shape asked for; the exit code is its state.
fn show(ctx: &Ctx<'_>, args: &HealthArgs, report: &HealthReport) -> Result<ExitStatus> {
    let printer = ctx.printer;
    if args.format == Some(HealthFormat::Nagios) {
        printer.raw(&report.nagios())?;
    } else if printer.format() == Format::Table {
        let rows: Vec<Vec<String>> = report
            .checks
            .iter()
            .map(|c| {
                vec![
                    c.name.clone(),
                    c.state.label().to_string(),
                    c.summary.clone(),
                    c.threshold.clone().unwrap_or_default(),
                ]
            })
            .collect();
        let tones: Vec<Tone> = report
            .checks
            .iter()
            .map(|c| match c.state {
                HealthState::Ok => Tone::Good,
                HealthState::Warning => Tone::Warn,
                HealthState::Critical | HealthState::Unknown => Tone::Bad,
            })
            .collect();
        printer.toned_grid(
            &["check", "state", "found", "threshold"],
            &rows,
            &tones,
            &format!("overall: {}", report.state.label()),
        )?;
    } else {
        printer.object(&report.terminus())?;
    }
    Ok(ExitStatus::Health(report.state))
}
