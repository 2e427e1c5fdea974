//! Results in the format asked for: a table for people, or JSON, NDJSON or CSV for programs.
//! Field names are the serde (snake_case) names of the result types, and JSON and CSV carry
//! the same fields in the same order; timestamps are RFC 3339 UTC. Tables never wrap, but for
//! free text on a narrow terminal ([`Printer::fit`]).

use std::fmt::Display;

use comfy_table::{Attribute, Cell, ColumnConstraint, ContentArrangement, Table, presets::NOTHING};
use serde::Serialize;
use serde_json::Value;

use super::printer::{Format, Printer, Style, for_people, paint, write_err, write_stdout};
use crate::error::{Error, Result};
use crate::proto::Record;
use crate::text;

/// Columns of free text, which may wrap on a narrow terminal. Every other column (ids,
/// prefixes, keys, hashes, URLs, emails, slugs, times) keeps its full width.
const WRAPPABLE: &[&str] = &[
    "name",
    "description",
    "label",
    "roles",
    "scopes",
    "reason",
    "revoked_reason",
    "problem",
    "source",
    // An audit entry's action and resource (`organization.create`, `api_key:3fa2c1d0…`).
    "action",
    "resource",
];

/// A free-text column is wrapped only if it keeps at least this many characters a line.
const MIN_WRAPPED: usize = 12;

/// Below this many columns a terminal is taken to report no width (a 0x0 pty): tables are laid
/// out without wrapping then.
const MIN_TERMINAL_WIDTH: u16 = 20;

/// How a state reads at a glance (its colour on a terminal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Good,
    Warn,
    Bad,
}

impl Printer {
    /// A list of records. An empty table prints `empty_note` on stderr instead (unless quiet).
    pub fn list<T: Record>(&self, items: &[T], empty_note: &str) -> Result<()> {
        match self.format {
            Format::Json => {
                let mut text = serde_json::to_string_pretty(items).map_err(json_err)?;
                text.push('\n');
                self.stdout(&text)
            }
            Format::Ndjson => {
                let mut text = String::new();
                for item in items {
                    text.push_str(&serde_json::to_string(item).map_err(json_err)?);
                    text.push('\n');
                }
                self.stdout(&text)
            }
            Format::Csv => {
                let mut w = csv::Writer::from_writer(Vec::new());
                w.write_record(T::fields()).map_err(csv_err)?;
                for item in items {
                    write_csv_row(&mut w, item)?;
                }
                let bytes = w.into_inner().map_err(|e| csv_err(e.into_error().into()))?;
                self.stdout(&String::from_utf8_lossy(&bytes))
            }
            Format::Table => {
                if items.is_empty() {
                    if !empty_note.is_empty() {
                        self.note(empty_note);
                    }
                    return Ok(());
                }
                self.stdout(&self.records_table(items)?)
            }
        }
    }

