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

use std::collections::{BTreeMap, VecDeque};
use std::io::{BufRead, BufReader, Read};
use std::str::FromStr;
use std::sync::{Arc, Mutex};

use sqlx::postgres::PgConnectOptions;
use sqlx::{AssertSqlSafe, Connection, PgConnection};
use tokio::sync::{mpsc, oneshot};

use crate::error::{Error, ErrorKind, Result};

/// Rows are dealt out in batches of about this many bytes.
const BATCH: usize = 1 << 20;

#[derive(Debug)]
enum Cmd {
    /// Run one statement (its first line number in the dump, for errors).
    Exec(String, usize),
    CopyStart(String),
    CopyData(Vec<u8>),
    CopyEnd,
    Barrier(oneshot::Sender<()>),
    /// Take statements from a queue shared by all connections until it is empty.
    Drain(Arc<Mutex<VecDeque<(String, usize)>>>),
}

/// Tracks quotes, dollar quotes and comments across lines, to tell where a statement ends.
#[derive(Default)]
struct Scanner {
    text: String,
    first_line: usize,
    single: bool,
    double: bool,
    dollar: Option<String>,
    block: usize,
    last_significant: Option<char>,
}

impl Scanner {
    fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Add a line; true when the statement is complete at its end.
    fn push(&mut self, line: &str, number: usize) -> bool {
        if self.text.is_empty() {
            self.first_line = number;
        }
        self.text.push_str(line);
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let next = chars.get(i + 1).copied();
            if let Some(tag) = &self.dollar {
                let tag: Vec<char> = tag.chars().collect();
                if chars[i..].starts_with(&tag) {
                    i += tag.len();
                    self.dollar = None;
                    self.last_significant = Some('$');
                } else {
                    i += 1;
                }
                continue;
            }
            if self.block > 0 {
                if c == '*' && next == Some('/') {
                    self.block -= 1;
                    i += 2;
                } else if c == '/' && next == Some('*') {
                    self.block += 1;
                    i += 2;
                } else {
                    i += 1;
                }
                continue;
            }
            if self.single {
                if c == '\'' {
                    self.single = false;
                }
                i += 1;
                continue;
            }
            if self.double {
                if c == '"' {
                    self.double = false;
                }
                i += 1;
                continue;
            }
            match c {
                '-' if next == Some('-') => break,
                '/' if next == Some('*') => {
                    self.block += 1;
                    i += 2;
                    continue;
                }
                '\'' => self.single = true,
                '"' => self.double = true,
                '$' => {
                    let mut j = i + 1;
                    while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
                        j += 1;
                    }
                    let is_tag = chars.get(j) == Some(&'$')
                        && !chars.get(i + 1).is_some_and(|d| d.is_ascii_digit());
                    if is_tag {
                        self.dollar = Some(chars[i..=j].iter().collect());
                        i = j + 1;
                        continue;
                    }
                }
                _ => {}
            }
            if !c.is_whitespace() {
                self.last_significant = Some(c);
            }
            i += 1;
        }
        !self.single
            && !self.double
            && self.dollar.is_none()
            && self.block == 0
            && self.last_significant == Some(';')
    }

    fn take(&mut self) -> (String, usize) {
        let text = std::mem::take(&mut self.text);
        let line = self.first_line;
        *self = Scanner::default();
        (text.trim().to_string(), line)
    }
}

fn summary(statement: &str) -> String {
    let first = statement.lines().next().unwrap_or("").trim();
    if first.chars().count() > 80 {
        format!("{}...", first.chars().take(77).collect::<String>())
    } else {
        first.to_string()
    }
}

async fn exec(conn: &mut PgConnection, statement: &str, line: usize) -> Result<()> {
    sqlx::raw_sql(AssertSqlSafe(statement))
        .execute(conn)
        .await
        .map_err(|e| {
            let detail = match &e {
                sqlx::Error::Database(db) => db.message().to_string(),
                other => other.to_string(),
            };
            Error::new(
                ErrorKind::Database,
                format!(
                    "the restore failed at line {line} of the dump (`{}`): {detail}",
                    summary(statement)
                ),
            )
        })?;
    Ok(())
}

type Counts = Arc<Mutex<BTreeMap<String, u64>>>;

