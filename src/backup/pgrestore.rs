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
use std::io::Read;
use std::str::FromStr;
use std::sync::{Arc, Mutex};

use sqlx::postgres::PgConnectOptions;
use sqlx::{AssertSqlSafe, Connection, PgConnection};
use tokio::sync::{mpsc, oneshot};

use crate::error::{Error, ErrorKind, Result};

/// Rows are dealt out in batches of about this many bytes (whole lines, one `CopyData` message
/// each).
const BATCH: usize = 1 << 20;

/// A reader thread decompresses the dump in blocks of this size, ahead of the dispatcher that
/// cuts it into statements and batches of rows.
const BLOCK: usize = 256 << 10;

/// Blocks decompressed ahead of the dispatcher (memory stays bounded: `READ_AHEAD x BLOCK`).
const READ_AHEAD: usize = 16;

/// Batches queued per connection loading a table (memory: `QUEUED x BATCH` per connection).
const QUEUED: usize = 2;

/// The batches of one `COPY`, shared by the connections loading that table: each takes the
/// next batch as soon as it has sent the previous one, so a slow connection holds up no other.
/// The queue closes at the end of the table's rows.
type Batches = Arc<tokio::sync::Mutex<mpsc::Receiver<Vec<u8>>>>;

#[derive(Debug)]
enum Cmd {
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
struct Build {
    statement: String,
    line: usize,
    /// `maintenance_work_mem`, in kB.
    memory: u64,
}

/// `maintenance_work_mem` of the restore's connections (kB), and what index builds other than
/// B-tree get: GIN and others build faster with more memory.
const MEMORY: u64 = 256 << 10;

/// The least sort memory a B-tree build gets (kB).
const BTREE_MEMORY_MIN: u64 = 16 << 10;

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
    /// Connections that load one table at once: one per core. More of them contend for the
    /// table's extension lock and the WAL insertion locks, and cost more CPU than they gain.
    copy_streams: usize,
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
    fn run(self, mut lines: Lines, finish: impl FnOnce() -> bool) -> Result<()> {
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
}

impl Dispatch {
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
}

/// The decompressed dump as lines, from blocks a reader thread decompresses ahead.
struct Lines {
    blocks: std::sync::mpsc::Receiver<std::io::Result<Vec<u8>>>,
    block: Vec<u8>,
    pos: usize,
    /// The beginning of a line that goes on in the next block.
    carry: Vec<u8>,
    /// Lines read so far, for errors.
    number: usize,
}

impl Lines {
    fn new(blocks: std::sync::mpsc::Receiver<std::io::Result<Vec<u8>>>) -> Lines {
        Lines {
            blocks,
            block: Vec::new(),
            pos: 0,
            carry: Vec::new(),
            number: 0,
        }
    }

    /// Move to the next block; false at the end of the input.
    fn next_block(&mut self) -> Result<bool> {
        match self.blocks.recv() {
            Ok(Ok(block)) => {
                self.block = block;
                self.pos = 0;
                Ok(true)
            }
            Ok(Err(e)) => Err(Error::io("reading the backup failed", e)),
            Err(_) => Ok(false),
        }
    }

    /// The next line, with its newline (the last line of the input may have none).
    fn line(&mut self) -> Result<Option<Vec<u8>>> {
        loop {
            let rest = &self.block[self.pos..];
            if let Some(i) = memchr::memchr(b'\n', rest) {
                let mut line = std::mem::take(&mut self.carry);
                line.extend_from_slice(&rest[..=i]);
                self.pos += i + 1;
                self.number += 1;
                return Ok(Some(line));
            }
            self.carry.extend_from_slice(rest);
            self.pos = self.block.len();
            if !self.next_block()? {
                if self.carry.is_empty() {
                    return Ok(None);
                }
                self.number += 1;
                return Ok(Some(std::mem::take(&mut self.carry)));
            }
        }
    }