    /// Stream one record at a time (NDJSON and CSV stream; JSON is an array written as it
    /// goes; tables are collected, since column widths need every row).
    pub fn stream<T: Record>(&self) -> RecordStream<'_, T> {
        RecordStream {
            printer: self,
            count: 0,
            buffered: Vec::new(),
            widths: None,
        }
    }

    /// One record: a JSON object, or a two-column table of its fields for people.
    pub fn object<T: Serialize>(&self, item: &T) -> Result<()> {
        let value = serde_json::to_value(item).map_err(json_err)?;
        self.stdout(&self.render_object(&value)?)
    }

    fn render_object(&self, value: &Value) -> Result<String> {
        match self.format {
            Format::Json => {
                let mut text = serde_json::to_string_pretty(value).map_err(json_err)?;
                text.push('\n');
                Ok(text)
            }
            Format::Ndjson => {
                let mut text = serde_json::to_string(value).map_err(json_err)?;
                text.push('\n');
                Ok(text)
            }
            Format::Csv => {
                let Value::Object(map) = value else {
                    return Ok(format!("{value}\n"));
                };
                let mut w = csv::Writer::from_writer(Vec::new());
                w.write_record(map.keys()).map_err(csv_err)?;
                w.write_record(map.values().map(csv_cell))
                    .map_err(csv_err)?;
                let bytes = w.into_inner().map_err(|e| csv_err(e.into_error().into()))?;
                Ok(String::from_utf8_lossy(&bytes).into_owned())
            }
            Format::Table => {
                let Value::Object(map) = value else {
                    return Ok(format!("{}\n", text::escape_controls(&value.to_string())));
                };
                let mut table = self.table();
                for (key, v) in map {
                    table.add_row(vec![
                        Cell::new(key).add_attribute(Attribute::Bold),
                        Cell::new(human_cell(key, Some(v), Lists::Whole)),
                    ]);
                }
                // Values are ids, hashes, URLs and times as often as prose: never wrapped.
                Ok(render(table))
            }
        }
    }

    /// A secret shown once (a new API key): people get the fields of `people` (but `key`),
    /// then the secret alone on its own line, whole, never wrapped; with -q only the secret;
    /// programs get `programs` (which carries the secret).
    pub fn reveal<A: Serialize, B: Serialize>(
        &self,
        secret: &str,
        people: &A,
        programs: &B,
    ) -> Result<()> {
        let text = match self.format {
            Format::Table if self.quiet => format!("{secret}\n"),
            Format::Table => {
                let mut shown = serde_json::to_value(people).map_err(json_err)?;
                if let Value::Object(map) = &mut shown {
                    map.shift_remove("key");
                }
                format!("{}\n{secret}\n", self.render_object(&shown)?)
            }
            _ => self.render_object(&serde_json::to_value(programs).map_err(json_err)?)?,
        };
        write_stdout(&text)
    }

    /// The result of an action: for people a one-line confirmation (none with -q), for
    /// programs the data.
    pub fn done<T: Serialize>(&self, data: &T, message: impl Display) -> Result<()> {
        match self.format {
            Format::Table => {
                if !self.quiet {
                    write_stdout(&format!("{}\n", for_people(&message.to_string())))?;
                }
                Ok(())
            }
            _ => self.object(data),
        }
    }

    /// A grid for people (tables mode): a header row, rows, and a legend line under it.
    pub fn grid(&self, header: &[&str], rows: &[Vec<String>], legend: &str) -> Result<()> {
        self.toned_grid(header, rows, &[], legend)
    }

    /// A grid whose second column is a state, coloured by `tones` (one per row) on a
    /// terminal: green for good, yellow for a warning, red for bad.
    pub fn toned_grid(
        &self,
        header: &[&str],
        rows: &[Vec<String>],
        tones: &[Tone],
        legend: &str,
    ) -> Result<()> {
        let mut table = self.table();
        table.set_header(
            header
                .iter()
                .map(|h| Cell::new(h.to_uppercase()).add_attribute(Attribute::Bold)),
        );
        for (i, row) in rows.iter().enumerate() {
            table.add_row(row.iter().enumerate().map(|(column, c)| {
                let cell = Cell::new(text::escape_controls(c));
                match (column, tones.get(i)) {
                    (1, Some(Tone::Good)) => cell.fg(comfy_table::Color::Green),
                    (1, Some(Tone::Warn)) => cell.fg(comfy_table::Color::Yellow),
                    (1, Some(Tone::Bad)) => cell
                        .fg(comfy_table::Color::Red)
                        .add_attribute(Attribute::Bold),
                    _ => cell,
                }
            }));
        }
        let mut text = render(table);
        if !legend.is_empty() {
            text.push_str(&paint(self.color_stdout, Style::Dim, legend));
            text.push('\n');
        }
        self.stdout(&text)
    }

    /// A table, styled (comfy-table's own cell attributes, never escape codes in the text)
    /// when colour is on, and never wrapped: see [`Printer::fit`] for the one exception.
    fn table(&self) -> Table {
        let mut table = Table::new();
        table.load_style(NOTHING);
        table.set_content_arrangement(ContentArrangement::Disabled);
        if self.color_stdout {
            table.enforce_styling();
            // Padding stays outside the escape codes, so trailing blanks can be trimmed.
            table.style_text_only();
        } else {
            table.force_no_tty();
        }
        table
    }

    /// The terminal's width, when stdout is a terminal that reports a sensible one (a 0x0 pty
    /// reports none).
    pub fn terminal_width(&self) -> Option<u16> {
        if !self.stdout_terminal {
            return None;
        }
        let probe = Table::new();
        probe.width().filter(|w| *w >= MIN_TERMINAL_WIDTH)
    }

    /// Fit a table of `names` columns to the terminal: when it is wider, the widest free-text
    /// columns (names, descriptions, labels) wrap, provided each keeps at least
    /// [`MIN_WRAPPED`] characters; ids, keys, hashes, URLs and times never wrap. A table that
    /// cannot fit that way is left whole, and the terminal folds its lines.
    fn fit(&self, table: &mut Table, names: &[&str]) {
        let Some(width) = self.terminal_width() else {
            return;
        };
        pad(table);
        let widths: Vec<usize> = table
            .column_max_content_widths()
            .into_iter()
            .map(usize::from)
            .collect();
        let padding = 2 * widths.len().saturating_sub(1);
        if widths.iter().sum::<usize>() + padding <= usize::from(width) {
            return;
        }
        // Columns that keep their width: all but free text, then the free-text columns
        // narrower than an even share of what is left, narrowest first.
        let mut keep: Vec<bool> = names.iter().map(|n| !WRAPPABLE.contains(n)).collect();
        loop {
            let kept: usize = widths
                .iter()
                .zip(&keep)
                .filter(|(_, k)| **k)
                .map(|(w, _)| w)
                .sum();
            let room = usize::from(width).saturating_sub(kept + padding);
            let wrapping: Vec<usize> = (0..widths.len()).filter(|i| !keep[*i]).collect();
            if wrapping.is_empty() {
                return;
            }
            let share = room / wrapping.len();
            match wrapping.iter().find(|i| widths[**i] <= share) {
                Some(i) => keep[*i] = true,
                None if share >= MIN_WRAPPED => break,
                None => return,
            }
        }
        for (column, kept) in table.column_iter_mut().zip(&keep) {
            if *kept {
                column.set_constraint(ColumnConstraint::ContentWidth);
            }
        }
        table.set_width(width);
        table.set_content_arrangement(ContentArrangement::Dynamic);
    }

    fn records_table<T: Record>(&self, items: &[T]) -> Result<String> {
        let rows: Vec<Vec<String>> = items.iter().map(record_cells).collect::<Result<_>>()?;
        // On a terminal too narrow for every column, leave out the droppable ones in turn.
        let mut shown: Vec<usize> = (0..T::COLUMNS.len()).collect();
        if let Some(width) = self.terminal_width() {
            let widths: Vec<usize> = (0..T::COLUMNS.len())
                .map(|i| {
                    rows.iter()
                        .map(|r| r.get(i).map_or(0, |c| c.chars().count()))
                        .chain([title(T::COLUMNS[i]).len()])
                        .max()
                        .unwrap_or(0)
                })
                .collect();
            let total = |shown: &[usize]| -> usize {
                shown
                    .iter()
                    .map(|i| widths[*i] + 2)
                    .sum::<usize>()
                    .saturating_sub(2)
            };
            for drop in T::DROPPABLE {
                if total(&shown) <= usize::from(width) {
                    break;
                }
                shown.retain(|i| T::COLUMNS[*i] != *drop);
            }
        }
        let names: Vec<&str> = shown.iter().map(|i| T::COLUMNS[*i]).collect();
        let mut table = self.table();
        table.set_header(
            names
                .iter()
                .map(|c| Cell::new(title(c)).add_attribute(Attribute::Bold)),
        );
        for row in rows {
            table.add_row(
                shown
                    .iter()
                    .map(|i| row.get(*i).cloned().unwrap_or_default()),
            );
        }
        self.fit(&mut table, &names);
        Ok(render(table))
    }
}

