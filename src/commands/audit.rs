//! `platctl audit`: arguments to requests, results to the printer (a seal's report, the
//! stats and the verification to their views in [`crate::output::audit`]). Reading, pruning,
//! sealing and verifying are the backend's; this file owns the files it writes (exports, key
//! pairs).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::Ctx;
use crate::backend::Backend;
use crate::cli::{AuditCommand, AuditFilterArgs, StatsByArg};
use crate::error::{Error, ExitStatus, Result};
use crate::output::{self, Format, Printer};
use crate::proto::audit::*;
use crate::proto::backup::{BackupShow, human_bytes};
use crate::settings::Source;

fn filter(args: AuditFilterArgs) -> AuditFilter {
    AuditFilter {
        user: args.user,
        organization: args.org,
        action: args.action,
        resource: args.resource,
        ip: args.ip,
        key: args.key,
        since: args.since,
        until: args.until,
    }
}

/// What an empty result says: when the caller sees only some organizations (an API key over
/// `--server`, a user with `--as`) and named none, that the others' entries were not looked at.
fn nothing_matches(ctx: &Ctx<'_>, args: &AuditFilterArgs) -> String {
    let settings = ctx.settings;
    match (&args.org, &settings.server, &settings.act_as) {
        (Some(_), _, _) => "No audit entries match.".into(),
        (None, Some(_), _) => "No audit entries match among those this API key may read: an \
                               organization's key reads only its organization's entries."
            .into(),
        (None, None, Some(user)) => format!(
            "No audit entries match among those {user} may read (their roles say which \
             organizations' entries)."
        ),
        (None, None, None) => "No audit entries match.".into(),
    }
}

pub async fn run(ctx: &Ctx<'_>, cmd: AuditCommand) -> Result<ExitStatus> {
    if let AuditCommand::Keygen { out } = &cmd {
        return keygen(ctx.printer, out);
    }
    // Ctrl-C ends a follow, successfully: it is how one stops following. The command handles
    // the signal itself, until it has closed the backend.
    let _stoppable =
        matches!(cmd, AuditCommand::Tail { follow: true, .. }).then(crate::interrupt::critical);
    let backend = ctx.backend().await?;
    let result = execute(ctx, &backend, cmd).await;
    backend.close().await;
    result
}

