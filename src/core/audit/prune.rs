//! Retention: deleting old entries in small batches, recorded so that `verify` knows the
//! difference between a prune and tampering.
//!
//! A sealed range goes whole or not at all: the seals whose every entry is older than the
//! cutoff (counted from the first, in order) lose their entries. Before the first delete the
//! prune checks those seals (whole, and old by their entries' own times) and records the
//! newest of them in `audit_prunes`, as a link of the seal chain, signed with the seals' key
//! (see `chain`). Entries newer than the last seal go when they are older than the cutoff.
//! Old entries that share a seal with newer ones stay until the whole seal is old. Entries
//! with ids below 1 never go: no seal covers them, and verify names them.

use chrono::{DateTime, Utc};
use serde_json::json;

use super::chain::{self, PruneClaim};
use super::{AuditEntry, record, seal};
use crate::core::actor::Actor;
use crate::db::{Db, Sql, Tx};
use crate::error::Result;
use crate::progress::Reporter;
use crate::proto::audit::*;
use crate::signing::SigningKey;

/// Entries deleted per statement: each holds its locks for a moment only.
const BATCH: i64 = 5000;

/// What goes: `(1 <= id <= sealed_last) OR (id > head_last AND occurred_at < cutoff)`.
struct Bounds {
    sealed_through: Option<i64>,
    sealed_last: i64,
    head_last: i64,
}

impl Bounds {
    fn push_where(&self, sql: &mut Sql, cutoff: DateTime<Utc>) {
        let a = sql.next_placeholder();
        sql.push_arg(self.sealed_last);
        let b = sql.next_placeholder();
        sql.push_arg(self.head_last);
        let c = sql.next_placeholder();
        sql.push_arg(cutoff);
        sql.push_str(&format!(
            " WHERE ((id >= 1 AND id <= {a}) OR (id > {b} AND occurred_at < {c}))"
        ));
    }
}

async fn bounds(db: &Db, cutoff: DateTime<Utc>) -> Result<Bounds> {
    let seals = db
        .fetch_all(Sql::new(
            "SELECT id, last_id, newest_at FROM audit_seals ORDER BY id",
        ))
        .await?;
    let mut b = Bounds {
        sealed_through: None,
        sealed_last: 0,
        head_last: 0,
    };
    let mut whole = true;
    for row in &seals {
        let last = row.int("last_id")?;
        b.head_last = last;
        let old = row.opt_time("newest_at")?.is_some_and(|t| t < cutoff);
        if whole && old {
            b.sealed_through = Some(row.int("id")?);
            b.sealed_last = last;
        } else {
            whole = false;
        }
    }
    Ok(b)
}

/// The chain fields of a prune record that claims seals (none for one that does not).
#[derive(Default)]
struct Link {
    head_seal_id: Option<i64>,
    prev_digest: Option<String>,
    digest: Option<String>,
    signature: Option<String>,
    key_id: Option<String>,
}

impl Link {
    /// The record as the chain's new head, in `tx` (which holds the chain's lock).
    async fn after_tip(
        tx: &mut Tx<'_>,
        through: i64,
        sealed_last: i64,
        cutoff: DateTime<Utc>,
        key: Option<&SigningKey>,
    ) -> Result<Link> {
        let prev = chain::tip(tx).await?;
        let claim = PruneClaim {
            head_seal_id: prev.as_ref().map_or(through, |h| h.seal_id),
            sealed_through: through,
            sealed_last,
            cutoff,
        };
        let prev_digest = prev.map(|h| h.digest);
        let digest = claim.digest(prev_digest.as_deref());
        Ok(Link {
            head_seal_id: Some(claim.head_seal_id),
            signature: key.map(|k| k.sign(&chain::prune_message(&digest))),
            key_id: key.map(|k| k.public().id()),
            prev_digest,
            digest: Some(digest),
        })
    }
}