fn write_csv_row<T: Record>(w: &mut csv::Writer<Vec<u8>>, item: &T) -> Result<()> {
    let value = serde_json::to_value(item).map_err(json_err)?;
    w.write_record(
        T::fields()
            .iter()
            .map(|c| csv_cell(value.get(c).unwrap_or(&Value::Null))),
    )
    .map_err(csv_err)
}

/// Records written one by one.
pub struct RecordStream<'p, T: Record> {
    printer: &'p Printer,
    count: u64,
    buffered: Vec<T>,
    /// Once a table has started printing: its column widths, kept for the rows that follow.
    widths: Option<Vec<usize>>,
}

/// A table keeps this many rows to size its columns before it starts printing; later rows
/// take the same widths (a longer value pushes its line, nothing is cut).
const STREAM_TABLE_ROWS: usize = 500;

/// A column's header: `created_at` as `CREATED AT`.
fn title(column: &str) -> String {
    column.replace('_', " ").to_uppercase()
}

/// A record's table cells, in `COLUMNS` order.
fn record_cells<T: Record>(item: &T) -> Result<Vec<String>> {
    Ok(match item.cells() {
        Some(cells) => cells.iter().map(|c| text::escape_controls(c)).collect(),
        None => {
            let value = serde_json::to_value(item).map_err(json_err)?;
            T::COLUMNS
                .iter()
                .map(|c| match item.cell(c) {
                    Some(cell) => text::escape_controls(&cell),
                    None => human_cell(c, value.get(c), Lists::Counted),
                })
                .collect()
        }
    })
}