async fn execute(ctx: &Ctx<'_>, backend: &Backend, cmd: AuditCommand) -> Result<ExitStatus> {
    let printer = ctx.printer;
    match cmd {
        AuditCommand::Query {
            filter: args,
            limit,
            all,
            asc,
        } => {
            let none = nothing_matches(ctx, &args);
            let req = AuditQuery {
                filter: filter(args),
                limit: (!all).then_some(limit),
                ascending: asc,
            };
            let mut stream = printer.stream::<AuditRecord>();
            let mut sink = |page: Vec<AuditRecord>| -> Result<()> {
                for entry in page {
                    stream.push(entry)?;
                }
                Ok(())
            };
            let n = backend.audit_query(&req, &mut sink).await?;
            stream.finish(&none)?;
            if !all && n == limit && printer.format() == Format::Table {
                printer.note(format!(
                    "Showing the {} {limit}; --limit N or --all for more.",
                    if asc { "oldest" } else { "newest" }
                ));
            }
        }
        AuditCommand::Tail {
            filter: args,
            follow,
            lines,
            interval,
        } => {
            let none = nothing_matches(ctx, &args);
            let filter = filter(args);
            let first = backend
                .send(AuditTail {
                    filter: filter.clone(),
                    lines,
                })
                .await?;
            let mut stream = printer.stream::<AuditRecord>();
            for entry in first.entries {
                stream.push(entry)?;
            }
            if !follow {
                stream.finish(&none)?;
                return Ok(ExitStatus::Success);
            }
            stream.flush()?;
            let mut cursor = first.cursor;
            loop {
                tokio::select! {
                    _ = crate::interrupt::signalled() => break,
                    _ = tokio::time::sleep(interval) => {}
                }
                let poll = tokio::select! {
                    _ = crate::interrupt::signalled() => break,
                    poll = backend.send(AuditFollow { filter: filter.clone(), cursor: cursor.clone() }) => poll?,
                };
                for entry in poll.entries {
                    stream.push(entry)?;
                }
                stream.flush()?;
                cursor = poll.cursor;
            }
            stream.finish("")?;
        }
        AuditCommand::Export { out, filter: args } => {
            let format = export_format(ctx, &out)?;
            let req = AuditExport {
                filter: filter(args),
                format,
            };
            let report = export(printer, backend, &req, &out).await?;
            let place = if out == Path::new("-") {
                "standard output".to_string()
            } else {
                out.display().to_string()
            };
            printer.success(format!(
                "Exported {} entries as {} to {place} ({}).",
                report.rows,
                format.name(),
                human_bytes(report.bytes)
            ));
        }
        AuditCommand::Stats { by, filter: args } => {
            let by = match by {
                StatsByArg::Action => StatsBy::Action,
                StatsByArg::User => StatsBy::User,
                StatsByArg::Org => StatsBy::Org,
                StatsByArg::Day => StatsBy::Day,
                StatsByArg::Hour => StatsBy::Hour,
            };
            let counts = backend
                .send(AuditStats {
                    filter: filter(args),
                    by,
                })
                .await?;
            output::audit::stats(printer, by, &counts)?;
        }
        AuditCommand::Prune {
            older_than,
            dry_run,
        } => {
            let back = chrono::Duration::from_std(older_than)
                .map_err(|_| Error::usage("--older-than is too long"))?;
            let req = AuditPrune {
                cutoff: crate::local::now() - back,
            };
            let plan = backend.send(PlanAuditPrune(req.clone())).await?;
            let cutoff = plan.cutoff.format("%Y-%m-%d %H:%M:%S UTC");
            if plan.kept_in_seals > 0 {
                printer.note(format!(
                    "{} entries older than {cutoff} stay: their seal also covers newer entries \
                     (a sealed range is pruned whole).",
                    plan.kept_in_seals
                ));
            }
            if plan.rows == 0 {
                printer.done(&plan, format!("Nothing older than {cutoff} to prune."))?;
                return Ok(ExitStatus::Success);
            }
            let what = format!(
                "{} audit entries older than {cutoff} (ids {}-{}, {} to {})",
                plan.rows,
                plan.first_id.unwrap_or(0),
                plan.last_id.unwrap_or(0),
                plan.oldest_at
                    .map(|t| t.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
                plan.newest_at
                    .map(|t| t.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
            );
            if dry_run {
                printer.done(&plan, format!("Would delete {what}; nothing was deleted."))?;
                return Ok(ExitStatus::Success);
            }
            printer.confirm(&format!("Delete {what}? This cannot be undone"))?;
            let report = backend
                .send_reporting(req, printer.reporter(printer.counter("pruning")))
                .await?;
            printer.done(
                &report,
                format!(
                    "Deleted {} audit entries older than {cutoff} in {} batches.",
                    report.deleted, report.batches
                ),
            )?;
        }
        AuditCommand::Seal => {
            let report = backend
                .send_reporting(AuditSeal {}, printer.reporter(printer.counter("sealing")))
                .await?;
            output::audit::seal(printer, &report)?;
        }
        AuditCommand::Verify {
            since,
            public_key,
            expect_head,
        } => {
            let public_key = match public_key {
                Some(path) => Some(std::fs::read_to_string(&path).map_err(|e| {
                    Error::io(format!("cannot read --public-key {}", path.display()), e)
                })?),
                None => None,
            };
            let expect_head = match expect_head {
                Some(given) => Some(expected_digest(ctx, backend, &given).await?),
                None => None,
            };
            let req = AuditVerify {
                since,
                public_key,
                expect_head,
            };
            let report = backend
                .send_reporting(req, printer.reporter(printer.counter("verifying")))
                .await?;
            output::audit::verify(printer, &report)?;
            return Ok(if report.ok {
                ExitStatus::Success
            } else {
                ExitStatus::Failure
            });
        }
        AuditCommand::Keygen { .. } => {}
    }
    Ok(ExitStatus::Success)
}

/// The export's format: `-o` when given, else the file's extension (under `.gz`).
fn export_format(ctx: &Ctx<'_>, out: &Path) -> Result<ExportFormat> {
    let given = !matches!(ctx.settings.format_source, Source::Default);
    if given {
        return match ctx.settings.format {
            Format::Csv => Ok(ExportFormat::Csv),
            Format::Json => Ok(ExportFormat::Json),
            Format::Ndjson => Ok(ExportFormat::Ndjson),
            Format::Table => Err(Error::usage(
                "audit export writes csv, json or ndjson, not a table",
            )
            .with_hint("use -o csv, -o json or -o ndjson, or a file name ending in one")),
        };
    }
    let name = out.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    if name.ends_with(".csv") {
        Ok(ExportFormat::Csv)
    } else if name.ends_with(".ndjson") || name.ends_with(".jsonl") {
        Ok(ExportFormat::Ndjson)
    } else if name.ends_with(".json") {
        Ok(ExportFormat::Json)
    } else {
        Err(Error::usage(format!(
            "cannot tell the format of {} from its name",
            crate::text::quote(&out.display().to_string())
        ))
        .with_hint(
            "name it .csv, .json or .ndjson (with .gz to compress), or pass -o csv|json|ndjson",
        ))
    }
}

/// A file being written under a temporary name beside its final one; removed when dropped
/// unless it was renamed into place (`done`).
struct Partial {
    temp: PathBuf,
    done: bool,
}

impl Drop for Partial {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

async fn export(
    printer: &Printer,
    backend: &Backend,
    req: &AuditExport,
    out: &Path,
) -> Result<ExportReport> {
    let gzip = out.to_string_lossy().to_ascii_lowercase().ends_with(".gz");
    let progress = printer.reporter(printer.spinner("exporting"));
    if out == Path::new("-") {
        let mut w = BufWriter::with_capacity(1 << 16, std::io::stdout());
        return backend.audit_export(req, &mut w, progress).await;
    }
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out
        .file_name()
        .ok_or_else(|| Error::usage(format!("--out {} is not a file name", out.display())))?;
    let mut partial = Partial {
        temp: dir.join(format!(
            ".{}.partial-{}",
            name.to_string_lossy(),
            std::process::id()
        )),
        done: false,
    };
    let file = File::create(&partial.temp)
        .map_err(|e| Error::io(format!("cannot create a file in {}", dir.display()), e))?;
    let report = if gzip {
        let mut w = flate2::write::GzEncoder::new(
            BufWriter::with_capacity(1 << 16, file),
            flate2::Compression::new(6),
        );
        let report = backend.audit_export(req, &mut w, progress).await?;
        let inner = w
            .finish()
            .map_err(|e| Error::io("cannot write the export", e))?;
        finish_file(inner)?;
        report
    } else {
        let mut w = BufWriter::with_capacity(1 << 16, file);
        let report = backend.audit_export(req, &mut w, progress).await?;
        finish_file(w)?;
        report
    };
    std::fs::rename(&partial.temp, out)
        .map_err(|e| Error::io(format!("cannot rename the export to {}", out.display()), e))?;
    partial.done = true;
    Ok(report)
}

fn finish_file(w: BufWriter<File>) -> Result<()> {
    let file = w
        .into_inner()
        .map_err(|e| Error::io("cannot write the export", e.into_error()))?;
    file.sync_all()
        .map_err(|e| Error::io("cannot write the export", e))
}

/// `--expect-head`: a digest, or a backup whose manifest recorded the head.
async fn expected_digest(ctx: &Ctx<'_>, backend: &Backend, given: &str) -> Result<String> {
    let given = given.trim();
    if given.len() == 64 && given.chars().all(|c| c.is_ascii_hexdigit()) {
        return Ok(given.to_ascii_lowercase());
    }
    let shown = backend
        .send_reporting(
            BackupShow {
                id: given.to_string(),
                storage: None,
            },
            ctx.printer.reporter_quiet(),
        )
        .await
        .map_err(|e| {
            Error::new(
                e.kind(),
                format!(
                    "--expect-head {} is neither a seal digest (64 hex digits) nor a backup: {}",
                    crate::text::quote(given),
                    e.message()
                ),
            )
        })?;
    match shown.manifest.audit_seal_head {
        Some(head) => Ok(head.digest),
        None => Err(Error::usage(format!(
            "backup {given} recorded no seal head: the audit log was not sealed when it was taken"
        ))
        .with_hint("give a seal digest printed by `platctl audit seal`, or a later backup")),
    }
}

fn keygen(printer: &Printer, dir: &Path) -> Result<ExitStatus> {
    use std::os::unix::fs::OpenOptionsExt;
    let (private, public) = crate::signing::generate()?;
    let key_id = crate::signing::parse_public(&public, "the new key")?.id();
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::io(format!("cannot create {}", dir.display()), e))?;
    let private_path = dir.join(crate::signing::PRIVATE_FILE);
    let public_path = dir.join(crate::signing::PUBLIC_FILE);
    for path in [&private_path, &public_path] {
        if path.exists() {
            return Err(Error::conflict(format!(
                "{} already exists: refusing to replace a key",
                path.display()
            ))
            .with_hint("move it away first, or choose another --out directory"));
        }
    }
    let write = |path: &Path, text: &str, mode: u32| -> Result<()> {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode)
            .open(path)
            .map_err(|e| Error::io(format!("cannot create {}", path.display()), e))?;
        f.write_all(text.as_bytes())
            .and_then(|_| f.sync_all())
            .map_err(|e| Error::io(format!("cannot write {}", path.display()), e))
    };
    write(&private_path, &private, 0o600)?;
    if let Err(e) = write(&public_path, &public, 0o644) {
        let _ = std::fs::remove_file(&private_path);
        return Err(e);
    }
    printer.done(
        &serde_json::json!({
            "private_key": private_path,
            "public_key": public_path,
            "key_id": key_id,
        }),
        format!(
            "Wrote {} (private, mode 0600) and {} (public); key id {key_id}.\n\
             Set AUDIT_SIGNING_KEY_FILE={} where `audit seal` runs; keep the .pub where \
             `audit verify --public-key` runs.",
            private_path.display(),
            public_path.display(),
            private_path.display()
        ),
    )?;
    Ok(ExitStatus::Success)
}
