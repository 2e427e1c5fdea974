//! The mark of a PostgreSQL restore that has not finished, kept in the target database itself.
//!
//! A restore into an empty database loads on several connections, each statement committing on
//! its own, so a restore killed halfway (kill -9, a power cut, a lost connection) would leave a
//! half-loaded database that looks like any other. To tell it apart, the restore first takes a
//! session advisory lock on the target and creates the schema `_platctl_restore` with one row
//! saying which backup is being restored, from where, since when, by whom; its very last step,
//! after every check has passed, drops that schema. So:
//! - every platctl command that opens a database with the mark refuses it, saying what
//!   happened and how to finish ([`refusal`]);
//! - the next `backup restore` into it sees the mark, sees the lock free (the restore is dead,
//!   not running) and empties the database before loading, without `--clean`.
//!
//! A `--clean` restore runs in one transaction, so it needs no mark: it commits whole or not at
//! all. SQLite restores are written to a temporary file and renamed into place.

use crate::db::{Db, Dialect, Sql};
use crate::error::{Error, Result};
pub use crate::proto::backup::Unfinished;

pub const SCHEMA: &str = "_platctl_restore";

/// The advisory lock a restore holds on its target (two int4 keys: "plat", "rstr").
pub const LOCK: (i32, i32) = (0x706c_6174, 0x7273_7472);

/// Statements that mark a database as being restored (bind: backup id, storage, host, pid,
/// platctl version).
pub const CREATE: [&str; 3] = [
    "CREATE SCHEMA _platctl_restore",
    "COMMENT ON SCHEMA _platctl_restore IS 'platctl: a restore into this database has not \
     finished; its contents are incomplete (platctl backup restore finishes it)'",
    "CREATE TABLE _platctl_restore.state (backup_id text NOT NULL, storage text NOT NULL, \
     started_at timestamptz NOT NULL DEFAULT now(), host text NOT NULL, pid integer NOT NULL, \
     platctl_version text NOT NULL)",
];
pub const INSERT: &str = "INSERT INTO _platctl_restore.state \
     (backup_id, storage, host, pid, platctl_version) VALUES ($1, $2, $3, $4, $5)";
/// The last statement of a good restore.
pub const DROP: &str = "DROP SCHEMA _platctl_restore CASCADE";

/// What only this machine can tell of an unfinished restore.
pub trait Local {
    fn process_is_gone(&self) -> bool;
}

impl Local for Unfinished {
    /// Whether the restore's process ran on this host and is gone.
    fn process_is_gone(&self) -> bool {
        let here = whoami::hostname().unwrap_or_default();
        cfg!(target_os = "linux")
            && !self.host.is_empty()
            && self.host == here
            && !std::path::Path::new(&format!("/proc/{}", self.pid)).exists()
    }
}

/// The unfinished restore in this database, if there is one (PostgreSQL only).
pub async fn read(db: &Db) -> Result<Option<Unfinished>> {
    if db.dialect() != Dialect::Postgres {
        return Ok(None);
    }
    let present = db
        .fetch_one(Sql::new(
            "SELECT to_regclass('_platctl_restore.state') IS NOT NULL AS present",
        ))
        .await?
        .bool("present")?;
    if !present {
        return Ok(None);
    }
    let row = db
        .fetch_optional(
            Sql::new(
                "SELECT backup_id, storage, started_at, host, CAST(pid AS bigint) AS pid, \
                 EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted \
                   AND database = (SELECT oid FROM pg_database \
                                   WHERE datname = current_database()) \
                   AND classid = CAST($1 AS oid) AND objid = CAST($2 AS oid) \
                   AND objsubid = 2) AS running \
                 FROM _platctl_restore.state LIMIT 1",
            )
            .bind(i64::from(LOCK.0))
            .bind(i64::from(LOCK.1)),
        )
        .await?;
    match row {
        Some(r) => {
            let mut u = Unfinished {
                backup_id: r.text("backup_id")?,
                storage: r.text("storage")?,
                started_at: r.time("started_at")?,
                host: r.text("host")?,
                pid: r.int("pid")?,
                running: r.bool("running")?,
            };
            // Its sessions may outlive a killed platctl for a moment (a statement finishing):
            // a restore whose process is gone is not running, whoever holds the lock.
            u.running = u.running && !u.process_is_gone();
            Ok(Some(u))
        }
        // The schema without its row: a restore killed between the two statements.
        None => Ok(Some(Unfinished {
            backup_id: "(unknown)".into(),
            storage: "(unknown)".into(),
            started_at: crate::local::now(),
            host: String::new(),
            pid: 0,
            running: false,
        })),
    }
}

/// Why platctl will not work on a database with an unfinished restore, and how to finish it.
pub fn refusal(u: &Unfinished, target: &str) -> Error {
    if u.running {
        return Error::refused(format!(
            "{target} is being restored right now ({}): its contents are incomplete until \
             the restore finishes",
            u.describe()
        ))
        .with_hint(format!(
            "wait for the restore to finish, then run the command again; if its platctl is \
             gone, `platctl backup restore {} --storage {}` finishes it once its sessions end",
            u.backup_id, u.storage
        ));
    }
    Error::refused(format!(
        "{target} holds an unfinished restore ({}): it was interrupted, and the database's \
         contents are incomplete",
        u.describe()
    ))
    .with_hint(format!(
        "finish it with `platctl backup restore {} --storage {}` (add `--into URL` when it is \
         not the configured database): the restore empties it first. Until then platctl \
         refuses to work on it",
        u.backup_id, u.storage
    ))
}

/// Refuse a database holding an unfinished restore.
pub async fn check(db: &Db, target: &str) -> Result<()> {
    match read(db).await? {
        Some(u) => Err(refusal(&u, target)),
        None => Ok(()),
    }
}
