//! One typed error for the whole tool: a kind (which decides the exit code), a message that says
//! what went wrong, an optional hint that says what would be right, and an optional cause.
//!
//! Exit codes are decided in exactly one place, [`ExitStatus`], from the kind.

use std::fmt;

pub use crate::interrupt::Signal;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The process exit status. The numbers are the contract documented in the README.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// 0: the command did what was asked (a predicate: the answer is yes).
    Success,
    /// 1: the command failed (a predicate: the answer is no).
    Failure,
    /// 2: the command line or configuration was wrong (a predicate: an error happened).
    Usage,
    /// 130 after Ctrl-C, 143 after SIGTERM (128 + the signal's number, as shells report it).
    Interrupted(Signal),
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Failure => 1,
            ExitStatus::Usage => 2,
            ExitStatus::Interrupted(Signal::Interrupt) => 130,
            ExitStatus::Interrupted(Signal::Terminate) => 143,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Invalid arguments or input values; nothing was attempted.
    Usage,
    /// The configuration file, profile or environment is invalid.
    Config,
    /// A named thing (organization, user, role, key, backup...) does not exist.
    NotFound,
    /// The change conflicts with what exists (duplicate, still in use, protected).
    Conflict,
    /// The database or server could not be reached.
    Connect,
    /// A query or statement failed.
    Database,
    /// A migration failed or the applied schema does not match this binary.
    Migration,
    /// A local file or pipe failed.
    Io,
    /// The operation was refused by a rule (confirmation missing, permission exceeded).
    Refused,
    /// A bug: something that should not happen did.
    Internal,
    /// Stopped by a signal (what was put back is in the message).
    Interrupted(Signal),
}

#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    hint: Option<String>,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            hint: None,
            source: None,
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Usage, message)
    }
    pub fn config(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Config, message)
    }
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::NotFound, message)
    }
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Conflict, message)
    }
    pub fn refused(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Refused, message)
    }
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Internal, message)
    }
    pub fn migration(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Migration, message)
    }
    pub fn interrupted(signal: Signal, message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Interrupted(signal), message)
    }
    pub fn io(context: impl Into<String>, err: std::io::Error) -> Self {
        Self::new(ErrorKind::Io, context).with_source(err)
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_source(mut self, err: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(err));
        self
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
    pub fn message(&self) -> &str {
        &self.message
    }
    pub fn hint(&self) -> Option<&str> {
        self.hint.as_deref()
    }

    /// The chain of causes below the message, outermost first.
    pub fn causes(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut next: Option<&(dyn std::error::Error + 'static)> = match &self.source {
            Some(s) => Some(s.as_ref()),
            None => None,
        };
        while let Some(err) = next {
            let text = err.to_string();
            // Drivers wrap their errors in ones that repeat them: show each text once.
            let repeated = out.iter().any(|o: &String| o.contains(&text));
            if !text.is_empty() && !repeated && !self.message.contains(&text) {
                out.push(text);
            }
            next = err.source();
        }
        out
    }

    pub fn exit_status(&self) -> ExitStatus {
        match self.kind {
            ErrorKind::Usage | ErrorKind::Config => ExitStatus::Usage,
            ErrorKind::Interrupted(signal) => ExitStatus::Interrupted(signal),
            _ => ExitStatus::Failure,
        }
    }

    /// True when the failure was writing to a closed pipe (`platctl ... | head`).
    pub fn is_broken_pipe(&self) -> bool {
        let mut next: Option<&(dyn std::error::Error + 'static)> = match &self.source {
            Some(s) => Some(s.as_ref()),
            None => None,
        };
        while let Some(err) = next {
            if let Some(io) = err.downcast_ref::<std::io::Error>()
                && io.kind() == std::io::ErrorKind::BrokenPipe
            {
                return true;
            }
            next = err.source();
        }
        false
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.source {
            Some(s) => Some(s.as_ref()),
            None => None,
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Self {
        Error::io("input/output failed", err)
    }
}

/// The closest candidates to `input` among `valid`, for "did you mean ..." hints.
pub fn closest<'a>(input: &str, valid: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let input = input.to_lowercase();
    let mut scored: Vec<(f64, &str)> = valid
        .into_iter()
        .map(|v| (strsim::jaro_winkler(&input, &v.to_lowercase()), v))
        .filter(|(score, _)| *score > 0.75)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(3).map(|(_, v)| v).collect()
}

/// "did you mean `a` or `b`?" when there are close candidates, else a list of valid values.
pub fn suggestion<'a>(input: &str, valid: impl IntoIterator<Item = &'a str> + Clone) -> String {
    let near = closest(input, valid.clone());
    if near.is_empty() {
        let all: Vec<&str> = valid.into_iter().collect();
        let shown: Vec<String> = all.iter().take(8).map(|v| format!("`{v}`")).collect();
        let more = if all.len() > 8 { ", ..." } else { "" };
        format!("valid values: {}{more}", shown.join(", "))
    } else {
        let shown: Vec<String> = near.iter().map(|v| format!("`{v}`")).collect();
        format!("did you mean {}?", shown.join(" or "))
    }
}
