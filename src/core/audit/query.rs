//! Reading the audit log: queries (keyset pages, never OFFSET), tail and follow, counts, and
//! exports (PostgreSQL's `COPY … TO STDOUT` straight to the output; SQLite page by page).

use std::collections::BTreeMap;
use std::io::Write;

use chrono::{DateTime, Utc};

use super::filter::{IpMatch, Resolved};
use super::parallel;
use crate::db::{Db, Dialect, Row, Sql};
use crate::error::{Error, Result};
use crate::progress::Reporter;
use crate::proto::Sink;
use crate::proto::audit::*;

/// Rows read per round trip when streaming.
const PAGE: u64 = 2000;

const COLUMNS: &str = "a.id, a.occurred_at, a.actor, a.actor_user_id, a.actor_api_key_id, \
    a.organization_id, o.slug AS organization, a.action, a.resource_type, a.resource_id, a.ip, \
    a.user_agent, a.metadata";
const FROM: &str =
    " FROM audit_logs a LEFT JOIN organizations o ON o.id = a.organization_id WHERE 1 = 1";

fn select() -> Sql {
    Sql::assembled(format!("SELECT {COLUMNS}{FROM}"))
}

fn record(row: &Row) -> Result<AuditRecord> {
    Ok(AuditRecord {
        id: row.int("id")?,
        occurred_at: row.time("occurred_at")?,
        actor: row.text("actor")?,
        actor_user_id: row.opt_uuid("actor_user_id")?,
        actor_api_key_id: row.opt_uuid("actor_api_key_id")?,
        organization_id: row.opt_uuid("organization_id")?,
        organization: row.opt_text("organization")?,
        action: row.text("action")?,
        resource_type: row.opt_text("resource_type")?,
        resource_id: row.opt_text("resource_id")?,
        ip: row.opt_ip("ip")?,
        user_agent: row.opt_text("user_agent")?,
        metadata: row.json("metadata")?,
    })
}

fn passes(check: Option<&IpMatch>, rec: &AuditRecord) -> bool {
    check.is_none_or(|m| m.contains(rec.ip.as_deref()))
}

/// The position of a row in time order, as the database compares it: PostgreSQL's timestamp;
/// SQLite's stored text (whatever format the platform wrote it in).
enum TimeKey {
    Pg(DateTime<Utc>),
    Text(String),
}

/// Entries in time order (newest first unless ascending), a page at a time: each page starts
/// where the last ended (`occurred_at`, then `id`), so the millionth row costs what the first
/// did.
pub async fn query(
    db: &Db,
    f: &Resolved,
    req: &AuditQuery,
    sink: Sink<'_, AuditRecord>,
) -> Result<u64> {
    let dialect = db.dialect();
    let check = f.row_check(dialect);
    let (cmp, order) = if req.ascending {
        (">", "ASC")
    } else {
        ("<", "DESC")
    };
    let mut remaining = req.limit;
    let mut after: Option<(TimeKey, i64)> = None;
    let mut total = 0u64;
    loop {
        let page = match (remaining, check) {
            (Some(r), None) => r.min(PAGE),
            _ => PAGE,
        };
        let mut sql = select();
        f.push_where(&mut sql, dialect);
        if let Some((time, id)) = &after {
            // `occurred_at <= t` is what an index on the time serves; the rest picks up ties.
            let t = sql.next_placeholder();
            match time {
                TimeKey::Pg(t) => sql.push_arg(*t),
                TimeKey::Text(t) => sql.push_arg(t.as_str()),
            }
            let i = sql.next_placeholder();
            sql.push_arg(*id);
            sql.push_str(&format!(
                " AND a.occurred_at {cmp}= {t} AND (a.occurred_at {cmp} {t} OR a.id {cmp} {i})"
            ));
        }
        sql.push_str(&format!(
            " ORDER BY a.occurred_at {order}, a.id {order} LIMIT {page}"
        ));
        let rows = db.fetch_all(sql).await?;
        let fetched = rows.len() as u64;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            let rec = record(row)?;
            let key = match dialect {
                Dialect::Postgres => TimeKey::Pg(rec.occurred_at),
                Dialect::Sqlite => TimeKey::Text(row.text("occurred_at")?),
            };
            after = Some((key, rec.id));
            if passes(check, &rec) {
                out.push(rec);
            }
        }
        if let Some(r) = remaining {
            out.truncate(usize::try_from(r).unwrap_or(usize::MAX));
        }
        let n = out.len() as u64;
        total += n;
        remaining = remaining.map(|r| r - n);
        if n > 0 {
            sink(out)?;
        }
        if fetched < page || remaining == Some(0) {
            return Ok(total);
        }
    }
}

