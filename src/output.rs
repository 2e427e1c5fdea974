//! The one place that writes to stdout and stderr.
//!
//! Commands hand typed results to a [`Printer`]; it renders them as a table for people or as
//! JSON, NDJSON or CSV for programs. Field names are the serde (snake_case) names of the result
//! types; timestamps are RFC 3339 UTC. Human chatter goes to stderr, data to stdout; colour only
//! on a terminal. Every line written to stderr passes through [`crate::redact::scrub`].
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::fmt::Display;
use std::io::{self, Write};

use clap::ValueEnum;
use comfy_table::{Cell, ContentArrangement, Table, presets};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Error, ErrorKind, Result};
use crate::redact;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Aligned columns for people
    Table,
    /// A JSON array (or object) with snake_case fields
    Json,
    /// One JSON object per line, for streaming into jq
    Ndjson,
    /// Comma-separated values with a header line
    Csv,
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Ndjson => "ndjson",
            Format::Csv => "csv",
        })
    }
}

/// A result type that can be shown as rows. JSON carries every serialized field; tables and
/// CSV show `COLUMNS` (serde field names), in that order.
pub trait Record: Serialize {
    const COLUMNS: &'static [&'static str];
}

pub struct Printer {
    format: Format,
    quiet: bool,
    color_stdout: bool,
    color_stderr: bool,
    interactive: bool,
    yes: bool,
    stderr_terminal: bool,
}

enum Style {
    Bold,
    Red,
    Yellow,
    Green,
    Dim,
}

