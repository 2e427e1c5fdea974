//! The restore's connections and the work dealt out to them. Each connection runs a task that
//! takes commands from its own channel (statements, `COPY` loads, index builds, barriers); the
//! dispatcher, on a blocking thread, reads the dump's statements in order and decides which
//! connection runs what, and when the others must have finished first (a table is created
//! before its rows load, all rows load before an index is built).

use std::collections::{BTreeMap, VecDeque};
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
    /// Run one statement (its first line number in the dump, for errors).
    Exec(String, usize),
    /// Run a `COPY` (its header) with batches from the queue until it closes.
    Copy(String, Batches),
    Barrier(oneshot::Sender<()>),
    /// Run one index build.
    Build(Build),
    /// Take index builds from a queue shared by all connections until it is empty.
    Drain(Arc<Mutex<VecDeque<Build>>>),
}

/// An index (or key) build and the sort memory it gets.
#[derive(Debug)]
pub(super) struct Build {
    statement: String,
    line: usize,
    /// `maintenance_work_mem`, in kB.
    memory: u64,
}

pub(super) type Counts = Arc<Mutex<BTreeMap<String, u64>>>;

/// One connection working through its commands; adds the rows each COPY loaded to `copied`.
pub(super) async fn connection_task(
    mut conn: PgConnection,
    mut rx: mpsc::Receiver<Cmd>,
    copied: Counts,
) -> Result<()> {
    // This connection's maintenance_work_mem (kB), as `connect` set it.
    let mut memory = MEMORY;
    while let Some(cmd) = rx.recv().await {
        match cmd {
            Cmd::Exec(statement, line) => exec(&mut conn, &statement, line).await?,
            Cmd::Build(build) => run_build(&mut conn, &mut memory, build).await?,
            Cmd::Drain(queue) => loop {
                let next = queue.lock().ok().and_then(|mut q| q.pop_front());
                let Some(build) = next else { break };
                run_build(&mut conn, &mut memory, build).await?;
            },
            Cmd::Copy(header, batches) => {
                // The other connections may have taken every batch already.
                let Some(first) = batches.lock().await.recv().await else {
                    continue;
                };
                let table = copy_table(&header);
                let mut copy = conn
                    .copy_in_raw(&header)
                    .await
                    .map_err(crate::db::from_sqlx)?;
                let mut next = Some(first);
                while let Some(data) = next {
                    copy.send(data).await.map_err(crate::db::from_sqlx)?;
                    next = batches.lock().await.recv().await;
                }
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
            }
            Cmd::Barrier(reply) => {
                let _ = reply.send(());
            }
        }
    }
    let _ = conn.close().await;
    Ok(())
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
                        .during(format!("the restore, at line {line} of the dump"))
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
                    "the restore failed at line {line} of the dump (`{}`): {detail}",
                    summary(statement)
                ),
            )
        })?;
    Ok(())
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
    exec(conn, &build.statement, build.line).await?;
    Ok(())
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
    pub(super) fn run(self, mut lines: Lines, finish: impl FnOnce() -> bool) -> Result<()> {
        let k = self.senders.len();
        let mut scanner = Scanner::default();
        let mut preamble: Vec<String> = Vec::new();
        let mut workers_started = false;
        let mut main_dirty = false;
        let mut workers_dirty = false;
        // The connection the next table's rows go to first.
        let mut next = 0usize;
        // Index and key builds after the data, run on every connection at once.
        let mut indexes: VecDeque<Build> = VecDeque::new();

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
                self.load(&statement, &mut lines, &mut next, &mut workers_dirty)?;
                continue;
            }
            let is_setting = statement.starts_with("SET ")
                || statement.starts_with("SELECT pg_catalog.set_config(");
            if is_setting && !workers_started {
                preamble.push(statement.clone());
            }
            let build = is_index_build(&statement).then(|| self.build(&statement, first_line));
            let build = match build {
                Some(build) if workers_started && k > 1 && !self.transactional => {
                    indexes.push_back(build);
                    continue;
                }
                other => other,
            };
            self.drain(&mut indexes, &mut workers_dirty)?;
            let is_setval = statement.starts_with("SELECT pg_catalog.setval(");
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

    /// Hand out the rows of one `COPY` block (`header` read, the rows next in `lines`). A table
    /// whose rows fit in one batch goes to one connection; a bigger one to `copy_streams`
    /// connections at once, which take its batches from a shared queue.
    fn load(
        &self,
        header: &str,
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
                None if done && batch.is_empty() => return Ok(()),
                None => {
                    let streams = if done {
                        1
                    } else {
                        self.copy_streams.clamp(1, k)
                    };
                    let (tx, rx) = mpsc::channel(streams * QUEUED);
                    let rx: Batches = Arc::new(tokio::sync::Mutex::new(rx));
                    for j in 0..streams {
                        let i = (*next + j) % k;
                        self.send(i, Cmd::Copy(header.to_string(), Arc::clone(&rx)))?;
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
        Build {
            statement: statement.to_string(),
            line,
            memory: build_memory(statement, self.rows(statement)),
        }
    }

    /// Run the queued index builds on all connections, once every load has finished.
    fn drain(&self, queue: &mut VecDeque<Build>, workers_dirty: &mut bool) -> Result<()> {
        if queue.is_empty() {
            return Ok(());
        }
        let k = self.senders.len();
        self.barrier(0..k)?;
        *workers_dirty = false;
        // Longest first, so the small ones fill the gaps at the end. The cost of a build is
        // guessed from the rows of its table and the columns of its key (a sort compares them).
        let mut work: Vec<Build> = std::mem::take(queue).into();
        work.sort_by_cached_key(|build| {
            let rows = self.rows(&build.statement);
            std::cmp::Reverse(rows.saturating_mul(key_columns(&build.statement)))
        });
        let shared = Arc::new(Mutex::new(VecDeque::from(work)));
        let n = self.index_jobs.clamp(1, k);
        for i in 0..n {
            self.send(i, Cmd::Drain(Arc::clone(&shared)))?;
        }
        self.barrier(0..n)
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
                &mut lines,
                &mut next,
                &mut dirty,
            )
        });
        // Each connection that joins the COPY takes batches in turn, as the tasks would.
        let mut queues = Vec::new();
        for (i, rx) in receivers.iter_mut().enumerate().take(joining) {
            match rx.blocking_recv() {
                Some(Cmd::Copy(header, batches)) => {
                    assert_eq!(header, "COPY public.t (a) FROM stdin;");
                    queues.push((i, batches));
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
}