/// One connection working through its commands; adds the rows each COPY loaded to `copied`.
async fn connection_task(
    mut conn: PgConnection,
    mut rx: mpsc::Receiver<Cmd>,
    copied: Counts,
) -> Result<()> {
    while let Some(cmd) = rx.recv().await {
        match cmd {
            Cmd::Exec(statement, line) => exec(&mut conn, &statement, line).await?,
            Cmd::Drain(queue) => loop {
                let next = queue.lock().ok().and_then(|mut q| q.pop_front());
                let Some((statement, line)) = next else { break };
                exec(&mut conn, &statement, line).await?;
            },
            Cmd::CopyStart(header) => {
                let table = copy_table(&header);
                let mut copy = conn
                    .copy_in_raw(&header)
                    .await
                    .map_err(crate::db::from_sqlx)?;
                loop {
                    match rx.recv().await {
                        Some(Cmd::CopyData(data)) => {
                            copy.send(data).await.map_err(crate::db::from_sqlx)?;
                        }
                        Some(Cmd::CopyEnd) => {
                            let rows = copy.finish().await.map_err(|e| {
                                let detail = match &e {
                                    sqlx::Error::Database(db) => db.message().to_string(),
                                    other => other.to_string(),
                                };
                                Error::new(
                                    ErrorKind::Database,
                                    format!("loading {table} failed: {detail}"),
                                )
                            })?;
                            if let Ok(mut c) = copied.lock() {
                                *c.entry(table).or_insert(0) += rows;
                            }
                            break;
                        }
                        Some(Cmd::Barrier(reply)) => {
                            let _ = reply.send(());
                        }
                        Some(other) => {
                            let _ = copy.abort("protocol error").await;
                            return Err(Error::internal(format!(
                                "unexpected {other:?} inside COPY"
                            )));
                        }
                        None => {
                            let _ = copy.abort("the restore stopped").await;
                            return Ok(());
                        }
                    }
                }
            }
            Cmd::CopyData(_) | Cmd::CopyEnd => {
                return Err(Error::internal("COPY data outside COPY"));
            }
            Cmd::Barrier(reply) => {
                let _ = reply.send(());
            }
        }
    }
    let _ = conn.close().await;
    Ok(())
}

/// `public.t` out of `COPY public.t (a, b) FROM stdin;`.
fn copy_table(header: &str) -> String {
    header
        .trim_start_matches("COPY ")
        .split(" (")
        .next()
        .unwrap_or("")
        .trim_end_matches(" FROM stdin;")
        .to_string()
}

/// Everything the dispatcher needs, owned, to run on a blocking thread.
struct Dispatch {
    senders: Vec<mpsc::Sender<Cmd>>,
    transactional: bool,
    clean_prelude: Vec<String>,
    /// Rows per table, from the manifest: what every COPY must add up to, and the order of
    /// index builds (big tables first).
    weights: BTreeMap<String, u64>,
    copied: Counts,
    /// Connections that build indexes at once: one per core (sorts do not share a core well).
    index_jobs: usize,
    /// Run on the first connection once everything is loaded and checked: `COMMIT` in the
    /// transactional mode, the removal of the unfinished-restore mark otherwise.
    epilogue: Vec<String>,
}

fn closed() -> Error {
    Error::new(ErrorKind::Database, "a restore connection stopped")
}

impl Dispatch {
    fn send(&self, i: usize, cmd: Cmd) -> Result<()> {
        self.senders[i].blocking_send(cmd).map_err(|_| closed())
    }

    fn barrier(&self, which: impl Iterator<Item = usize>) -> Result<()> {
        let mut waits = Vec::new();
        for i in which {
            let (tx, rx) = oneshot::channel();
            self.send(i, Cmd::Barrier(tx))?;
            waits.push(rx);
        }
        for rx in waits {
            rx.blocking_recv().map_err(|_| closed())?;
        }
        Ok(())
    }

