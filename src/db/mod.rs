//! PostgreSQL and SQLite behind one small interface, chosen once from the URL.
//!
//! Queries are written once, with `$1`-style placeholders that both drivers accept, and values
//! are bound as [`Value`]s: PostgreSQL receives native types (uuid, timestamptz, jsonb, text[],
//! inet), SQLite their text forms (RFC 3339 timestamps with milliseconds, which sort as text;
//! JSON for lists). Rows are read back through [`Row`]'s typed getters, which undo the same
//! mapping. Where the two dialects need different SQL, callers branch on [`Db::dialect`].

use std::borrow::Cow;
use std::fmt;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, Utc};
use sqlx::postgres::PgRow;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteRow};
use sqlx::{AssertSqlSafe, Connection, Postgres, Row as _, Sqlite};
use uuid::Uuid;

use crate::error::{Error, ErrorKind, Result};
use crate::redact;
use crate::text::quote;

mod errors;
mod options;
mod postgres;
mod tls;

pub use errors::{LOCK_HINT, from_sqlx};
pub use options::{ConnectOptions, DEFAULT_LOCK_TIMEOUT, DEFAULT_STATEMENT_TIMEOUT, Pooler};
pub use postgres::{Found, Pg, connect_single};
pub use tls::close_tunnels;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Postgres,
    Sqlite,
}

/// A value to bind. Each variant carries its own `None`, so a NULL is still typed (PostgreSQL
/// refuses a text NULL for a uuid column).
#[derive(Debug, Clone)]
pub enum Value {
    Text(Option<String>),
    Int(Option<i64>),
    Bool(Option<bool>),
    Uuid(Option<Uuid>),
    Time(Option<DateTime<Utc>>),
    Json(Option<serde_json::Value>),
    TextList(Vec<String>),
    Ip(Option<IpAddr>),
}

macro_rules! value_from {
    ($variant:ident, $t:ty) => {
        impl From<$t> for Value {
            fn from(v: $t) -> Self {
                Value::$variant(Some(v.into()))
            }
        }
        impl From<Option<$t>> for Value {
            fn from(v: Option<$t>) -> Self {
                Value::$variant(v.map(Into::into))
            }
        }
    };
}
value_from!(Text, String);
value_from!(Text, &str);
value_from!(Int, i64);
value_from!(Bool, bool);
value_from!(Uuid, Uuid);
value_from!(Time, DateTime<Utc>);
value_from!(Json, serde_json::Value);
value_from!(Ip, IpAddr);

impl From<&String> for Value {
    fn from(v: &String) -> Self {
        Value::Text(Some(v.clone()))
    }
}
impl From<Vec<String>> for Value {
    fn from(v: Vec<String>) -> Self {
        Value::TextList(v)
    }
}
impl From<&[String]> for Value {
    fn from(v: &[String]) -> Self {
        Value::TextList(v.to_vec())
    }
}

/// A statement and its bound values.
#[derive(Debug, Clone)]
pub struct Sql {
    text: Cow<'static, str>,
    args: Vec<Value>,
}

impl Sql {
    pub fn new(text: &'static str) -> Self {
        Sql {
            text: Cow::Borrowed(text),
            args: Vec::new(),
        }
    }

    /// A statement assembled at run time. Only fixed fragments of SQL may go into `text`;
    /// every value is bound.
    pub fn assembled(text: String) -> Self {
        Sql {
            text: Cow::Owned(text),
            args: Vec::new(),
        }
    }

    pub fn bind(mut self, value: impl Into<Value>) -> Self {
        self.args.push(value.into());
        self
    }

    /// The next placeholder (`$n`) for a value about to be bound.
    pub fn next_placeholder(&self) -> String {
        format!("${}", self.args.len() + 1)
    }

    pub fn push_str(&mut self, fragment: &str) {
        self.text.to_mut().push_str(fragment);
    }

