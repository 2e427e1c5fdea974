//! Seals: tamper evidence for the audit log, in the spirit of CloudTrail's digest files.
//!
//! A seal covers the id range after the previous seal up to a fixed last id. Its digest is
//! SHA-256 over
//!
//! ```text
//! "platctl audit seal v1\n" PREV_DIGEST "\n" FIRST_ID "\n" LAST_ID "\n"
//! ROW ... (every entry of the range, in id order)
//! ROW_COUNT "\n"
//! ```
//!
//! where each ROW is the canonical encoding of all twelve columns: a 16-bit column count, then
//! per column a 32-bit big-endian length (-1 for NULL) and the value's bytes. On PostgreSQL the
//! values are the columns' binary COPY forms (bigint, timestamptz, uuid, inet and jsonb in the
//! server's fixed binary formats), so a row is exactly a tuple of `COPY … (FORMAT binary)`
//! and is hashed as it arrives; on SQLite they are the stored values as text. Chaining each
//! digest to the link before it (the previous seal, or a prune record made after it: see
//! `chain`) means removing, changing or inserting an entry, a seal or a prune record breaks
//! every digest after it. Anyone who can write the database could recompute the
//! chain, so a seal is also signed with an Ed25519 key kept outside the database
//! (`AUDIT_SIGNING_KEY_FILE`); the signature covers the digest, which covers everything else.

use std::time::Instant;

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use super::chain::{self, Chain, Link, seal_problem};
use super::parallel;
use crate::core::actor::Actor;
use crate::db::{Db, Dialect, Row, Sql, Tx};
use crate::error::{Error, ErrorKind, Result};
use crate::migrations::hex;
use crate::progress::Reporter;
use crate::proto::audit::*;
use crate::signing::{PublicKey, SigningKey};

const SEAL_COLUMNS: &str = "id, occurred_at, actor_user_id, actor_api_key_id, actor, \
    organization_id, action, resource_type, resource_id, ip, user_agent, metadata";
const COLUMN_COUNT: u16 = 12;

/// Rows read per page on SQLite.
const PAGE: i64 = 5000;

/// Seal runs take this transaction-level advisory lock on PostgreSQL: one at a time.
const SEAL_LOCK: i64 = 0x0070_6c61_7461_7564; // "platctl-aud"

fn start(prev: Option<&str>, first_id: i64, last_id: i64) -> Sha256 {
    let mut h = Sha256::new();
    h.update(b"platctl audit seal v1\n");
    h.update(prev.unwrap_or("").as_bytes());
    h.update(format!("\n{first_id}\n{last_id}\n").as_bytes());
    h
}

fn finish(mut h: Sha256, rows: i64) -> String {
    h.update(format!("{rows}\n").as_bytes());
    hex(&h.finalize())
}

/// One entry as the seal sees it: its id, when it occurred (for prune), its encoding.
struct Sealed<'a> {
    id: i64,
    occurred_at: Option<DateTime<Utc>>,
    bytes: &'a [u8],
}

/// PostgreSQL's binary COPY stream, cut into tuples whatever the chunks.
struct Tuples {
    buf: Vec<u8>,
    header_done: bool,
    ended: bool,
}

const COPY_SIGNATURE: &[u8] = b"PGCOPY\n\xff\r\n\0";
/// Microseconds from the Unix epoch to PostgreSQL's (2000-01-01).
const PG_EPOCH_MICROS: i64 = 946_684_800_000_000;

fn be_i32(b: &[u8]) -> Option<i32> {
    Some(i32::from_be_bytes(b.get(..4)?.try_into().ok()?))
}

fn be_i64(b: &[u8]) -> Option<i64> {
    Some(i64::from_be_bytes(b.get(..8)?.try_into().ok()?))
}

fn malformed() -> Error {
    Error::new(
        ErrorKind::Database,
        "the server's binary COPY stream is malformed",
    )
}