    /// Read the decompressed dump and hand out the work. `finish` decides, once the input is
    /// consumed, whether to commit (transactional mode).
    fn run(self, input: impl Read, finish: impl FnOnce() -> bool) -> Result<()> {
        let k = self.senders.len();
        let mut reader = BufReader::with_capacity(256 * 1024, input);
        let mut scanner = Scanner::default();
        let mut line = Vec::new();
        let mut number = 0usize;
        let mut copy: Option<(String, Vec<bool>, Vec<u8>, usize)> = None;
        let mut preamble: Vec<String> = Vec::new();
        let mut workers_started = false;
        let mut main_dirty = false;
        let mut workers_dirty = false;
        // Index and key builds after the data, run on every connection at once.
        let mut indexes: VecDeque<(String, usize)> = VecDeque::new();

        if self.transactional {
            self.send(0, Cmd::Exec("BEGIN".into(), 0))?;
        }
        for statement in &self.clean_prelude {
            self.send(0, Cmd::Exec(statement.clone(), 0))?;
        }
        loop {
            line.clear();
            let n = reader
                .read_until(b'\n', &mut line)
                .map_err(|e| Error::io("reading the backup failed", e))?;
            if n == 0 {
                break;
            }
            number += 1;
            if let Some((header, started, batch, next)) = &mut copy {
                if line == b"\\.\n" || line == b"\\." {
                    if !batch.is_empty() {
                        deal(&self, header, started, batch, next, &mut workers_dirty)?;
                    }
                    for (i, s) in started.iter().enumerate() {
                        if *s {
                            self.send(i, Cmd::CopyEnd)?;
                        }
                    }
                    copy = None;
                    continue;
                }
                batch.extend_from_slice(&line);
                if batch.len() >= BATCH {
                    deal(&self, header, started, batch, next, &mut workers_dirty)?;
                }
                continue;
            }
            let text = String::from_utf8_lossy(&line);
            if scanner.is_empty() {
                let trimmed = text.trim();
                // psql meta-commands (\restrict, \unrestrict), comments, blank lines.
                if trimmed.is_empty() || trimmed.starts_with("--") || trimmed.starts_with('\\') {
                    continue;
                }
            }
            if !scanner.push(&text, number) {
                continue;
            }
            let (statement, first_line) = scanner.take();
            if statement.starts_with("COPY ") && statement.ends_with("FROM stdin;") {
                // The tables must exist (committed) before other connections load them.
                if main_dirty && k > 1 && !self.transactional {
                    self.barrier(0..1)?;
                    main_dirty = false;
                }
                if !workers_started {
                    for i in 1..k {
                        for p in &preamble {
                            self.send(i, Cmd::Exec(p.clone(), 0))?;
                        }
                    }
                    workers_started = true;
                }
                copy = Some((
                    statement,
                    vec![false; k],
                    Vec::with_capacity(BATCH + 4096),
                    0,
                ));
                continue;
            }
            let is_setting = statement.starts_with("SET ")
                || statement.starts_with("SELECT pg_catalog.set_config(");
            if is_setting && !workers_started {
                preamble.push(statement.clone());
            }
            if workers_started && k > 1 && !self.transactional && is_index_build(&statement) {
                indexes.push_back((statement, first_line));
                continue;
            }
            self.drain(&mut indexes, &mut workers_dirty)?;
            let is_setval = statement.starts_with("SELECT pg_catalog.setval(");
            if workers_dirty && !is_setval {
                // Indexes and constraints see every row: wait for all loads to finish.
                self.barrier(1..k)?;
                workers_dirty = false;
            }
            self.send(0, Cmd::Exec(statement, first_line))?;
            main_dirty = true;
        }
        if copy.is_some() {
            return Err(Error::refused(
                "the dump ends inside a COPY block: it is truncated",
            ));
        }
        if !scanner.is_empty() {
            return Err(Error::refused("the dump ends in the middle of a statement"));
        }
        self.drain(&mut indexes, &mut workers_dirty)?;
        self.barrier(0..k)?;
        if !finish() {
            return Err(Error::refused(
                "the backup's SHA-256 did not match at the end of the restore",
            ));
        }
        // COPY reported the rows it loaded: they must be the rows the manifest counted.
        let copied = self.copied.lock().map(|c| c.clone()).unwrap_or_default();
        for (table, expected) in &self.weights {
            let loaded = copied.get(table).copied().unwrap_or(0);
            if loaded != *expected {
                return Err(Error::new(
                    ErrorKind::Database,
                    format!(
                        "{table}: {loaded} rows were restored, the manifest counted {expected}"
                    ),
                ));
            }
        }
        for statement in &self.epilogue {
            self.send(0, Cmd::Exec(statement.clone(), 0))?;
        }
        self.barrier(0..1)?;
        Ok(())
    }
}

/// Indexes, primary keys and unique constraints: each touches one table and needs all its rows.
fn is_index_build(statement: &str) -> bool {
    statement.starts_with("CREATE INDEX ")
        || statement.starts_with("CREATE UNIQUE INDEX ")
        || (statement.starts_with("ALTER TABLE ONLY ")
            && (statement.contains(" PRIMARY KEY ") || statement.contains(" UNIQUE "))
            && !statement.contains("FOREIGN KEY"))
}