    pub fn push_bind(&mut self, value: impl Into<Value>) {
        let placeholder = self.next_placeholder();
        self.text.to_mut().push_str(&placeholder);
        self.args.push(value.into());
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// This statement with the values bound to `other` (which it wraps).
    pub fn with_args_of(mut self, other: Sql) -> Sql {
        self.args = other.args;
        self
    }

    /// Bind a value for a placeholder already written (see [`Sql::next_placeholder`]).
    pub fn push_arg(&mut self, value: impl Into<Value>) {
        self.args.push(value.into());
    }
}

/// The SQLite storage form of a timestamp: RFC 3339, UTC, milliseconds, `Z` (sorts as text, and
/// matches the `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')` defaults of the schema).
pub fn sqlite_time(t: &DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

pub fn parse_sqlite_time(text: &str) -> Result<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f")
        .map(|t| t.and_utc())
        .map_err(|_| Error::new(ErrorKind::Database, format!("`{text}` is not a timestamp")))
}

type PgQuery<'q> = sqlx::query::Query<'q, Postgres, sqlx::postgres::PgArguments>;
type SqliteQuery<'q> = sqlx::query::Query<'q, Sqlite, sqlx::sqlite::SqliteArguments>;

/// `keep`: prepare the statement once per connection and keep it (not through a pooler in
/// transaction mode, see [`postgres`]).
fn pg_query(sql: &Sql, keep: bool) -> PgQuery<'_> {
    let mut q = sqlx::query(AssertSqlSafe(sql.text.as_ref())).persistent(keep);
    for v in &sql.args {
        q = match v {
            Value::Text(x) => q.bind(x.clone()),
            Value::Int(x) => q.bind(*x),
            Value::Bool(x) => q.bind(*x),
            Value::Uuid(x) => q.bind(*x),
            Value::Time(x) => q.bind(*x),
            Value::Json(x) => q.bind(x.clone().map(sqlx::types::Json)),
            Value::TextList(x) => q.bind(x.clone()),
            Value::Ip(x) => q.bind(*x),
        };
    }
    q
}

fn sqlite_query(sql: &Sql, _keep: bool) -> SqliteQuery<'_> {
    let mut q = sqlx::query(AssertSqlSafe(sql.text.as_ref()));
    for v in &sql.args {
        q = match v {
            Value::Text(x) => q.bind(x.clone()),
            Value::Int(x) => q.bind(*x),
            Value::Bool(x) => q.bind(*x),
            Value::Uuid(x) => q.bind(x.map(|u| u.to_string())),
            Value::Time(x) => q.bind(x.as_ref().map(sqlite_time)),
            Value::Json(x) => q.bind(x.as_ref().map(|j| j.to_string())),
            Value::TextList(x) => q.bind(serde_json::Value::from(x.clone()).to_string()),
            Value::Ip(x) => q.bind(x.map(|ip| ip.to_string())),
        };
    }
    q
}

/// The three ways to run a statement, written once per driver.
macro_rules! executor_fns {
    ($name:ident, $db:ty, $query:ident, $row:ident) => {
        mod $name {
            use super::*;

            pub async fn execute<'e, E>(e: E, sql: &Sql, keep: bool) -> Result<u64>
            where
                E: sqlx::Executor<'e, Database = $db>,
            {
                Ok($query(sql, keep)
                    .execute(e)
                    .await
                    .map_err(from_sqlx)?
                    .rows_affected())
            }

            pub async fn fetch_all<'e, E>(e: E, sql: &Sql, keep: bool) -> Result<Vec<Row>>
            where
                E: sqlx::Executor<'e, Database = $db>,
            {
                let rows = $query(sql, keep).fetch_all(e).await.map_err(from_sqlx)?;
                Ok(rows.into_iter().map(Row::$row).collect())
            }

            pub async fn fetch_optional<'e, E>(e: E, sql: &Sql, keep: bool) -> Result<Option<Row>>
            where
                E: sqlx::Executor<'e, Database = $db>,
            {
                Ok($query(sql, keep)
                    .fetch_optional(e)
                    .await
                    .map_err(from_sqlx)?
                    .map(Row::$row))
            }

            /// A statement of a migration script, with no bound values (simple protocol).
            pub async fn raw<'e, E>(e: E, text: &str) -> std::result::Result<(), sqlx::Error>
            where
                E: sqlx::Executor<'e, Database = $db>,
            {
                sqlx::raw_sql(AssertSqlSafe(text))
                    .execute(e)
                    .await
                    .map(|_| ())
            }
        }
    };
}
executor_fns!(pg, Postgres, pg_query, Pg);
executor_fns!(lite, Sqlite, sqlite_query, Sqlite);

/// A row from either driver, read through typed getters.
pub enum Row {
    Pg(PgRow),
    Sqlite(SqliteRow),
}

fn column_error(col: &str, err: sqlx::Error) -> Error {
    Error::new(ErrorKind::Database, format!("cannot read column `{col}`")).with_source(err)
}

/// A SQLite text column holding JSON (SQLite has no JSON or array type): NULL is none.
fn json_text<T: serde::de::DeserializeOwned>(
    r: &sqlx::sqlite::SqliteRow,
    col: &str,
    what: &str,
) -> Result<Option<T>> {
    let text: Option<String> = r.try_get(col).map_err(|e| column_error(col, e))?;
    text.map(|t| serde_json::from_str(&t))
        .transpose()
        .map_err(|e| {
            Error::new(ErrorKind::Database, format!("`{col}` is not {what}")).with_source(e)
        })
}

