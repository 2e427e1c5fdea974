//! Applying, reverting and verifying the embedded migrations.
//!
//! Applied migrations are recorded in `_platctl_migrations` with the SHA-256 of their up script
//! (CRLF read as LF). Each migration runs in its own transaction together with its record and
//! its audit entry. On PostgreSQL a run holds a session advisory lock, taken with
//! `pg_try_advisory_lock` in a polling loop bounded by `--lock-timeout`, so concurrent runs
//! queue instead of deadlocking; on SQLite each migration's `BEGIN IMMEDIATE` serialises them.
//! Either way a migration is re-checked inside its transaction, so it is applied exactly once.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use super::actor::Actor;
use super::audit::{self, AuditEntry};
use crate::db::{Conn, Db, Dialect, Sql, Tx};
use crate::error::{Error, ErrorKind, Result};
use crate::migrations::{self, Embedded};
use crate::proto::*;

/// An arbitrary, fixed key ("platctlm") for the migration advisory lock.
const LOCK_KEY: i64 = 0x706c_6174_6374_6c6d;

const CREATE_TABLE_PG: &str = "CREATE TABLE IF NOT EXISTS _platctl_migrations (
    version     bigint PRIMARY KEY,
    name        text NOT NULL,
    checksum    text NOT NULL,
    applied_at  timestamptz NOT NULL,
    duration_ms bigint NOT NULL,
    applied_by  text NOT NULL
)";

const CREATE_TABLE_SQLITE: &str = "CREATE TABLE IF NOT EXISTS _platctl_migrations (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    checksum    TEXT NOT NULL,
    applied_at  TEXT NOT NULL,
    duration_ms INTEGER NOT NULL,
    applied_by  TEXT NOT NULL
)";

struct Applied {
    name: String,
    checksum: String,
    applied_at: DateTime<Utc>,
}

async fn applied(db: &Db) -> Result<BTreeMap<i64, Applied>> {
    if !db.table_exists("_platctl_migrations").await? {
        return Ok(BTreeMap::new());
    }
    let rows = db
        .fetch_all(Sql::new(
            "SELECT version, name, checksum, applied_at FROM _platctl_migrations ORDER BY version",
        ))
        .await?;
    let mut out = BTreeMap::new();
    for row in rows {
        out.insert(
            row.int("version")?,
            Applied {
                name: row.text("name")?,
                checksum: row.text("checksum")?,
                applied_at: row.time("applied_at")?,
            },
        );
    }
    Ok(out)
}

fn merge(dialect: Dialect, applied: &BTreeMap<i64, Applied>) -> Vec<Migration> {
    let mut out: Vec<Migration> = migrations::embedded(dialect)
        .iter()
        .map(|m| {
            let checksum = m.checksum();
            let (status, applied_at) = match applied.get(&m.version) {
                None => (MigrationState::Pending, None),
                Some(a) if a.checksum == checksum => (MigrationState::Applied, Some(a.applied_at)),
                Some(a) => (MigrationState::Changed, Some(a.applied_at)),
            };
            Migration {
                version: m.version,
                name: m.name.to_string(),
                status,
                applied_at,
                checksum,
                file: m.up_file(dialect),
            }
        })
        .collect();
    for (version, a) in applied {
        if !out.iter().any(|m| m.version == *version) {
            out.push(Migration {
                version: *version,
                name: a.name.clone(),
                status: MigrationState::Unknown,
                applied_at: Some(a.applied_at),
                checksum: a.checksum.clone(),
                file: String::new(),
            });
        }
    }
    out.sort_by_key(|m| m.version);
    out
}

pub async fn status(db: &Db) -> Result<Vec<Migration>> {
    Ok(merge(db.dialect(), &applied(db).await?))
}

