//! The printer itself, the lowest file of `output`: what it was set up with, and the only two
//! ways out — data to stdout exactly as it is, lines for people (scrubbed) to stderr. The other files
//! add what the printer shows (formats, prompts, progress, views) on top of these.

use std::fmt::Display;
use std::io::{self, IsTerminal, Write};

use clap::ValueEnum;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::redact;
use crate::text;

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

/// The fields are read by the files beside this one, which each add their part of the
/// printer.
#[derive(Clone)]
pub struct Printer {
    pub(super) format: Format,
    pub(super) quiet: bool,
    pub(super) color_stdout: bool,
    pub(super) color_stderr: bool,
    pub(super) interactive: bool,
    pub(super) yes: bool,
    pub(super) stdout_terminal: bool,
    pub(super) stderr_terminal: bool,
}

#[derive(Clone, Copy)]
pub(super) enum Style {
    Bold,
    Red,
    Yellow,
    Green,
    Dim,
}

/// Colour for a label or a line outside tables (tables style their cells themselves).
pub(super) fn paint(on: bool, style: Style, text: &str) -> String {
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

pub(super) fn write_err(err: io::Error) -> Error {
    Error::io("cannot write to standard output", err)
}

pub(super) fn write_stdout(text: &str) -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes()).map_err(write_err)?;
    out.flush().map_err(write_err)
}

/// What people read in a message: secrets scrubbed, control characters escaped, bounded.
pub fn for_people(text: &str) -> String {
    text::bound(&text::escape_message(&redact::scrub(text), false))
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
            stdout_terminal: io::stdout().is_terminal(),
            stderr_terminal: io::stderr().is_terminal(),
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

    /// Data on stdout, exactly as rendered: never rewritten here (a pattern replaced in
    /// serialized JSON or CSV could break it and alters evidence). Secrets platctl knows are
    /// removed as values where the data is made (settings, URLs, error texts).
    pub(super) fn stdout(&self, text: &str) -> Result<()> {
        write_stdout(text)
    }

    /// A plain line of text on stdout for people (tables mode only; -q silences it).
    pub fn line(&self, text: impl Display) -> Result<()> {
        if self.quiet || self.format != Format::Table {
            return Ok(());
        }
        write_stdout(&format!("{}\n", for_people(&text.to_string())))
    }

    /// Raw text on stdout whatever the format (completion scripts, a path, a mail preview).
    pub fn raw(&self, text: &str) -> Result<()> {
        self.stdout(text)
    }

    fn stderr_line(&self, label: Option<(&str, Style)>, style: Option<Style>, text: &str) {
        let text = for_people(text);
        let body = match style {
            Some(s) => paint(self.color_stderr, s, &text),
            None => text,
        };
        let line = match label {
            Some((l, s)) => format!("{} {body}\n", paint(self.color_stderr, s, l)),
            None => format!("{body}\n"),
        };
        let _ = io::stderr().write_all(line.as_bytes());
    }

    /// A remark for people on stderr, silenced by -q.
    pub fn note(&self, text: impl Display) {
        if !self.quiet {
            self.stderr_line(None, Some(Style::Dim), &text.to_string());
        }
    }

    /// Something the operator should act on, on stderr, silenced by -q.
    pub fn warn(&self, text: impl Display) {
        if !self.quiet {
            self.stderr_line(Some(("warning:", Style::Yellow)), None, &text.to_string());
        }
    }

    /// A failure that is not an error of the command (a check that found a problem): always
    /// shown on stderr, even with -q.
    pub fn failure(&self, text: impl Display) {
        self.stderr_line(Some(("failed:", Style::Red)), None, &text.to_string());
    }

    /// A success line for people on stderr (for commands whose stdout is data).
    pub fn success(&self, text: impl Display) {
        if !self.quiet {
            self.stderr_line(None, Some(Style::Green), &text.to_string());
        }
    }

    /// An error, always shown, with its causes and hint; secrets scrubbed.
    pub fn error(&self, err: &Error) {
        let label = paint(self.color_stderr, Style::Red, "error:");
        let mut text = format!("{label} {}\n", for_people(err.message()));
        for cause in err.causes() {
            text.push_str(&format!("  cause: {}\n", for_people(&cause)));
        }
        if let Some(hint) = err.hint() {
            let label = paint(self.color_stderr, Style::Bold, "hint:");
            text.push_str(&format!("  {label} {}\n", for_people(hint)));
        }
        let _ = io::stderr().write_all(text.as_bytes());
    }
}