impl Row {
    /// A value whose Rust type decodes the same way from both drivers (text, integers, bools).
    pub fn get<T>(&self, col: &str) -> Result<T>
    where
        T: for<'r> sqlx::Decode<'r, Postgres>
            + sqlx::Type<Postgres>
            + for<'r> sqlx::Decode<'r, Sqlite>
            + sqlx::Type<Sqlite>,
    {
        match self {
            Row::Pg(r) => r.try_get(col),
            Row::Sqlite(r) => r.try_get(col),
        }
        .map_err(|e| column_error(col, e))
    }

    pub fn text(&self, col: &str) -> Result<String> {
        self.get(col)
    }

    pub fn opt_text(&self, col: &str) -> Result<Option<String>> {
        self.get(col)
    }

    pub fn int(&self, col: &str) -> Result<i64> {
        self.get(col)
    }

    pub fn opt_int(&self, col: &str) -> Result<Option<i64>> {
        self.get(col)
    }

    pub fn bool(&self, col: &str) -> Result<bool> {
        self.get(col)
    }

    pub fn opt_uuid(&self, col: &str) -> Result<Option<Uuid>> {
        match self {
            Row::Pg(r) => r.try_get(col).map_err(|e| column_error(col, e)),
            Row::Sqlite(r) => {
                let text: Option<String> = r.try_get(col).map_err(|e| column_error(col, e))?;
                text.map(|t| {
                    Uuid::parse_str(&t).map_err(|_| {
                        Error::new(
                            ErrorKind::Database,
                            format!("`{t}` in `{col}` is not a UUID"),
                        )
                    })
                })
                .transpose()
            }
        }
    }

    pub fn uuid(&self, col: &str) -> Result<Uuid> {
        self.opt_uuid(col)?
            .ok_or_else(|| Error::new(ErrorKind::Database, format!("`{col}` is NULL")))
    }

    pub fn opt_time(&self, col: &str) -> Result<Option<DateTime<Utc>>> {
        match self {
            Row::Pg(r) => r.try_get(col).map_err(|e| column_error(col, e)),
            Row::Sqlite(r) => {
                let text: Option<String> = r.try_get(col).map_err(|e| column_error(col, e))?;
                text.map(|t| parse_sqlite_time(&t)).transpose()
            }
        }
    }

    pub fn time(&self, col: &str) -> Result<DateTime<Utc>> {
        self.opt_time(col)?
            .ok_or_else(|| Error::new(ErrorKind::Database, format!("`{col}` is NULL")))
    }

    pub fn json(&self, col: &str) -> Result<serde_json::Value> {
        match self {
            Row::Pg(r) => {
                let v: Option<sqlx::types::Json<serde_json::Value>> =
                    r.try_get(col).map_err(|e| column_error(col, e))?;
                Ok(v.map(|j| j.0).unwrap_or(serde_json::Value::Null))
            }
            Row::Sqlite(r) => Ok(json_text(r, col, "JSON")?.unwrap_or_default()),
        }
    }

    pub fn text_list(&self, col: &str) -> Result<Vec<String>> {
        match self {
            Row::Pg(r) => {
                let v: Option<Vec<String>> = r.try_get(col).map_err(|e| column_error(col, e))?;
                Ok(v.unwrap_or_default())
            }
            Row::Sqlite(r) => Ok(json_text(r, col, "a JSON list")?.unwrap_or_default()),
        }
    }

    pub fn opt_ip(&self, col: &str) -> Result<Option<String>> {
        match self {
            Row::Pg(r) => {
                let ip: Option<IpAddr> = r.try_get(col).map_err(|e| column_error(col, e))?;
                Ok(ip.map(|i| i.to_string()))
            }
            Row::Sqlite(r) => r.try_get(col).map_err(|e| column_error(col, e)),
        }
    }
}

/// A pool of connections to one database.
#[derive(Clone)]
pub enum Db {
    Postgres(Pg),
    Sqlite(sqlx::SqlitePool),
}

impl Db {
    pub async fn connect(target: &DatabaseTarget, opts: &ConnectOptions) -> Result<Db> {
        match target {
            DatabaseTarget::Postgres { url } => {
                postgres::connect(url, opts).await.map(Db::Postgres)
            }
            DatabaseTarget::Sqlite { path } => connect_sqlite(path, opts).await,
        }
    }

    pub fn dialect(&self) -> Dialect {
        match self {
            Db::Postgres(_) => Dialect::Postgres,
            Db::Sqlite(_) => Dialect::Sqlite,
        }
    }

    pub async fn execute(&self, sql: Sql) -> Result<u64> {
        match self {
            Db::Postgres(p) if p.keeps_statements() => pg::execute(&p.pool, &sql, true).await,
            Db::Postgres(_) => {
                let mut tx = self.begin().await?;
                let out = tx.execute(sql).await?;
                tx.commit().await?;
                Ok(out)
            }
            Db::Sqlite(p) => lite::execute(p, &sql, true).await,
        }
    }