/// Rows by id after `after` (ascending) or before `before` (descending), filtered.
async fn by_id(
    db: &Db,
    f: &Resolved,
    after: i64,
    limit: u64,
    descending: bool,
) -> Result<Vec<Row>> {
    let dialect = db.dialect();
    let mut sql = select();
    f.push_where(&mut sql, dialect);
    let p = sql.next_placeholder();
    sql.push_arg(after);
    let (cmp, order) = if descending {
        ("<", "DESC")
    } else {
        (">", "ASC")
    };
    sql.push_str(&format!(
        " AND a.id {cmp} {p} ORDER BY a.id {order} LIMIT {limit}"
    ));
    db.fetch_all(sql).await
}

/// The highest id there is, and on PostgreSQL the snapshot's transaction horizon (xmin, xmax),
/// read in one statement.
async fn visible(db: &Db) -> Result<(i64, i64, i64)> {
    let sql = match db.dialect() {
        Dialect::Postgres => Sql::new(
            "SELECT COALESCE((SELECT max(id) FROM audit_logs), 0) AS m, \
             CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text) AS bigint) AS xmin, \
             CAST(CAST(pg_snapshot_xmax(pg_current_snapshot()) AS text) AS bigint) AS xmax",
        ),
        Dialect::Sqlite => Sql::new(
            "SELECT COALESCE((SELECT max(id) FROM audit_logs), 0) AS m, 0 AS xmin, 0 AS xmax",
        ),
    };
    let row = db.fetch_one(sql).await?;
    Ok((row.int("m")?, row.int("xmin")?, row.int("xmax")?))
}

/// How far below the newest id a tail looks for entries still to commit.
const TAIL_LOOKBACK: i64 = 1000;

/// The newest `lines` entries, oldest of them first, and the cursor to follow from.
pub async fn tail(db: &Db, f: &Resolved, req: &AuditTail) -> Result<TailPoll> {
    let dialect = db.dialect();
    let check = f.row_check(dialect);
    let (m, _, xmax) = visible(db).await?;
    let mut entries = Vec::new();
    let mut before = m + 1;
    while (entries.len() as u64) < req.lines {
        let rows = by_id(db, f, before, PAGE, true).await?;
        for row in &rows {
            let rec = record(row)?;
            before = rec.id;
            if passes(check, &rec) && (entries.len() as u64) < req.lines {
                entries.push(rec);
            }
        }
        if (rows.len() as u64) < PAGE {
            break;
        }
    }
    entries.reverse();
    let cursor = match dialect {
        // SQLite commits one writer at a time, in id order: nothing below `m` can appear.
        Dialect::Sqlite => TailCursor {
            after: m,
            ..TailCursor::default()
        },
        // A transaction in progress may still commit an id below `m`: look back a little, and
        // remember what is already there so it is not shown again.
        Dialect::Postgres => {
            let after = (m - TAIL_LOOKBACK).max(0);
            let mut seen = Vec::new();
            let mut from = after;
            loop {
                let rows = by_id(db, f, from, PAGE, false).await?;
                for row in &rows {
                    from = row.int("id")?;
                    if from <= m {
                        seen.push(from);
                    }
                }
                if (rows.len() as u64) < PAGE || from >= m {
                    break;
                }
            }
            TailCursor {
                after,
                seen,
                pending: vec![TailWait {
                    visible: m,
                    xmax: u64::try_from(xmax).unwrap_or(0),
                }],
            }
        }
    };
    Ok(TailPoll { entries, cursor })
}

