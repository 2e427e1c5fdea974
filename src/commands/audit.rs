//! `platctl audit`: arguments to requests, results to the printer. Reading, pruning, sealing
//! and verifying are the backend's; this file owns the files it writes (exports, key pairs).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::Ctx;
use crate::backend::Backend;
use crate::cli::{AuditCommand, AuditFilterArgs, StatsByArg};
use crate::error::{Error, ExitStatus, Result};
use crate::output::{Format, Printer};
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
            stream.finish("No audit entries match.")?;
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
                stream.finish("No audit entries match.")?;
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
            if printer.format() != Format::Table {
                printer.list(&counts, "")?;
            } else if counts.is_empty() {
                printer.note("No audit entries match.");
            } else {
                let width = printer.terminal_width().map(usize::from);
                let (header, rows, legend) = stats_table(by, &counts, width);
                printer.grid(&header, &rows, &legend)?;
            }
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
            let message = match (&report.seal, &report.head) {
                (Some(seal), Some(head)) => {
                    if !seal.signed {
                        printer.warn(
                            "the seal is unsigned: whoever can write the database could \
                             recompute it; set AUDIT_SIGNING_KEY_FILE (`platctl audit keygen`)",
                        );
                    }
                    format!(
                        "Sealed entries {}-{} ({} entries) as seal {}{}.\nhead {}",
                        seal.first_id,
                        seal.last_id,
                        seal.row_count,
                        seal.id,
                        match &seal.key_id {
                            Some(k) => format!(", signed with key {k}"),
                            None => String::new(),
                        },
                        head.digest
                    )
                }
                (None, Some(head)) => format!(
                    "Nothing to seal: no entries since seal {} (entry {}).\nhead {}",
                    head.seal_id, head.last_id, head.digest
                ),
                _ => "Nothing to seal: the audit log is empty.".to_string(),
            };
            printer.done(&report, message)?;
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
            return show_verify(printer, &report);
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

/// A file being written under a temporary name beside its final one; removed unless
/// [`Partial::complete`] renamed it.
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

