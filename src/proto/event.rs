//! How a long operation (a backup, a restore test, an export) crosses the wire: one JSON event
//! per line (NDJSON) while it runs, so the client draws the same progress bar as in direct mode
//! and learns the outcome in its typed form, as the last line.

use serde::{Deserialize, Serialize};

use super::error::ErrorBody;

/// One line of a long operation's answer. Blank lines are keep-alives and carry nothing.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// A new phase: the count starts again from zero, with the total (bytes) when known.
    Phase { name: String, total: Option<u64> },
    /// So many more bytes (or entries) done since the last `advance`.
    Advance(u64),
    /// A remark for people (what the operation cleaned up on the way).
    Note(String),
    /// Something went wrong beside the operation, which goes on.
    Warn(String),
    /// Output of the operation itself (an export's text), in order.
    Data(String),
    /// The last line of an operation that succeeded: its result.
    #[schema(value_type = Object)]
    Result(serde_json::Value),
    /// The last line of an operation that failed: the error, as any refusal carries it.
    Error(ErrorBody),
}