impl<T: Record> RecordStream<'_, T> {
    pub fn push(&mut self, item: T) -> Result<()> {
        let p = self.printer;
        match p.format {
            Format::Table => {
                self.buffered.push(item);
                self.count += 1;
                if self.widths.is_some() || self.buffered.len() >= STREAM_TABLE_ROWS {
                    self.flush()?;
                }
                return Ok(());
            }
            Format::Ndjson => {
                let mut line = serde_json::to_string(&item).map_err(json_err)?;
                line.push('\n');
                p.stdout(&line)?;
            }
            Format::Json => {
                let sep = if self.count == 0 { "[\n  " } else { ",\n  " };
                let body = serde_json::to_string(&item).map_err(json_err)?;
                p.stdout(&format!("{sep}{body}"))?;
            }
            Format::Csv => {
                let mut w = csv::Writer::from_writer(Vec::new());
                if self.count == 0 {
                    w.write_record(T::fields()).map_err(csv_err)?;
                }
                write_csv_row(&mut w, &item)?;
                let bytes = w.into_inner().map_err(|e| csv_err(e.into_error().into()))?;
                p.stdout(&String::from_utf8_lossy(&bytes))?;
            }
        }
        self.count += 1;
        Ok(())
    }

    /// Print what a table holds back now (a follow loop shows rows as they come): the columns
    /// are sized by the rows so far, and keep that size.
    pub fn flush(&mut self) -> Result<()> {
        let p = self.printer;
        if p.format != Format::Table || (self.buffered.is_empty() && self.widths.is_some()) {
            return Ok(());
        }
        let rows: Vec<Vec<String>> = self
            .buffered
            .drain(..)
            .map(|item| record_cells(&item))
            .collect::<Result<_>>()?;
        let mut text = String::new();
        let widths = match &self.widths {
            Some(w) => w.clone(),
            None => {
                let header: Vec<String> = T::COLUMNS.iter().map(|c| title(c)).collect();
                let mut w: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
                for row in &rows {
                    for (i, cell) in row.iter().enumerate() {
                        w[i] = w[i].max(cell.chars().count());
                    }
                }
                let line = aligned(&header, &w);
                text.push_str(&paint(p.color_stdout, Style::Bold, &line));
                text.push('\n');
                self.widths = Some(w.clone());
                w
            }
        };
        for row in &rows {
            text.push_str(&aligned(row, &widths));
            text.push('\n');
        }
        p.stdout(&text)
    }

    pub fn finish(mut self, empty_note: &str) -> Result<u64> {
        let p = self.printer;
        match p.format {
            Format::Table if self.widths.is_some() => self.flush()?,
            Format::Table => p.list(&self.buffered, empty_note)?,
            Format::Json => p.stdout(if self.count == 0 { "[]\n" } else { "\n]\n" })?,
            Format::Csv if self.count == 0 => {
                let mut w = csv::Writer::from_writer(Vec::new());
                w.write_record(T::fields()).map_err(csv_err)?;
                let bytes = w.into_inner().map_err(|e| csv_err(e.into_error().into()))?;
                p.stdout(&String::from_utf8_lossy(&bytes))?;
            }
            _ => {}
        }
        Ok(self.count)
    }
}