    pub async fn fetch_all(&self, sql: Sql) -> Result<Vec<Row>> {
        match self {
            Db::Postgres(p) if p.keeps_statements() => pg::fetch_all(&p.pool, &sql, true).await,
            Db::Postgres(_) => {
                let mut tx = self.begin().await?;
                let out = tx.fetch_all(sql).await?;
                tx.commit().await?;
                Ok(out)
            }
            Db::Sqlite(p) => lite::fetch_all(p, &sql, true).await,
        }
    }

    pub async fn fetch_optional(&self, sql: Sql) -> Result<Option<Row>> {
        match self {
            Db::Postgres(p) if p.keeps_statements() => {
                pg::fetch_optional(&p.pool, &sql, true).await
            }
            Db::Postgres(_) => {
                let mut tx = self.begin().await?;
                let out = tx.fetch_optional(sql).await?;
                tx.commit().await?;
                Ok(out)
            }
            Db::Sqlite(p) => lite::fetch_optional(p, &sql, true).await,
        }
    }

    pub async fn fetch_one(&self, sql: Sql) -> Result<Row> {
        self.fetch_optional(sql)
            .await?
            .ok_or_else(|| Error::internal("a query that always returns a row returned none"))
    }

    /// A transaction that will write. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`), so two writers queue instead of failing on a lock upgrade.
    pub async fn begin(&self) -> Result<Tx<'static>> {
        match self {
            Db::Postgres(p) => Ok(Tx::Pg(pg_begin(p).await?, p.keeps_statements())),
            Db::Sqlite(p) => Ok(Tx::Sqlite(
                p.begin_with("BEGIN IMMEDIATE").await.map_err(from_sqlx)?,
            )),
        }
    }

    /// A transaction that only reads: a consistent view, no write lock.
    pub async fn begin_read(&self) -> Result<Tx<'static>> {
        match self {
            Db::Postgres(p) => Ok(Tx::Pg(pg_begin(p).await?, p.keeps_statements())),
            Db::Sqlite(p) => Ok(Tx::Sqlite(p.begin().await.map_err(from_sqlx)?)),
        }
    }

    /// Reads of one statement each, as an operation's checks and lookups are: on PostgreSQL
    /// a pooled connection, taken at the first statement, without a transaction (at READ
    /// COMMITTED every statement takes its own snapshot inside a transaction too, so BEGIN and
    /// COMMIT would add two round trips and no consistency); on SQLite a read transaction (one
    /// snapshot, in process).
    pub async fn reads(&self) -> Result<Tx<'static>> {
        match self {
            // Through a pooler in transaction mode, a statement outside a transaction may find
            // its prepared form on another server connection.
            Db::Postgres(p) if !p.keeps_statements() => self.begin_read().await,
            Db::Postgres(p) => Ok(Tx::PgReads(Reads {
                pool: p.pool.clone(),
                conn: None,
            })),
            Db::Sqlite(p) => Ok(Tx::Sqlite(p.begin().await.map_err(from_sqlx)?)),
        }
    }

    /// One connection held for a while (session locks, migration runs): only of a database
    /// that gives sessions, see [`Db::session`].
    pub async fn acquire(&self) -> Result<Conn> {
        match self {
            Db::Postgres(p) if !p.keeps_statements() => Err(Error::internal(
                "a session was asked of a pooler in transaction mode",
            )),
            Db::Postgres(p) => Ok(Conn::Pg(p.pool.acquire().await.map_err(from_sqlx)?)),
            Db::Sqlite(p) => Ok(Conn::Sqlite(p.acquire().await.map_err(from_sqlx)?)),
        }
    }

    pub async fn table_exists(&self, table: &str) -> Result<bool> {
        let sql = match self.dialect() {
            Dialect::Postgres => Sql::new(
                "SELECT EXISTS (SELECT 1 FROM information_schema.tables \
                 WHERE table_schema = current_schema() AND table_name = $1) AS present",
            ),
            Dialect::Sqlite => Sql::new(
                "SELECT EXISTS (SELECT 1 FROM sqlite_master \
                 WHERE type = 'table' AND name = $1) AS present",
            ),
        };
        self.fetch_one(sql.bind(table)).await?.bool("present")
    }

    /// Whether `table` has `column` (a schema older than this binary's may not).
    pub async fn column_exists(&self, table: &str, column: &str) -> Result<bool> {
        let sql = match self.dialect() {
            Dialect::Postgres => Sql::new(
                "SELECT EXISTS (SELECT 1 FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name = $1 \
                 AND column_name = $2) AS present",
            ),
            Dialect::Sqlite => Sql::new(
                "SELECT EXISTS (SELECT 1 FROM pragma_table_info($1) WHERE name = $2) AS present",
            ),
        };
        self.fetch_one(sql.bind(table).bind(column))
            .await?
            .bool("present")
    }

    /// "PostgreSQL 15.18" or "SQLite 3.50.4".
    pub async fn server_version(&self) -> Result<String> {
        match self {
            Db::Postgres(_) => {
                let row = self
                    .fetch_one(Sql::new("SELECT current_setting('server_version') AS v"))
                    .await?;
                Ok(format!("PostgreSQL {}", row.text("v")?))
            }
            Db::Sqlite(_) => {
                let row = self
                    .fetch_one(Sql::new("SELECT sqlite_version() AS v"))
                    .await?;
                Ok(format!("SQLite {}", row.text("v")?))
            }
        }
    }

    pub async fn close(&self) {
        match self {
            Db::Postgres(p) => p.pool.close().await,
            Db::Sqlite(p) => p.close().await,
        }
    }

    /// What answered, on PostgreSQL: its version and what stands between.
    pub fn found(&self) -> Option<&Found> {
        match self {
            Db::Postgres(p) => Some(&p.found),
            Db::Sqlite(_) => None,
        }
    }

    /// Where work that needs a session of its own may run (`needs` names it, for the error):
    /// this database, or `database_direct_url` when this one goes through a pooler in
    /// transaction mode (an error when that is not set).
    pub async fn session_target(&self, needs: &str) -> Result<Option<DatabaseTarget>> {
        match self {
            Db::Postgres(p) => p
                .session_target(needs)
                .await
                .map(|url| Some(DatabaseTarget::Postgres { url })),
            Db::Sqlite(_) => Ok(None),
        }
    }

    /// This database for work that needs a session of its own (a session lock, LISTEN): this
    /// one, or `database_direct_url`'s (see [`Db::session_target`]).
    pub async fn session(&self, needs: &str) -> Result<Db> {
        match self {
            Db::Postgres(p) if !p.keeps_statements() => {
                let Some(target) = self.session_target(needs).await? else {
                    return Err(Error::internal("PostgreSQL without a session target"));
                };
                let opts = ConnectOptions {
                    pooler: Pooler::None,
                    direct: None,
                    origin: p.options().direct_origin.clone(),
                    ..p.options().clone()
                };
                Db::connect(&target, &opts).await
            }
            _ => Ok(self.clone()),
        }
    }

    /// PostgreSQL: a listener for [`CHANGES`], on a connection of its own (outside the pool,
    /// which requests keep whole) and of [`Db::session`]. `None` on SQLite: no other process
    /// can tell this one.
    pub async fn change_listener(&self) -> Result<Option<ChangeListener>> {
        match self
            .session("hearing of changes made by other processes (LISTEN)")
            .await?
        {
            Db::Postgres(p) => Ok(Some(ChangeListener {
                pool: sqlx::postgres::PgPoolOptions::new()
                    .max_connections(1)
                    // A server coming back is tried again within a fifth of this (sqlx's
                    // backoff), not of sqlx's default 30 s.
                    .acquire_timeout(p.options().timeout)
                    .max_lifetime(None)
                    .idle_timeout(None)
                    .connect_lazy_with((*p.pool.connect_options()).clone()),
            })),
            Db::Sqlite(_) => Ok(None),
        }
    }

    /// Connections open, and how many of them are idle.
    pub fn pool_use(&self) -> (u32, usize) {
        match self {
            Db::Postgres(p) => (p.pool.size(), p.pool.num_idle()),
            Db::Sqlite(p) => (p.size(), p.num_idle()),
        }
    }
}