pub async fn plan(db: &Db, cutoff: DateTime<Utc>) -> Result<AuditPrunePlan> {
    let b = bounds(db, cutoff).await?;
    let mut sql = Sql::new(
        "SELECT COUNT(*) AS n, MIN(id) AS first_id, MAX(id) AS last_id, \
         MIN(occurred_at) AS oldest, MAX(occurred_at) AS newest FROM audit_logs",
    );
    b.push_where(&mut sql, cutoff);
    let row = db.fetch_one(sql).await?;
    let kept = db
        .fetch_one(
            Sql::new(
                "SELECT COUNT(*) AS n FROM audit_logs \
                 WHERE id > $1 AND id <= $2 AND occurred_at < $3",
            )
            .bind(b.sealed_last)
            .bind(b.head_last)
            .bind(cutoff),
        )
        .await?
        .int("n")?;
    Ok(AuditPrunePlan {
        cutoff,
        rows: u64::try_from(row.int("n")?).unwrap_or(0),
        first_id: row.opt_int("first_id")?,
        last_id: row.opt_int("last_id")?,
        oldest_at: row.opt_time("oldest")?,
        newest_at: row.opt_time("newest")?,
        sealed_through: b.sealed_through,
        kept_in_seals: u64::try_from(kept).unwrap_or(0),
    })
}

pub async fn prune(
    db: &Db,
    actor: &Actor,
    cutoff: DateTime<Utc>,
    key: Option<&SigningKey>,
    progress: Reporter,
) -> Result<AuditPruneReport> {
    // Milliseconds: what both databases keep, and what the record's digest covers.
    let cutoff = chrono::SubsecRound::trunc_subsecs(cutoff, 3);
    let plan = plan(db, cutoff).await?;
    if plan.rows == 0 {
        return Ok(AuditPruneReport {
            plan,
            deleted: 0,
            batches: 0,
        });
    }
    let b = bounds(db, cutoff).await?;
    if let Some(through) = b.sealed_through {
        seal::check_prunable(
            db,
            through,
            cutoff,
            key.map(|k| k.public()).as_ref(),
            &progress,
        )
        .await?;
    }
    // Recorded before the first delete (a prune stopped half-way is still a prune), as the
    // chain's new head.
    let mut tx = db.begin().await?;
    seal::lock_chain(&mut tx).await?;
    let link = match b.sealed_through {
        Some(through) => Link::after_tip(&mut tx, through, b.sealed_last, cutoff, key).await?,
        None => Link::default(),
    };
    let prune_id = tx
        .fetch_one(
            Sql::new(
                "INSERT INTO audit_prunes (started_at, cutoff, sealed_through, row_count, \
                 first_id, last_id, actor, head_seal_id, sealed_last, prev_digest, digest, \
                 signature, key_id) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
            )
            .bind(crate::local::now())
            .bind(cutoff)
            .bind(b.sealed_through)
            .bind(i64::try_from(plan.rows).unwrap_or(i64::MAX))
            .bind(plan.first_id)
            .bind(plan.last_id)
            .bind(actor.label.as_str())
            .bind(link.head_seal_id)
            .bind(b.sealed_through.map(|_| b.sealed_last))
            .bind(link.prev_digest)
            .bind(link.digest)
            .bind(link.signature)
            .bind(link.key_id),
        )
        .await?
        .int("id")?;
    tx.commit().await?;
    progress.phase("pruning", Some(plan.rows));
    let mut deleted = 0u64;
    let mut batches = 0u64;
    loop {
        let mut inner = Sql::new("SELECT id FROM audit_logs");
        b.push_where(&mut inner, cutoff);
        let mut sql = Sql::assembled(format!(
            "DELETE FROM audit_logs WHERE id IN ({} ORDER BY id LIMIT {BATCH})",
            inner.text()
        ));
        sql = sql.with_args_of(inner);
        let n = db.execute(sql).await?;
        if n == 0 {
            break;
        }
        deleted += n;
        batches += 1;
        progress.advance(n);
    }
    progress.finish();
    let mut tx = db.begin().await?;
    tx.execute(
        Sql::new("UPDATE audit_prunes SET finished_at = $1, row_count = $2 WHERE id = $3")
            .bind(crate::local::now())
            .bind(deleted as i64)
            .bind(prune_id),
    )
    .await?;
    record(
        &mut tx,
        actor,
        AuditEntry {
            action: "audit.prune",
            resource_type: "audit_log",
            resource_id: None,
            organization_id: None,
            metadata: json!({
                "cutoff": cutoff,
                "deleted": deleted,
                "first_id": plan.first_id,
                "last_id": plan.last_id,
                "sealed_through": b.sealed_through,
            }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(AuditPruneReport {
        plan,
        deleted,
        batches,
    })
}
