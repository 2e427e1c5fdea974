//! One typed error for the whole tool: a kind (which decides the exit code), a message that says
//! what went wrong, an optional hint that says what would be right, and an optional cause.
//!
//! Exit codes are decided in exactly one place, [`ExitStatus`], from the kind.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A signal that stops a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Signal {
    /// SIGINT (Ctrl-C).
    Interrupt,
    /// SIGTERM (systemd stopping a unit, `kill`).
    Terminate,
}

impl Signal {
    pub fn name(self) -> &'static str {
        match self {
            Signal::Interrupt => "Ctrl-C (SIGINT)",
            Signal::Terminate => "SIGTERM",
        }
    }
}

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
    /// 77: the actor lacks the permission the operation needs (`EX_NOPERM` of sysexits.h).
    Forbidden,
    /// 130 after Ctrl-C, 143 after SIGTERM (128 + the signal's number, as shells report it).
    Interrupted(Signal),
    /// `health`: the Nagios plugin codes, 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
    Health(super::state::HealthState),
    /// `email test`: the stage of the send (SMTP or SendGrid) that failed.
    Send(SendStage),
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Failure => 1,
            ExitStatus::Usage => 2,
            ExitStatus::Forbidden => 77,
            ExitStatus::Interrupted(Signal::Interrupt) => 130,
            ExitStatus::Interrupted(Signal::Terminate) => 143,
            ExitStatus::Health(state) => state.code(),
            ExitStatus::Send(stage) => stage.code(),
        }
    }
}

/// What went wrong, which decides the exit code. It crosses an HTTP hop as its snake_case name
/// (`{"interrupted": "terminate"}` for a signal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
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
    /// The operation was refused by a rule (confirmation missing, a system role, a key's
    /// scopes beyond its creator's).
    Refused,
    /// The actor (a `--as` user, an API key) lacks the permission the operation needs.
    Forbidden,
    /// No API key, or one that is malformed, unknown, revoked, expired, or whose creator is
    /// disabled.
    Unauthenticated(AuthFailure),
    /// A bug: something that should not happen did.
    Internal,
    /// Stopped by a signal (what was put back is in the message).
    Interrupted(Signal),
    /// The mail relay (an SMTP server, SendGrid's API) refused or failed at a stage of
    /// `email test`.
    Send(SendStage),
}

/// The JSON body of every error response of the admin API.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    pub status_code: u16,
    pub message: String,
    /// The status's reason phrase (`Forbidden`), as NestJS puts it.
    pub error: String,
    /// platctl's error kind, from which a client decides its exit code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<ErrorKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// Why a key was refused (401): `missing_key`, `revoked_key`, ...
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Why an API key was not accepted: the reason code a 401 carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AuthFailure {
    /// No `Authorization: Bearer` or `X-API-Key` header.
    MissingKey,
    /// Not the shape of a platform key.
    MalformedKey,
    UnknownKey,
    RevokedKey,
    ExpiredKey,
    /// The key's creator is disabled.
    CreatorDisabled,
}

impl AuthFailure {
    pub const ALL: [AuthFailure; 6] = [
        AuthFailure::MissingKey,
        AuthFailure::MalformedKey,
        AuthFailure::UnknownKey,
        AuthFailure::RevokedKey,
        AuthFailure::ExpiredKey,
        AuthFailure::CreatorDisabled,
    ];

    /// The reason code (`revoked_key`).
    pub fn code(self) -> &'static str {
        match self {
            AuthFailure::MissingKey => "missing_key",
            AuthFailure::MalformedKey => "malformed_key",
            AuthFailure::UnknownKey => "unknown_key",
            AuthFailure::RevokedKey => "revoked_key",
            AuthFailure::ExpiredKey => "expired_key",
            AuthFailure::CreatorDisabled => "creator_disabled",
        }
    }
}

/// The stage of a send that failed, each with its own exit code, in the spirit of swaks:
/// 21 connect, 29 TLS, 28 authentication, 23 sender refused, 24 recipient refused, 25 message
/// refused — and 75 (`EX_TEMPFAIL`) when the provider asks to slow down (SendGrid's 429).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SendStage {
    Connect,
    Tls,
    Authentication,
    Sender,
    Recipient,
    Message,
    /// Too many requests: try again later (the error says when).
    Throttled,
}