/// Entries that appeared since `cursor`. On PostgreSQL an id is only passed over for good once
/// every transaction that was running when it was first looked at has ended, so an entry that
/// commits after a higher one is still shown.
pub async fn follow(db: &Db, f: &Resolved, cursor: &TailCursor) -> Result<TailPoll> {
    let dialect = db.dialect();
    let check = f.row_check(dialect);
    let mut next = cursor.clone();
    // First the horizon, then the rows: everything visible to the first is visible to the
    // second.
    let (m, xmin, xmax) = visible(db).await?;
    let rows = by_id(db, f, next.after, PAGE, false).await?;
    let full = rows.len() as u64 == PAGE;
    let mut entries = Vec::new();
    let mut highest = next.after;
    for row in &rows {
        let rec = record(row)?;
        highest = highest.max(rec.id);
        if next.seen.binary_search(&rec.id).is_ok() {
            continue;
        }
        if let Err(at) = next.seen.binary_search(&rec.id) {
            next.seen.insert(at, rec.id);
        }
        if passes(check, &rec) {
            entries.push(rec);
        }
    }
    match dialect {
        Dialect::Sqlite => {
            next.after = if full { highest } else { m.max(highest) };
            next.seen.clear();
        }
        Dialect::Postgres if !full => {
            let xmin = u64::try_from(xmin).unwrap_or(0);
            let mut after = next.after;
            next.pending.retain(|w| {
                if xmin >= w.xmax {
                    after = after.max(w.visible);
                    false
                } else {
                    true
                }
            });
            next.after = after;
            if m > next.after {
                next.pending.push(TailWait {
                    visible: m,
                    xmax: u64::try_from(xmax).unwrap_or(0),
                });
            }
            let after = next.after;
            next.seen.retain(|id| *id > after);
        }
        // More rows wait: read them before moving the horizon.
        Dialect::Postgres => {}
    }
    Ok(TailPoll {
        entries,
        cursor: next,
    })
}

/// The expression grouped by, per dialect.
fn stats_key(by: StatsBy, dialect: Dialect) -> &'static str {
    match (by, dialect) {
        (StatsBy::Action, _) => "a.action",
        (StatsBy::User, _) => {
            "CASE WHEN a.actor <> '' THEN a.actor \
             ELSE COALESCE(CAST(a.actor_user_id AS TEXT), '-') END"
        }
        (StatsBy::Org, _) => "COALESCE(o.slug, CAST(a.organization_id AS TEXT), '-')",
        (StatsBy::Day, Dialect::Postgres) => {
            "to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
        }
        (StatsBy::Day, Dialect::Sqlite) => "substr(a.occurred_at, 1, 10)",
        (StatsBy::Hour, Dialect::Postgres) => {
            "to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:00')"
        }
        (StatsBy::Hour, Dialect::Sqlite) => {
            "substr(a.occurred_at, 1, 10) || ' ' || substr(a.occurred_at, 12, 2) || ':00'"
        }
    }
}

/// Counts per group: by count for names, in time order for days and hours.
pub async fn stats(db: &Db, f: &Resolved, by: StatsBy) -> Result<Vec<AuditCount>> {
    let dialect = db.dialect();
    let key = stats_key(by, dialect);
    let mut counts: Vec<AuditCount> = match f.row_check(dialect) {
        None => {
            let mut sql = Sql::assembled(format!(
                "SELECT {key} AS key, COUNT(*) AS n FROM audit_logs a \
                 LEFT JOIN organizations o ON o.id = a.organization_id WHERE 1 = 1"
            ));
            f.push_where(&mut sql, dialect);
            sql.push_str(" GROUP BY 1");
            db.fetch_all(sql)
                .await?
                .iter()
                .map(|r| {
                    Ok(AuditCount {
                        key: r.opt_text("key")?.unwrap_or_else(|| "-".into()),
                        count: r.int("n")?,
                    })
                })
                .collect::<Result<_>>()?
        }
        // A block on SQLite: count row by row, a page at a time.
        Some(check) => {
            let mut groups: BTreeMap<String, i64> = BTreeMap::new();
            let mut after = 0i64;
            loop {
                let mut sql = Sql::assembled(format!(
                    "SELECT a.id, a.ip, {key} AS key FROM audit_logs a \
                     LEFT JOIN organizations o ON o.id = a.organization_id WHERE 1 = 1"
                ));
                f.push_where(&mut sql, dialect);
                let p = sql.next_placeholder();
                sql.push_arg(after);
                sql.push_str(&format!(" AND a.id > {p} ORDER BY a.id LIMIT {PAGE}"));
                let rows = db.fetch_all(sql).await?;
                for row in &rows {
                    after = row.int("id")?;
                    if check.contains(row.opt_text("ip")?.as_deref()) {
                        *groups
                            .entry(row.opt_text("key")?.unwrap_or_else(|| "-".into()))
                            .or_default() += 1;
                    }
                }
                if (rows.len() as u64) < PAGE {
                    break;
                }
            }
            groups
                .into_iter()
                .map(|(key, count)| AuditCount { key, count })
                .collect()
        }
    };
    match by {
        StatsBy::Day | StatsBy::Hour => counts.sort_by(|a, b| a.key.cmp(&b.key)),
        _ => counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key))),
    }
    Ok(counts)
}

