//! The restore's connections and the work dealt out to them. Each connection runs a task that
//! takes commands from its own channel (statements, `COPY` loads, index builds, barriers); the
//! dispatcher, on a blocking thread, reads the dump's statements in order and decides which
//! connection runs what, and when the others must have finished first (a table is created
//! before its rows load, all rows load before an index is built).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use sqlx::{AssertSqlSafe, Connection, PgConnection};
use tokio::sync::{mpsc, oneshot};

use super::scan::{BLOCK, Lines, Scanner, copy_table, index_table, is_index_build, key_columns};
use crate::error::{Error, ErrorKind, Result};

/// How restore connections name themselves (`pg_stat_activity.application_name`).
pub(super) const APPLICATION_NAME: &str = "platctl restore";

/// `maintenance_work_mem` of the restore's connections (kB), and what index builds other than
/// B-tree get: GIN and others build faster with more memory.
const MEMORY: u64 = 256 << 10;

/// The least sort memory a B-tree build gets (kB).
const BTREE_MEMORY_MIN: u64 = 16 << 10;

pub(super) async fn connect(url: &str, parallel: bool) -> Result<PgConnection> {
    // As the pool connects (TLS as libpq does it), with no timeouts of platctl's on the
    // statements: an index build of a big table may take longer than any.
    let opts = crate::db::ConnectOptions::plain(
        std::time::Duration::from_secs(30),
        "the restore target's URL",
    );
    let mut conn = crate::db::connect_single(url, APPLICATION_NAME, &opts).await?;
    // Index builds other than B-tree get more memory (B-tree builds set their own, see
    // `build_memory`); commits need not wait for the disk (the restore is checked as a whole
    // at the end).
    let settings = format!("SET maintenance_work_mem = '{MEMORY}kB'; SET synchronous_commit = off");
    sqlx::raw_sql(AssertSqlSafe(settings))
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

#[derive(Debug)]
pub(super) enum Cmd {
    /// Run one statement (its first line number in the dump, for errors; 0: not the dump's).
    Exec(String, usize),
    /// Load rows of a table with batches from its queue until it closes.
    Copy(Load),
    Barrier(oneshot::Sender<()>),
    /// Run one index build.
    Build(Build),
    /// Run the ready index builds until there are none.
    Drain,
}

/// An index (or key) build, the sort memory it gets, and what the builds' queue needs to know
/// to order it.
#[derive(Debug)]
pub(super) struct Build {
    statement: String,
    /// Its first line in the dump; 0 for a build started before the dump reached it.
    line: usize,
    /// `maintenance_work_mem`, in kB.
    memory: u64,
    table: String,
    /// A key added by `ALTER TABLE` takes the table's exclusive lock: it never runs beside
    /// another build of the same table (which would only wait for it).
    exclusive: bool,
    /// Guessed from the rows of its table and the columns of its key (a sort compares them).
    cost: u64,
}

/// The index builds ready to run (their tables loaded), longest first, shared by every
/// connection, and the builds running now.
#[derive(Debug)]
pub(super) struct Builds {
    queue: Vec<Build>,
    running: Vec<(String, bool)>,
    /// Builds that run at once: one per core (sorts do not share a core well).
    limit: usize,
}

pub(super) type SharedBuilds = Arc<Mutex<Builds>>;

impl Builds {
    pub(super) fn new(limit: usize) -> Builds {
        Builds {
            queue: Vec::new(),
            running: Vec::new(),
            limit: limit.max(1),
        }
    }

    fn add(&mut self, builds: Vec<Build>) {
        self.queue.extend(builds);
        // Longest first, so the small ones fill the gaps at the end.
        self.queue.sort_by_key(|b| std::cmp::Reverse(b.cost));
    }

    /// The longest build that can run beside those running now; none when every one left
    /// would wait for a running one, or `limit` run already (the connections running them
    /// take the rest when they are done).
    fn take(&mut self) -> Option<Build> {
        let build = self.queue.remove(self.next()?);
        self.running.push((build.table.clone(), build.exclusive));
        Some(build)
    }

    fn done(&mut self, table: &str, exclusive: bool) {
        if let Some(at) = self
            .running
            .iter()
            .position(|(t, x)| t == table && *x == exclusive)
        {
            self.running.remove(at);
        }
    }

    /// Where in the queue the build `take` would take is; none while `limit` builds run.
    fn next(&self) -> Option<usize> {
        if self.running.len() >= self.limit {
            return None;
        }
        self.queue.iter().position(|b| {
            !self
                .running
                .iter()
                .any(|(table, exclusive)| *table == b.table && (*exclusive || b.exclusive))
        })
    }
}

/// One connection's part in loading a table: the rows come from `batches`, shared by every
/// connection loading it. The first (`primary`) takes them at once; the others run the index
/// builds that are ready first, and leave the load for builds that become ready.
#[derive(Debug)]
pub(super) struct Load {
    header: String,
    batches: Batches,
    primary: bool,
    table: Arc<Mutex<Loading>>,
}

/// A table being loaded: the connections loading it now, whether its rows are all taken, and
/// the builds that become ready when both are done.
#[derive(Debug, Default)]
pub(super) struct Loading {
    active: usize,
    drained: bool,
    builds: Vec<Build>,
}

impl Load {
    /// Join the load; false when its rows are all taken already.
    fn join(&self) -> bool {
        match self.table.lock() {
            Ok(mut t) if !t.drained => {
                t.active += 1;
                true
            }
            _ => false,
        }
    }

    /// Leave the load (`drained`: no rows are left); the last to leave a drained table makes
    /// its builds ready.
    fn leave(&self, drained: bool, ready: &SharedBuilds) {
        let builds = match self.table.lock() {
            Ok(mut t) => {
                t.active = t.active.saturating_sub(1);
                t.drained |= drained;
                if t.drained && t.active == 0 {
                    std::mem::take(&mut t.builds)
                } else {
                    Vec::new()
                }
            }
            Err(_) => Vec::new(),
        };
        if !builds.is_empty()
            && let Ok(mut ready) = ready.lock()
        {
            ready.add(builds);
        }
    }
}

pub(super) type Counts = Arc<Mutex<BTreeMap<String, u64>>>;

/// One connection working through its commands; adds the rows each COPY loaded to `copied`
/// and takes index builds from `ready`.
pub(super) async fn connection_task(
    mut conn: PgConnection,
    mut rx: mpsc::Receiver<Cmd>,
    copied: Counts,
    ready: SharedBuilds,
) -> Result<()> {
    // This connection's maintenance_work_mem (kB), as `connect` set it.
    let mut memory = MEMORY;
    while let Some(cmd) = rx.recv().await {
        match cmd {
            Cmd::Exec(statement, line) => exec(&mut conn, &statement, line).await?,
            Cmd::Build(build) => run_build(&mut conn, &mut memory, build).await?,
            Cmd::Drain => run_ready(&mut conn, &mut memory, &ready).await?,
            Cmd::Copy(load) => loop {
                if !load.primary {
                    run_ready(&mut conn, &mut memory, &ready).await?;
                }
                if !load.join() {
                    break;
                }
                let drained = copy(&mut conn, &load, &copied, &ready).await?;
                load.leave(drained, &ready);
                if drained {
                    break;
                }
            },
            Cmd::Barrier(reply) => {
                let _ = reply.send(());
            }
        }
    }
    let _ = conn.close().await;
    Ok(())
}

/// Load batches of `load` in one `COPY` until none are left (true), or, for a connection that
/// is not the load's first, until an index build is ready (false).
async fn copy(
    conn: &mut PgConnection,
    load: &Load,
    copied: &Counts,
    ready: &SharedBuilds,
) -> Result<bool> {
    // The other connections may have taken every batch already.
    let Some(first) = load.batches.lock().await.recv().await else {
        return Ok(true);
    };
    let table = copy_table(&load.header);
    let mut copy = conn
        .copy_in_raw(&load.header)
        .await
        .map_err(crate::db::from_sqlx)?;
    let mut next = Some(first);
    let mut drained = false;
    while let Some(data) = next {
        copy.send(data).await.map_err(crate::db::from_sqlx)?;
        let builds_wait = !load.primary && ready.lock().is_ok_and(|r| r.next().is_some());
        if builds_wait {
            break;
        }
        next = load.batches.lock().await.recv().await;
        drained = next.is_none();
    }
    // A row the database refused names the table; anything else (the server gone mid-COPY)
    // is what it is everywhere: a lost connection, said so.
    let rows = copy.finish().await.map_err(|e| match &e {
        sqlx::Error::Database(db) => Error::new(
            ErrorKind::Database,
            format!("loading {table} failed: {}", db.message()),
        ),
        _ => crate::db::from_sqlx(e).during(format!("loading {table}")),
    })?;
    if let Ok(mut c) = copied.lock() {
        *c.entry(table).or_insert(0) += rows;
    }
    Ok(drained)
}

/// Run ready index builds until none is left that can run beside the others'.
async fn run_ready(conn: &mut PgConnection, memory: &mut u64, ready: &SharedBuilds) -> Result<()> {
    loop {
        let next = ready.lock().ok().and_then(|mut r| r.take());
        let Some(build) = next else { return Ok(()) };
        let (table, exclusive) = (build.table.clone(), build.exclusive);
        let outcome = run_build(conn, memory, build).await;
        if let Ok(mut r) = ready.lock() {
            r.done(&table, exclusive);
        }
        outcome?;
    }
}

async fn exec(conn: &mut PgConnection, statement: &str, line: usize) -> Result<()> {
    sqlx::raw_sql(AssertSqlSafe(statement))
        .execute(conn)
        .await
        .map_err(|e| {
            let detail = match &e {
                sqlx::Error::Database(db) => db.message().to_string(),
                // The server is gone: no statement of the dump is to blame.
                _ => {
                    return crate::db::from_sqlx(e)
                        .during(format!("the restore{}", at_line(line)))
                        .with_hint(
                            "run the restore again once the database is back: an unfinished \
                             restore is marked in its target, which refuses other commands \
                             until one finishes",
                        );
                }
            };
            Error::new(
                ErrorKind::Database,
                format!(
                    "the restore failed{} (`{}`): {detail}",
                    at_line(line),
                    summary(statement)
                ),
            )
        })?;
    Ok(())
}

/// `, at line N of the dump`, or nothing for a statement of platctl's own (line 0).
fn at_line(line: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(" at line {line} of the dump")
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

/// Run an index build with its sort memory.
async fn run_build(conn: &mut PgConnection, memory: &mut u64, build: Build) -> Result<()> {
    if build.memory != *memory {
        let set = format!("SET maintenance_work_mem = '{}kB'", build.memory);
        sqlx::raw_sql(AssertSqlSafe(set))
            .execute(&mut *conn)
            .await
            .map_err(crate::db::from_sqlx)?;
        *memory = build.memory;
    }
    if build.line > 0 {
        return exec(conn, &build.statement, build.line).await;
    }
    // A build made ready early, its text from the manifest: one statement only (the extended
    // protocol refuses more), in the database's default tablespace whatever `SET` the dump
    // made on this connection (the manifest lists no build placed elsewhere).
    exec(conn, "BEGIN; SET LOCAL default_tablespace = ''", 0).await?;
    sqlx::query(AssertSqlSafe(build.statement.clone()))
        .persistent(false)
        .execute(&mut *conn)
        .await
        .map_err(|e| {
            let detail = match &e {
                sqlx::Error::Database(db) => db.message().to_string(),
                other => other.to_string(),
            };
            Error::new(
                ErrorKind::Database,
                format!(
                    "the restore failed building an index of {} (`{}`, listed in the manifest): \
                     {detail}",
                    build.table,
                    summary(&build.statement)
                ),
            )
        })?;
    exec(conn, "COMMIT", 0).await
}

/// The sort memory for an index build on a table of `rows` rows (kB).
///
/// A B-tree build sorts its keys. With more memory than the CPU caches hold, PostgreSQL sorts
/// in memory with a quicksort whose comparisons miss the caches; with less, it sorts runs that
/// fit them and merges the runs, which costs less CPU as long as one merge pass suffices
/// (measured on the benchmark database: the five B-tree builds on its 2-million-row table took
/// about 20% less CPU with 16 MB than with 256 MB). PostgreSQL 15 merges in one pass while
/// `data / memory <= memory / 264 kB` (its merge buffers), so the memory is the least that
/// keeps one pass for the data guessed from the rows and key columns, with a margin, and at
/// least 16 MB. Other access methods keep the full `MEMORY`.
fn build_memory(statement: &str, rows: u64) -> u64 {
    let btree = statement.contains(" USING btree ") || statement.starts_with("ALTER TABLE ");
    if !btree {
        return MEMORY;
    }
    // About 16 bytes per index tuple and 24 per key column: generous for most keys.
    let data = rows.saturating_mul(16 + 24 * key_columns(statement)) as f64;
    let one_pass = (data * 264.0 * 1024.0).sqrt() * 1.5 / 1024.0;
    (one_pass as u64).clamp(BTREE_MEMORY_MIN, MEMORY)
}

/// Rows are dealt out in batches of about this many bytes (whole lines, one `CopyData` message
/// each).
const BATCH: usize = 1 << 20;

/// Batches queued per connection loading a table (memory: `QUEUED x BATCH` per connection).
const QUEUED: usize = 2;

/// The batches of one `COPY`, shared by the connections loading that table: each takes the
/// next batch as soon as it has sent the previous one, so a slow connection holds up no other.
/// The queue closes at the end of the table's rows.
pub(super) type Batches = Arc<tokio::sync::Mutex<mpsc::Receiver<Vec<u8>>>>;

/// Everything the dispatcher needs, owned, to run on a blocking thread.
pub(super) struct Dispatch {
    pub(super) senders: Vec<mpsc::Sender<Cmd>>,
    pub(super) transactional: bool,
    pub(super) clean_prelude: Vec<String>,
    /// Rows per table, from the manifest: what every COPY must add up to, and the order of
    /// index builds (big tables first).
    pub(super) weights: BTreeMap<String, u64>,
    pub(super) copied: Counts,
    /// Connections that build indexes at once: one per core (sorts do not share a core well).
    pub(super) index_jobs: usize,
    /// Run on the first connection once everything is loaded and checked: `COMMIT` in the
    /// transactional mode, the removal of the unfinished-restore mark otherwise.
    pub(super) epilogue: Vec<String>,
    /// Connections that load one table at once: one per core. More of them contend for the
    /// table's extension lock and the WAL insertion locks, and cost more CPU than they gain.
    pub(super) copy_streams: usize,
    /// The index builds the manifest says the dump holds, per table: made ready as soon as
    /// the table's rows are in, while later tables load (parallel mode only). Each must then
    /// be found in the dump, where it is skipped.
    pub(super) early: BTreeMap<String, Vec<String>>,
    /// The index builds ready to run, shared with the connections.
    pub(super) ready: SharedBuilds,
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
    pub(super) fn run(mut self, mut lines: Lines, finish: impl FnOnce() -> bool) -> Result<()> {
        let k = self.senders.len();
        let mut scanner = Scanner::default();
        let mut preamble: Vec<String> = Vec::new();
        let mut workers_started = false;
        let mut main_dirty = false;
        let mut workers_dirty = false;
        // The connection the next table's rows go to first.
        let mut next = 0usize;
        // Index and key builds after the data, run on every connection at once.
        let mut indexes: Vec<Build> = Vec::new();
        // Builds made ready early, and not yet found in the dump (how many of each text).
        let mut early = Early::default();
        if self.transactional || k < 2 {
            self.early.clear();
        }
        let mut early_tables = std::mem::take(&mut self.early);

        if self.transactional {
            self.send(0, Cmd::Exec("BEGIN".into(), 0))?;
        }
        for statement in &self.clean_prelude {
            self.send(0, Cmd::Exec(statement.clone(), 0))?;
        }
        while let Some(line) = lines.line()? {
            let number = lines.number;
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
                let builds = self.early_builds(&statement, &mut early_tables, &mut early);
                self.load(
                    &statement,
                    builds,
                    &mut lines,
                    &mut next,
                    &mut workers_dirty,
                )?;
                continue;
            }
            let is_setting = statement.starts_with("SET ")
                || statement.starts_with("SELECT pg_catalog.set_config(");
            if is_setting && !workers_started {
                preamble.push(statement.clone());
            }
            if early.found(&statement) {
                continue;
            }
            let build = is_index_build(&statement).then(|| self.build(&statement, first_line));
            if let Some(build) = &build
                && early.tables.contains(&build.table)
            {
                return Err(Error::refused(format!(
                    "the dump holds an index build of {} at line {first_line} that the backup's \
                     manifest does not list (`{}`): the manifest does not describe this artifact",
                    build.table,
                    summary(&statement)
                )));
            }
            let build = match build {
                Some(build) if workers_started && k > 1 && !self.transactional => {
                    indexes.push(build);
                    continue;
                }
                other => other,
            };
            let is_setval = statement.starts_with("SELECT pg_catalog.setval(");
            if !is_setval {
                self.drain(&mut indexes, &mut early, &mut workers_dirty)?;
            }
            if workers_dirty && !is_setval {
                // Indexes and constraints see every row: wait for all loads to finish.
                self.barrier(1..k)?;
                workers_dirty = false;
            }
            self.send(
                0,
                match build {
                    Some(build) => Cmd::Build(build),
                    None => Cmd::Exec(statement, first_line),
                },
            )?;
            main_dirty = true;
        }
        if !scanner.is_empty() {
            return Err(Error::refused("the dump ends in the middle of a statement"));
        }
        self.drain(&mut indexes, &mut early, &mut workers_dirty)?;
        self.barrier(0..k)?;
        if let Some(missing) = early.missing() {
            return Err(Error::refused(format!(
                "the backup's manifest lists an index build its dump does not hold (`{}`): \
                 the manifest does not describe this artifact",
                summary(&missing)
            )));
        }
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

    /// Hand out the rows of one `COPY` block (`header` read, the rows next in `lines`). A table
    /// whose rows fit in one batch goes to one connection; a bigger one to `copy_streams`
    /// connections at once, which take its batches from a shared queue.
    fn load(
        &self,
        header: &str,
        mut builds: Vec<Build>,
        lines: &mut Lines,
        next: &mut usize,
        workers_dirty: &mut bool,
    ) -> Result<()> {
        let k = self.senders.len();
        let mut batch = Vec::with_capacity(BATCH + BLOCK);
        let mut queue: Option<mpsc::Sender<Vec<u8>>> = None;
        loop {
            let done = lines.copy_rows(&mut batch, BATCH)?;
            let tx = match &queue {
                Some(tx) => tx,
                None if done && batch.is_empty() => {
                    // No rows: its builds are ready now.
                    if !builds.is_empty()
                        && let Ok(mut ready) = self.ready.lock()
                    {
                        ready.add(builds);
                    }
                    return Ok(());
                }
                None => {
                    let streams = if done {
                        1
                    } else {
                        self.copy_streams.clamp(1, k)
                    };
                    let (tx, rx) = mpsc::channel(streams * QUEUED);
                    let rx: Batches = Arc::new(tokio::sync::Mutex::new(rx));
                    let table = Arc::new(Mutex::new(Loading {
                        builds: std::mem::take(&mut builds),
                        ..Loading::default()
                    }));
                    for j in 0..streams {
                        let i = (*next + j) % k;
                        let load = Load {
                            header: header.to_string(),
                            batches: Arc::clone(&rx),
                            primary: j == 0,
                            table: Arc::clone(&table),
                        };
                        self.send(i, Cmd::Copy(load))?;
                        if i > 0 {
                            *workers_dirty = true;
                        }
                    }
                    *next = (*next + streams) % k;
                    queue.insert(tx)
                }
            };
            if !batch.is_empty() {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH + BLOCK));
                tx.blocking_send(full).map_err(|_| closed())?;
            }
            if done {
                return Ok(());
            }
        }
    }

    /// The rows of the table an index build works on, as the manifest counted them.
    fn rows(&self, statement: &str) -> u64 {
        self.weights
            .get(&index_table(statement))
            .copied()
            .unwrap_or(0)
    }

    fn build(&self, statement: &str, line: usize) -> Build {
        let rows = self.rows(statement);
        Build {
            statement: statement.to_string(),
            line,
            memory: build_memory(statement, rows),
            table: index_table(statement),
            exclusive: statement.starts_with("ALTER TABLE "),
            cost: rows.saturating_mul(key_columns(statement)),
        }
    }

    /// The builds the manifest lists for the table of a `COPY` header (each an index build of
    /// that table, or none is taken), counted as expected later in the dump.
    fn early_builds(
        &self,
        header: &str,
        tables: &mut BTreeMap<String, Vec<String>>,
        early: &mut Early,
    ) -> Vec<Build> {
        let table = copy_table(header);
        let Some(statements) = tables.remove(&table) else {
            return Vec::new();
        };
        if !statements
            .iter()
            .all(|s| is_index_build(s) && index_table(s) == table)
        {
            return Vec::new();
        }
        statements
            .into_iter()
            .map(|statement| {
                early.expect(&statement, &table);
                self.build(&statement, 0)
            })
            .collect()
    }

    /// Run the queued index builds, and those made ready early, on all connections, once
    /// every load has finished.
    fn drain(
        &self,
        queue: &mut Vec<Build>,
        early: &mut Early,
        workers_dirty: &mut bool,
    ) -> Result<()> {
        if queue.is_empty() && !early.running {
            return Ok(());
        }
        let k = self.senders.len();
        let n = self.index_jobs.clamp(1, k);
        if early.running {
            // Connections done loading take up the builds made ready early at once.
            for i in 0..n {
                self.send(i, Cmd::Drain)?;
            }
        }
        // Every load done: every build made ready early is in the queue, and the dump's own
        // builds may start.
        self.barrier(0..k)?;
        *workers_dirty = false;
        early.running = false;
        if let Ok(mut ready) = self.ready.lock() {
            ready.add(std::mem::take(queue));
        }
        for i in 0..n {
            self.send(i, Cmd::Drain)?;
        }
        self.barrier(0..n)
    }
}