    /// Append the rows of a `COPY` block to `batch`, whole lines only, until `batch` holds at
    /// least `want` bytes (false) or the end-of-data line `\.` is passed (true). The rows are
    /// found in bulk: one search for the end marker per block, no per-line work.
    fn copy_rows(&mut self, batch: &mut Vec<u8>, want: usize) -> Result<bool> {
        loop {
            if !self.carry.is_empty() {
                // A row begun in the previous block.
                let rest = &self.block[self.pos..];
                let Some(i) = memchr::memchr(b'\n', rest) else {
                    self.carry.extend_from_slice(rest);
                    self.pos = self.block.len();
                    if !self.next_block()? {
                        return self.end_in_copy();
                    }
                    continue;
                };
                self.carry.extend_from_slice(&rest[..=i]);
                self.pos += i + 1;
                self.number += 1;
                let end = self.carry == b"\\.\n";
                if !end {
                    batch.extend_from_slice(&self.carry);
                }
                self.carry.clear();
                if end {
                    return Ok(true);
                }
            }
            // Here `pos` is at the start of a line.
            let rest = &self.block[self.pos..];
            let end = if rest.starts_with(b"\\.\n") {
                Some(0)
            } else {
                memchr::memmem::find(rest, b"\n\\.\n").map(|i| i + 1)
            };
            if let Some(e) = end {
                self.number += memchr::memchr_iter(b'\n', &rest[..e]).count() + 1;
                batch.extend_from_slice(&rest[..e]);
                self.pos += e + 3;
                return Ok(true);
            }
            let whole = memchr::memrchr(b'\n', rest).map_or(0, |i| i + 1);
            self.number += memchr::memchr_iter(b'\n', &rest[..whole]).count();
            batch.extend_from_slice(&rest[..whole]);
            self.carry.extend_from_slice(&rest[whole..]);
            self.pos = self.block.len();
            if batch.len() >= want {
                return Ok(false);
            }
            if !self.next_block()? {
                return self.end_in_copy();
            }
        }
    }