/// Cells padded to `widths`, two spaces apart, without trailing blanks.
fn aligned(cells: &[String], widths: &[usize]) -> String {
    let mut line = String::new();
    for (i, cell) in cells.iter().enumerate() {
        line.push_str(cell);
        if i + 1 < cells.len() {
            let pad = widths[i].saturating_sub(cell.chars().count()) + 2;
            line.extend(std::iter::repeat_n(' ', pad));
        }
    }
    line.trim_end().to_string()
}

/// Columns two spaces apart, no borders (like kubectl and gh).
fn pad(table: &mut Table) {
    let count = table.column_count();
    for (i, column) in table.column_iter_mut().enumerate() {
        column.set_padding((0, if i + 1 == count { 0 } else { 2 }));
    }
}

/// The table's lines, without trailing blanks.
fn render(mut table: Table) -> String {
    pad(&mut table);
    let mut out = String::new();
    for line in table.lines() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn json_err(err: serde_json::Error) -> Error {
    Error::internal("cannot encode the result as JSON").with_source(err)
}

fn csv_err(err: csv::Error) -> Error {
    match err.into_kind() {
        csv::ErrorKind::Io(io) => write_err(io),
        other => Error::internal(format!("cannot encode the result as CSV: {other:?}")),
    }
}

/// A value as text for a table: timestamps shortened to the second, lists joined, null as `-`,
/// control characters escaped.
/// How a list reads in a table cell: whole (one record's fields), or, in a table of many
/// records, counted when it is long (`13 scopes`) so that one key with every scope does not
/// stretch every line past the terminal — `show` and `-o json` have it whole.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lists {
    Whole,
    Counted,
}

/// A list longer than this is counted in a table of records.
const LISTED_ITEMS: usize = 3;

fn human_cell(column: &str, value: Option<&Value>, lists: Lists) -> String {
    let text = match value {
        None | Some(Value::Null) => "-".to_string(),
        Some(Value::String(s)) => {
            if column.ends_with("_at")
                && let Ok(t) = chrono::DateTime::parse_from_rfc3339(s)
            {
                return t
                    .with_timezone(&chrono::Utc)
                    .format("%Y-%m-%d %H:%M:%S")
                    .to_string();
            }
            s.clone()
        }
        Some(Value::Bool(b)) => if *b { "yes" } else { "no" }.to_string(),
        Some(Value::Array(items)) => {
            let parts: Vec<String> = items
                .iter()
                .map(|v| match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect();
            if parts.is_empty() {
                "-".to_string()
            } else if lists == Lists::Counted && parts.len() > LISTED_ITEMS {
                format!("{} {column}", parts.len())
            } else {
                parts.join(", ")
            }
        }
        Some(other) => other.to_string(),
    };
    text::escape_controls(&text)
}

/// A value as a CSV field: strings raw, null empty, lists space-separated, objects as JSON.
fn csv_cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.iter().all(Value::is_string) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(" "),
        other => other.to_string(),
    }
}