impl SendStage {
    pub fn code(self) -> u8 {
        match self {
            SendStage::Connect => 21,
            SendStage::Tls => 29,
            SendStage::Authentication => 28,
            SendStage::Sender => 23,
            SendStage::Recipient => 24,
            SendStage::Message => 25,
            SendStage::Throttled => 75,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            SendStage::Connect => "connect",
            SendStage::Tls => "TLS",
            SendStage::Authentication => "authentication",
            SendStage::Sender => "sender refused",
            SendStage::Recipient => "recipient refused",
            SendStage::Message => "message refused",
            SendStage::Throttled => "rate limited",
        }
    }
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
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Forbidden, message)
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

    /// The message, saying during what it happened: "lost the connection to the database
    /// during the restore".
    pub fn during(mut self, what: impl fmt::Display) -> Self {
        self.message = format!("{} during {what}", self.message);
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_source(mut self, err: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(err));
        self
    }

    /// The same error again, for a second caller: kind, message (with its causes) and hint.
    pub fn replay(&self) -> Error {
        let mut message = self.message.clone();
        for cause in self.causes() {
            message.push_str(": ");
            message.push_str(&cause);
        }
        Error {
            kind: self.kind,
            message,
            hint: self.hint.clone(),
            source: None,
        }
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
            ErrorKind::Forbidden | ErrorKind::Unauthenticated(_) => ExitStatus::Forbidden,
            ErrorKind::Interrupted(signal) => ExitStatus::Interrupted(signal),
            ErrorKind::Send(stage) => ExitStatus::Send(stage),
            _ => ExitStatus::Failure,
        }
    }

    /// True when the failure was writing to a closed pipe (`platctl ... | head`): a local
    /// I/O failure — a database connection cut off mid-write is a failure like any other.
    pub fn is_broken_pipe(&self) -> bool {
        if self.kind != ErrorKind::Io {
            return false;
        }
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

/// An error as it crosses an HTTP hop: the same kind (so the same exit code on both sides), its
/// message, hint and causes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct WireError {
    pub kind: ErrorKind,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub causes: Vec<String>,
}

/// A cause received over the wire: its text and the one below it.
#[derive(Debug)]
struct Cause {
    text: String,
    below: Option<Box<Cause>>,
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl std::error::Error for Cause {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.below
            .as_deref()
            .map(|c| c as &(dyn std::error::Error + 'static))
    }
}

impl Error {
    pub fn to_wire(&self) -> WireError {
        WireError {
            kind: self.kind,
            message: self.message.clone(),
            hint: self.hint.clone(),
            causes: self.causes(),
        }
    }
}

impl From<WireError> for Error {
    fn from(wire: WireError) -> Self {
        let chain = wire
            .causes
            .into_iter()
            .rev()
            .fold(None, |below, text| Some(Box::new(Cause { text, below })));
        Error {
            kind: wire.kind,
            message: wire.message,
            hint: wire.hint,
            source: chain.map(|c| c as Box<dyn std::error::Error + Send + Sync>),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_crosses_the_wire_whole() {
        let io = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "denied");
        let sent = Error::io("cannot open /x", io).with_hint("check the mode");
        let json = serde_json::to_string(&sent.to_wire()).unwrap();
        let received: Error = serde_json::from_str::<WireError>(&json).unwrap().into();
        assert_eq!(received.kind(), ErrorKind::Io);
        assert_eq!(received.message(), "cannot open /x");
        assert_eq!(received.hint(), Some("check the mode"));
        assert_eq!(received.causes(), vec!["denied".to_string()]);
        assert_eq!(received.exit_status(), sent.exit_status());
        let stopped = Error::interrupted(Signal::Terminate, "stopped");
        let json = serde_json::to_value(stopped.to_wire()).unwrap();
        assert_eq!(
            json["kind"],
            serde_json::json!({"interrupted": "terminate"})
        );
        let back: Error = serde_json::from_value::<WireError>(json).unwrap().into();
        assert_eq!(back.exit_status().code(), 143);
        let forbidden = serde_json::to_value(Error::forbidden("no").to_wire()).unwrap();
        assert_eq!(forbidden["kind"], "forbidden");
    }
}