/// A PostgreSQL transaction, with the timeouts set for it when the sessions are not ours.
async fn pg_begin(p: &Pg) -> Result<sqlx::Transaction<'static, Postgres>> {
    match p.begin_sql() {
        Some(begin) => p.pool.begin_with(AssertSqlSafe(begin)).await,
        None => p.pool.begin().await,
    }
    .map_err(from_sqlx)
}

async fn connect_sqlite(path: &Path, opts: &ConnectOptions) -> Result<Db> {
    if !path.exists() {
        if !opts.create {
            return Err(Error::not_found(format!(
                "there is no SQLite database at {}",
                path.display()
            ))
            .with_hint(
                "run `platctl init` (or `platctl migrate run`) to create it, or point \
                 --database-url / DATABASE_URL at an existing database",
            ));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| Error::io(format!("cannot create {}", dir.display()), e))?;
        }
    }
    // A file this user cannot write is opened read-only, as it is: switching it to WAL (a
    // write) would fail, and reading needs no write. Commands that change it then fail on
    // their first write, saying the database is read-only.
    let writable = !path.exists() || std::fs::OpenOptions::new().write(true).open(path).is_ok();
    let mut options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(opts.create)
        .foreign_keys(true)
        .busy_timeout(opts.timeout);
    options = if writable {
        options.journal_mode(SqliteJournalMode::Wal)
    } else {
        options.read_only(true)
    };
    // A WAL database in a directory this user cannot write has no -shm file to share: it can
    // only be read as immutable (nobody is expected to write it meanwhile).
    if !writable && !dir_writable(path) && !shm_exists(path) {
        options = options.immutable(true);
    }
    // Switching a new file to WAL needs a moment alone with it: several processes opening the
    // same fresh database at once get SQLITE_BUSY here, without the busy handler. Retry then,
    // within the connect timeout.
    let start = std::time::Instant::now();
    let pool = loop {
        let attempt = SqlitePoolOptions::new()
            .max_connections(4)
            .acquire_timeout(opts.timeout)
            .connect_with(options.clone())
            .await;
        match attempt {
            Ok(pool) => break pool,
            Err(sqlx::Error::Database(db))
                if db.code().as_deref() == Some("5") && start.elapsed() < opts.timeout =>
            {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            Err(err) => {
                return Err(Error::new(
                    ErrorKind::Connect,
                    format!("cannot open the SQLite database {}", path.display()),
                )
                .with_source(err));
            }
        }
    };
    Ok(Db::Sqlite(pool))
}

