//! Progress bars and spinners on stderr, and the reporter that draws one for a long operation
//! (the layers below report through [`crate::progress`] and know nothing of a terminal).

use std::sync::Arc;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use super::printer::Printer;
use crate::progress::{Progress, Reporter};

/// What a bar counts, which decides how it is drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Counting {
    /// Bytes towards a total (checking, restoring or verifying a backup).
    Bytes,
    /// Items towards a total (entries, rows).
    Items,
    /// Bytes of a stream of unknown length: a spinner.
    Stream,
}

impl Printer {
    /// A bar counting bytes.
    pub fn progress(&self, message: &'static str) -> ProgressBar {
        self.bar(Counting::Bytes, message)
    }

    /// A bar counting items (entries, rows) rather than bytes.
    pub fn counter(&self, message: &'static str) -> ProgressBar {
        self.bar(Counting::Items, message)
    }

    /// A counter for a stream of unknown length.
    pub fn spinner(&self, message: &'static str) -> ProgressBar {
        self.bar(Counting::Stream, message)
    }

    /// Every progress bar comes from here: drawn on stderr when it is a terminal, hidden
    /// under -q or when stderr is a file or a pipe (cron wants no bars in its mail).
    fn bar(&self, counting: Counting, message: &'static str) -> ProgressBar {
        if self.quiet || !self.stderr_terminal {
            return ProgressBar::hidden();
        }
        let (bar, template) = match counting {
            Counting::Bytes => (
                ProgressBar::new(0),
                "{msg:10} {bar:30} {bytes}/{total_bytes} {binary_bytes_per_sec} {elapsed}",
            ),
            Counting::Items => (
                ProgressBar::new(0),
                "{msg:10} {bar:30} {human_pos}/{human_len} {per_sec} {elapsed}",
            ),
            Counting::Stream => (
                ProgressBar::new_spinner(),
                "{spinner} {msg} {bytes} {binary_bytes_per_sec} {elapsed}",
            ),
        };
        // A template that does not parse leaves the bar indicatif's plain style, never a panic.
        let bar = match ProgressStyle::with_template(template) {
            Ok(style) => bar.with_style(style),
            Err(_) => bar,
        }
        .with_message(message);
        if counting == Counting::Stream {
            bar.enable_steady_tick(Duration::from_millis(200));
        }
        bar
    }

    /// A reporter for a long operation, drawing `bar` (from [`Printer::progress`],
    /// [`Printer::counter`] or [`Printer::spinner`]).
    pub fn reporter(&self, bar: ProgressBar) -> Reporter {
        Arc::new(Shown {
            bar,
            printer: self.clone(),
        })
    }

    /// A reporter that draws nothing but still shows notes and warnings.
    pub fn reporter_quiet(&self) -> Reporter {
        self.reporter(ProgressBar::hidden())
    }
}

/// What a long operation reports, shown to people: a progress bar on a terminal (nothing
/// elsewhere), and its notes and warnings on stderr like every other message.
struct Shown {
    bar: ProgressBar,
    printer: Printer,
}

impl Progress for Shown {
    fn phase(&self, name: &str, total: Option<u64>) {
        self.bar.set_message(name.to_string());
        self.bar.set_position(0);
        if let Some(total) = total {
            self.bar.set_length(total);
        }
    }
    fn advance(&self, n: u64) {
        self.bar.inc(n);
    }
    fn finish(&self) {
        self.bar.finish_and_clear();
    }
    fn note(&self, message: &str) {
        self.bar.suspend(|| self.printer.note(message));
    }
    fn warn(&self, message: &str) {
        self.bar.suspend(|| self.printer.warn(message));
    }
}