impl Dispatch {
    /// Run the queued index builds on all connections, once every load has finished.
    fn drain(&self, queue: &mut VecDeque<(String, usize)>, workers_dirty: &mut bool) -> Result<()> {
        if queue.is_empty() {
            return Ok(());
        }
        let k = self.senders.len();
        self.barrier(0..k)?;
        *workers_dirty = false;
        // Longest first (by the rows of the table each builds on), so the small ones fill the
        // gaps at the end.
        let mut work: Vec<(String, usize)> = std::mem::take(queue).into();
        work.sort_by_key(|(statement, _)| {
            std::cmp::Reverse(
                self.weights
                    .get(&index_table(statement))
                    .copied()
                    .unwrap_or(0),
            )
        });
        let shared = Arc::new(Mutex::new(VecDeque::from(work)));
        let n = self.index_jobs.clamp(1, k);
        for i in 0..n {
            self.send(i, Cmd::Drain(Arc::clone(&shared)))?;
        }
        self.barrier(0..n)
    }
}

/// The table an index build works on: `... ON [ONLY] public.t USING ...` or
/// `ALTER TABLE ONLY public.t ...`.
fn index_table(statement: &str) -> String {
    let after = if let Some(rest) = statement.strip_prefix("ALTER TABLE ONLY ") {
        rest
    } else if let Some((_, rest)) = statement.split_once(" ON ") {
        rest.strip_prefix("ONLY ").unwrap_or(rest)
    } else {
        return String::new();
    };
    after.split_whitespace().next().unwrap_or("").to_string()
}

/// Send the current batch to the next connection, starting its COPY if needed.
fn deal(
    d: &Dispatch,
    header: &str,
    started: &mut [bool],
    batch: &mut Vec<u8>,
    next: &mut usize,
    workers_dirty: &mut bool,
) -> Result<()> {
    let i = *next;
    if !started[i] {
        d.send(i, Cmd::CopyStart(header.to_string()))?;
        started[i] = true;
    }
    d.send(
        i,
        Cmd::CopyData(std::mem::replace(batch, Vec::with_capacity(BATCH + 4096))),
    )?;
    if i > 0 {
        *workers_dirty = true;
    }
    *next = (i + 1) % started.len();
    Ok(())
}

async fn connect(url: &str, parallel: bool) -> Result<PgConnection> {
    let options = PgConnectOptions::from_str(url)
        .map_err(|_| Error::usage("the restore target is not a valid PostgreSQL URL"))?
        .application_name(APPLICATION_NAME);
    let mut conn = PgConnection::connect_with(&options)
        .await
        .map_err(crate::db::from_sqlx)?;
    // Index builds get more memory; commits need not wait for the disk (the restore is
    // checked as a whole at the end).
    sqlx::raw_sql("SET maintenance_work_mem = '256MB'; SET synchronous_commit = off")
        .execute(&mut conn)
        .await
        .map_err(crate::db::from_sqlx)?;
    if parallel {
        // Our connections already build several indexes at once: no extra workers each.
        sqlx::raw_sql("SET max_parallel_maintenance_workers = 0")
            .execute(&mut conn)
            .await
            .map_err(crate::db::from_sqlx)?;
    }
    Ok(conn)
}

/// How restore connections name themselves (`pg_stat_activity.application_name`).
const APPLICATION_NAME: &str = "platctl restore";