fn drift_of(m: &Migration, applied: &BTreeMap<i64, Applied>) -> Option<Drift> {
    let recorded = applied.get(&m.version)?;
    match m.status {
        MigrationState::Changed => Some(Drift {
            version: m.version,
            name: m.name.clone(),
            file: m.file.clone(),
            problem: format!(
                "migration {} ({}) changed since it was applied on {}",
                m.version,
                m.file,
                recorded.applied_at.format("%Y-%m-%d %H:%M UTC")
            ),
            applied_checksum: recorded.checksum.clone(),
            current_checksum: Some(m.checksum.clone()),
        }),
        MigrationState::Unknown => Some(Drift {
            version: m.version,
            name: m.name.clone(),
            file: String::new(),
            problem: format!(
                "migration {} ({}) is applied but unknown to this platctl: the database is \
                 newer than this binary",
                m.version, m.name
            ),
            applied_checksum: recorded.checksum.clone(),
            current_checksum: None,
        }),
        _ => None,
    }
}

pub async fn verify(db: &Db) -> Result<Vec<Drift>> {
    let applied = applied(db).await?;
    Ok(merge(db.dialect(), &applied)
        .iter()
        .filter_map(|m| drift_of(m, &applied))
        .collect())
}

fn drift_error(drift: &[Drift]) -> Error {
    let first = &drift[0];
    let more = if drift.len() > 1 {
        format!(" (and {} more)", drift.len() - 1)
    } else {
        String::new()
    };
    let hint = if first.current_checksum.is_some() {
        format!(
            "review the change, then record it with `platctl migrate verify --accept {}`",
            first.version
        )
    } else {
        "upgrade platctl to the version that applied it".to_string()
    };
    Error::migration(format!(
        "the applied schema does not match this platctl: {}{more}",
        first.problem
    ))
    .with_hint(hint)
}

fn known_version(dialect: Dialect, version: i64, allow_zero: bool) -> Result<()> {
    let all = migrations::embedded(dialect);
    if (allow_zero && version == 0) || all.iter().any(|m| m.version == version) {
        return Ok(());
    }
    let versions: Vec<String> = all.iter().map(|m| m.version.to_string()).collect();
    Err(Error::usage(format!("there is no migration {version}"))
        .with_hint(format!("known versions: {}", versions.join(", "))))
}

