//! The views of `platctl audit` that are more than a list or a one-line confirmation: a
//! seal's report, the counts of `audit stats` with their bars, and the findings of
//! `audit verify`. The command runs the operation; how its result reads is decided here.

use super::printer::{Format, Printer};
use crate::error::Result;
use crate::proto::audit::{AuditCount, AuditVerifyReport, SealReport, Signatures, StatsBy};

/// `audit seal`: what was sealed (or why nothing was) and the new head, for programs the
/// report; an unsigned seal is warned about.
pub fn seal(printer: &Printer, report: &SealReport) -> Result<()> {
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
    printer.done(report, message)
}

/// `audit verify`: for people each problem as a failure, a summary line (a failure itself when
/// the chain is broken) and notes on what the check could not prove; for programs the report.
/// The exit status stays the command's to decide.
pub fn verify(printer: &Printer, report: &AuditVerifyReport) -> Result<()> {
    if printer.format() != Format::Table {
        return printer.object(report);
    }
    let signatures = match report.signatures {
        Signatures::Checked => "signed",
        Signatures::NotChecked => "signed, signatures not checked",
        Signatures::Unsigned => "unsigned",
    };
    let checked = (report.seals)
        .saturating_sub(report.seals_pruned)
        .saturating_sub(report.seals_skipped);
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
    Ok(())
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

/// `audit stats`: for people a table with a bar for each group, for programs the counts.
pub fn stats(printer: &Printer, by: StatsBy, counts: &[AuditCount]) -> Result<()> {
    if printer.format() != Format::Table {
        return printer.list(counts, "");
    }
    if counts.is_empty() {
        printer.note("No audit entries match.");
        return Ok(());
    }
    let width = printer.terminal_width().map(usize::from);
    let (header, rows, legend) = stats_table(by, counts, width);
    printer.grid(&header, &rows, &legend)
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