/// Drop every schema but the system ones and recreate `public`.
pub const CLEAN: [&str; 2] = [
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

async fn run_all(conn: &mut PgConnection, statements: &[&str]) -> Result<()> {
    for statement in statements {
        sqlx::raw_sql(AssertSqlSafe(*statement))
            .execute(&mut *conn)
            .await
            .map_err(crate::db::from_sqlx)?;
    }
    Ok(())
}

/// Empty the target after a failed parallel restore (it was empty before), holding its lock
/// (which our stopped connections release as they end).
async fn empty_again(url: &str) -> Result<()> {
    let mut conn = connect(url, false).await?;
    let started = std::time::Instant::now();
    loop {
        let locked: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1, $2)")
            .bind(super::marker::LOCK.0)
            .bind(super::marker::LOCK.1)
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

/// Which restore this is, for the mark it leaves while it runs.
#[derive(Debug, Clone)]
pub struct Mark {
    pub backup_id: String,
    pub storage: String,
}

/// What the target held when the restore took its lock.
enum Found {
    Empty,
    /// An unfinished restore of another run, which is dead (we hold the lock).
    Unfinished(super::marker::Unfinished),
    InUse,
}

/// Take the target's restore lock on `conn`. A restore still running elsewhere keeps it: wait
/// up to a minute for it; the orphan connections of a restore killed on this host are ended.
async fn lock_target(conn: &mut PgConnection, url: &str, display: &str) -> Result<()> {
    let started = std::time::Instant::now();
    loop {
        let locked: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1, $2)")
            .bind(super::marker::LOCK.0)
            .bind(super::marker::LOCK.1)
            .fetch_one(&mut *conn)
            .await
            .map_err(crate::db::from_sqlx)?;
        if locked {
            return Ok(());
        }
        let unfinished = unfinished_at(url).await?;
        if let Some(u) = &unfinished
            && u.process_is_gone()
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
async fn unfinished_at(url: &str) -> Result<Option<super::marker::Unfinished>> {
    let db = crate::db::Db::connect(
        &crate::settings::DatabaseTarget::Postgres {
            url: url.to_string(),
        },
        &crate::db::ConnectOptions {
            create: false,
            timeout: std::time::Duration::from_secs(10),
            origin: "the restore target's URL".into(),
        },
    )
    .await?;
    let unfinished = super::marker::read(&db).await;
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

/// What a restore did before it loaded anything.
pub struct Restore {
    /// Rows loaded per table (as `COPY` reported them).
    pub rows: BTreeMap<String, u64>,
    /// The unfinished restore that was emptied first, if there was one.
    pub replaced: Option<super::marker::Unfinished>,
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
        let (tx, rx) = mpsc::channel::<Cmd>(4);
        senders.push(tx);
        tasks.push(tokio::spawn(connection_task(conn, rx, Arc::clone(&copied))));
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
        index_jobs: std::thread::available_parallelism().map_or(2, |n| n.get()),
        epilogue: vec![if clean { "COMMIT" } else { super::marker::DROP }.to_string()],
    };
    let work = async {
        // The input blocks on reads: build it and read it on a blocking thread.
        let dispatched = tokio::task::spawn_blocking(move || dispatch.run(input(), verified))
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
            terminate(url, &pids).await;
            let put_back = if clean {
                Ok(
                    "the restore ran in one transaction and was rolled back: the target is as it \
                    was"
                    .to_string(),
                )
            } else {
                empty_again(url)
                    .await
                    .map(|()| {
                        "the target was emptied again, as it was before the restore".to_string()
                    })
                    .map_err(|c| {
                        format!(
                            "emptying the target again failed too ({}): it is marked as an \
                             unfinished restore, and the next `platctl backup restore` into it \
                             empties it first",
                            c.message()
                        )
                    })
            };
            match stop {
                Stop::Failed(e) => Err(e.with_hint(put_back.unwrap_or_else(|m| m))),
                Stop::Signalled(signal) => Err(crate::interrupt::stopped(
                    signal,
                    &format!(
                        "the restore was stopped; {}",
                        put_back.unwrap_or_else(|m| m)
                    ),
                )),
            }
        }
    }
}

enum Stop {
    Failed(Error),
    Signalled(crate::interrupt::Signal),
}

/// Under the target's lock: check what it holds, empty an unfinished restore, and mark the
/// target as being restored (parallel mode). Returns the unfinished restore it replaced.
async fn prepare(
    conn: &mut PgConnection,
    url: &str,
    display: &str,
    clean: bool,
    mark: &Mark,
) -> Result<Option<super::marker::Unfinished>> {
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
        run_all(conn, &super::marker::CREATE).await?;
        sqlx::query(super::marker::INSERT)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_end_at_top_level_semicolons() {
        let mut s = Scanner::default();
        assert!(!s.push("CREATE FUNCTION f() RETURNS int AS $$\n", 1));
        assert!(!s.push("BEGIN RETURN 1; END;\n", 2));
        assert!(s.push("$$ LANGUAGE plpgsql;\n", 3));
        let (text, line) = s.take();
        assert_eq!(line, 1);
        assert!(text.ends_with("plpgsql;"));
        assert!(!s.push("COMMENT ON TABLE t IS 'a;\n", 4));
        assert!(s.push("b';\n", 5));
        s.take();
        assert!(s.push("SELECT 1; -- trailing comment\n", 6));
    }

    #[test]
    fn index_builds_name_their_table() {
        assert_eq!(
            index_table("CREATE INDEX i ON public.t USING btree (a);"),
            "public.t"
        );
        assert_eq!(
            index_table("ALTER TABLE ONLY public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);"),
            "public.t"
        );
        assert_eq!(
            index_table("CREATE UNIQUE INDEX u ON ONLY public.p USING btree (a);"),
            "public.p"
        );
    }

    #[test]
    fn copy_headers_name_their_table() {
        assert_eq!(copy_table("COPY public.t (a, b) FROM stdin;"), "public.t");
        assert_eq!(
            copy_table("COPY public.\"x y\" FROM stdin;"),
            "public.\"x y\""
        );
    }
}
