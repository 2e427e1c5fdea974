//! Restoring a plain-SQL dump into PostgreSQL, fast: the dump is read once, statements run in
//! order on one connection, and the rows of each `COPY` block are dealt out in batches to
//! several connections, each running its own `COPY` of the same table. Large tables load on
//! every core at once.
//!
//! Two modes:
//! - into an **empty** database: parallel, each statement committing on its own; if anything
//!   fails, the target is emptied again, so a failed restore changes nothing;
//! - with **`--clean`** (the target holds data): one connection and one transaction, from the
//!   dropping of the old contents to the last index, so a failed restore leaves the old data
//!   exactly as it was.
//!
//! Either way the artifact's SHA-256 is computed on the way and compared with the manifest
//! before the restore is declared good (and, in the transactional mode, before `COMMIT`).
//!
//! One file per job, each using only those listed before it: `scan.rs` reads the dump (lines,
//! statements, the rows of `COPY` blocks), `dispatch.rs` runs the connections and deals the
//! work out to them, `target.rs` looks after the target database (its lock, the mark of a
//! restore in progress, putting it back after a failure). This file puts them together.

mod dispatch;
mod scan;
mod target;

use std::collections::BTreeMap;
use std::io::Read;
use std::sync::{Arc, Mutex};

use sqlx::Connection;
use tokio::sync::mpsc;

use crate::backup::marker::{self, Unfinished};
use crate::error::{Error, Result};
use dispatch::{Builds, Counts, Dispatch, SharedBuilds, connect, connection_task};
pub use scan::DumpStatements;
use scan::{Lines, read_blocks};
use target::{CLEAN, prepare, put_back};
pub use target::{IN_USE, Mark};

/// Blocks decompressed ahead of the dispatcher (memory stays bounded: `READ_AHEAD x BLOCK`).
const READ_AHEAD: usize = 16;

/// What a restore did before it loaded anything.
pub struct Restore {
    /// Rows loaded per table (as `COPY` reported them).
    pub rows: BTreeMap<String, u64>,
    /// The unfinished restore that was emptied first, if there was one.
    pub replaced: Option<Unfinished>,
}

/// Restore the dump `input` makes (decompressed) into `url`. `jobs` connections load data in
/// parallel into an empty target, marked as being restored until the end; with `clean`, one
/// connection replaces what the target holds in one transaction. `verified` is called when the
/// input is exhausted and says whether the artifact's checksum matched.
///
/// Ctrl-C or SIGTERM stop it: the target is emptied again (or, with `clean`, the transaction
/// rolls back) before this returns [`Error::interrupted`].
#[allow(clippy::too_many_arguments)]
pub async fn restore<R, M, F>(
    url: &str,
    display: &str,
    input: M,
    jobs: usize,
    clean: bool,
    weights: BTreeMap<String, u64>,
    index_builds: BTreeMap<String, Vec<String>>,
    verified: F,
    mark: &Mark,
) -> Result<Restore>
where
    R: Read,
    M: FnOnce() -> R + Send + 'static,
    F: FnOnce() -> bool + Send + 'static,
{
    let _critical = crate::interrupt::critical();
    let jobs = if clean { 1 } else { jobs.max(1) };
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut pids: Vec<i32> = Vec::new();
    let mut first = connect(url, jobs > 1).await?;
    let prepared = tokio::select! {
        r = prepare(&mut first, url, display, clean, mark) => r,
        signal = crate::interrupt::signalled() => {
            let _ = first.close().await;
            return Err(crate::interrupt::stopped(signal, "nothing was touched"));
        }
    };
    let replaced = match prepared {
        Ok(r) => r,
        Err(e) => {
            let _ = first.close().await;
            return Err(e);
        }
    };
    let copied: Counts = Arc::new(Mutex::new(BTreeMap::new()));
    let ready: SharedBuilds = Arc::new(Mutex::new(Builds::new(cores)));
    let mut senders = Vec::new();
    let mut tasks = Vec::new();
    let mut conns = vec![first];
    for _ in 1..jobs {
        conns.push(connect(url, true).await?);
    }
    for mut conn in conns {
        let pid: i32 = sqlx::query_scalar("SELECT pg_backend_pid()")
            .fetch_one(&mut conn)
            .await
            .map_err(crate::db::from_sqlx)?;
        pids.push(pid);
        let (tx, rx) = mpsc::channel(4);
        senders.push(tx);
        tasks.push(tokio::spawn(connection_task(
            conn,
            rx,
            Arc::clone(&copied),
            Arc::clone(&ready),
        )));
    }
    let aborts: Vec<_> = tasks.iter().map(|t| t.abort_handle()).collect();
    let dispatch = Dispatch {
        senders,
        transactional: clean,
        clean_prelude: if clean {
            CLEAN.iter().map(|s| s.to_string()).collect()
        } else {
            Vec::new()
        },
        weights,
        copied: Arc::clone(&copied),
        index_jobs: cores,
        copy_streams: cores,
        epilogue: vec![if clean { "COMMIT" } else { marker::DROP }.to_string()],
        early: index_builds,
        ready,
    };
    let work = async {
        // The input blocks on reads: it is built and read (decompressed) on a thread of its
        // own, and dispatched on a blocking thread.
        let dispatched = tokio::task::spawn_blocking(move || {
            let (tx, rx) = std::sync::mpsc::sync_channel(READ_AHEAD);
            std::thread::scope(|scope| {
                let reader = scope.spawn(move || read_blocks(input(), tx));
                let outcome = dispatch.run(Lines::new(rx), verified);
                match reader.join() {
                    Ok(()) => outcome,
                    Err(_) => outcome.and(Err(Error::internal("the backup reader panicked"))),
                }
            })
        })
        .await
        .map_err(|e| Error::internal(format!("the restore task failed: {e}")))?;
        // The connections' own errors explain a dispatch that stopped.
        let mut first_error: Option<Error> = None;
        for task in tasks {
            match task.await {
                Ok(Ok(())) => {}
                Ok(Err(e)) => {
                    first_error.get_or_insert(e);
                }
                Err(e) => {
                    first_error
                        .get_or_insert(Error::internal(format!("a restore task failed: {e}")));
                }
            }
        }
        match (first_error, dispatched) {
            (Some(e), _) | (None, Err(e)) => Err(e),
            (None, Ok(())) => Ok(()),
        }
    };
    let outcome = tokio::select! {
        r = work => r.map_err(Stop::Failed),
        signal = crate::interrupt::signalled() => Err(Stop::Signalled(signal)),
    };
    match outcome {
        Ok(()) => Ok(Restore {
            rows: copied.lock().map(|c| c.clone()).unwrap_or_default(),
            replaced,
        }),
        Err(stop) => {
            for abort in &aborts {
                abort.abort();
            }
            let how = put_back(url, &pids, clean).await;
            match stop {
                Stop::Failed(e) => Err(e.with_hint(how)),
                Stop::Signalled(signal) => Err(crate::interrupt::stopped(
                    signal,
                    &format!("the restore was stopped; {how}"),
                )),
            }
        }
    }
}

/// Why a restore stopped before its end.
enum Stop {
    Failed(Error),
    Signalled(crate::interrupt::Signal),
}