/// The index builds made ready before the dump reached them: each must be found there.
#[derive(Default)]
struct Early {
    expected: BTreeMap<String, usize>,
    /// The tables whose builds were made ready early: the dump may hold no other build of them.
    tables: std::collections::BTreeSet<String>,
    /// Some may still be running or waiting.
    running: bool,
}

impl Early {
    fn expect(&mut self, statement: &str, table: &str) {
        *self.expected.entry(statement.to_string()).or_insert(0) += 1;
        self.tables.insert(table.to_string());
        self.running = true;
    }

    /// Whether the dump's `statement` is one built early (then it is not run again).
    fn found(&mut self, statement: &str) -> bool {
        match self.expected.get_mut(statement) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }

    /// A build made early that the dump never held.
    fn missing(&self) -> Option<String> {
        self.expected
            .iter()
            .find(|(_, n)| **n > 0)
            .map(|(s, _)| s.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::super::scan::lines_of;
    use super::*;

    fn dispatch(connections: usize, streams: usize) -> (Dispatch, Vec<mpsc::Receiver<Cmd>>) {
        let (senders, receivers) = (0..connections).map(|_| mpsc::channel(16)).unzip();
        let dispatch = Dispatch {
            senders,
            transactional: false,
            clean_prelude: Vec::new(),
            weights: BTreeMap::new(),
            copied: Arc::default(),
            index_jobs: streams,
            copy_streams: streams,
            epilogue: Vec::new(),
            early: BTreeMap::new(),
            ready: Arc::new(Mutex::new(Builds::new(streams))),
        };
        (dispatch, receivers)
    }

    /// Load one table's rows through `Dispatch::load`, which must hand them to `joining`
    /// connections; returns, per connection, the batches it took from the shared queue.
    fn deal(rows: &[u8], connections: usize, streams: usize, joining: usize) -> Vec<Vec<Vec<u8>>> {
        let (d, mut receivers) = dispatch(connections, streams);
        let mut dump = rows.to_vec();
        dump.extend_from_slice(b"\\.\n");
        let cuts: Vec<usize> = (BLOCK..dump.len()).step_by(BLOCK).collect();
        let mut lines = lines_of(&dump, &cuts);
        let loader = std::thread::spawn(move || {
            let (mut next, mut dirty) = (0, false);
            d.load(
                "COPY public.t (a) FROM stdin;",
                Vec::new(),
                &mut lines,
                &mut next,
                &mut dirty,
            )
        });
        // Each connection that joins the COPY takes batches in turn, as the tasks would.
        let mut queues = Vec::new();
        for (i, rx) in receivers.iter_mut().enumerate().take(joining) {
            match rx.blocking_recv() {
                Some(Cmd::Copy(load)) => {
                    assert_eq!(load.header, "COPY public.t (a) FROM stdin;");
                    // The first connection dealt to is the load's first.
                    assert_eq!(load.primary, queues.is_empty());
                    queues.push((i, load.batches));
                }
                other => panic!("{other:?}"),
            }
        }
        let mut taken = vec![Vec::new(); connections];
        let mut open: Vec<bool> = queues.iter().map(|_| true).collect();
        while open.iter().any(|o| *o) {
            for (j, (i, queue)) in queues.iter().enumerate() {
                if open[j] {
                    match queue.blocking_lock().blocking_recv() {
                        Some(batch) => taken[*i].push(batch),
                        None => open[j] = false,
                    }
                }
            }
        }
        loader.join().unwrap().unwrap();
        for rx in &mut receivers {
            assert!(rx.try_recv().is_err(), "another connection joined");
        }
        taken
    }

    #[test]
    fn a_big_table_is_shared_by_one_connection_per_core() {
        let rows: Vec<u8> = (0..400_000)
            .flat_map(|i| format!("{i}\tsome text\n").into_bytes())
            .collect();
        let taken = deal(&rows, 3, 2, 2);
        // Two of the three connections load it, each about half of the batches.
        assert!(
            taken[0].len() >= 2 && taken[1].len() >= 2,
            "{:?}",
            taken.len()
        );
        assert!(taken[2].is_empty());
        let all: Vec<Vec<u8>> = taken.into_iter().flatten().collect();
        assert!(all.iter().all(|b| b.ends_with(b"\n")));
        let mut got: Vec<&[u8]> = all
            .iter()
            .flat_map(|b| b.split_inclusive(|c| *c == b'\n'))
            .collect();
        let mut want: Vec<&[u8]> = rows.split_inclusive(|c| *c == b'\n').collect();
        got.sort();
        want.sort();
        assert_eq!(got, want);
    }

    #[test]
    fn a_small_table_goes_to_one_connection_and_an_empty_one_to_none() {
        let taken = deal(b"1\n2\n", 3, 2, 1);
        assert_eq!(taken, [vec![b"1\n2\n".to_vec()], Vec::new(), Vec::new()]);
        let taken = deal(b"", 3, 2, 0);
        assert!(taken.iter().all(|t| t.is_empty()));
    }

    #[test]
    fn btree_builds_sort_in_little_memory_unless_the_data_is_huge() {
        let idx = "CREATE INDEX i ON public.t USING btree (a, b);";
        assert_eq!(build_memory(idx, 2_000_000), BTREE_MEMORY_MIN);
        let pkey = "ALTER TABLE ONLY public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);";
        assert_eq!(build_memory(pkey, 3_000_000), BTREE_MEMORY_MIN);
        let big = build_memory(idx, 200_000_000);
        assert!(big > BTREE_MEMORY_MIN && big < MEMORY, "{big}");
        assert_eq!(build_memory(idx, u64::MAX), MEMORY);
        let gin = "CREATE INDEX g ON public.t USING gin (doc);";
        assert_eq!(build_memory(gin, 1000), MEMORY);
    }

    fn build(d: &Dispatch, statement: &str) -> Build {
        d.build(statement, 0)
    }

    #[test]
    fn builds_run_longest_first_never_two_where_one_locks_the_table_and_one_per_core() {
        let (mut d, _rx) = dispatch(3, 2);
        d.weights = BTreeMap::from([("public.a".into(), 1000), ("public.b".into(), 10)]);
        let mut ready = Builds::new(2);
        ready.add(vec![
            build(&d, "CREATE INDEX b1 ON public.b USING btree (x);"),
            build(
                &d,
                "ALTER TABLE ONLY public.a\n    ADD CONSTRAINT a_pkey PRIMARY KEY (id);",
            ),
            build(&d, "CREATE INDEX a1 ON public.a USING btree (x, y);"),
            build(&d, "CREATE INDEX a2 ON public.a USING btree (z);"),
        ]);
        // The longest (a1, two key columns on the big table) first.
        let first = ready.take().unwrap();
        assert!(first.statement.contains(" a1 "), "{first:?}");
        // The key of `a` would wait for a1's lock: a2, which shares the table, goes next.
        let second = ready.take().unwrap();
        assert!(second.statement.contains(" a2 "), "{second:?}");
        // Two run (one per core): nothing more starts.
        assert!(ready.take().is_none());
        ready.done("public.a", false);
        // a2 still runs on `a`: the key waits, b1 goes.
        let third = ready.take().unwrap();
        assert!(third.statement.contains(" b1 "), "{third:?}");
        ready.done("public.a", false);
        ready.done("public.b", false);
        let key = ready.take().unwrap();
        assert!(key.exclusive && key.line == 0, "{key:?}");
        // While the key is added, nothing else of `a` may start.
        ready.add(vec![build(
            &d,
            "CREATE INDEX a3 ON public.a USING btree (w);",
        )]);
        assert!(ready.take().is_none());
        ready.done("public.a", true);
        assert!(ready.take().unwrap().statement.contains(" a3 "));
    }

    #[test]
    fn early_builds_are_those_of_the_table_and_each_is_expected_once() {
        let (d, _rx) = dispatch(3, 2);
        let key = "ALTER TABLE ONLY public.t\n    ADD CONSTRAINT t_pkey PRIMARY KEY (id);";
        let mut tables = BTreeMap::from([
            ("public.t".to_string(), vec![key.to_string()]),
            // Not an index build of the table it is listed for: none of its list is taken.
            (
                "public.u".to_string(),
                vec![
                    "CREATE INDEX u1 ON public.u USING btree (a);".to_string(),
                    "DROP TABLE public.u;".to_string(),
                ],
            ),
            (
                "public.v".to_string(),
                vec!["CREATE INDEX v1 ON public.w USING btree (a);".to_string()],
            ),
        ]);
        let mut early = Early::default();
        let builds = d.early_builds("COPY public.t (id) FROM stdin;", &mut tables, &mut early);
        assert_eq!(builds.len(), 1);
        assert!(early.running);
        assert_eq!(early.missing().as_deref(), Some(key));
        for table in ["u", "v"] {
            let header = format!("COPY public.{table} (a) FROM stdin;");
            assert!(d.early_builds(&header, &mut tables, &mut early).is_empty());
        }
        assert!(!early.found("CREATE INDEX u1 ON public.u USING btree (a);"));
        assert!(early.found(key));
        assert!(!early.found(key), "found twice");
        assert_eq!(early.missing(), None);
    }
}
