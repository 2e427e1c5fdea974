//! What the replicas of `platctl serve` on one PostgreSQL database share, in the UNLOGGED
//! tables of migration 11: request quotas and failed authentications, counted once for the
//! fleet. Every statement here is one statement (a transaction pooler passes it as it is), and
//! each decision is made by the database under the row's lock, so two replicas asking at once
//! are answered one after the other, never both from the same count.
//!
//! Quotas are GCRA (the generic cell rate algorithm, as the in-process limiter): a bucket
//! keeps the moment `tat` at which it is whole again; a request costs one `period` (the
//! quota's window divided by its maximum) and is allowed while `tat` stays within one window
//! of now. A replica claims a few requests at a time ([`Core::claim_quota`]) and spends them
//! from memory, so a busy key costs one statement every few dozen requests, never one each;
//! what it did not spend it gives back with its next claim. The database's clock is the only
//! clock: replicas whose clocks differ still count alike.

use std::net::IpAddr;
use std::time::Duration;

use super::Core;
use crate::db::{Dialect, Sql};
use crate::error::{Error, Result};

/// The window of failed authentications.
pub const FAILURE_WINDOW: Duration = Duration::from_secs(60);

/// What a claim on a quota got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim {
    /// Requests granted (0 to what was asked for).
    pub granted: u64,
    /// Requests the fleet may still make now, after this claim.
    pub available: u64,
    /// Until the bucket is whole again.
    pub reset: Duration,
    /// Until the next request would be granted (zero when some were).
    pub wait: Duration,
}

const CLAIM: &str = "INSERT INTO rate_limit_buckets AS b (bucket, tat, granted, at) \
     SELECT $1, c.now + $4 * LEAST($2, $5 / $4), LEAST($2, $5 / $4), c.now \
     FROM (SELECT (EXTRACT(EPOCH FROM clock_timestamp()) * 1000000)::bigint AS now) c \
     ON CONFLICT (bucket) DO UPDATE SET \
     granted = LEAST($2, GREATEST(0, EXCLUDED.at + $5 - GREATEST(b.tat - $3 * $4, EXCLUDED.at)) / $4), \
     tat = GREATEST(b.tat - $3 * $4, EXCLUDED.at) \
         + $4 * LEAST($2, GREATEST(0, EXCLUDED.at + $5 - GREATEST(b.tat - $3 * $4, EXCLUDED.at)) / $4), \
     at = EXCLUDED.at \
     RETURNING tat, granted, at";

/// How long a key being looked at keeps its place among the address's tries unless settled
/// (a request dropped mid-look-up leaves its place behind for this long).
pub const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(10);

fn attempt_timeout_ms() -> i64 {
    i64::try_from(ATTEMPT_TIMEOUT.as_millis()).unwrap_or(i64::MAX)
}

/// The time, in microseconds since the epoch, of the timestamp `{}` — exactly, whatever the
/// type PostgreSQL's EXTRACT returns (numeric from 14 on, double before).
macro_rules! micros_of {
    ($t:literal) => {
        concat!(
            "(EXTRACT(EPOCH FROM date_trunc('second', ",
            $t,
            "))::bigint * 1000000 \
             + EXTRACT(MICROSECONDS FROM ",
            $t,
            ")::bigint % 1000000)"
        )
    };
}

/// Try a key from $1: counted among its tries — the failures of the last 60 seconds and the
/// keys being looked at (for at most $3 milliseconds) — unless it has had $2 of them. The row is locked while it is decided:
/// tries from several replicas at once are counted one after the other.
const ATTEMPT: &str = concat!(
    "INSERT INTO auth_failures AS f (address, times, pending) \
     VALUES ($1, '{}', ARRAY[clock_timestamp()]) \
     ON CONFLICT (address) DO UPDATE SET pending = ARRAY( \
         SELECT p FROM unnest(f.pending) p \
         WHERE p > clock_timestamp() - $3 * interval '1 millisecond' ORDER BY p) || clock_timestamp() \
     WHERE (SELECT count(*) FROM unnest(f.times) t \
            WHERE t > clock_timestamp() - interval '60 seconds') \
         + (SELECT count(*) FROM unnest(f.pending) p \
            WHERE p > clock_timestamp() - $3 * interval '1 millisecond') < $2 \
     RETURNING ",
    micros_of!("f.pending[cardinality(f.pending)]"),
    " AS at"
);

