//! Backups: dump → parallel gzip → storage, with a manifest as the commit point; restore,
//! verify and prune.
//!
//! PostgreSQL backups are plain-SQL `pg_dump` scripts, gzip-compressed: restorable by hand with
//! `gunzip -c ID.sql.gz | psql --single-transaction -f - -d TARGET`. The dump streams from
//! `pg_dump` through the compressor to the storage: never whole in memory, never on a temp disk.
//! SQLite backups are a consistent online snapshot (`VACUUM INTO`), gzip-compressed.
//!
//! One file per job: `run.rs`, `catalog.rs` (list, show, checksums), `restore.rs` (with
//! `pgrestore/`, the parallel loader), `verify.rs`, `prune.rs` (with `retention.rs`, the
//! policy), `sweep.rs` (what interrupted runs left), `storage/` (a directory or S3), and below
//! them `compress.rs`, `manifest.rs`, `marker.rs` (the unfinished-restore mark) and `pg.rs`
//! (finding and running the PostgreSQL tools); `shared.rs` holds what the jobs share (the
//! configuration, the context, helpers for child processes and temporary files). This file
//! only declares the files and names the public surface: the files import one another directly,
//! each only files below it, never this one.

pub mod compress;
pub mod crypt;
pub mod manifest;
pub mod marker;
pub mod pg;
pub mod pgrestore;
pub mod retention;
pub mod storage;

mod catalog;
mod prune;
mod restore;
mod run;
mod shared;
mod sweep;
mod verify;

pub use crate::proto::backup::{PruneReport, RestoreReport, ShowBackup, TableCheck, VerifyReport};
pub use catalog::{list, show};
pub use manifest::{BackupInfo, BackupStatus, Check, Listed, Manifest};
pub use prune::prune;
pub use restore::{RestorePlan, default_jobs, execute_restore, plan_again, plan_restore};
pub use run::run;
pub use shared::{Config, Context};
pub use sweep::sweep;
pub use verify::{verify, with_database};