/// The export's columns, in [`AuditRecord`]'s order. Times are PostgreSQL's own output in
/// UTC (the export's session sets `TimeZone` and `DateStyle`): `2026-11-26 02:00:00.123456+00`
/// in CSV, RFC 3339 (`2026-11-26T02:00:00.123456+00:00`) in JSON.
const PG_EXPORT_COLUMNS: &str = "a.id, a.occurred_at, \
    a.actor, a.actor_user_id, a.actor_api_key_id, a.organization_id, o.slug AS organization, \
    a.action, a.resource_type, a.resource_id, a.ip, a.user_agent, a.metadata";

/// Counts what goes through, in rows (newlines) and bytes, and reports the bytes.
struct Counted<'w> {
    out: &'w mut (dyn Write + Send),
    bytes: u64,
    rows: u64,
    progress: Reporter,
}

impl Counted<'_> {
    fn write(&mut self, data: &[u8]) -> Result<()> {
        self.out
            .write_all(data)
            .map_err(|e| Error::io("cannot write the export", e))?;
        self.bytes += data.len() as u64;
        self.progress.advance(data.len() as u64);
        Ok(())
    }
}

/// Writes `[`, `,` and `]` around NDJSON lines, whatever the chunks: a JSON array, one entry a
/// line.
struct JsonArray {
    started: bool,
    pending_newline: bool,
}