/// Settle the try of $1 made at $2 (microseconds since the epoch): a good key ($3 false)
/// leaves nothing; a bad one ($3 true) is a failure now, among the newest $4 kept (newest
/// first). One place is freed, even if another try has the same time.
const SETTLE: &str = "UPDATE auth_failures AS f SET \
     pending = COALESCE(f.pending[:array_position(f.pending, at.t) - 1] \
                        || f.pending[array_position(f.pending, at.t) + 1:], f.pending), \
     times = CASE WHEN $3 THEN ARRAY( \
         SELECT t FROM (SELECT t FROM unnest(f.times) t \
                        WHERE t > clock_timestamp() - interval '60 seconds' \
                        UNION ALL SELECT clock_timestamp()) recent \
         ORDER BY t DESC LIMIT $4) ELSE f.times END \
     FROM (SELECT timestamptz 'epoch' + $2 * interval '1 microsecond' AS t) at \
     WHERE address = $1";

/// How long $1 must wait before another failure of its is looked at, if it has had $2: until
/// the oldest of its newest $2 is 60 seconds old.
const FAILURE_WAIT: &str = "SELECT (EXTRACT(EPOCH FROM (kept.times[cardinality(kept.times)] + interval '60 seconds' \
         - clock_timestamp())) * 1000)::bigint AS wait_ms \
     FROM (SELECT ARRAY(SELECT t FROM unnest(times) t \
             WHERE t > clock_timestamp() - interval '60 seconds' ORDER BY t DESC LIMIT $2) AS times \
           FROM auth_failures WHERE address = $1) kept \
     WHERE cardinality(kept.times) >= $2";

/// The addresses with a failed authentication in the window (the newest is first).
const RECENT_FAILURES: &str = "SELECT address FROM auth_failures \
     WHERE times[1] > clock_timestamp() - interval '60 seconds'";

impl Core {
    /// Whether this database can hold the fleet's limits (PostgreSQL).
    pub fn shares_limits(&self) -> bool {
        matches!(self.database, crate::db::DatabaseTarget::Postgres { .. })
    }

    async fn fleet_db(&self) -> Result<&crate::db::Db> {
        let db = self.db().await?;
        if db.dialect() != Dialect::Postgres {
            return Err(Error::config(
                "limits shared by several replicas need PostgreSQL; a SQLite file has one server",
            )
            .with_hint("set PLATCTL_RATE_LIMIT_STORE=process (or auto)"));
        }
        Ok(db)
    }

    /// Claim up to `want` requests of `bucket`'s quota (`period` each, at most one `window`
    /// ahead), giving back `unspent` claimed before and not used.
    pub async fn claim_quota(
        &self,
        bucket: &str,
        want: u64,
        unspent: u64,
        period: Duration,
        window: Duration,
    ) -> Result<Claim> {
        // Rounded up: a period rounded down would let the window hold more than the quota.
        let micros = |d: Duration| {
            i64::try_from(d.as_nanos().div_ceil(1000))
                .unwrap_or(i64::MAX)
                .max(1)
        };
        let (period, window) = (micros(period), micros(window));
        let count = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
        let row = self
            .fleet_db()
            .await?
            .fetch_one(
                Sql::new(CLAIM)
                    .bind(bucket)
                    .bind(count(want))
                    .bind(count(unspent))
                    .bind(period)
                    .bind(window),
            )
            .await?;
        let (tat, granted, at) = (row.int("tat")?, row.int("granted")?, row.int("at")?);
        let ahead = tat.saturating_sub(at).max(0);
        let left = window.saturating_sub(ahead).max(0);
        let wait = if granted > 0 {
            0
        } else {
            ahead.saturating_add(period).saturating_sub(window).max(0)
        };
        let us = |n: i64| Duration::from_micros(u64::try_from(n).unwrap_or(0));
        Ok(Claim {
            granted: u64::try_from(granted).unwrap_or(0),
            available: u64::try_from(left / period).unwrap_or(0),
            reset: us(ahead),
            wait: us(wait),
        })
    }