fn dir_writable(path: &Path) -> bool {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let probe = dir.join(format!(".platctl-write-probe-{}", std::process::id()));
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            true
        }
        Err(_) => false,
    }
}

fn shm_exists(path: &Path) -> bool {
    let mut shm = path.as_os_str().to_owned();
    shm.push("-shm");
    Path::new(&shm).exists()
}

/// One connection taken from the pool.
pub enum Conn {
    Pg(sqlx::pool::PoolConnection<Postgres>),
    Sqlite(sqlx::pool::PoolConnection<Sqlite>),
}

impl Conn {
    pub async fn execute(&mut self, sql: Sql) -> Result<u64> {
        match self {
            Conn::Pg(c) => pg::execute(&mut **c, &sql, true).await,
            Conn::Sqlite(c) => lite::execute(&mut **c, &sql, true).await,
        }
    }

    pub async fn fetch_optional(&mut self, sql: Sql) -> Result<Option<Row>> {
        match self {
            Conn::Pg(c) => pg::fetch_optional(&mut **c, &sql, true).await,
            Conn::Sqlite(c) => lite::fetch_optional(&mut **c, &sql, true).await,
        }
    }

    pub async fn fetch_one(&mut self, sql: Sql) -> Result<Row> {
        self.fetch_optional(sql)
            .await?
            .ok_or_else(|| Error::internal("a query that always returns a row returned none"))
    }

    /// A write transaction on this connection (`BEGIN IMMEDIATE` on SQLite).
    pub async fn begin(&mut self) -> Result<Tx<'_>> {
        match self {
            Conn::Pg(c) => Ok(Tx::Pg((**c).begin().await.map_err(from_sqlx)?, true)),
            Conn::Sqlite(c) => Ok(Tx::Sqlite(
                (**c)
                    .begin_with("BEGIN IMMEDIATE")
                    .await
                    .map_err(from_sqlx)?,
            )),
        }
    }
}

/// The PostgreSQL channel every committed change of the platform's tables is announced on
/// ([`Tx::announce_change`]), so that another process (a `platctl serve` replica) forgets what it
/// kept from before it.
pub const CHANGES: &str = "platctl_changes";

/// Waits for changes announced by any process ([`Db::change_listener`]).
pub struct ChangeListener {
    pool: sqlx::PgPool,
}

impl ChangeListener {
    /// Listen until the connection fails: `on_listening` once the subscription stands (and
    /// again after each reconnection, when announcements may have been missed), `on_change` for
    /// each announcement. Returns the error that ended it.
    pub async fn run(
        &self,
        on_listening: &(dyn Fn() + Sync),
        on_change: &(dyn Fn() + Sync),
    ) -> Error {
        let mut listener = match sqlx::postgres::PgListener::connect_with(&self.pool).await {
            Ok(listener) => listener,
            Err(e) => return from_sqlx(e),
        };
        if let Err(e) = listener.listen(CHANGES).await {
            return from_sqlx(e);
        }
        on_listening();
        loop {
            match listener.try_recv().await {
                Ok(Some(_)) => on_change(),
                // The connection was lost and made again: what was announced meanwhile is lost.
                Ok(None) => on_listening(),
                Err(e) => return from_sqlx(e),
            }
        }
    }
}

/// PostgreSQL reads in autocommit, on a pooled connection taken at the first statement: an
/// operation that needs none (a key checked from memory, a listing kept) takes none.
pub struct Reads {
    pool: sqlx::PgPool,
    conn: Option<sqlx::pool::PoolConnection<Postgres>>,
}