fn show_verify(printer: &Printer, report: &AuditVerifyReport) -> Result<ExitStatus> {
    if printer.format() != Format::Table {
        printer.object(report)?;
        return Ok(if report.ok {
            ExitStatus::Success
        } else {
            ExitStatus::Failure
        });
    }
    let signatures = match report.signatures {
        Signatures::Checked => "signed",
        Signatures::NotChecked => "signed, signatures not checked",
        Signatures::Unsigned => "unsigned",
    };
    let checked = report.seals - report.seals_pruned - report.seals_skipped;
    // The rate, once there is enough to measure.
    let rate = if report.seconds >= 0.5 {
        format!(
            ", {} rows/s",
            group(((report.rows_verified as f64) / report.seconds) as u64)
        )
    } else {
        String::new()
    };
    let summary = format!(
        "{}/{checked} seals valid ({signatures}), {}/{} rows{rate}",
        report.seals_valid,
        group(report.rows_verified),
        group(report.rows_expected),
    );
    for p in &report.problems {
        if p.seal_id != 0 {
            printer.failure(format!(
                "seal {} (entries {}-{}): {}",
                p.seal_id, p.first_id, p.last_id, p.problem
            ));
        } else if let Some(id) = p.prune_id {
            let range = if p.last_id >= p.first_id {
                format!(" (entries {}-{})", p.first_id, p.last_id)
            } else {
                String::new()
            };
            printer.failure(format!("prune {id}{range}: {}", p.problem));
        } else if let Some(last_named) = p.entry_ids.last() {
            let mut ids: Vec<String> = p.entry_ids.iter().map(i64::to_string).collect();
            if *last_named != p.last_id {
                ids.push(format!("… {}", p.last_id));
            }
            printer.failure(format!("entries {}: {}", ids.join(", "), p.problem));
        } else {
            printer.failure(&p.problem);
        }
    }
    if report.ok {
        printer.line(&summary)?;
    } else {
        printer.failure(&summary);
    }
    if report.seals == 0 {
        printer.note("There are no seals yet: `platctl audit seal` makes one (run it from cron).");
    }
    if report.seals_pruned > 0 {
        printer.note(format!(
            "{} seals cover pruned entries (a prune record in the chain says so): chained, not \
             recomputed.",
            report.seals_pruned
        ));
    }
    if report.seals_skipped > 0 {
        printer.note(format!(
            "{} seals made before --since: chained, not recomputed.",
            report.seals_skipped
        ));
    }
    match report.signatures {
        Signatures::Unsigned if report.seals > 0 => printer.note(
            "Unsigned seals prove the entries are the ones sealed, unless someone who can \
             write the database recomputed the chain; signed seals (AUDIT_SIGNING_KEY_FILE) \
             and --expect-head with a digest kept elsewhere rule that out.",
        ),
        Signatures::NotChecked => printer
            .note("Pass --public-key FILE (the .pub from `audit keygen`) to check the signatures."),
        _ => {}
    }
    if report.expected_head_found == Some(true) {
        printer.note("The expected head is in the chain.");
    }
    if let (Some(lo), Some(hi)) = (report.unsealed_first_id, report.unsealed_last_id) {
        printer.note(format!(
            "{} entries are newer than the last seal (ids {lo}-{hi}): nothing proves them \
             until a seal covers them.",
            group(report.rows_unsealed)
        ));
    }
    Ok(if report.ok {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

/// `2400113` as `2,400,113`.
fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Width of the bar column, in characters, when the terminal has room.
const BAR_WIDTH: usize = 30;

/// A bar of `value / max`, `width` characters at most, drawn with block characters to an
/// eighth of a character.
fn bar(value: i64, max: i64, width: usize) -> String {
    const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    if max <= 0 || value <= 0 {
        return String::new();
    }
    let eighths = ((value as f64 / max as f64) * (width * 8) as f64).round() as usize;
    let eighths = eighths.max(1);
    let mut out: String = std::iter::repeat_n('█', eighths / 8).collect();
    if !eighths.is_multiple_of(8) {
        out.push(EIGHTHS[eighths % 8]);
    }
    out
}

/// The table of `audit stats`, its bars fitted to a terminal `width` wide (when known).
fn stats_table(
    by: StatsBy,
    counts: &[AuditCount],
    width: Option<usize>,
) -> (Vec<&'static str>, Vec<Vec<String>>, String) {
    let name = match by {
        StatsBy::Action => "action",
        StatsBy::User => "user",
        StatsBy::Org => "organization",
        StatsBy::Day => "day",
        StatsBy::Hour => "hour",
    };
    let total: i64 = counts.iter().map(|c| c.count).sum();
    let max = counts.iter().map(|c| c.count).max().unwrap_or(0);
    let mut rows: Vec<Vec<String>> = counts
        .iter()
        .map(|c| {
            vec![
                c.key.clone(),
                group(u64::try_from(c.count).unwrap_or(0)),
                format!("{:.1}%", 100.0 * c.count as f64 / total.max(1) as f64),
            ]
        })
        .collect();
    // What the first three columns take (and two spaces after each), the rest for the bar.
    let taken: usize = (0..3)
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .max()
                .unwrap_or(0)
                .max(name.len())
                + 2
        })
        .sum();
    let bar_width = width.map_or(BAR_WIDTH, |w| w.saturating_sub(taken).clamp(5, BAR_WIDTH));
    for (row, c) in rows.iter_mut().zip(counts) {
        row.push(bar(c.count, max, bar_width));
    }
    let legend = format!(
        "{} entries in {} groups",
        group(u64::try_from(total).unwrap_or(0)),
        counts.len()
    );
    (vec![name, "count", "share", ""], rows, legend)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_count_in_eighths() {
        assert_eq!(bar(10, 10, 30).chars().count(), 30);
        assert_eq!(bar(5, 10, 30), "█".repeat(15));
        assert_eq!(bar(0, 10, 30), "");
        assert_eq!(bar(1, 1_000_000, 30), "▏");
        assert_eq!(bar(3, 4, 5), "███▊");
    }

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(group(2_400_113), "2,400,113");
        assert_eq!(group(999), "999");
        assert_eq!(group(1000), "1,000");
    }
}