    /// Try a key from `ip` (before it is looked at): `Ok(at)`, counted among the address's
    /// tries until [`Core::settle_auth_attempt`]; else, when it has had `max` failures in
    /// the last 60 seconds, how long until the oldest of them is 60 seconds old — or `None`
    /// when the tries are keys still being looked at (try again in a moment).
    pub async fn attempt_auth(
        &self,
        ip: IpAddr,
        max: u32,
    ) -> Result<std::result::Result<i64, Option<Duration>>> {
        let db = self.fleet_db().await?;
        let counted = db
            .fetch_optional(
                Sql::new(ATTEMPT)
                    .bind(ip)
                    .bind(i64::from(max))
                    .bind(attempt_timeout_ms()),
            )
            .await?;
        match counted {
            Some(row) => Ok(Ok(row.int("at")?)),
            None => Ok(Err(self.auth_failure_wait(ip, max).await?)),
        }
    }

    /// Settle the try of [`Core::attempt_auth`] at `at`: a failed authentication (`failed`)
    /// or nothing.
    pub async fn settle_auth_attempt(
        &self,
        ip: IpAddr,
        at: i64,
        failed: bool,
        max: u32,
    ) -> Result<()> {
        self.fleet_db()
            .await?
            .execute(
                Sql::new(SETTLE)
                    .bind(ip)
                    .bind(at)
                    .bind(failed)
                    .bind(i64::from(max)),
            )
            .await?;
        Ok(())
    }

    /// Whether the tables of the shared limits answer (for `/health/ready`): planned and
    /// opened, nothing read.
    pub async fn fleet_limits_reachable(&self) -> Result<()> {
        self.fleet_db()
            .await?
            .execute(Sql::new(
                "SELECT 1 FROM rate_limit_buckets, auth_failures LIMIT 0",
            ))
            .await?;
        Ok(())
    }

    /// How long `ip` must wait before a key it sends is looked at, if it has had `max`
    /// failed authentications in the last 60 seconds.
    pub async fn auth_failure_wait(&self, ip: IpAddr, max: u32) -> Result<Option<Duration>> {
        let row = self
            .fleet_db()
            .await?
            .fetch_optional(Sql::new(FAILURE_WAIT).bind(ip).bind(i64::from(max)))
            .await?;
        match row {
            None => Ok(None),
            Some(row) => {
                let ms = u64::try_from(row.int("wait_ms")?).unwrap_or(0);
                Ok((ms > 0).then(|| Duration::from_millis(ms)))
            }
        }
    }

    /// The addresses any replica has seen fail to authenticate in the last 60 seconds.
    pub async fn recent_auth_failures(&self) -> Result<Vec<IpAddr>> {
        let rows = self
            .fleet_db()
            .await?
            .fetch_all(Sql::new(RECENT_FAILURES))
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            if let Some(ip) = row.opt_ip("address")?.and_then(|ip| ip.parse().ok()) {
                out.push(ip);
            }
        }
        Ok(out)
    }

    /// Forget whole buckets and old failures (any replica may; the result is the same).
    pub async fn sweep_fleet_limits(&self) -> Result<()> {
        let db = self.fleet_db().await?;
        db.execute(Sql::new(
            "DELETE FROM rate_limit_buckets \
             WHERE tat < (EXTRACT(EPOCH FROM clock_timestamp()) * 1000000)::bigint",
        ))
        .await?;
        db.execute(
            Sql::new(
                "DELETE FROM auth_failures \
                 WHERE COALESCE(times[1] > clock_timestamp() - interval '60 seconds', false) = false \
                   AND NOT EXISTS (SELECT 1 FROM unnest(pending) p \
                       WHERE p > clock_timestamp() - $1 * interval '1 millisecond')",
            )
            .bind(attempt_timeout_ms()),
        )
        .await?;
        Ok(())
    }
}