impl JsonArray {
    fn feed(&mut self, out: &mut Counted<'_>, chunk: &[u8]) -> Result<()> {
        let mut rest = chunk;
        while !rest.is_empty() {
            if self.pending_newline {
                out.write(b",\n  ")?;
                self.pending_newline = false;
            } else if !self.started {
                out.write(b"[\n  ")?;
                self.started = true;
            }
            match memchr::memchr(b'\n', rest) {
                Some(at) => {
                    out.write(&rest[..at])?;
                    out.rows += 1;
                    self.pending_newline = true;
                    rest = &rest[at + 1..];
                }
                None => {
                    out.write(rest)?;
                    rest = &[];
                }
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut Counted<'_>) -> Result<()> {
        out.write(if self.started { b"\n]\n" } else { b"[]\n" })
    }
}

/// Write matching entries, oldest first, to `out`.
pub async fn export(
    db: &Db,
    f: &Resolved,
    format: ExportFormat,
    out: &mut (dyn Write + Send),
    progress: Reporter,
) -> Result<ExportReport> {
    progress.phase("exporting", None);
    let mut counted = Counted {
        out,
        bytes: 0,
        rows: 0,
        progress: progress.clone(),
    };
    match db.dialect() {
        Dialect::Postgres => export_pg(db, f, format, &mut counted).await?,
        Dialect::Sqlite => export_rows(db, f, format, &mut counted).await?,
    }
    counted
        .out
        .flush()
        .map_err(|e| Error::io("cannot write the export", e))?;
    progress.finish();
    Ok(ExportReport {
        rows: counted.rows,
        bytes: counted.bytes,
        format,
    })
}

/// The COPY that exports on PostgreSQL (and its options): CSV as COPY writes it; NDJSON as one
/// `row_to_json` a line, through CSV mode with a delimiter and quote that JSON text never
/// contains raw (control characters are escaped in JSON), so nothing is quoted or escaped on
/// the way. `blocks` limits it to a range of the table's heap blocks (the end open when
/// `None`).
fn pg_export_query(
    f: &Resolved,
    format: ExportFormat,
    blocks: Option<(i64, Option<i64>)>,
) -> (Sql, &'static str) {
    let mut inner = Sql::assembled(format!("SELECT {PG_EXPORT_COLUMNS}{FROM}"));
    f.push_where(&mut inner, Dialect::Postgres);
    if let Some((lo, hi)) = blocks {
        // Integers of ours, not values from the command line.
        inner.push_str(&format!(" AND a.ctid >= '({lo},0)'::tid"));
        if let Some(hi) = hi {
            inner.push_str(&format!(" AND a.ctid < '({hi},0)'::tid"));
        }
    }
    match format {
        ExportFormat::Csv => (inner, "FORMAT csv"),
        ExportFormat::Ndjson | ExportFormat::Json => {
            let mut outer = Sql::assembled("SELECT row_to_json(x) FROM (".to_string());
            outer.push_str(inner.text());
            outer.push_str(") x");
            (
                outer.with_args_of(inner),
                "FORMAT csv, DELIMITER E'\\x01', QUOTE E'\\x02'",
            )
        }
    }
}

/// The export's session: no JIT (its compilation costs more than it saves on a scan that
/// formats every row), times in UTC as ISO 8601.
const EXPORT_SETTINGS: &[&str] = &[
    "SET LOCAL jit = off",
    "SET LOCAL TimeZone = 'UTC'",
    "SET LOCAL DateStyle = 'ISO, YMD'",
];

/// PostgreSQL formats the rows and they go straight through, in the table's physical order
/// (oldest first, for a log that only grows). A whole-table export is read by two
/// connections sharing one snapshot, each taking every other range of blocks, so the server
/// formats on two cores; the ranges are written in order.
async fn export_pg(
    db: &Db,
    f: &Resolved,
    format: ExportFormat,
    out: &mut Counted<'_>,
) -> Result<()> {
    let mut array = JsonArray {
        started: false,
        pending_newline: false,
    };
    if format == ExportFormat::Csv {
        let header = <AuditRecord as crate::proto::Record>::fields().join(",");
        out.write(format!("{header}\n").as_bytes())?;
    }
    let mut on_chunk = |chunk: &[u8]| -> Result<()> {
        match format {
            ExportFormat::Json => array.feed(out, chunk),
            _ => {
                out.rows += memchr::memchr_iter(b'\n', chunk).count() as u64;
                out.write(chunk)
            }
        }
    };
    let mut tx = parallel::reader(db, None, EXPORT_SETTINGS).await?;
    let row = tx
        .fetch_one(Sql::new(
            "SELECT CAST(current_setting('server_version_num') AS integer) >= 140000 AS tid_ranges, \
             pg_relation_size('audit_logs') / CAST(current_setting('block_size') AS bigint) \
             AS blocks, pg_export_snapshot() AS snapshot",
        ))
        .await?;
    let blocks = row.int("blocks")?;
    if !f.is_empty() || !row.bool("tid_ranges")? || blocks < 4 * EXPORT_CHUNK_BLOCKS {
        let (query, options) = pg_export_query(f, format, None);
        tx.copy_out(&query, options, &mut on_chunk).await?;
        tx.commit().await?;
    } else {
        let other = parallel::reader(db, Some(&row.text("snapshot")?), EXPORT_SETTINGS).await?;
        // Block ranges in order, the last one open-ended (rows added since are not in the
        // snapshot anyway).
        let count = usize::try_from(
            blocks
                .unsigned_abs()
                .div_ceil(EXPORT_CHUNK_BLOCKS.unsigned_abs()),
        )
        .unwrap_or(0);
        let part = |i: usize| {
            let lo = i64::try_from(i)
                .unwrap_or(i64::MAX)
                .saturating_mul(EXPORT_CHUNK_BLOCKS);
            let hi = lo.saturating_add(EXPORT_CHUNK_BLOCKS);
            pg_export_query(f, format, Some((lo, (hi < blocks).then_some(hi))))
        };
        parallel::copy_parts([tx, other], count, &part, &mut on_chunk).await?;
    }
    if format == ExportFormat::Json {
        array.finish(out)?;
    }
    Ok(())
}

/// Heap blocks per range of a parallel export (1 MiB of table): small enough that the ranges
/// waiting their turn keep memory flat.
const EXPORT_CHUNK_BLOCKS: i64 = 128;

/// The row as exported, its time written as PostgreSQL's export writes it.
fn export_value(rec: &AuditRecord, format: ExportFormat) -> serde_json::Value {
    let mut v = serde_json::to_value(rec).unwrap_or_default();
    if let Some(map) = v.as_object_mut() {
        let time = match format {
            ExportFormat::Csv => rec.occurred_at.format("%Y-%m-%d %H:%M:%S%.f+00"),
            _ => rec.occurred_at.format("%Y-%m-%dT%H:%M:%S%.f+00:00"),
        };
        map.insert("occurred_at".into(), time.to_string().into());
    }
    v
}

fn csv_field(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// SQLite: page by id, formatted here.
async fn export_rows(
    db: &Db,
    f: &Resolved,
    format: ExportFormat,
    out: &mut Counted<'_>,
) -> Result<()> {
    let check = f.row_check(Dialect::Sqlite);
    let mut array = JsonArray {
        started: false,
        pending_newline: false,
    };
    let fields = <AuditRecord as crate::proto::Record>::fields();
    if format == ExportFormat::Csv {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(fields).map_err(csv_error)?;
        out.write(
            &w.into_inner()
                .map_err(|e| csv_error(e.into_error().into()))?,
        )?;
    }
    let mut after = 0i64;
    loop {
        let rows = by_id(db, f, after, PAGE, false).await?;
        let mut buf = Vec::with_capacity(rows.len() * 300);
        let mut csv = csv::Writer::from_writer(Vec::new());
        let mut n = 0u64;
        for row in &rows {
            let rec = record(row)?;
            after = rec.id;
            if !passes(check, &rec) {
                continue;
            }
            n += 1;
            let value = export_value(&rec, format);
            match format {
                ExportFormat::Csv => csv
                    .write_record(
                        fields
                            .iter()
                            .map(|c| csv_field(value.get(c).unwrap_or(&serde_json::Value::Null))),
                    )
                    .map_err(csv_error)?,
                _ => {
                    buf.extend_from_slice(value.to_string().as_bytes());
                    buf.push(b'\n');
                }
            }
        }
        match format {
            ExportFormat::Csv => {
                out.write(
                    &csv.into_inner()
                        .map_err(|e| csv_error(e.into_error().into()))?,
                )?;
                out.rows += n;
            }
            ExportFormat::Json => array.feed(out, &buf)?,
            ExportFormat::Ndjson => {
                out.write(&buf)?;
                out.rows += n;
            }
        }
        if (rows.len() as u64) < PAGE {
            break;
        }
    }
    if format == ExportFormat::Json {
        array.finish(out)?;
    }
    Ok(())
}

fn csv_error(err: csv::Error) -> Error {
    Error::internal(format!("cannot write CSV: {err}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn array_of(chunks: &[&[u8]]) -> (Vec<u8>, u64) {
        let mut written = Vec::new();
        let mut out = Counted {
            out: &mut written,
            bytes: 0,
            rows: 0,
            progress: crate::progress::silent(),
        };
        let mut array = JsonArray {
            started: false,
            pending_newline: false,
        };
        for chunk in chunks {
            array.feed(&mut out, chunk).unwrap();
        }
        array.finish(&mut out).unwrap();
        let rows = out.rows;
        (written, rows)
    }

    #[test]
    fn ndjson_becomes_a_json_array_whatever_the_chunks() {
        let text = b"{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n";
        for cut in [1, 3, 7, 8, 9, 20] {
            let chunks: Vec<&[u8]> = text.chunks(cut).collect();
            let (written, rows) = array_of(&chunks);
            assert_eq!(rows, 3);
            let parsed: Vec<serde_json::Value> = serde_json::from_slice(&written).unwrap();
            assert_eq!(parsed.len(), 3, "chunks of {cut}");
        }
        assert_eq!(array_of(&[]).0, b"[]\n");
    }
}
