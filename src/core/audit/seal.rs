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
//! digest to the previous one means removing, changing or inserting an entry, or a seal,
//! breaks every digest after it. Anyone who can write the database could recompute the
//! chain, so a seal is also signed with an Ed25519 key kept outside the database
//! (`AUDIT_SIGNING_KEY_FILE`); the signature covers the digest, which covers everything else.

use std::time::Instant;

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use super::{Actor, parallel};
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

/// The message a seal's signature covers.
pub fn signed_message(digest: &str) -> Vec<u8> {
    format!("platctl audit seal v1 {digest}").into_bytes()
}

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
            let parts = (first..=last)
                .step_by(usize::try_from(chunk).unwrap_or(usize::MAX))
                .map(|lo| {
                    let hi = lo.saturating_add(chunk - 1).min(last);
                    (range_query(lo, hi), "FORMAT binary")
                })
                .collect();
            let mut on_part = |part: &[u8]| {
                let mut tuples = Tuples::new();
                tuples.feed(part, on_row)?;
                if tuples.ended {
                    Ok(())
                } else {
                    Err(malformed())
                }
            };
            parallel::copy_parts(readers, parts, &mut on_part).await
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

fn seal_from(row: &Row) -> Result<(Seal, Option<String>)> {
    let signature = row.opt_text("signature")?;
    Ok((
        Seal {
            id: row.int("id")?,
            sealed_at: row.time("sealed_at")?,
            first_id: row.int("first_id")?,
            last_id: row.int("last_id")?,
            row_count: row.int("row_count")?,
            prev_digest: row.opt_text("prev_digest")?,
            digest: row.text("digest")?,
            key_id: row.opt_text("key_id")?,
            signed: signature.is_some(),
            actor: row.text("actor")?,
        },
        signature,
    ))
}

const SEAL_SELECT: &str = "SELECT id, sealed_at, first_id, last_id, row_count, prev_digest, \
    digest, key_id, signature, actor, newest_at FROM audit_seals";

pub fn head_of(seal: &Seal) -> SealHead {
    SealHead {
        seal_id: seal.id,
        last_id: seal.last_id,
        digest: seal.digest.clone(),
        sealed_at: seal.sealed_at,
    }
}

/// The newest seal, if any (and if the tables exist: a backup of an older schema has none).
pub async fn head(db: &Db) -> Result<Option<SealHead>> {
    if !db.table_exists("audit_seals").await? {
        return Ok(None);
    }
    let row = db
        .fetch_optional(Sql::assembled(format!(
            "{SEAL_SELECT} ORDER BY id DESC LIMIT 1"
        )))
        .await?;
    row.map(|r| seal_from(&r).map(|(s, _)| head_of(&s)))
        .transpose()
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
    if tx.dialect() == Dialect::Postgres {
        // One seal run at a time; the next one sees this one's seal once it commits.
        tx.execute(Sql::new("SELECT pg_advisory_xact_lock($1)").bind(SEAL_LOCK))
            .await?;
    }
    let last_id = if last_id == i64::MAX {
        tx.fetch_one(Sql::new(
            "SELECT COALESCE(MAX(id), 0) AS last FROM audit_logs",
        ))
        .await?
        .int("last")?
    } else {
        last_id
    };
    let prev = tx
        .fetch_optional(Sql::assembled(format!(
            "{SEAL_SELECT} ORDER BY id DESC LIMIT 1"
        )))
        .await?
        .map(|r| seal_from(&r))
        .transpose()?
        .map(|(s, _)| s);
    let first_id = prev.as_ref().map_or(1, |p| p.last_id.saturating_add(1));
    if first_id > last_id {
        tx.commit().await?;
        return Ok(SealReport {
            seal: None,
            head: prev.as_ref().map(head_of),
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
            Some(k.sign(&signed_message(&digest))),
            Some(k.public().id()),
        ),
        None => (None, None),
    };
    // Milliseconds: what both databases keep.
    let sealed_at = chrono::SubsecRound::trunc_subsecs(crate::core::now(), 3);
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
        head: Some(head_of(&seal)),
        seal: Some(seal),
    })
}

/// A seal being recomputed.
struct Check {
    index: usize,
    hasher: Sha256,
    rows: i64,
}

/// A seal recomputed from the entries there now.
struct Recomputed {
    index: usize,
    digest: String,
    rows: i64,
}

impl Check {
    fn new(index: usize, s: &Seal) -> Check {
        Check {
            index,
            hasher: start(s.prev_digest.as_deref(), s.first_id, s.last_id),
            rows: 0,
        }
    }