    /// The input ended inside a `COPY` block: fine only after a last line `\.`.
    fn end_in_copy(&mut self) -> Result<bool> {
        if self.carry == b"\\." {
            self.carry.clear();
            self.number += 1;
            return Ok(true);
        }
        Err(Error::refused(
            "the dump ends inside a COPY block: it is truncated",
        ))
    }
}

/// Decompress the dump into blocks for the dispatcher, until the end of the input or until
/// the dispatcher stops taking them.
fn read_blocks<R: Read>(
    mut input: R,
    blocks: std::sync::mpsc::SyncSender<std::io::Result<Vec<u8>>>,
) {
    loop {
        let mut block = vec![0u8; BLOCK];
        let mut filled = 0;
        let failed = loop {
            match input.read(&mut block[filled..]) {
                Ok(0) => break None,
                Ok(n) => {
                    filled += n;
                    if filled == block.len() {
                        break None;
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => break Some(e),
            }
        };
        if filled > 0 {
            block.truncate(filled);
            if blocks.send(Ok(block)).is_err() {
                return;
            }
        }
        if let Some(e) = failed {
            let _ = blocks.send(Err(e));
            return;
        }
        if filled < BLOCK {
            return;
        }
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

/// The number of columns (or expressions) in the key of an index build: the top-level commas
/// of its first parenthesised list, plus one.
fn key_columns(statement: &str) -> u64 {
    let list = match statement.split_once(" USING ") {
        Some((_, rest)) => rest,
        None => statement,
    };
    let Some(start) = list.find('(') else {
        return 1;
    };
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut columns = 1;
    for c in list[start..].chars() {
        match c {
            _ if quote == Some(c) => quote = None,
            _ if quote.is_some() => {}
            '"' | '\'' => quote = Some(c),
            '(' => depth += 1,
            ')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            ',' if depth == 1 => columns += 1,
            _ => {}
        }
    }
    columns
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

async fn connect(url: &str, parallel: bool) -> Result<PgConnection> {
    let options = PgConnectOptions::from_str(url)
        .map_err(|_| Error::usage("the restore target is not a valid PostgreSQL URL"))?
        .application_name(APPLICATION_NAME);
    let mut conn = PgConnection::connect_with(&options)
        .await
        .map_err(crate::db::from_sqlx)?;
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
            && super::marker::Local::process_is_gone(u)
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
        &crate::db::DatabaseTarget::Postgres {
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
        index_jobs: cores,
        copy_streams: cores,
        epilogue: vec![if clean { "COMMIT" } else { super::marker::DROP }.to_string()],
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

    /// The lines a dump cut into blocks at the given places yields.
    fn lines_of(dump: &[u8], cuts: &[usize]) -> Lines {
        let (tx, rx) = std::sync::mpsc::sync_channel(cuts.len() + 1);
        let mut start = 0;
        for &cut in cuts.iter().chain([dump.len()].iter()) {
            if cut > start {
                tx.send(Ok(dump[start..cut].to_vec())).unwrap();
                start = cut;
            }
        }
        Lines::new(rx)
    }

    /// Statements and COPY rows as the dispatcher sees them.
    fn parse(mut lines: Lines, want: usize) -> Result<(Vec<String>, Vec<Vec<u8>>, usize)> {
        let mut statements = Vec::new();
        let mut batches = Vec::new();
        while let Some(line) = lines.line()? {
            let text = String::from_utf8_lossy(&line).to_string();
            let copy = text.starts_with("COPY ");
            statements.push(text);
            if copy {
                loop {
                    let mut batch = Vec::new();
                    let done = lines.copy_rows(&mut batch, want)?;
                    assert!(
                        batch.is_empty() || batch.ends_with(b"\n"),
                        "a batch cut a row"
                    );
                    batches.push(batch);
                    if done {
                        break;
                    }
                }
            }
        }
        Ok((statements, batches, lines.number))
    }

    const DUMP: &[u8] = b"SET x = 1;\nCOPY public.t (a, b) FROM stdin;\n1\tone\n2\t\\\\.\n\
        3\tthree\n\\.\nCOPY public.e (a) FROM stdin;\n\\.\nSELECT 1;\n";

    #[test]
    fn copy_rows_are_found_wherever_the_blocks_are_cut() {
        let (statements, batches, lines) = parse(lines_of(DUMP, &[]), usize::MAX).unwrap();
        assert_eq!(
            statements,
            [
                "SET x = 1;\n",
                "COPY public.t (a, b) FROM stdin;\n",
                "COPY public.e (a) FROM stdin;\n",
                "SELECT 1;\n"
            ]
        );
        assert_eq!(
            batches,
            [b"1\tone\n2\t\\\\.\n3\tthree\n".to_vec(), Vec::new()]
        );
        assert_eq!(lines, 9);
        for cut in 1..DUMP.len() {
            for second in cut + 1..DUMP.len() {
                let parsed = parse(lines_of(DUMP, &[cut, second]), usize::MAX).unwrap();
                assert_eq!(
                    parsed,
                    (statements.clone(), batches.clone(), lines),
                    "{cut} {second}"
                );
            }
        }
        let every_byte: Vec<usize> = (1..DUMP.len()).collect();
        let parsed = parse(lines_of(DUMP, &every_byte), usize::MAX).unwrap();
        assert_eq!(parsed, (statements, batches, lines));
    }

    #[test]
    fn copy_rows_come_in_whole_lines_of_at_least_the_size_asked() {
        let rows: Vec<u8> = (0..5000)
            .flat_map(|i| format!("{i}\trow {i}\n").into_bytes())
            .collect();
        let mut dump = b"COPY public.t (a, b) FROM stdin;\n".to_vec();
        dump.extend_from_slice(&rows);
        dump.extend_from_slice(b"\\.\n");
        let cuts: Vec<usize> = (1..dump.len()).step_by(997).collect();
        let (_, batches, lines) = parse(lines_of(&dump, &cuts), 4096).unwrap();
        assert!(batches.len() > 5);
        assert!(batches[..batches.len() - 1].iter().all(|b| b.len() >= 4096));
        assert_eq!(batches.concat(), rows);
        assert_eq!(lines, 5002);
    }

    #[test]
    fn a_dump_cut_inside_copy_rows_is_refused() {
        let dump = b"COPY public.t (a) FROM stdin;\n1\n2\n";
        assert!(parse(lines_of(dump, &[]), usize::MAX).is_err());
        // The end marker may lack its newline at the very end.
        let dump = b"COPY public.t (a) FROM stdin;\n1\n\\.";
        let (_, batches, _) = parse(lines_of(dump, &[31]), usize::MAX).unwrap();
        assert_eq!(batches, [b"1\n".to_vec()]);
    }

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
    fn index_builds_count_their_key_columns() {
        let idx = "CREATE INDEX i ON public.t USING btree (a, b);";
        assert_eq!(key_columns(idx), 2);
        assert_eq!(
            key_columns("CREATE INDEX i ON t USING btree (lower(a)) INCLUDE (b, c);"),
            1
        );
        assert_eq!(
            key_columns("CREATE INDEX i ON t USING btree (\"a,b\", (a || ','));"),
            2
        );
        assert_eq!(
            key_columns("ALTER TABLE ONLY public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);"),
            1
        );
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
