//! How long operations say how far they are, without knowing who listens: the CLI draws a bar
//! on a terminal (indicatif, in `output`), a server ignores it or logs it. Nothing below the
//! commands imports a terminal library.

use std::sync::Arc;

pub trait Progress: Send + Sync {
    /// A new phase ("checking", "restoring"): the count starts again from zero, with the total
    /// (bytes) when it is known.
    fn phase(&self, name: &str, total: Option<u64>);
    /// `n` more bytes done.
    fn advance(&self, n: u64);
    /// The operation ended, well or not.
    fn finish(&self);
    /// A remark for people about the operation (what it cleaned up on the way).
    fn note(&self, _message: &str) {}
    /// Something went wrong beside the operation, which still succeeded (an audit entry that
    /// could not be written).
    fn warn(&self, _message: &str) {}
}

/// Progress nobody watches.
pub struct Silent;

impl Progress for Silent {
    fn phase(&self, _: &str, _: Option<u64>) {}
    fn advance(&self, _: u64) {}
    fn finish(&self) {}
}

/// A shared reporter, for the threads of one operation.
pub type Reporter = Arc<dyn Progress>;

/// A reporter that reports nothing.
pub fn silent() -> Reporter {
    Arc::new(Silent)
}