fn paint(on: bool, style: Style, text: &str) -> String {
    if !on {
        return text.to_string();
    }
    let code = match style {
        Style::Bold => "1",
        Style::Red => "1;31",
        Style::Yellow => "33",
        Style::Green => "32",
        Style::Dim => "2",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

fn write_err(err: io::Error) -> Error {
    Error::io("cannot write to standard output", err)
}

impl Printer {
    pub fn new(
        format: Format,
        quiet: bool,
        color_stdout: bool,
        color_stderr: bool,
        interactive: bool,
        yes: bool,
    ) -> Self {
        Printer {
            format,
            quiet,
            color_stdout,
            color_stderr,
            interactive,
            yes,
            stderr_terminal: std::io::IsTerminal::is_terminal(&std::io::stderr()),
        }
    }

    /// A printer for errors before settings exist: plain, to stderr.
    pub fn plain() -> Self {
        Printer::new(Format::Table, false, false, false, false, false)
    }

    pub fn format(&self) -> Format {
        self.format
    }

    pub fn is_quiet(&self) -> bool {
        self.quiet
    }

    fn stdout(&self, text: &str) -> Result<()> {
        let mut out = io::stdout().lock();
        out.write_all(text.as_bytes()).map_err(write_err)?;
        out.flush().map_err(write_err)
    }

    /// A list of records. An empty table says so on stderr (unless quiet) and prints nothing.
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
            Format::Csv => self.csv(items),
            Format::Table => {
                if items.is_empty() {
                    self.note(empty_note);
                    return Ok(());
                }
                let mut table = self.table();
                table.set_header(T::COLUMNS.iter().map(|c| {
                    let title = c.replace('_', " ").to_uppercase();
                    Cell::new(paint(self.color_stdout, Style::Bold, &title))
                }));
                for item in items {
                    let value = serde_json::to_value(item).map_err(json_err)?;
                    table.add_row(T::COLUMNS.iter().map(|c| human_cell(c, value.get(c))));
                }
                self.stdout(&render(table))
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
        }
    }

    /// One record: a JSON object, or a two-column table of its fields for people.
    pub fn object<T: Serialize>(&self, item: &T) -> Result<()> {
        let value = serde_json::to_value(item).map_err(json_err)?;
        match self.format {
            Format::Json => {
                let mut text = serde_json::to_string_pretty(&value).map_err(json_err)?;
                text.push('\n');
                self.stdout(&text)
            }
            Format::Ndjson => {
                let mut text = serde_json::to_string(&value).map_err(json_err)?;
                text.push('\n');
                self.stdout(&text)
            }
            Format::Csv => {
                let Value::Object(map) = &value else {
                    return self.stdout(&format!("{value}\n"));
                };
                let mut w = csv::Writer::from_writer(Vec::new());
                w.write_record(map.keys()).map_err(csv_err)?;
                w.write_record(map.iter().map(|(k, v)| csv_cell(k, v)))
                    .map_err(csv_err)?;
                let bytes = w.into_inner().map_err(|e| csv_err(e.into_error().into()))?;
                self.stdout(&String::from_utf8_lossy(&bytes))
            }
            Format::Table => {
                let Value::Object(map) = &value else {
                    return self.stdout(&format!("{value}\n"));
                };
                let mut table = self.table();
                for (key, v) in map {
                    table.add_row(vec![
                        Cell::new(paint(self.color_stdout, Style::Bold, key)),
                        Cell::new(human_cell(key, Some(v))),
                    ]);
                }
                self.stdout(&render(table))
            }
        }
    }

    /// The result of an action: for people a one-line confirmation (none with -q), for
    /// programs the data.
    pub fn done<T: Serialize>(&self, data: &T, message: impl Display) -> Result<()> {
        match self.format {
            Format::Table => {
                if !self.quiet {
                    self.stdout(&format!("{message}\n"))?;
                }
                Ok(())
            }
            _ => self.object(data),
        }
    }

    /// A plain line of text on stdout for people (tables mode only; -q silences it).
    pub fn line(&self, text: impl Display) -> Result<()> {
        if self.quiet || self.format != Format::Table {
            return Ok(());
        }
        self.stdout(&format!("{text}\n"))
    }

    /// Raw bytes on stdout whatever the format (completion scripts, keys shown once).
    pub fn raw(&self, text: &str) -> Result<()> {
        self.stdout(text)
    }

    /// A remark for people on stderr, silenced by -q.
    pub fn note(&self, text: impl Display) {
        if !self.quiet {
            let text = redact::scrub(&text.to_string());
            let _ = writeln!(
                io::stderr(),
                "{}",
                paint(self.color_stderr, Style::Dim, &text)
            );
        }
    }

    /// Something the operator should act on, on stderr, silenced by -q.
    pub fn warn(&self, text: impl Display) {
        if !self.quiet {
            let text = redact::scrub(&text.to_string());
            let label = paint(self.color_stderr, Style::Yellow, "warning:");
            let _ = writeln!(io::stderr(), "{label} {text}");
        }
    }

    /// A failure that is not an error of the command (a check that found a problem): always
    /// shown on stderr, even with -q.
    pub fn failure(&self, text: impl Display) {
        let text = redact::scrub(&text.to_string());
        let label = paint(self.color_stderr, Style::Red, "failed:");
        let _ = writeln!(io::stderr(), "{label} {text}");
    }

    /// A success line for people on stderr (for commands whose stdout is data).
    pub fn success(&self, text: impl Display) {
        if !self.quiet {
            let text = redact::scrub(&text.to_string());
            let _ = writeln!(
                io::stderr(),
                "{}",
                paint(self.color_stderr, Style::Green, &text)
            );
        }
    }

    /// An error, always shown, with its causes and hint; secrets scrubbed.
    pub fn error(&self, err: &Error) {
        let label = paint(self.color_stderr, Style::Red, "error:");
        let mut text = format!("{label} {}\n", redact::scrub(err.message()));
        for cause in err.causes() {
            text.push_str(&format!("  cause: {}\n", redact::scrub(&cause)));
        }
        if let Some(hint) = err.hint() {
            let label = paint(self.color_stderr, Style::Bold, "hint:");
            text.push_str(&format!("  {label} {}\n", redact::scrub(hint)));
        }
        let _ = io::stderr().write_all(text.as_bytes());
    }

    /// Ask before a destructive action: on a terminal a yes/no prompt (default no); elsewhere
    /// `--yes` is required.
    pub fn confirm(&self, question: &str) -> Result<()> {
        if self.yes {
            return Ok(());
        }
        if !self.interactive {
            return Err(
                Error::usage(format!("refusing without confirmation: {question}"))
                    .with_hint("there is no terminal to ask on; re-run with --yes to confirm"),
            );
        }
        let answer = dialoguer::Confirm::new()
            .with_prompt(question)
            .default(false)
            .interact()
            .map_err(|e| match e {
                dialoguer::Error::IO(io) => Error::io("cannot read the answer", io),
            })?;
        if answer {
            Ok(())
        } else {
            Err(Error::new(
                ErrorKind::Refused,
                "cancelled; nothing was changed",
            ))
        }
    }

    /// A grid for people (tables mode): a header row, rows, and a legend line under it.
    pub fn grid(&self, header: &[&str], rows: &[Vec<String>], legend: &str) -> Result<()> {
        let mut table = self.table();
        table.set_header(
            header
                .iter()
                .map(|h| Cell::new(paint(self.color_stdout, Style::Bold, &h.to_uppercase()))),
        );
        for row in rows {
            table.add_row(row.iter().map(Cell::new));
        }
        let mut text = render(table);
        if !legend.is_empty() {
            text.push_str(&paint(self.color_stdout, Style::Dim, legend));
            text.push('\n');
        }
        self.stdout(&text)
    }

    /// A secret typed at a hidden prompt on a terminal, or read from piped stdin (never argv).
    pub fn read_secret(&self, prompt: &str) -> Result<String> {
        use std::io::{IsTerminal, Read};
        let text = if std::io::stdin().is_terminal() {
            dialoguer::Password::new()
                .with_prompt(prompt)
                .allow_empty_password(true)
                .interact()
                .map_err(|e| match e {
                    dialoguer::Error::IO(io) => Error::io("cannot read from the terminal", io),
                })?
        } else {
            let mut buf = String::new();
            std::io::stdin()
                .take(64 * 1024)
                .read_to_string(&mut buf)
                .map_err(|e| Error::io("cannot read standard input", e))?;
            buf
        };
        let text = text.trim().to_string();
        if text.is_empty() {
            return Err(Error::usage("nothing was read from standard input")
                .with_hint("pipe the value in, e.g. `printenv API_KEY | platctl keys verify`"));
        }
        Ok(text)
    }

    /// Every progress bar comes from here: drawn on stderr when it is a terminal, hidden
    /// under -q or when stderr is a file or a pipe (cron wants no bars in its mail).
    pub fn progress(&self, message: &'static str) -> indicatif::ProgressBar {
        if self.quiet || !self.stderr_terminal {
            return indicatif::ProgressBar::hidden();
        }
        let style = indicatif::ProgressStyle::with_template(
            "{msg:10} {bar:30} {bytes}/{total_bytes} {binary_bytes_per_sec} {elapsed}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
        indicatif::ProgressBar::new(0)
            .with_style(style)
            .with_message(message)
    }

    /// A counter for a stream of unknown length.
    pub fn spinner(&self, message: &'static str) -> indicatif::ProgressBar {
        if self.quiet || !self.stderr_terminal {
            return indicatif::ProgressBar::hidden();
        }
        let style = indicatif::ProgressStyle::with_template(
            "{spinner} {msg} {bytes} {binary_bytes_per_sec} {elapsed}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner());
        let bar = indicatif::ProgressBar::new_spinner()
            .with_style(style)
            .with_message(message);
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        bar
    }

    fn table(&self) -> Table {
        let mut table = Table::new();
        table.load_style(presets::NOTHING);
        if self.color_stdout {
            table.set_content_arrangement(ContentArrangement::Dynamic);
        } else {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
        table
    }

    fn csv<T: Record>(&self, items: &[T]) -> Result<()> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(T::COLUMNS).map_err(csv_err)?;
        for item in items {
            let value = serde_json::to_value(item).map_err(json_err)?;
            w.write_record(
                T::COLUMNS
                    .iter()
                    .map(|c| csv_cell(c, value.get(c).unwrap_or(&Value::Null))),
            )
            .map_err(csv_err)?;
        }
        let bytes = w.into_inner().map_err(|e| csv_err(e.into_error().into()))?;
        self.stdout(&String::from_utf8_lossy(&bytes))
    }
}

/// Records written one by one.
pub struct RecordStream<'p, T: Record> {
    printer: &'p Printer,
    count: u64,
    buffered: Vec<T>,
}

impl<T: Record> RecordStream<'_, T> {
    pub fn push(&mut self, item: T) -> Result<()> {
        let p = self.printer;
        match p.format {
            Format::Table => {
                self.buffered.push(item);
                self.count += 1;
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
                    w.write_record(T::COLUMNS).map_err(csv_err)?;
                }
                let value = serde_json::to_value(&item).map_err(json_err)?;
                w.write_record(
                    T::COLUMNS
                        .iter()
                        .map(|c| csv_cell(c, value.get(c).unwrap_or(&Value::Null))),
                )
                .map_err(csv_err)?;
                let bytes = w.into_inner().map_err(|e| csv_err(e.into_error().into()))?;
                p.stdout(&String::from_utf8_lossy(&bytes))?;
            }
        }
        self.count += 1;
        Ok(())
    }

    pub fn finish(self, empty_note: &str) -> Result<u64> {
        let p = self.printer;
        match p.format {
            Format::Table => p.list(&self.buffered, empty_note)?,
            Format::Json => p.stdout(if self.count == 0 { "[]\n" } else { "\n]\n" })?,
            Format::Csv if self.count == 0 => {
                let mut w = csv::Writer::from_writer(Vec::new());
                w.write_record(T::COLUMNS).map_err(csv_err)?;
                let bytes = w.into_inner().map_err(|e| csv_err(e.into_error().into()))?;
                p.stdout(&String::from_utf8_lossy(&bytes))?;
            }
            _ => {}
        }
        Ok(self.count)
    }
}

/// Columns two spaces apart, no borders, no trailing blanks (like kubectl and gh).
fn render(mut table: Table) -> String {
    let count = table.column_count();
    for (i, column) in table.column_iter_mut().enumerate() {
        column.set_padding((0, if i + 1 == count { 0 } else { 2 }));
    }
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

/// A value as text for a table: timestamps shortened to the second, lists joined, null as `-`.
fn human_cell(column: &str, value: Option<&Value>) -> String {
    match value {
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
            } else {
                parts.join(", ")
            }
        }
        Some(other) => other.to_string(),
    }
}

/// A value as a CSV field: strings raw, null empty, lists space-separated, objects as JSON.
fn csv_cell(_column: &str, value: &Value) -> String {
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
