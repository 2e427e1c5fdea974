use std::fmt::Write as _;
use std::time::Duration;

use super::Ctx;
use super::migrate::describe_run;
use crate::error::{ExitStatus, Result};
use crate::proto::{InitReport, MigrateRun};
use crate::settings;

pub async fn run(ctx: &Ctx<'_>) -> Result<ExitStatus> {
    let s = ctx.settings;
    let config_created = settings::create_config_file(&s.config_file)?;
    let backend = ctx.backend_creating().await?;
    let req = MigrateRun {
        dry_run: false,
        to: None,
        lock_timeout: Duration::from_secs(60),
    };
    let migrations = backend.send(req).await;
    let org = match &migrations {
        Ok(_) => backend.ensure_default_organization().await,
        Err(_) => Ok(None),
    };
    backend.close().await;
    let report = InitReport {
        config_file: s.config_file.display().to_string(),
        config_created,
        database: s.database.display(),
        database_kind: s.database.kind().to_string(),
        migrations: migrations?,
        default_organization: org?,
    };

    let mut msg = String::new();
    if config_created {
        let _ = writeln!(msg, "Created {}", report.config_file);
    } else {
        let _ = writeln!(msg, "Config file: {}", report.config_file);
    }
    let _ = writeln!(msg, "Database: {}", report.database);
    let _ = writeln!(msg, "{}", describe_run(&report.migrations));
    if let Some(org) = &report.default_organization {
        let _ = writeln!(msg, "Created the organization `{}`.", org.slug);
    }
    let _ = writeln!(msg);
    let _ = writeln!(msg, "Next:");
    let next = [
        (
            "platctl keys create --scope agents:create",
            "issue an API key",
        ),
        (
            "platctl migrate status",
            "the schema, migration by migration",
        ),
        ("platctl config show", "where each setting comes from"),
        ("platctl --help", "everything else"),
    ];
    let lines: Vec<String> = next
        .iter()
        .map(|(command, what)| format!("  {command:<43} {what}"))
        .collect();
    msg.push_str(&lines.join("\n"));
    ctx.printer.done(&report, msg)?;
    Ok(ExitStatus::Success)
}