impl Tuples {
    fn new() -> Self {
        Tuples {
            buf: Vec::new(),
            header_done: false,
            ended: false,
        }
    }

    /// The length of the complete tuple at the start of `data` (`Some(0)` for the trailer),
    /// or `None` when more bytes are needed.
    fn tuple_len(data: &[u8]) -> Result<Option<usize>> {
        let Some(count) = data.get(..2) else {
            return Ok(None);
        };
        let count = i16::from_be_bytes([count[0], count[1]]);
        if count == -1 {
            return Ok(Some(0));
        }
        if count != COLUMN_COUNT as i16 {
            return Err(malformed());
        }
        let mut at = 2usize;
        for _ in 0..count {
            let Some(len) = data.get(at..).and_then(be_i32) else {
                return Ok(None);
            };
            at += 4;
            if len > 0 {
                at += len as usize;
            } else if len < -1 {
                return Err(malformed());
            }
        }
        Ok((at <= data.len()).then_some(at))
    }

    fn visit(bytes: &[u8], on_row: &mut dyn FnMut(Sealed<'_>) -> Result<()>) -> Result<()> {
        // Column 1 is the id (int8), column 2 the time (int8 microseconds since 2000).
        let id_len = be_i32(&bytes[2..]).ok_or_else(malformed)?;
        let id = be_i64(&bytes[6..])
            .filter(|_| id_len == 8)
            .ok_or_else(malformed)?;
        let t_len = be_i32(&bytes[14..]).ok_or_else(malformed)?;
        let occurred_at = if t_len == 8 {
            be_i64(&bytes[18..])
                .and_then(|us| DateTime::from_timestamp_micros(us + PG_EPOCH_MICROS))
        } else {
            None
        };
        on_row(Sealed {
            id,
            occurred_at,
            bytes,
        })
    }

    fn feed(
        &mut self,
        chunk: &[u8],
        on_row: &mut dyn FnMut(Sealed<'_>) -> Result<()>,
    ) -> Result<()> {
        let mut data: &[u8] = chunk;
        let owned;
        if !self.buf.is_empty() {
            self.buf.extend_from_slice(chunk);
            owned = std::mem::take(&mut self.buf);
            data = &owned;
        }
        if !self.header_done {
            if data.len() < 19 {
                self.buf = data.to_vec();
                return Ok(());
            }
            if !data.starts_with(COPY_SIGNATURE) {
                return Err(malformed());
            }
            let ext = be_i32(&data[15..]).ok_or_else(malformed)? as usize;
            if data.len() < 19 + ext {
                self.buf = data.to_vec();
                return Ok(());
            }
            data = &data[19 + ext..];
            self.header_done = true;
        }
        while !data.is_empty() && !self.ended {
            match Self::tuple_len(data)? {
                Some(0) => self.ended = true,
                Some(len) => {
                    Self::visit(&data[..len], on_row)?;
                    data = &data[len..];
                }
                None => break,
            }
        }
        if !self.ended {
            self.buf = data.to_vec();
        }
        Ok(())
    }
}

/// Ids per part of a read on two connections (a few MiB of rows)...
const SCAN_CHUNK_IDS: i64 = 8192;
/// ...and at most this many parts, however wide a range a seal row claims.
const SCAN_MAX_PARTS: i64 = 10_000;

fn range_query(first: i64, last: i64) -> Sql {
    Sql::assembled(format!(
        "SELECT {SEAL_COLUMNS} FROM audit_logs \
         WHERE id >= CAST($1 AS bigint) AND id <= CAST($2 AS bigint) ORDER BY id"
    ))
    .bind(first)
    .bind(last)
}

/// Every entry with an id in `first..=last`, in id order, encoded canonically, as `tx` sees
/// them. On PostgreSQL a long range is read on two more connections sharing `tx`'s snapshot.
async fn scan(
    db: &Db,
    tx: &mut Tx<'_>,
    first: i64,
    last: i64,
    on_row: &mut (dyn FnMut(Sealed<'_>) -> Result<()> + Send),
) -> Result<()> {
    match tx.dialect() {
        Dialect::Postgres if last.saturating_sub(first) >= 4 * SCAN_CHUNK_IDS => {
            let snapshot = parallel::export_snapshot(tx).await?;
            let settings = &["SET LOCAL jit = off"];
            let readers = [
                parallel::reader(db, Some(&snapshot), settings).await?,
                parallel::reader(db, Some(&snapshot), settings).await?,
            ];
            let chunk = SCAN_CHUNK_IDS.max(last.saturating_sub(first) / SCAN_MAX_PARTS + 1);
            let span = last.saturating_sub(first);
            let count = usize::try_from(span / chunk + 1).unwrap_or(0);
            let part = |i: usize| {
                let lo = first
                    .saturating_add(i64::try_from(i).unwrap_or(i64::MAX).saturating_mul(chunk));
                let hi = lo.saturating_add(chunk - 1).min(last);
                (range_query(lo, hi), "FORMAT binary")
            };
            let mut on_part = |part: &[u8]| {
                let mut tuples = Tuples::new();
                tuples.feed(part, on_row)?;
                if tuples.ended {
                    Ok(())
                } else {
                    Err(malformed())
                }
            };
            parallel::copy_parts(readers, count, &part, &mut on_part).await
        }
        Dialect::Postgres => {
            let query = range_query(first, last);
            let mut tuples = Tuples::new();
            let mut on_chunk = |chunk: &[u8]| tuples.feed(chunk, on_row);
            tx.copy_out(&query, "FORMAT binary", &mut on_chunk).await
        }
        Dialect::Sqlite => {
            let columns: Vec<String> = SEAL_COLUMNS
                .split(", ")
                .enumerate()
                .map(|(i, c)| format!("CAST({c} AS TEXT) AS c{i}"))
                .collect();
            let select = format!(
                "SELECT id, {} FROM audit_logs WHERE id > $1 AND id <= $2 ORDER BY id LIMIT {PAGE}",
                columns.join(", ")
            );
            let mut after = first.saturating_sub(1);
            let mut bytes = Vec::with_capacity(512);
            loop {
                let rows = tx
                    .fetch_all(Sql::assembled(select.clone()).bind(after).bind(last))
                    .await?;
                for row in &rows {
                    after = row.int("id")?;
                    encode_text_row(row, &mut bytes)?;
                    let occurred_at = row
                        .opt_text("c1")?
                        .and_then(|t| crate::db::parse_sqlite_time(&t).ok());
                    on_row(Sealed {
                        id: after,
                        occurred_at,
                        bytes: &bytes,
                    })?;
                }
                if (rows.len() as i64) < PAGE {
                    return Ok(());
                }
            }
        }
    }
}

fn encode_text_row(row: &Row, out: &mut Vec<u8>) -> Result<()> {
    out.clear();
    out.extend_from_slice(&COLUMN_COUNT.to_be_bytes());
    for i in 0..COLUMN_COUNT {
        match row.opt_text(&format!("c{i}"))? {
            None => out.extend_from_slice(&(-1i32).to_be_bytes()),
            Some(v) => {
                let len = i32::try_from(v.len()).map_err(|_| malformed())?;
                out.extend_from_slice(&len.to_be_bytes());
                out.extend_from_slice(v.as_bytes());
            }
        }
    }
    Ok(())
}

/// The id below which every entry that will ever exist is committed: on PostgreSQL, wait for
/// the writers in flight (a moment's SHARE lock: transactions take ids before they commit,
/// not always in order), then read the highest id.
async fn settled_last_id(db: &Db) -> Result<i64> {
    let mut tx = db.begin().await?;
    if tx.dialect() == Dialect::Postgres {
        tx.execute(Sql::new("SET LOCAL lock_timeout = '10s'"))
            .await?;
        tx.execute(Sql::new("LOCK TABLE audit_logs IN SHARE MODE"))
            .await
            .map_err(|e| {
                Error::conflict(format!(
                    "the audit log had writers in flight for 10 s, so the range to seal cannot \
                     be fixed ({})",
                    e.message()
                ))
                .with_hint("try again; a long transaction writing audit entries holds it")
            })?;
    }
    let last = tx
        .fetch_one(Sql::new(
            "SELECT COALESCE(MAX(id), 0) AS last FROM audit_logs",
        ))
        .await?
        .int("last")?;
    tx.commit().await?;
    Ok(last)
}

/// Take the chain's lock for the rest of `tx`: one seal or prune record added at a time (on
/// PostgreSQL an advisory lock; SQLite's write transaction is one already). A seal waits its
/// turn behind another however long that one takes: `database_lock_timeout` is for locks held
/// by others, and is put back once this one is taken.
pub async fn lock_chain(tx: &mut Tx<'_>) -> Result<()> {
    if tx.dialect() == Dialect::Postgres {
        let before = tx
            .fetch_one(Sql::new("SELECT current_setting('lock_timeout') AS t"))
            .await?
            .text("t")?;
        tx.execute(Sql::new("SELECT set_config('lock_timeout', '0', true)"))
            .await?;
        tx.execute(Sql::new("SELECT pg_advisory_xact_lock($1)").bind(SEAL_LOCK))
            .await?;
        tx.execute(Sql::new("SELECT set_config('lock_timeout', $1, true)").bind(before))
            .await?;
    }
    Ok(())
}

/// Seal the entries added since the last seal.
pub async fn seal(
    db: &Db,
    actor: &Actor,
    key: Option<&SigningKey>,
    progress: Reporter,
) -> Result<SealReport> {
    let last_id = match db.dialect() {
        Dialect::Postgres => settled_last_id(db).await?,
        // SQLite's one writer at a time commits ids in order; the write transaction below
        // fixes the range.
        Dialect::Sqlite => i64::MAX,
    };
    let mut tx = db.begin().await?;
    lock_chain(&mut tx).await?;
    let last_id = if last_id == i64::MAX {
        tx.fetch_one(Sql::new(
            "SELECT COALESCE(MAX(id), 0) AS last FROM audit_logs",
        ))
        .await?
        .int("last")?
    } else {
        last_id
    };
    // The chain's head: the newest seal, or a prune record made after it.
    let prev = chain::tip(&mut tx).await?;
    let first_id = prev.as_ref().map_or(1, |p| p.last_id.saturating_add(1));
    if first_id > last_id {
        tx.commit().await?;
        return Ok(SealReport {
            seal: None,
            head: prev,
        });
    }
    progress.phase(
        "sealing",
        Some(u64::try_from(last_id.saturating_sub(first_id).saturating_add(1)).unwrap_or(0)),
    );
    let prev_digest = prev.as_ref().map(|p| p.digest.clone());
    let mut h = start(prev_digest.as_deref(), first_id, last_id);
    let mut rows = 0i64;
    let mut newest: Option<DateTime<Utc>> = None;
    let mut last_seen = first_id.saturating_sub(1);
    let mut on_row = |row: Sealed<'_>| -> Result<()> {
        h.update(row.bytes);
        rows += 1;
        if row.occurred_at > newest {
            newest = row.occurred_at;
        }
        let step = row.id.saturating_sub(last_seen);
        if step >= 4096 {
            progress.advance(u64::try_from(step).unwrap_or(0));
            last_seen = row.id;
        }
        Ok(())
    };
    scan(db, &mut tx, first_id, last_id, &mut on_row).await?;
    let digest = finish(h, rows);
    let (signature, key_id) = match key {
        Some(k) => (
            Some(k.sign(&chain::seal_message(&digest))),
            Some(k.public().id()),
        ),
        None => (None, None),
    };
    // Milliseconds: what both databases keep.
    let sealed_at = chrono::SubsecRound::trunc_subsecs(crate::local::now(), 3);
    let id = tx
        .fetch_one(
            Sql::new(
                "INSERT INTO audit_seals (sealed_at, first_id, last_id, row_count, prev_digest, \
                 digest, actor, newest_at, signature, key_id) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
            )
            .bind(sealed_at)
            .bind(first_id)
            .bind(last_id)
            .bind(rows)
            .bind(prev_digest.clone())
            .bind(digest.as_str())
            .bind(actor.label.as_str())
            .bind(newest)
            .bind(signature.clone())
            .bind(key_id.clone()),
        )
        .await?
        .int("id")?;
    tx.commit().await?;
    progress.finish();
    let seal = Seal {
        id,
        sealed_at,
        first_id,
        last_id,
        row_count: rows,
        prev_digest,
        digest,
        key_id,
        signed: signature.is_some(),
        actor: actor.label.clone(),
    };
    Ok(SealReport {
        head: Some(SealHead {
            seal_id: seal.id,
            last_id: seal.last_id,
            digest: seal.digest.clone(),
            sealed_at: seal.sealed_at,
            prune_id: None,
        }),
        seal: Some(seal),
    })
}

/// A seal being recomputed.
struct Check {
    index: usize,
    hasher: Sha256,
    rows: i64,
    newest: Option<DateTime<Utc>>,
}

/// A seal recomputed from the entries there now.
struct Recomputed {
    index: usize,
    digest: String,
    rows: i64,
    /// When its newest entry occurred.
    newest: Option<DateTime<Utc>>,
}

impl Check {
    fn new(index: usize, s: &Seal) -> Check {
        Check {
            index,
            hasher: start(s.prev_digest.as_deref(), s.first_id, s.last_id),
            rows: 0,
            newest: None,
        }
    }

    fn done(self) -> Recomputed {
        Recomputed {
            index: self.index,
            digest: finish(self.hasher, self.rows),
            rows: self.rows,
            newest: self.newest,
        }
    }
}

/// Recompute the seals `which` (indexes into `seals`, in id order) from their entries, read
/// in one scan over `tx`'s view.
async fn recompute(
    db: &Db,
    tx: &mut Tx<'_>,
    seals: &[Seal],
    which: &[usize],
    progress: &Reporter,
) -> Result<Vec<Recomputed>> {
    let (Some(first), Some(last)) = (which.first(), which.last()) else {
        return Ok(Vec::new());
    };
    let from = seals[*first].first_id;
    let to = seals[*last].last_id;
    progress.phase(
        "verifying",
        Some(u64::try_from(to.saturating_sub(from).saturating_add(1)).unwrap_or(0)),
    );
    let mut pos = 0usize;
    let mut current: Option<Check> = None;
    let mut done: Vec<Recomputed> = Vec::new();
    let mut advanced = from.saturating_sub(1);
    let mut on_row = |row: Sealed<'_>| -> Result<()> {
        // Move to the seal whose range holds this id, closing those passed.
        loop {
            if let Some(c) = &current
                && row.id <= seals[c.index].last_id
            {
                break;
            }
            if let Some(c) = current.take() {
                done.push(c.done());
            }
            let Some(&index) = which.get(pos) else {
                return Ok(());
            };
            if row.id < seals[index].first_id {
                // In a seal that is not recomputed.
                return Ok(());
            }
            pos += 1;
            current = Some(Check::new(index, &seals[index]));
        }
        if let Some(c) = &mut current {
            c.hasher.update(row.bytes);
            c.rows += 1;
            if row.occurred_at > c.newest {
                c.newest = row.occurred_at;
            }
        }
        let step = row.id.saturating_sub(advanced);
        if step >= 4096 {
            progress.advance(u64::try_from(step).unwrap_or(0));
            advanced = row.id;
        }
        Ok(())
    };
    scan(db, tx, from, to, &mut on_row).await?;
    if let Some(c) = current.take() {
        done.push(c.done());
    }
    // Seals with no row left at all were never opened.
    for &index in &which[pos..] {
        done.push(Check::new(index, &seals[index]).done());
    }
    Ok(done)
}

/// A read of the whole chain and the entries as one view (on PostgreSQL, one snapshot).
async fn begin_view(db: &Db) -> Result<Tx<'static>> {
    let mut tx = db.begin_read().await?;
    if tx.dialect() == Dialect::Postgres {
        tx.execute(Sql::new(
            "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY",
        ))
        .await?;
    }
    Ok(tx)
}

/// What a recomputed seal says about its entries, if anything is wrong.
fn compare(s: &Seal, r: &Recomputed) -> Option<String> {
    let (sealed, rows) = (s.row_count, r.rows);
    if r.digest == s.digest {
        return (rows != sealed).then(|| {
            format!(
                "its entry count says {sealed}, but the {rows} entries there match its \
                 digest: the seal's count was altered"
            )
        });
    }
    Some(if rows < sealed {
        format!("{sealed} entries were sealed, {rows} are there: entries were deleted")
    } else if rows > sealed {
        format!("{sealed} entries were sealed, {rows} are there: entries were inserted")
    } else {
        "the entries differ from what was sealed: an entry (or the seal) was changed".into()
    })
}

/// Ids named one by one in a problem.
const NAMED_IDS: u64 = 10;

/// The entries with ids in `lo..=hi`: how many, and a problem naming them, when there are any.
async fn entries_in(
    tx: &mut Tx<'_>,
    lo: i64,
    hi: i64,
    problem: String,
) -> Result<Option<(u64, SealProblem)>> {
    if lo > hi {
        return Ok(None);
    }
    let row = tx
        .fetch_one(
            Sql::new(
                "SELECT COUNT(*) AS n, MIN(id) AS lo, MAX(id) AS hi FROM audit_logs \
                 WHERE id >= $1 AND id <= $2",
            )
            .bind(lo)
            .bind(hi),
        )
        .await?;
    let n = u64::try_from(row.int("n")?).unwrap_or(0);
    if n == 0 {
        return Ok(None);
    }
    let ids = tx
        .fetch_all(
            Sql::assembled(format!(
                "SELECT id FROM audit_logs WHERE id >= $1 AND id <= $2 ORDER BY id \
                 LIMIT {NAMED_IDS}"
            ))
            .bind(lo)
            .bind(hi),
        )
        .await?
        .iter()
        .map(|r| r.int("id"))
        .collect::<Result<Vec<_>>>()?;
    Ok(Some((
        n,
        SealProblem {
            seal_id: 0,
            prune_id: None,
            first_id: row.opt_int("lo")?.unwrap_or(lo),
            last_id: row.opt_int("hi")?.unwrap_or(hi),
            entry_ids: ids,
            problem: if n > NAMED_IDS {
                format!("{problem} ({n} in all)")
            } else {
                problem
            },
        },
    )))
}

/// Recompute every seal (those since `since`), follow the chain of seals and prune records,
/// check signatures, and account for every entry: in a recomputed seal, or newer than the
/// last seal; any other is named.
pub async fn verify(
    db: &Db,
    req: &AuditVerify,
    public: Option<&PublicKey>,
    progress: Reporter,
) -> Result<AuditVerifyReport> {
    let started = Instant::now();
    let mut tx = begin_view(db).await?;
    let chain = Chain::load(&mut tx).await?;
    let checked = chain.check(public);
    let mut problems: Vec<SealProblem> = checked.found.into_iter().map(|f| f.problem).collect();
    let seals = &chain.seals;
    let signatures = match (public, chain.any_signed()) {
        (Some(_), _) => Signatures::Checked,
        (None, true) => Signatures::NotChecked,
        (None, false) => Signatures::Unsigned,
    };

    // Which seals are recomputed: not those a prune record that holds took.
    let pruned_by = checked.pruned_by.map(|j| &chain.prunes[j]);
    let pruned_through = pruned_by.map_or(0, |p| p.sealed_through);
    let pruned: Vec<bool> = seals.iter().map(|s| s.id <= pruned_through).collect();
    let mut skipped = 0u64;
    let mut to_check: Vec<usize> = Vec::new();
    for (i, seal) in seals.iter().enumerate() {
        if pruned[i] {
            continue;
        }
        if req.since.is_some_and(|t| seal.sealed_at < t) {
            skipped += 1;
        } else {
            to_check.push(i);
        }
    }
    let rows_sealed = seals.iter().fold(0u64, |n, s| {
        n.saturating_add(u64::try_from(s.row_count).unwrap_or(0))
    });
    let mut rows_verified = 0u64;
    for r in recompute(db, &mut tx, seals, &to_check, &progress).await? {
        let s = &seals[r.index];
        rows_verified = rows_verified.saturating_add(u64::try_from(r.rows).unwrap_or(0));
        if let Some(text) = compare(s, &r) {
            problems.push(seal_problem(s, text));
        }
    }
    progress.finish();

    // Entries no seal accounts for: below 1, in the pruned range, below the first seal.
    let first_kept = match (seals.iter().zip(&pruned).find(|(_, p)| !**p), seals.last()) {
        (Some((s, _)), _) => s.first_id,
        (None, Some(last)) => last.last_id.saturating_add(1),
        (None, None) => 1,
    };
    let mut outside = Vec::new();
    outside.extend(
        entries_in(
            &mut tx,
            i64::MIN,
            0,
            "ids below 1, which the database never hands out: inserted by hand".into(),
        )
        .await?,
    );
    let mut below = 1;
    if let Some(p) = pruned_by {
        let last = p.sealed_last.unwrap_or(0);
        outside.extend(
            entries_in(
                &mut tx,
                1,
                last,
                format!(
                    "in the range pruned by prune {} (entries 1-{last}), from which nothing \
                     comes back: inserted by hand, or that prune was interrupted (run `audit \
                     prune` again to finish it)",
                    p.id
                ),
            )
            .await?,
        );
        below = last.max(0).saturating_add(1);
    }
    outside.extend(
        entries_in(
            &mut tx,
            below,
            first_kept.saturating_sub(1),
            format!(
                "below the first seal (entry {first_kept}), in no seal and no prune: earlier \
                 seals were removed, or inserted by hand"
            ),
        )
        .await?,
    );
    let head = chain::tip(&mut tx).await?;
    let newer = tx
        .fetch_one(
            Sql::new(
                "SELECT COUNT(*) AS n, MIN(id) AS lo, MAX(id) AS hi FROM audit_logs WHERE id > $1",
            )
            .bind(seals.last().map_or(0, |s| s.last_id.max(0))),
        )
        .await?;
    tx.commit().await?;
    problems.sort_by_key(|p| p.seal_id);

    let expected_head_found = req.expect_head.as_ref().map(|want| {
        let want = want.trim().to_ascii_lowercase();
        let found = chain.holds(&want);
        if !found {
            problems.push(SealProblem {
                seal_id: 0,
                prune_id: None,
                first_id: 0,
                last_id: 0,
                entry_ids: Vec::new(),
                problem: format!(
                    "the expected head {want} is not in the chain: the newest seals were \
                     removed (or the digest is from another database)"
                ),
            });
        }
        found
    });
    let rows_outside = outside.iter().fold(0u64, |n, (k, _)| n.saturating_add(*k));
    problems.extend(outside.into_iter().map(|(_, p)| p));
    let bad: std::collections::HashSet<i64> = problems.iter().map(|p| p.seal_id).collect();
    Ok(AuditVerifyReport {
        ok: problems.is_empty(),
        seals: seals.len() as u64,
        seals_valid: to_check
            .iter()
            .filter(|i| !bad.contains(&seals[**i].id))
            .count() as u64,
        seals_pruned: pruned.iter().filter(|p| **p).count() as u64,
        seals_skipped: skipped,
        rows_sealed,
        rows_expected: to_check
            .iter()
            .map(|i| u64::try_from(seals[*i].row_count).unwrap_or(0))
            .fold(0u64, u64::saturating_add),
        rows_verified,
        rows_unsealed: u64::try_from(newer.int("n")?).unwrap_or(0),
        unsealed_first_id: newer.opt_int("lo")?,
        unsealed_last_id: newer.opt_int("hi")?,
        rows_outside,
        signatures,
        head,
        expected_head_found,
        problems,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Before a prune records that every seal up to `through` lost its entries: those seals not
/// pruned yet must be whole — in their place in the chain, their entries matching their
/// digests, and with `key` their signatures valid — and every entry of theirs older than
/// `cutoff`, as the entries themselves say (a seal row's `newest_at` is not evidence). A
/// prune never destroys what verify would find, nor signs away tampering.
pub async fn check_prunable(
    db: &Db,
    through: i64,
    cutoff: DateTime<Utc>,
    key: Option<&PublicKey>,
    progress: &Reporter,
) -> Result<()> {
    let mut tx = begin_view(db).await?;
    let chain = Chain::load(&mut tx).await?;
    let Some(end) = chain
        .links
        .iter()
        .position(|l| matches!(l, Link::Seal(i) if chain.seals[*i].id == through))
    else {
        return Err(
            Error::conflict(format!("seal {through} went while the prune was planned"))
                .with_hint("run the prune again"),
        );
    };
    let checked = chain.check(key);
    let refuse = |what: String| {
        Error::refused(format!(
            "{what}: pruning would destroy the evidence, so nothing was deleted"
        ))
        .with_hint("run `platctl audit verify` and find out what happened first")
    };
    // A missing signature is no reason to keep a seal: the signed prune record vouches for it.
    if let Some(f) = checked
        .found
        .iter()
        .find(|f| !f.unsigned && f.link.is_some_and(|l| l <= end))
    {
        let p = &f.problem;
        let what = match p.prune_id {
            Some(id) => format!("prune {id}"),
            None => format!("seal {} (entries {}-{})", p.seal_id, p.first_id, p.last_id),
        };
        return Err(refuse(format!("{what}: {}", p.problem)));
    }
    if key.is_none() && chain.any_signed() {
        return Err(Error::refused(
            "the seals are signed, so a prune record must be signed too, and \
             AUDIT_SIGNING_KEY_FILE is not set: nothing was deleted",
        )
        .with_hint("set AUDIT_SIGNING_KEY_FILE to the key that signs the seals"));
    }
    let already = checked
        .pruned_by
        .map_or(0, |j| chain.prunes[j].sealed_through);
    let which: Vec<usize> = (0..chain.seals.len())
        .filter(|i| (already.saturating_add(1)..=through).contains(&chain.seals[*i].id))
        .collect();
    for r in recompute(db, &mut tx, &chain.seals, &which, progress).await? {
        let s = &chain.seals[r.index];
        if let Some(text) = compare(s, &r) {
            return Err(refuse(format!(
                "seal {} (entries {}-{}): {text}",
                s.id, s.first_id, s.last_id
            )));
        }
        if let Some(newest) = r.newest.filter(|t| *t >= cutoff) {
            return Err(refuse(format!(
                "seal {} (entries {}-{}) holds an entry of {}, not older than the cutoff, \
                 though its row says all are: the seal row was altered",
                s.id,
                s.first_id,
                s.last_id,
                newest.to_rfc3339()
            )));
        }
    }
    tx.commit().await?;
    Ok(())
}
