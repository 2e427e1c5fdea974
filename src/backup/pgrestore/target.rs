//! The restore target's lifecycle: its lock, the check of what it holds, the mark of a restore
//! in progress (parallel mode), and, when a restore fails or is stopped, putting it back as it
//! was: emptied again, or rolled back with its transaction.

use sqlx::{AssertSqlSafe, Connection, PgConnection};

use super::dispatch::{APPLICATION_NAME, connect};
use crate::backup::marker::{self, Unfinished};
use crate::error::{Error, Result};

/// Which restore this is, for the mark it leaves while it runs.
#[derive(Debug, Clone)]
pub struct Mark {
    pub backup_id: String,
    pub storage: String,
}

/// Drop every schema but the system ones and recreate `public`.
pub(super) const CLEAN: [&str; 2] = [
    "DO $platctl$ DECLARE s record; BEGIN \
     FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' \
     AND nspname <> 'information_schema' LOOP \
     EXECUTE format('DROP SCHEMA %I CASCADE', s.nspname); END LOOP; END $platctl$",
    "CREATE SCHEMA public",
];

/// Everything a user could have created in a PostgreSQL database: relations, functions,
/// types, schemas other than `public`, extensions other than plpgsql. Any of it means the
/// database is in use (and a failed restore must not empty it).
pub const IN_USE: &str = "SELECT \
    (SELECT COUNT(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
       WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') \
       AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%') \
  + (SELECT COUNT(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace \
       WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')) \
  + (SELECT COUNT(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace \
       WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND t.typrelid = 0 \
       AND t.typelem = 0) \
  + (SELECT COUNT(*) FROM pg_namespace WHERE nspname NOT IN ('public', 'information_schema') \
       AND nspname NOT LIKE 'pg\\_%') \
  + (SELECT COUNT(*) FROM pg_extension WHERE extname <> 'plpgsql') AS n";

/// What the target held when the restore took its lock.
enum Found {
    Empty,
    /// An unfinished restore of another run, which is dead (we hold the lock).
    Unfinished(Unfinished),
    InUse,
}

/// Under the target's lock: check what it holds, empty an unfinished restore, and mark the
/// target as being restored (parallel mode). Returns the unfinished restore it replaced.
pub(super) async fn prepare(
    conn: &mut PgConnection,
    url: &str,
    display: &str,
    clean: bool,
    mark: &Mark,
) -> Result<Option<Unfinished>> {
    lock_target(conn, url, display).await?;
    let replaced = match inspect(conn, url).await? {
        Found::Empty => None,
        Found::InUse if clean => None,
        Found::InUse => {
            return Err(
                Error::refused(format!("the target {display} is not empty")).with_hint(
                    "restore into an empty database, or pass --clean to replace what is there",
                ),
            );
        }
        Found::Unfinished(u) => {
            if !clean {
                run_all(conn, &CLEAN).await?;
            }
            Some(u)
        }
    };
    if !clean {
        run_all(conn, &marker::CREATE).await?;
        sqlx::query(marker::INSERT)
            .bind(&mark.backup_id)
            .bind(&mark.storage)
            .bind(whoami::hostname().unwrap_or_default())
            .bind(i32::try_from(std::process::id()).unwrap_or(0))
            .bind(env!("CARGO_PKG_VERSION"))
            .execute(&mut *conn)
            .await
            .map_err(crate::db::from_sqlx)?;
    }
    Ok(replaced)
}

/// Take the target's restore lock on `conn`. A restore still running elsewhere keeps it: wait
/// up to a minute for it; the orphan connections of a restore killed on this host are ended.
async fn lock_target(conn: &mut PgConnection, url: &str, display: &str) -> Result<()> {
    let started = std::time::Instant::now();
    loop {
        let locked: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1, $2)")
            .bind(marker::LOCK.0)
            .bind(marker::LOCK.1)
            .fetch_one(&mut *conn)
            .await
            .map_err(crate::db::from_sqlx)?;
        if locked {
            return Ok(());
        }
        let unfinished = unfinished_at(url).await?;
        if let Some(u) = &unfinished
            && marker::Local::process_is_gone(u)
        {
            // Its platctl died; its server sessions may still be finishing a statement.
            sqlx::query(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                 WHERE datname = current_database() AND application_name = $1 \
                 AND pid <> pg_backend_pid()",
            )
            .bind(APPLICATION_NAME)
            .execute(&mut *conn)
            .await
            .map_err(crate::db::from_sqlx)?;
        } else if started.elapsed() > std::time::Duration::from_secs(60) {
            let who = unfinished.map_or_else(|| "another restore".to_string(), |u| u.describe());
            return Err(Error::refused(format!(
                "another restore into {display} is running ({who})"
            ))
            .with_hint("wait for it to finish; nothing was touched"));
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
}

/// The unfinished restore the target holds, if any.
async fn unfinished_at(url: &str) -> Result<Option<Unfinished>> {
    let db = crate::db::Db::connect(
        &crate::db::DatabaseTarget::Postgres {
            url: url.to_string(),
        },
        &crate::db::ConnectOptions::plain(
            std::time::Duration::from_secs(10),
            "the restore target's URL",
        ),
    )
    .await?;
    let unfinished = marker::read(&db).await;
    db.close().await;
    unfinished
}

/// What the target holds, read under the lock.
async fn inspect(conn: &mut PgConnection, url: &str) -> Result<Found> {
    if let Some(u) = unfinished_at(url).await? {
        return Ok(Found::Unfinished(u));
    }
    let used: i64 = sqlx::query_scalar(AssertSqlSafe(IN_USE))
        .fetch_one(&mut *conn)
        .await
        .map_err(crate::db::from_sqlx)?;
    Ok(if used > 0 { Found::InUse } else { Found::Empty })
}

async fn run_all(conn: &mut PgConnection, statements: &[&str]) -> Result<()> {
    for statement in statements {
        sqlx::raw_sql(AssertSqlSafe(*statement))
            .execute(&mut *conn)
            .await
            .map_err(crate::db::from_sqlx)?;
    }
    Ok(())
}

/// After a failed or stopped restore: stop our connections and put the target back as it was,
/// and say how, for the error. The transactional restore rolled back as its connection ended;
/// the parallel one is emptied again (its target was empty), or, if that fails too, left
/// marked as unfinished, for the next restore to empty.
pub(super) async fn put_back(url: &str, pids: &[i32], clean: bool) -> String {
    terminate(url, pids).await;
    if clean {
        return "the restore ran in one transaction and was rolled back: the target is as it \
                was"
        .to_string();
    }
    match empty_again(url).await {
        Ok(()) => "the target was emptied again, as it was before the restore".to_string(),
        Err(c) => format!(
            "emptying the target again failed too ({}): it is marked as an unfinished restore, \
             and the next `platctl backup restore` into it empties it first",
            c.message()
        ),
    }
}

/// Stop our own connections to the target at once (a long index build does not notice a
/// closed socket until it ends), so that emptying the target does not wait behind them.
async fn terminate(url: &str, pids: &[i32]) {
    let Ok(mut conn) = connect(url, false).await else {
        return;
    };
    let _ = sqlx::query("SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid")
        .bind(pids.to_vec())
        .execute(&mut conn)
        .await;
    let _ = conn.close().await;
}

/// Empty the target after a failed parallel restore (it was empty before), holding its lock
/// (which our stopped connections release as they end).
async fn empty_again(url: &str) -> Result<()> {
    let mut conn = connect(url, false).await?;
    let started = std::time::Instant::now();
    loop {
        let locked: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1, $2)")
            .bind(marker::LOCK.0)
            .bind(marker::LOCK.1)
            .fetch_one(&mut conn)
            .await
            .map_err(crate::db::from_sqlx)?;
        if locked {
            break;
        }
        if started.elapsed() > std::time::Duration::from_secs(30) {
            let _ = conn.close().await;
            return Err(Error::refused(
                "another restore holds the target's lock; it was left to that restore",
            ));
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let done = run_all(&mut conn, &CLEAN).await;
    let _ = conn.close().await;
    done
}
