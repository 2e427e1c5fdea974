//! The one place that writes to stdout and stderr.
//!
//! Commands hand typed results to a [`Printer`]; it renders them as a table for people or as
//! JSON, NDJSON or CSV for programs. Human chatter goes to stderr, data to stdout; colour only
//! on a terminal.
//!
//! Data (tables, JSON, NDJSON, CSV) comes out exactly as it is: nothing rewrites the rendered
//! text, so JSON stays valid and an audit entry reads as it is stored. Secrets platctl knows
//! are removed as values where the data is made (a setting's value, a URL's password, an
//! error quoted in a result). Messages for people (notes, warnings, errors, logs) pass
//! through [`crate::redact::scrub`], since they may quote what was typed. Text meant for
//! people — table cells and messages — has its control characters shown as escapes, so
//! nothing stored in the database can drive the terminal, and messages are bounded in length.
//!
//! One file a job, each adding its methods to the [`Printer`]; `printer` is the lowest, and
//! the others use it and nothing beside it:
//! - `printer`: the printer, its settings, and the lines for people (notes, warnings, errors);
//! - `formats`: results as a table, JSON, NDJSON or CSV, one at a time or streamed;
//! - `prompts`: a confirmation before a destructive action, a secret read from the terminal;
//! - `progress`: progress bars and spinners, and the reporter a long operation draws with;
//! - [`audit`]: the views of `platctl audit` too rich for a list or a line.

pub mod audit;
mod formats;
mod printer;
mod progress;
mod prompts;

pub use crate::proto::Record;
pub use formats::{RecordStream, Tone};
pub use printer::{Format, Printer, for_people};