impl Reads {
    async fn conn(&mut self) -> std::result::Result<&mut sqlx::PgConnection, sqlx::Error> {
        let conn = match self.conn.take() {
            Some(conn) => conn,
            None => self.pool.acquire().await?,
        };
        Ok(&mut **self.conn.insert(conn))
    }
}

/// A transaction: dropped without [`Tx::commit`], it rolls back.
pub enum Tx<'c> {
    /// With whether statements are kept prepared (see [`postgres`]).
    Pg(sqlx::Transaction<'c, Postgres>, bool),
    /// Statements in autocommit ([`Db::reads`]): no COPY, nothing transaction-local.
    PgReads(Reads),
    Sqlite(sqlx::Transaction<'c, Sqlite>),
}

impl Tx<'_> {
    pub fn dialect(&self) -> Dialect {
        match self {
            Tx::Pg(..) | Tx::PgReads(_) => Dialect::Postgres,
            Tx::Sqlite(_) => Dialect::Sqlite,
        }
    }

    pub async fn execute(&mut self, sql: Sql) -> Result<u64> {
        match self {
            Tx::Pg(t, keep) => pg::execute(&mut **t, &sql, *keep).await,
            Tx::PgReads(r) => pg::execute(r.conn().await.map_err(from_sqlx)?, &sql, true).await,
            Tx::Sqlite(t) => lite::execute(&mut **t, &sql, true).await,
        }
    }

    pub async fn fetch_all(&mut self, sql: Sql) -> Result<Vec<Row>> {
        match self {
            Tx::Pg(t, keep) => pg::fetch_all(&mut **t, &sql, *keep).await,
            Tx::PgReads(r) => pg::fetch_all(r.conn().await.map_err(from_sqlx)?, &sql, true).await,
            Tx::Sqlite(t) => lite::fetch_all(&mut **t, &sql, true).await,
        }
    }

    pub async fn fetch_optional(&mut self, sql: Sql) -> Result<Option<Row>> {
        match self {
            Tx::Pg(t, keep) => pg::fetch_optional(&mut **t, &sql, *keep).await,
            Tx::PgReads(r) => {
                pg::fetch_optional(r.conn().await.map_err(from_sqlx)?, &sql, true).await
            }
            Tx::Sqlite(t) => lite::fetch_optional(&mut **t, &sql, true).await,
        }
    }

    pub async fn fetch_one(&mut self, sql: Sql) -> Result<Row> {
        self.fetch_optional(sql)
            .await?
            .ok_or_else(|| Error::internal("a query that always returns a row returned none"))
    }

    /// One statement of a script, run with the simple protocol (no bound values).
    pub async fn raw(&mut self, text: &str) -> std::result::Result<(), sqlx::Error> {
        match self {
            Tx::Pg(t, _) => pg::raw(&mut **t, text).await,
            Tx::PgReads(r) => pg::raw(r.conn().await?, text).await,
            Tx::Sqlite(t) => lite::raw(&mut **t, text).await,
        }
    }

    /// PostgreSQL only: run `COPY (query) TO STDOUT (options)` and hand each chunk of its
    /// output to `on_chunk` as it arrives. COPY takes no bound parameters, so each value of
    /// `query` is set first as a transaction-local setting (`set_config`, itself bound) and the
    /// query reads it back with `current_setting`: values still never enter the SQL text.
    /// Placeholders must be cast in the query (`CAST($1 AS uuid)`), as they arrive as text.
    pub async fn copy_out(
        &mut self,
        query: &Sql,
        options: &str,
        on_chunk: &mut (dyn FnMut(&[u8]) -> Result<()> + Send),
    ) -> Result<()> {
        use futures_util::StreamExt;
        let Tx::Pg(t, keep) = self else {
            return Err(Error::internal("COPY is PostgreSQL's"));
        };
        let mut text = query.text.to_string();
        for (i, value) in query.args.iter().enumerate().rev() {
            let n = i + 1;
            let setting = format!("platctl.p{n}");
            let value = setting_text(value)?;
            pg::execute(
                &mut **t,
                &Sql::new("SELECT set_config($1, $2, true)")
                    .bind(setting.as_str())
                    .bind(value),
                *keep,
            )
            .await?;
            text = text.replace(&format!("${n}"), &format!("current_setting('{setting}')"));
        }
        let statement = format!("COPY ({text}) TO STDOUT ({options})");
        let mut stream = t.copy_out_raw(&statement).await.map_err(from_sqlx)?;
        while let Some(chunk) = stream.next().await {
            on_chunk(&chunk.map_err(from_sqlx)?)?;
        }
        Ok(())
    }

    /// Announce on [`CHANGES`], at commit (PostgreSQL delivers notifications only then, and
    /// not at all on rollback). Nothing on SQLite.
    pub async fn announce_change(&mut self) -> Result<()> {
        match self {
            Tx::Pg(..) | Tx::PgReads(_) => self
                .execute(Sql::new("SELECT pg_notify($1, '')").bind(CHANGES))
                .await
                .map(|_| ()),
            Tx::Sqlite(_) => Ok(()),
        }
    }

    pub async fn commit(self) -> Result<()> {
        match self {
            Tx::Pg(t, _) => t.commit().await,
            Tx::PgReads(_) => Ok(()),
            Tx::Sqlite(t) => t.commit().await,
        }
        .map_err(from_sqlx)
    }
}