    fn done(self) -> Recomputed {
        Recomputed {
            index: self.index,
            digest: finish(self.hasher, self.rows),
            rows: self.rows,
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

fn seal_problem(s: &Seal, text: String) -> SealProblem {
    SealProblem {
        seal_id: s.id,
        first_id: s.first_id,
        last_id: s.last_id,
        entry_ids: Vec::new(),
        problem: text,
    }
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

/// Recompute every seal (those since `since`), follow the chain, check signatures, and
/// account for every entry: in a recomputed seal, a pruned one, or newer than the last.
pub async fn verify(
    db: &Db,
    req: &AuditVerify,
    public: Option<&PublicKey>,
    progress: Reporter,
) -> Result<AuditVerifyReport> {
    let started = Instant::now();
    let mut tx = db.begin_read().await?;
    if tx.dialect() == Dialect::Postgres {
        // One view of the seals, the prune records and every entry.
        tx.execute(Sql::new(
            "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY",
        ))
        .await?;
    }
    let rows: Vec<(Seal, Option<String>)> = tx
        .fetch_all(Sql::assembled(format!("{SEAL_SELECT} ORDER BY id")))
        .await?
        .iter()
        .map(seal_from)
        .collect::<Result<_>>()?;
    let (seals, signatures_of): (Vec<Seal>, Vec<Option<String>>) = rows.into_iter().unzip();
    let pruned_through = tx
        .fetch_one(Sql::new(
            "SELECT MAX(sealed_through) AS through FROM audit_prunes",
        ))
        .await?
        .opt_int("through")?
        .unwrap_or(0);
    let mut problems = Vec::new();

    // The chain and the signatures.
    let mut prev: Option<&Seal> = None;
    for (seal, signature) in seals.iter().zip(&signatures_of) {
        match prev {
            None if seal.prev_digest.is_some() => problems.push(seal_problem(
                seal,
                "it chains to a seal that is not there: earlier seals were removed".into(),
            )),
            None if seal.first_id != 1 => problems.push(seal_problem(
                seal,
                "it is the first seal, but starts at another entry than 1: the chain was \
                 made anew"
                    .into(),
            )),
            Some(p) if seal.prev_digest.as_deref() != Some(p.digest.as_str()) => {
                problems.push(seal_problem(
                    seal,
                    format!(
                        "it does not chain to seal {}: a seal was changed, removed or inserted",
                        p.id
                    ),
                ))
            }
            Some(p) if p.last_id.checked_add(1) != Some(seal.first_id) => {
                problems.push(seal_problem(
                    seal,
                    format!(
                        "its range does not start where seal {} ended (entry {})",
                        p.id, p.last_id
                    ),
                ))
            }
            _ => {}
        }
        if let Some(key) = public {
            match signature {
                None => problems.push(seal_problem(
                    seal,
                    "it is not signed, and a public key was given: every seal must be signed"
                        .into(),
                )),
                Some(sig) if !key.verify(&signed_message(&seal.digest), sig) => {
                    problems.push(seal_problem(
                        seal,
                        "its signature does not verify with the public key: the seal was \
                         forged or altered, or signed by another key"
                            .into(),
                    ))
                }
                Some(_) => {}
            }
        }
        prev = Some(seal);
    }
    let any_signed = signatures_of.iter().any(Option::is_some);
    let signatures = match (public, any_signed) {
        (Some(_), _) => Signatures::Checked,
        (None, true) => Signatures::NotChecked,
        (None, false) => Signatures::Unsigned,
    };

    // Which seals are recomputed.
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
    for r in recompute(db, &mut tx, &seals, &to_check, &progress).await? {
        let s = &seals[r.index];
        rows_verified = rows_verified.saturating_add(u64::try_from(r.rows).unwrap_or(0));
        if let Some(text) = compare(s, &r) {
            problems.push(seal_problem(s, text));
        }
    }
    progress.finish();

    // Entries no seal accounts for: below 1, in a pruned range, below the first seal.
    let pruned_last = seals
        .iter()
        .zip(&pruned)
        .filter(|(_, p)| **p)
        .map(|(s, _)| s.last_id)
        .max();
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
    if let Some(last) = pruned_last {
        outside.extend(
            entries_in(
                &mut tx,
                1,
                last,
                format!(
                    "in the pruned range (entries 1-{last}), from which nothing comes back: \
                     inserted by hand, or the prune was interrupted (run `audit prune` again \
                     to finish it)"
                ),
            )
            .await?,
        );
    }
    let below = pruned_last.unwrap_or(0).max(0).saturating_add(1);
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
    let head = seals.last().map(head_of);
    let newer = tx
        .fetch_one(
            Sql::new(
                "SELECT COUNT(*) AS n, MIN(id) AS lo, MAX(id) AS hi FROM audit_logs WHERE id > $1",
            )
            .bind(head.as_ref().map_or(0, |h| h.last_id.max(0))),
        )
        .await?;
    tx.commit().await?;
    problems.sort_by_key(|p| p.seal_id);

    let expected_head_found = req.expect_head.as_ref().map(|want| {
        let want = want.trim().to_ascii_lowercase();
        let found = seals.iter().any(|s| s.digest == want);
        if !found {
            problems.push(SealProblem {
                seal_id: 0,
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
