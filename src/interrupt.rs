//! Ctrl-C and SIGTERM.
//!
//! Once the runtime starts, platctl listens for both. A command is then stopped in one of two
//! ways:
//! - inside a **critical section** ([`critical`]) — a restore, a scratch database — the work
//!   itself notices ([`signalled`]), stops, puts things back (empties the restore target, drops
//!   the scratch database) and returns [`Error::interrupted`]; a second signal stops waiting
//!   for that;
//! - anywhere else the command is dropped at once (its guards remove temporary files) and the
//!   process exits with 130 (Ctrl-C) or 143 (SIGTERM), saying so.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::sync::watch;

use crate::error::Error;

pub use crate::proto::error::Signal;

/// The signals received so far (count, last).
static RECEIVED: OnceLock<watch::Sender<(usize, Option<Signal>)>> = OnceLock::new();
static CRITICAL: AtomicUsize = AtomicUsize::new(0);

fn channel() -> &'static watch::Sender<(usize, Option<Signal>)> {
    RECEIVED.get_or_init(|| watch::channel((0, None)).0)
}

/// Start listening for SIGINT and SIGTERM (inside the runtime; once). The handlers are in
/// place when this returns — not when a task first runs — so a Ctrl-C at any moment after is
/// the command's to handle, never the default action that kills the process with 130.
pub fn listen() {
    static STARTED: OnceLock<()> = OnceLock::new();
    if STARTED.set(()).is_err() {
        return;
    }
    let sender = channel();
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut interrupt = signal(SignalKind::interrupt())
            .inspect_err(|e| tracing::warn!("cannot listen for SIGINT: {e}"))
            .ok();
        let mut term = signal(SignalKind::terminate())
            .inspect_err(|e| tracing::warn!("cannot listen for SIGTERM: {e}"))
            .ok();
        tokio::spawn(async move {
            loop {
                let signal = tokio::select! {
                    Some(()) = async {
                        match interrupt.as_mut() {
                            Some(s) => s.recv().await,
                            None => std::future::pending().await,
                        }
                    } => Signal::Interrupt,
                    Some(()) = async {
                        match term.as_mut() {
                            Some(t) => t.recv().await,
                            None => std::future::pending().await,
                        }
                    } => Signal::Terminate,
                    else => return,
                };
                sender.send_modify(|(count, last)| {
                    *count += 1;
                    *last = Some(signal);
                });
            }
        });
    }
    #[cfg(not(unix))]
    tokio::spawn(async move {
        while tokio::signal::ctrl_c().await.is_ok() {
            sender.send_modify(|(count, last)| {
                *count += 1;
                *last = Some(Signal::Interrupt);
            });
        }
    });
}

/// Resolves with the first signal received (at once if one already was).
pub async fn signalled() -> Signal {
    wait_for(1).await
}

async fn wait_for(count: usize) -> Signal {
    let mut rx = channel().subscribe();
    loop {
        let (n, last) = *rx.borrow_and_update();
        if n >= count
            && let Some(signal) = last
        {
            return signal;
        }
        if rx.changed().await.is_err() {
            return std::future::pending().await;
        }
    }
}

/// Resolves when the command should be dropped: on the first signal outside a critical
/// section, or on a second one inside.
pub async fn must_stop() -> Signal {
    let first = wait_for(1).await;
    if CRITICAL.load(Ordering::SeqCst) == 0 {
        return first;
    }
    tracing::info!("stopping and cleaning up; a second signal stops at once");
    wait_for(2).await
}

/// A section whose work cleans up after itself when signalled (see the module docs).
pub struct Critical(());

pub fn critical() -> Critical {
    CRITICAL.fetch_add(1, Ordering::SeqCst);
    Critical(())
}

impl Drop for Critical {
    fn drop(&mut self) {
        CRITICAL.fetch_sub(1, Ordering::SeqCst);
    }
}

/// What goes on elsewhere while this process only watches (a `--server` backup): a stop then
/// says so, rather than that the work stopped.
static ELSEWHERE: std::sync::Mutex<Option<&'static str>> = std::sync::Mutex::new(None);

/// While the guard lives, a stop of this process leaves `note`'s work running elsewhere.
pub struct Elsewhere(());

pub fn elsewhere(note: &'static str) -> Elsewhere {
    if let Ok(mut slot) = ELSEWHERE.lock() {
        *slot = Some(note);
    }
    Elsewhere(())
}

impl Drop for Elsewhere {
    fn drop(&mut self) {
        if let Ok(mut slot) = ELSEWHERE.lock() {
            *slot = None;
        }
    }
}

/// What a stop of the command line means now: `stopped`, or that only the watching stopped.
pub fn what_stops() -> String {
    match ELSEWHERE.lock().ok().and_then(|slot| *slot) {
        Some(note) => format!("stopped watching; {note}"),
        None => "stopped".to_string(),
    }
}

/// The error of work stopped by `signal`, saying what was put back.
pub fn stopped(signal: Signal, what: &str) -> Error {
    Error::interrupted(signal, format!("interrupted by {}: {what}", signal.name()))
}