/// A bound value as the text PostgreSQL parses back into it.
fn setting_text(value: &Value) -> Result<String> {
    let text = match value {
        Value::Text(Some(t)) => t.clone(),
        Value::Int(Some(i)) => i.to_string(),
        Value::Bool(Some(b)) => b.to_string(),
        Value::Uuid(Some(u)) => u.to_string(),
        Value::Time(Some(t)) => t.to_rfc3339(),
        Value::Json(Some(j)) => j.to_string(),
        Value::Ip(Some(ip)) => ip.to_string(),
        _ => return Err(Error::internal("COPY parameters must be set scalars")),
    };
    Ok(text)
}

// --- where -----------------------------------------------------------------------------------

/// The database platctl operates on, parsed from a URL or a path.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseTarget {
    Postgres { url: String },
    Sqlite { path: PathBuf },
}

pub const SUPPORTED_SCHEMES: &str =
    "postgres://, postgresql://, sqlite://, or a path to a SQLite file";

impl DatabaseTarget {
    pub fn parse(text: &str) -> Result<Self> {
        let text = text.trim();
        if text.is_empty() {
            return Err(Error::usage("the database URL is empty")
                .with_hint(format!("use one of {SUPPORTED_SCHEMES}")));
        }
        let lower = text.to_ascii_lowercase();
        if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
            return Ok(DatabaseTarget::Postgres {
                url: text.to_string(),
            });
        }
        if let Some(rest) = lower.strip_prefix("sqlite:") {
            let offset = text.len() - rest.len();
            let rest = &text[offset..];
            let rest = rest.strip_prefix("//").unwrap_or(rest);
            let path = rest.split('?').next().unwrap_or("");
            if path.is_empty() || path == ":memory:" {
                return Err(Error::usage(format!(
                    "`{}` names no SQLite file",
                    redact::redact_url(text)
                ))
                .with_hint("give a file, e.g. sqlite:///var/lib/platctl/platform.db"));
            }
            return Ok(DatabaseTarget::Sqlite {
                path: PathBuf::from(path),
            });
        }
        if is_keyword_dsn(text) {
            // Never echo it: it holds a password more often than not.
            return Err(Error::usage(
                "the database is given as a keyword/value connection string \
                 (host=... dbname=...); platctl takes a URL",
            )
            .with_hint(
                "write it as postgres://USER:PASSWORD@HOST:PORT/DATABASE (percent-encode special \
                 characters: # as %23, / as %2F, ? as %3F, @ as %40), or leave the password out \
                 and set PGPASSWORD or ~/.pgpass",
            ));
        }
        if let Some((scheme, _)) = text.split_once("://") {
            return Err(Error::usage(format!(
                "unsupported database URL scheme {}",
                quote(&format!("{scheme}://"))
            ))
            .with_hint(format!("platctl supports {SUPPORTED_SCHEMES}")));
        }
        Ok(DatabaseTarget::Sqlite {
            path: PathBuf::from(text),
        })
    }

    /// The URL with its password masked, for people.
    pub fn display(&self) -> String {
        match self {
            DatabaseTarget::Postgres { url } => redact::redact_url(url),
            DatabaseTarget::Sqlite { path } => format!("sqlite://{}", path.display()),
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            DatabaseTarget::Postgres { .. } => "postgres",
            DatabaseTarget::Sqlite { .. } => "sqlite",
        }
    }
}

/// `host=db port=5432 dbname=app password=...`: libpq's keyword/value form (never a file name
/// platctl would create: its first word is a libpq keyword followed by `=`).
fn is_keyword_dsn(text: &str) -> bool {
    const KEYWORDS: [&str; 10] = [
        "host", "hostaddr", "port", "dbname", "user", "password", "sslmode", "service", "passfile",
        "options",
    ];
    text.split_whitespace().any(|word| {
        word.split_once('=')
            .is_some_and(|(k, _)| KEYWORDS.iter().any(|kw| k.eq_ignore_ascii_case(kw)))
    })
}

impl fmt::Debug for DatabaseTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}