/// Take the migration lock (PostgreSQL) or set how long to wait for the write lock (SQLite).
async fn lock(conn: &mut Conn, dialect: Dialect, timeout: Duration) -> Result<()> {
    if dialect == Dialect::Sqlite {
        let ms = i64::try_from(timeout.as_millis()).unwrap_or(i64::MAX);
        // PRAGMA takes no bound values; the number is ours.
        conn.execute(Sql::assembled(
            ["PRAGMA busy_timeout = ", &ms.to_string()].concat(),
        ))
        .await?;
        return Ok(());
    }
    let start = Instant::now();
    let mut announced = false;
    loop {
        let locked = conn
            .fetch_one(Sql::new("SELECT pg_try_advisory_lock($1) AS locked").bind(LOCK_KEY))
            .await?
            .bool("locked")?;
        if locked {
            return Ok(());
        }
        let holder = lock_holder(conn).await.unwrap_or_default();
        if start.elapsed() >= timeout {
            return Err(Error::new(
                ErrorKind::Refused,
                format!(
                    "another migration run holds the migration lock{holder}; gave up after {}s",
                    timeout.as_secs()
                ),
            )
            .with_hint("wait for it to finish, or raise --lock-timeout"));
        }
        if !announced {
            tracing::info!("waiting for the migration lock{holder}");
            announced = true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// " (held by PostgreSQL backend 1234, platctl)" when it can be found.
async fn lock_holder(conn: &mut Conn) -> Result<String> {
    let row = conn
        .fetch_optional(
            Sql::new(
                "SELECT l.pid AS pid, COALESCE(a.application_name, '') AS app \
                 FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid \
                 WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 \
                 AND ((l.classid::bigint << 32) | l.objid::bigint) = $1",
            )
            .bind(LOCK_KEY),
        )
        .await?;
    Ok(match row {
        Some(row) => {
            let pid: i32 = row.get("pid")?;
            let app = row.text("app")?;
            if app.is_empty() {
                format!(" (held by PostgreSQL backend {pid})")
            } else {
                format!(" (held by PostgreSQL backend {pid}, {app})")
            }
        }
        None => String::new(),
    })
}

async fn unlock(conn: &mut Conn, dialect: Dialect) {
    if dialect == Dialect::Postgres {
        let released = conn
            .execute(Sql::new("SELECT pg_advisory_unlock($1)").bind(LOCK_KEY))
            .await;
        if let Err(e) = released {
            // The session ends with the connection; the lock goes with it.
            tracing::debug!("releasing the migration lock failed: {e}");
        }
    }
}

async fn ensure_table(conn: &mut Conn, dialect: Dialect) -> Result<()> {
    let ddl = match dialect {
        Dialect::Postgres => CREATE_TABLE_PG,
        Dialect::Sqlite => CREATE_TABLE_SQLITE,
    };
    conn.execute(Sql::new(ddl)).await?;
    Ok(())
}

async fn is_applied(tx: &mut Tx<'_>, version: i64) -> Result<bool> {
    Ok(tx
        .fetch_optional(
            Sql::new("SELECT version FROM _platctl_migrations WHERE version = $1").bind(version),
        )
        .await?
        .is_some())
}

async fn audit_table_exists(tx: &mut Tx<'_>) -> Result<bool> {
    let sql = match tx.dialect() {
        Dialect::Postgres => Sql::new(
            "SELECT EXISTS (SELECT 1 FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_name = 'audit_logs') AS present",
        ),
        Dialect::Sqlite => Sql::new(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master \
             WHERE type = 'table' AND name = 'audit_logs') AS present",
        ),
    };
    tx.fetch_one(sql).await?.bool("present")
}

/// Run every statement of a script; a failure names the file, the statement and its line.
/// Run every statement of a script; a failure names the file, the statement and its line —
/// and, when it gave up waiting for a lock, the sessions of `db` that may hold it.
async fn run_script(
    db: &Db,
    own: Option<i64>,
    tx: &mut Tx<'_>,
    script: &str,
    file: &str,
) -> Result<()> {
    let statements = migrations::split(script, tx.dialect());
    let total = statements.len();
    for (i, statement) in statements.iter().enumerate() {
        if let Err(err) = tx.raw(&statement.text).await {
            if !matches!(err, sqlx::Error::Database(_)) {
                // The server is gone: it rolls back what it had of the transaction.
                return Err(crate::db::from_sqlx(err)
                    .during(format!(
                        "{file}, statement {} of {total} (line {})",
                        i + 1,
                        statement.line
                    ))
                    .with_hint(
                        "the migration was rolled back with the connection: run `platctl \
                         migrate run` again once the database is back (each migration is \
                         applied whole or not at all)",
                    ));
            }
            let (detail, waited) = match &err {
                sqlx::Error::Database(d) => (
                    d.message().to_string(),
                    d.code().as_deref() == Some("55P03"),
                ),
                other => (other.to_string(), false),
            };
            let holders = if waited {
                lock_holders(db, own).await
            } else {
                String::new()
            };
            let hint = if waited {
                crate::db::LOCK_HINT
            } else {
                "the migration was rolled back; nothing of it was applied"
            };
            return Err(Error::migration(format!(
                "{file} failed at statement {} of {total} (line {}: `{}`): {detail}{holders}",
                i + 1,
                statement.line,
                statement.summary()
            ))
            .with_hint(hint));
        }
    }
    Ok(())
}

/// The backend of a PostgreSQL connection (to leave it out of [`lock_holders`]).
async fn backend_pid(conn: &mut Conn, dialect: Dialect) -> Option<i64> {
    if dialect != Dialect::Postgres {
        return None;
    }
    let row = conn
        .fetch_one(Sql::new("SELECT CAST(pg_backend_pid() AS bigint) AS pid"))
        .await
        .ok()?;
    row.int("pid").ok()
}

/// "; the oldest open transactions here: pid 123 (psql, user app) idle in transaction for
/// 75 s: `UPDATE …`" — who is likely to hold the lock a statement gave up waiting for; not
/// the migration's own session (`own`), whose failed transaction is still open.
async fn lock_holders(db: &Db, own: Option<i64>) -> String {
    let rows = db
        .fetch_all(Sql::new(
            "SELECT CAST(pid AS bigint) AS pid, COALESCE(application_name, '') AS app, COALESCE(usename, '') AS who, \
             COALESCE(state, '') AS state, \
             CAST(EXTRACT(EPOCH FROM now() - xact_start) AS bigint) AS secs, \
             left(COALESCE(query, ''), 80) AS query \
             FROM pg_stat_activity WHERE datname = current_database() \
             AND backend_type = 'client backend' AND pid <> pg_backend_pid() \
             AND CAST(pid AS bigint) <> $1 AND xact_start IS NOT NULL \
             ORDER BY xact_start LIMIT 3",
        )
        .bind(own.unwrap_or(0)))
        .await;
    let described: Vec<String> = rows
        .unwrap_or_default()
        .iter()
        .filter_map(|r| {
            Some(format!(
                "pid {} ({}, user {}) {} for {} s: {}",
                r.int("pid").ok()?,
                crate::text::escape_controls(&r.text("app").ok()?),
                crate::text::escape_controls(&r.text("who").ok()?),
                r.text("state").ok()?,
                r.int("secs").ok()?,
                crate::text::quote(&r.text("query").ok()?)
            ))
        })
        .collect();
    if described.is_empty() {
        String::new()
    } else {
        format!(
            "; the oldest open transactions here: {}",
            described.join("; ")
        )
    }
}

pub async fn run(db: &Db, req: &MigrateRun, actor: &Actor) -> Result<MigrateReport> {
    let dialect = db.dialect();
    if let Some(to) = req.to {
        known_version(dialect, to, false)?;
    }
    // The lock is a session's: through a pooler in transaction mode, the run goes to
    // DATABASE_DIRECT_URL, the whole of it — unless there is nothing to apply, or only a plan
    // is asked for: that needs no lock, and no DATABASE_DIRECT_URL.
    let pooled = db
        .found()
        .is_some_and(|f| f.pooler == crate::db::Pooler::Transaction);
    if pooled {
        let plan = plan(db, req).await?;
        if req.dry_run || plan.steps.is_empty() {
            return Ok(plan);
        }
    }
    let db = &db.session("`migrate run`").await?;
    let mut conn = db.acquire().await?;
    lock(&mut conn, dialect, req.lock_timeout).await?;
    let result = run_locked(db, &mut conn, req, actor).await;
    unlock(&mut conn, dialect).await;
    result
}

/// What `migrate run` would apply: the versions from and to, each step (not yet timed).
/// Refuses drift, and a `--to` behind the schema.
async fn plan(db: &Db, req: &MigrateRun) -> Result<MigrateReport> {
    let dialect = db.dialect();
    let applied = applied(db).await?;
    let current = applied.keys().max().copied().unwrap_or(0);
    let drift: Vec<Drift> = merge(dialect, &applied)
        .iter()
        .filter_map(|m| drift_of(m, &applied))
        .collect();
    if !drift.is_empty() {
        return Err(drift_error(&drift));
    }
    if let Some(to) = req.to
        && to < current
    {
        return Err(Error::usage(format!(
            "the schema is already at version {current}, past {to}"
        ))
        .with_hint(format!(
            "to go back, run `platctl migrate revert --to {to}`"
        )));
    }
    let pending: Vec<&Embedded> = migrations::embedded(dialect)
        .iter()
        .filter(|m| !applied.contains_key(&m.version))
        .filter(|m| req.to.is_none_or(|to| m.version <= to))
        .collect();
    let target = pending
        .last()
        .map(|m| m.version)
        .unwrap_or(current)
        .max(current);
    let steps = pending
        .iter()
        .map(|m| MigrationStep {
            version: m.version,
            name: m.name.to_string(),
            file: m.up_file(dialect),
            duration_ms: 0,
        })
        .collect();
    Ok(MigrateReport {
        dry_run: req.dry_run,
        from_version: current,
        to_version: target,
        steps,
    })
}

async fn run_locked(
    db: &Db,
    conn: &mut Conn,
    req: &MigrateRun,
    actor: &Actor,
) -> Result<MigrateReport> {
    let dialect = db.dialect();
    if !req.dry_run {
        ensure_table(conn, dialect).await?;
    }
    let plan = plan(db, req).await?;
    if req.dry_run {
        return Ok(plan);
    }
    let pending: Vec<&Embedded> = migrations::embedded(dialect)
        .iter()
        .filter(|m| plan.steps.iter().any(|s| s.version == m.version))
        .collect();
    let current = plan.from_version;
    let own = backend_pid(conn, dialect).await;
    let mut steps = Vec::new();
    for m in pending {
        let file = m.up_file(dialect);
        let started = Instant::now();
        let mut tx = conn.begin().await?;
        if is_applied(&mut tx, m.version).await? {
            // Another run applied it while this one waited.
            continue;
        }
        tracing::info!("applying {file}");
        run_script(db, own, &mut tx, m.up, &file).await?;
        let duration_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        tx.execute(
            Sql::new(
                "INSERT INTO _platctl_migrations \
                 (version, name, checksum, applied_at, duration_ms, applied_by) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(m.version)
            .bind(m.name)
            .bind(m.checksum())
            .bind(crate::local::now())
            .bind(i64::try_from(duration_ms).unwrap_or(i64::MAX))
            .bind(actor.label.as_str()),
        )
        .await?;
        if audit_table_exists(&mut tx).await? {
            audit::record(
                &mut tx,
                actor,
                AuditEntry::new("migration.apply", "migration", m.version.to_string()).metadata(
                    serde_json::json!({
                        "version": m.version, "name": m.name, "checksum": m.checksum(),
                    }),
                ),
            )
            .await?;
        }
        tx.commit().await?;
        steps.push(MigrationStep {
            version: m.version,
            name: m.name.to_string(),
            file,
            duration_ms,
        });
    }
    let to_version = applied_max(db).await?;
    Ok(MigrateReport {
        dry_run: false,
        from_version: current,
        to_version,
        steps,
    })
}

async fn applied_max(db: &Db) -> Result<i64> {
    Ok(applied(db).await?.keys().max().copied().unwrap_or(0))
}

/// Refuse to work on a schema that is not installed, or behind this binary's: its tables
/// would be missing or old, and the errors raw.
pub async fn ensure_current(db: &Db) -> Result<()> {
    let embedded = crate::migrations::embedded(db.dialect());
    let latest = embedded.last().map_or(0, |m| m.version);
    let at = applied_max(db).await?;
    if at >= latest {
        return Ok(());
    }
    if at == 0 {
        return Err(Error::migration(format!(
            "the schema is not installed (version 0 of {latest})"
        ))
        .with_hint("run `platctl migrate run` (or `platctl init`)"));
    }
    // Counted: versions need not follow each other.
    let pending = embedded.iter().filter(|m| m.version > at).count();
    Err(Error::migration(format!(
        "the schema is at version {at} of {latest}: {pending} migration{} of this platctl {} \
         not applied",
        if pending == 1 { "" } else { "s" },
        if pending == 1 { "is" } else { "are" },
    ))
    .with_hint("run `platctl migrate run` (`platctl migrate status` lists what is pending)"))
}

/// The applied migrations above the target, newest first. The default target is the version
/// below the newest applied one.
pub async fn revert_plan(db: &Db, to: Option<i64>) -> Result<Vec<Migration>> {
    let dialect = db.dialect();
    if let Some(to) = to {
        known_version(dialect, to, true)?;
    }
    let applied = applied(db).await?;
    let mut versions: Vec<i64> = applied.keys().copied().collect();
    versions.sort_unstable();
    let target = match to {
        Some(to) => to,
        None => match versions.len() {
            0 => 0,
            n if n >= 2 => versions[n - 2],
            _ => 0,
        },
    };
    let mut plan: Vec<Migration> = merge(dialect, &applied)
        .into_iter()
        .filter(|m| m.version > target && m.status != MigrationState::Pending)
        .collect();
    plan.reverse();
    Ok(plan)
}

pub async fn revert(db: &Db, req: &MigrateRevert, actor: &Actor) -> Result<MigrateReport> {
    let dialect = db.dialect();
    let db = &db.session("`migrate revert`").await?;
    let plan = revert_plan(db, req.to).await?;
    if let Some(m) = plan.iter().find(|m| m.status != MigrationState::Applied) {
        let applied = applied(db).await?;
        let drift: Vec<Drift> = drift_of(m, &applied).into_iter().collect();
        if !drift.is_empty() {
            return Err(drift_error(&drift));
        }
    }
    let mut conn = db.acquire().await?;
    lock(&mut conn, dialect, req.lock_timeout).await?;
    let result = revert_locked(db, &mut conn, &plan, actor).await;
    unlock(&mut conn, dialect).await;
    result
}

async fn revert_locked(
    db: &Db,
    conn: &mut Conn,
    plan: &[Migration],
    actor: &Actor,
) -> Result<MigrateReport> {
    let dialect = db.dialect();
    let from_version = applied_max(db).await?;
    let own = backend_pid(conn, dialect).await;
    let mut steps = Vec::new();
    for m in plan {
        let Some(embedded) = migrations::embedded(dialect)
            .iter()
            .find(|e| e.version == m.version)
        else {
            return Err(Error::migration(format!(
                "migration {} is not known to this platctl, so it cannot be reverted",
                m.version
            )));
        };
        let file = embedded.down_file(dialect);
        let started = Instant::now();
        let mut tx = conn.begin().await?;
        if !is_applied(&mut tx, m.version).await? {
            continue;
        }
        tracing::info!("reverting with {file}");
        run_script(db, own, &mut tx, embedded.down, &file).await?;
        tx.execute(Sql::new("DELETE FROM _platctl_migrations WHERE version = $1").bind(m.version))
            .await?;
        if audit_table_exists(&mut tx).await? {
            audit::record(
                &mut tx,
                actor,
                AuditEntry::new("migration.revert", "migration", m.version.to_string())
                    .metadata(serde_json::json!({ "version": m.version, "name": m.name })),
            )
            .await?;
        }
        tx.commit().await?;
        steps.push(MigrationStep {
            version: m.version,
            name: m.name.clone(),
            file,
            duration_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        });
    }
    Ok(MigrateReport {
        dry_run: false,
        from_version,
        to_version: applied_max(db).await?,
        steps,
    })
}

pub async fn accept(db: &Db, version: i64, actor: &Actor) -> Result<Drift> {
    let applied = applied(db).await?;
    let all = merge(db.dialect(), &applied);
    let Some(m) = all.iter().find(|m| m.version == version) else {
        known_version(db.dialect(), version, false)?;
        return Err(Error::not_found(format!(
            "migration {version} is not applied"
        )));
    };
    let drift = match drift_of(m, &applied) {
        Some(d) if d.current_checksum.is_some() => d,
        Some(d) => return Err(Error::refused(d.problem)),
        None if m.status == MigrationState::Pending => {
            return Err(Error::not_found(format!(
                "migration {version} is not applied; there is nothing to accept"
            )));
        }
        // Nothing to accept: said, and nothing written (no audit entry either).
        None => {
            return Ok(Drift {
                version,
                name: m.name.clone(),
                file: m.file.clone(),
                problem: Drift::MATCHES.to_string(),
                applied_checksum: m.checksum.clone(),
                current_checksum: Some(m.checksum.clone()),
            });
        }
    };
    let mut tx = db.begin().await?;
    tx.execute(
        Sql::new("UPDATE _platctl_migrations SET checksum = $1 WHERE version = $2")
            .bind(m.checksum.as_str())
            .bind(version),
    )
    .await?;
    if audit_table_exists(&mut tx).await? {
        audit::record(
            &mut tx,
            actor,
            AuditEntry::new(
                "migration.accept_checksum",
                "migration",
                version.to_string(),
            )
            .metadata(serde_json::json!({
                "version": version,
                "file": m.file,
                "previous_checksum": drift.applied_checksum,
                "checksum": m.checksum,
            })),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(drift)
}
