//! The limits of `serve`: `RATE_LIMIT_MAX` requests per `RATE_LIMIT_TTL` per key (per address
//! for callers without a valid key), and at most `RATE_LIMIT_AUTH_FAILURES` (5, as in the
//! platform) failed authentications from one address in any 60 seconds — counted where
//! `PLATCTL_RATE_LIMIT_STORE` says:
//! - `process`: in this process's memory (governor's GCRA, and the times of each address's
//!   last failures): right for one replica, and for SQLite;
//! - `database`: in PostgreSQL, once for every replica on it ([`crate::core::fleet`]). A
//!   replica claims a few requests of a quota at a time (fewer as the quota runs low: one at a
//!   time near its end, so the fleet never grants more than the quota) and spends them from
//!   memory. A key to be looked up counts among its address's tries in the database from
//!   before any replica looks at it ([`Limits::attempt`]): the fleet looks at most the limit
//!   of bad keys in any 60 seconds however many arrive at once, and refuses (429) the next
//!   guess from that address wherever it arrives. A key remembered from a look-up in the last
//!   second is checked with the database only when the address is suspected; the addresses
//!   are learned from the database every half second and from each refusal. When the database
//!   cannot be reached the replica refuses requests (503), never counting alone.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::http::{HeaderMap, HeaderValue, StatusCode};
use governor::clock::{Clock, DefaultClock};
use governor::middleware::StateInformationMiddleware;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};

use super::error::ApiError;
use crate::core::Core;
use crate::core::fleet::{ATTEMPT_TIMEOUT, FAILURE_WINDOW};

type Limiter<K> =
    RateLimiter<K, DefaultKeyedStateStore<K>, DefaultClock, StateInformationMiddleware>;

/// How long a replica may spend what it claimed of a quota before giving the rest back.
const LEASE: Duration = Duration::from_secs(1);

/// The most a replica claims of a quota at once (it claims an eighth of what is left, so this
/// matters only to large quotas: a key making thousands of requests a second costs a few
/// statements a second).
const MOST_CLAIMED: u64 = 1024;

/// How often a replica asks which addresses the fleet has seen fail.
pub const FLEET_POLL: Duration = Duration::from_millis(500);

/// The limits of one server.
pub struct Limits {
    max: NonZeroU32,
    ttl: Duration,
    failures_max: NonZeroU32,
    store: Store,
}

enum Store {
    Process {
        requests: Limiter<String>,
        failures: Failures,
        clock: DefaultClock,
    },
    Database(Box<Fleet>),
}

/// A 429 (or, when the shared state cannot be reached, a 503) with its rate headers.
pub struct RateLimited(pub ApiError, pub Option<RateHeaders>);

/// A key about to be looked at: counted as a failed authentication of its address from
/// before the look-up, and taken back when the key turns out good — so however many guesses
/// arrive at once, on however many replicas, no more than the limit are ever looked at.
pub struct Attempt {
    ip: IpAddr,
    at: CountedAt,
    /// With shared limits, this replica's place among the keys of the address it looks at
    /// (at most the limit at once: the others wait here, not in the database).
    _gate: Option<tokio::sync::OwnedSemaphorePermit>,
}

enum CountedAt {
    Here(Instant),
    /// The database's time of it, in microseconds since the epoch.
    Fleet(i64),
}

impl Limits {
    /// Limits counted in this process.
    pub fn in_process(max: NonZeroU32, ttl: Duration, failures_per_minute: NonZeroU32) -> Self {
        let per = ttl / max.get();
        let quota = Quota::with_period(per.max(Duration::from_nanos(1)))
            .unwrap_or_else(|| Quota::per_second(max))
            .allow_burst(max);
        Limits {
            max,
            ttl,
            failures_max: failures_per_minute,
            store: Store::Process {
                requests: RateLimiter::keyed(quota).with_middleware::<StateInformationMiddleware>(),
                failures: Failures::new(failures_per_minute),
                clock: DefaultClock::default(),
            },
        }
    }

    /// Limits counted in the database, for every replica on it.
    pub fn shared(max: NonZeroU32, ttl: Duration, failures_per_minute: NonZeroU32) -> Self {
        Limits {
            max,
            ttl,
            failures_max: failures_per_minute,
            store: Store::Database(Box::default()),
        }
    }

    pub fn is_shared(&self) -> bool {
        matches!(self.store, Store::Database(_))
    }

    /// The time one request takes back from a quota.
    fn period(&self) -> Duration {
        (self.ttl / self.max.get()).max(Duration::from_micros(1))
    }

    fn limited(&self, wait: Duration) -> RateLimited {
        let err = too_many(
            wait,
            format!(
                "rate limit exceeded: at most {} requests per {}",
                self.max,
                humantime::format_duration(self.ttl)
            ),
        );
        RateLimited(
            err,
            Some(RateHeaders {
                limit: self.max.get(),
                remaining: 0,
                reset: wait.as_secs().max(1),
            }),
        )
    }

    /// Charge one request to `who`: the headers to send, or the 429.
    pub async fn charge(&self, core: &Core, who: String) -> Result<RateHeaders, RateLimited> {
        match &self.store {
            Store::Process { .. } => self.charge_here(&who),
            Store::Database(fleet) => fleet.charge(self, core, who).await,
        }
    }

    fn charge_here(&self, who: &str) -> Result<RateHeaders, RateLimited> {
        let Store::Process {
            requests, clock, ..
        } = &self.store
        else {
            return Err(self.limited(Duration::ZERO));
        };
        match requests.check_key(&who.to_string()) {
            Ok(state) => {
                let remaining = state.remaining_burst_capacity();
                let used = self.max.get().saturating_sub(remaining);
                Ok(RateHeaders {
                    limit: self.max.get(),
                    remaining,
                    reset: (self.period() * used).as_secs_f64().ceil() as u64,
                })
            }
            Err(not_until) => Err(self.limited(not_until.wait_time_from(clock.now()))),
        }
    }

    /// Whether `ip` has had its failed authentications (then how long it must wait).
    pub async fn blocked(&self, core: &Core, ip: IpAddr) -> Result<Option<Duration>, ApiError> {
        match &self.store {
            Store::Process { failures, .. } => Ok(failures.blocked(ip, Instant::now())),
            Store::Database(fleet) => {
                if !fleet.suspected(ip) {
                    return Ok(None);
                }
                core.auth_failure_wait(ip, self.failures_max.get())
                    .await
                    .map_err(unreachable)
            }
        }
    }

    /// Try a key from `ip` before it is looked at: it counts among the address's tries (its
    /// failures of the last 60 seconds, and the keys being looked at) until
    /// [`Limits::settle`]. Past the limit, the 429 (or the 503 of a replica that cannot reach
    /// the shared limits); while the tries in the way are keys still being looked at, this
    /// waits for them, up to a second.
    pub async fn attempt(&self, core: &Core, ip: IpAddr) -> Result<Attempt, ApiError> {
        let deadline = Instant::now() + Duration::from_secs(1);
        let busy = || {
            too_many(
                Duration::from_secs(1),
                format!(
                    "too many keys from {ip} are being looked at at once: at most {}",
                    self.failures_max
                ),
            )
        };
        let gate = match &self.store {
            Store::Process { .. } => None,
            Store::Database(fleet) => {
                let gate = fleet.gate(ip, self.failures_max);
                let entered = tokio::time::timeout_at(deadline.into(), gate.acquire_owned()).await;
                Some(entered.ok().and_then(Result::ok).ok_or_else(busy)?)
            }
        };
        let mut pause = Duration::from_millis(5);
        loop {
            let now = Instant::now();
            let tried = match &self.store {
                Store::Process { failures, .. } => {
                    failures.try_key(ip, now).map(|()| CountedAt::Here(now))
                }
                Store::Database(fleet) => {
                    let counted = core
                        .attempt_auth(ip, self.failures_max.get())
                        .await
                        .map_err(unreachable)?;
                    if matches!(counted, Err(Some(_))) {
                        fleet.suspect(ip);
                    }
                    counted.map(CountedAt::Fleet)
                }
            };
            match tried {
                Ok(at) => {
                    return Ok(Attempt {
                        ip,
                        at,
                        _gate: gate,
                    });
                }
                Err(Some(wait)) => return Err(too_many(wait, self.failure_message(ip))),
                Err(None) if now >= deadline => return Err(busy()),
                Err(None) => {
                    // Keys being looked at elsewhere: ask again soon, then less often.
                    tokio::time::sleep(pause).await;
                    pause = (pause * 2).min(Duration::from_millis(100));
                }
            }
        }
    }

    /// Settle `attempt`: its key was good (`failed` false: it leaves nothing), or not (a
    /// failed authentication from its address; with shared limits this replica checks the
    /// address with the fleet from now on).
    pub async fn settle(&self, core: &Core, attempt: Attempt, failed: bool) {
        match (&self.store, attempt.at) {
            (Store::Process { failures, .. }, CountedAt::Here(at)) => {
                failures.settle(attempt.ip, at, failed, Instant::now());
            }
            (Store::Database(fleet), CountedAt::Fleet(at)) => {
                if failed {
                    fleet.suspect(attempt.ip);
                }
                let settled = core
                    .settle_auth_attempt(attempt.ip, at, failed, self.failures_max.get())
                    .await;
                if let Err(e) = settled {
                    // The try keeps its place for ATTEMPT_TIMEOUT, then is forgotten.
                    tracing::warn!(
                        "cannot settle an attempt at authentication from {}: {}",
                        attempt.ip,
                        crate::redact::scrub(&e.to_string())
                    );
                }
            }
            _ => {}
        }
    }

    pub fn failure_message(&self, ip: IpAddr) -> String {
        format!(
            "too many failed authentications from {ip}: at most {} in any 60 seconds",
            self.failures_max
        )
    }

    /// Forget idle keys and addresses (their buckets are full again), give back what was
    /// claimed and not spent; in the database, forget whole buckets and old failures.
    pub async fn shrink(&self, core: &Core) {
        match &self.store {
            Store::Process {
                requests, failures, ..
            } => {
                requests.retain_recent();
                failures.shrink(Instant::now());
            }
            Store::Database(fleet) => {
                fleet.give_back(self, core).await;
                if let Err(e) = core.sweep_fleet_limits().await {
                    tracing::warn!(
                        "cannot forget old rate-limit buckets: {}",
                        crate::redact::scrub(&e.to_string())
                    );
                }
            }
        }
    }

    /// Learn which addresses the fleet has seen fail, and give back expired claims: every
    /// [`FLEET_POLL`] while serving with shared limits.
    pub async fn follow_fleet(&self, core: &Core) {
        let Store::Database(fleet) = &self.store else {
            return std::future::pending().await;
        };
        let mut tick = tokio::time::interval(FLEET_POLL);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            // Unreachable: requests are refused (503) by the statements they need, and
            // `/health/ready` says so; nothing to learn meanwhile.
            if let Ok(addresses) = core.recent_auth_failures().await {
                let now = Instant::now();
                if let Ok(mut suspects) = fleet.suspects.lock() {
                    suspects.retain(|_, until| *until > now);
                    for ip in addresses {
                        suspects.insert(ip, now + FAILURE_WINDOW);
                    }
                }
            }
            fleet.give_back(self, core).await;
        }
    }

    /// With shared limits: whether the database holding them answers now (for
    /// `/health/ready`). Always with limits in process.
    pub async fn reachable(&self, core: &Core) -> Result<(), String> {
        match &self.store {
            Store::Process { .. } => Ok(()),
            Store::Database(_) => core
                .fleet_limits_reachable()
                .await
                .map_err(|e| crate::redact::scrub(&e.to_string())),
        }
    }
}

/// The shared limits' memory in one replica: what it claimed of each quota and has not yet
/// spent, and the addresses the fleet has seen fail.
#[derive(Default)]
struct Fleet {
    leases: Mutex<HashMap<String, Arc<LeaseCell>>>,
    suspects: Mutex<HashMap<IpAddr, Instant>>,
    /// By address, the keys this replica may look at at once (the limit).
    gates: Mutex<HashMap<IpAddr, Arc<tokio::sync::Semaphore>>>,
}

/// A quota's lease, spent under a lock that is never held across an await, and the turn to
/// claim more (held across the claim's statement): requests spending what is claimed never
/// wait for a claim.
#[derive(Default)]
struct LeaseCell {
    state: Mutex<Lease>,
    claiming: tokio::sync::Mutex<()>,
}

impl LeaseCell {
    fn state(&self) -> std::sync::MutexGuard<'_, Lease> {
        match self.state.lock() {
            Ok(state) => state,
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    /// Spend one claimed request, or say it is refused; `None` when more must be claimed.
    fn spend(&self, limits: &Limits, now: Instant) -> Option<Result<RateHeaders, RateLimited>> {
        let mut lease = self.state();
        if lease.tokens > 0 && lease.live(now) {
            lease.tokens -= 1;
            return Some(Ok(lease.headers(limits, now)));
        }
        let until = lease.refused_until.filter(|until| *until > now)?;
        Some(Err(limits.limited(until - now)))
    }
}

/// Requests of one quota claimed by this replica.
#[derive(Default)]
struct Lease {
    /// Claimed and not yet spent.
    tokens: u64,
    /// When they were claimed: spent within [`LEASE`] or given back.
    claimed: Option<Instant>,
    /// What the fleet could still claim after the last claim.
    available: Option<u64>,
    /// When the quota is whole again, as of the last claim.
    whole_at: Option<Instant>,
    /// Refused by the fleet until then: refused here without asking again (a client flooding
    /// a used-up quota costs the database nothing).
    refused_until: Option<Instant>,
}

impl Lease {
    fn headers(&self, limits: &Limits, now: Instant) -> RateHeaders {
        RateHeaders {
            limit: limits.max.get(),
            remaining: u32::try_from(self.available.unwrap_or(0).saturating_add(self.tokens))
                .unwrap_or(u32::MAX)
                .min(limits.max.get()),
            reset: self
                .whole_at
                .map(|t| t.saturating_duration_since(now).as_secs_f64().ceil() as u64)
                .unwrap_or(0),
        }
    }

    fn live(&self, now: Instant) -> bool {
        self.claimed
            .is_some_and(|t| now.saturating_duration_since(t) < LEASE)
    }
}

impl Fleet {
    fn suspected(&self, ip: IpAddr) -> bool {
        let now = Instant::now();
        self.suspects
            .lock()
            .map(|s| s.get(&ip).is_some_and(|until| *until > now))
            .unwrap_or(true)
    }

    fn suspect(&self, ip: IpAddr) {
        if let Ok(mut s) = self.suspects.lock() {
            s.insert(ip, Instant::now() + FAILURE_WINDOW);
        }
    }

    fn gate(&self, ip: IpAddr, max: NonZeroU32) -> Arc<tokio::sync::Semaphore> {
        let mut gates = match self.gates.lock() {
            Ok(gates) => gates,
            Err(poisoned) => poisoned.into_inner(),
        };
        let permits = usize::try_from(max.get()).unwrap_or(usize::MAX);
        gates
            .entry(ip)
            .or_insert_with(|| Arc::new(tokio::sync::Semaphore::new(permits)))
            .clone()
    }

    fn lease(&self, who: &str) -> Arc<LeaseCell> {
        let mut leases = match self.leases.lock() {
            Ok(leases) => leases,
            Err(poisoned) => poisoned.into_inner(),
        };
        leases.entry(who.to_string()).or_default().clone()
    }

    async fn charge(
        &self,
        limits: &Limits,
        core: &Core,
        who: String,
    ) -> Result<RateHeaders, RateLimited> {
        let cell = self.lease(&who);
        if let Some(spent) = cell.spend(limits, Instant::now()) {
            return spent;
        }
        let _claiming = cell.claiming.lock().await;
        // Another request may have claimed while this one waited its turn.
        let now = Instant::now();
        if let Some(spent) = cell.spend(limits, now) {
            return spent;
        }
        let (want, unspent) = {
            let mut lease = cell.state();
            // Fewer at a time as the quota runs low: one at a time near its end.
            let known = lease.available.unwrap_or(u64::from(limits.max.get()));
            let want = (known / 8).clamp(1, MOST_CLAIMED);
            (want, std::mem::take(&mut lease.tokens))
        };
        let claim = core
            .claim_quota(&who, want, unspent, limits.period(), limits.ttl)
            .await
            .map_err(|e| RateLimited(unreachable(e), None))?;
        let mut lease = cell.state();
        lease.claimed = Some(now);
        lease.available = Some(claim.available);
        lease.whole_at = Some(now + claim.reset);
        if claim.granted == 0 {
            lease.refused_until = Some(now + claim.wait);
            return Err(limits.limited(claim.wait));
        }
        lease.refused_until = None;
        lease.tokens = claim.granted - 1;
        Ok(lease.headers(limits, now))
    }

    /// Give back what was claimed more than [`LEASE`] ago and not spent; forget idle quotas
    /// and the gates of addresses no request is at.
    async fn give_back(&self, limits: &Limits, core: &Core) {
        let now = Instant::now();
        if let Ok(mut gates) = self.gates.lock() {
            gates.retain(|_, gate| Arc::strong_count(gate) > 1);
        }
        let all: Vec<(String, Arc<LeaseCell>)> = match self.leases.lock() {
            Ok(mut leases) => {
                // A quota whole again and not in use is forgotten (the database has it).
                leases.retain(|_, cell| {
                    let lease = cell.state();
                    Arc::strong_count(cell) > 1
                        || lease.tokens > 0
                        || lease.whole_at.is_some_and(|t| t > now)
                });
                leases
                    .iter()
                    .map(|(who, cell)| (who.clone(), cell.clone()))
                    .collect()
            }
            Err(_) => return,
        };
        for (who, cell) in all {
            let Ok(_claiming) = cell.claiming.try_lock() else {
                continue;
            };
            let unspent = {
                let mut lease = cell.state();
                if lease.tokens == 0 || lease.live(now) {
                    continue;
                }
                std::mem::take(&mut lease.tokens)
            };
            let available = core
                .claim_quota(&who, 0, unspent, limits.period(), limits.ttl)
                .await
                .ok()
                .map(|claim| claim.available);
            cell.state().available = available;
        }
    }
}

/// A 503 for a replica that cannot reach the fleet's shared limits.
fn unreachable(e: crate::error::Error) -> ApiError {
    tracing::warn!(
        "the shared rate limits cannot be reached: {}",
        crate::redact::scrub(&e.to_string())
    );
    let mut err = ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "this replica cannot reach the rate limits it shares with the others (in the database), \
         and does not count alone",
    )
    .hint("try again; if it lasts, check the database (`/health/ready` says so)");
    err.retry_after = Some(1);
    err
}

/// Failed authentications by address, in this process: the times of each address's last
/// `max` failures, and of the keys being looked at. An address whose failures of the last 60
/// seconds and keys being looked at reach `max` is not heard (its keys are not looked at)
/// until one of them is settled or the oldest failure is 60 seconds old: never more than `max`
/// in any 60 seconds, however the guesses are spaced, and whether or not they arrive at once.
struct Failures {
    max: usize,
    tries: Mutex<HashMap<IpAddr, Tries>>,
}

#[derive(Default)]
struct Tries {
    failed: VecDeque<Instant>,
    pending: Vec<Instant>,
}

impl Tries {
    /// Forget failures older than the window, and keys looked at for longer than
    /// [`ATTEMPT_TIMEOUT`] (their request went away).
    fn forget_old(&mut self, now: Instant) {
        while self
            .failed
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) >= FAILURE_WINDOW)
        {
            self.failed.pop_front();
        }
        self.pending
            .retain(|t| now.saturating_duration_since(*t) < ATTEMPT_TIMEOUT);
    }

    /// How long until the oldest failure leaves the window, if the failures alone are `max`.
    fn blocked(&self, max: usize, now: Instant) -> Option<Duration> {
        if self.failed.len() < max {
            return None;
        }
        let free = self.failed.front()?.checked_add(FAILURE_WINDOW)?;
        (free > now).then(|| free - now)
    }
}

impl Failures {
    fn new(max: NonZeroU32) -> Self {
        Failures {
            max: usize::try_from(max.get()).unwrap_or(usize::MAX),
            tries: Mutex::new(HashMap::new()),
        }
    }

    /// How long `ip` must wait before a key it sends is looked at, if it has had its failures.
    fn blocked(&self, ip: IpAddr, now: Instant) -> Option<Duration> {
        self.tries.lock().ok()?.get(&ip)?.blocked(self.max, now)
    }

    /// Count a key from `ip` about to be looked at, unless the address has had its tries:
    /// then how long it must wait, or `None` while the tries in the way are being looked at.
    /// Decided and counted under one lock.
    fn try_key(&self, ip: IpAddr, now: Instant) -> Result<(), Option<Duration>> {
        let Ok(mut all) = self.tries.lock() else {
            return Err(Some(Duration::from_secs(1)));
        };
        let tries = all.entry(ip).or_default();
        tries.forget_old(now);
        if let Some(wait) = tries.blocked(self.max, now) {
            return Err(Some(wait));
        }
        if tries.failed.len().saturating_add(tries.pending.len()) >= self.max {
            return Err(None);
        }
        tries.pending.push(now);
        Ok(())
    }

    /// Settle the key from `ip` counted at `at`: good, or a failure (at `now`).
    fn settle(&self, ip: IpAddr, at: Instant, failed: bool, now: Instant) {
        let Ok(mut all) = self.tries.lock() else {
            return;
        };
        let tries = all.entry(ip).or_default();
        if let Some(i) = tries.pending.iter().position(|t| *t == at) {
            tries.pending.swap_remove(i);
        }
        if failed {
            tries.failed.push_back(now);
            while tries.failed.len() > self.max {
                tries.failed.pop_front();
            }
        }
    }

    /// Forget addresses without a failure in the window nor a key being looked at.
    fn shrink(&self, now: Instant) {
        if let Ok(mut all) = self.tries.lock() {
            all.retain(|_, tries| {
                tries.forget_old(now);
                !tries.failed.is_empty() || !tries.pending.is_empty()
            });
        }
    }
}

pub fn too_many(wait: Duration, message: String) -> ApiError {
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    let mut err = ApiError::new(StatusCode::TOO_MANY_REQUESTS, message).hint(format!(
        "try again in {}",
        humantime::format_duration(Duration::from_secs(seconds.max(1)))
    ));
    err.retry_after = Some(seconds.max(1));
    err
}

/// `X-RateLimit-Limit/Remaining/Reset` (seconds until the quota is whole again).
#[derive(Debug, Clone, Copy)]
pub struct RateHeaders {
    limit: u32,
    remaining: u32,
    reset: u64,
}

impl RateHeaders {
    pub fn apply(self, headers: &mut HeaderMap) {
        headers.insert("x-ratelimit-limit", HeaderValue::from(self.limit));
        headers.insert("x-ratelimit-remaining", HeaderValue::from(self.remaining));
        headers.insert("x-ratelimit-reset", HeaderValue::from(self.reset));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bad key from `ip` at `now`, looked at if it may be: whether it was.
    fn guess(failures: &Failures, ip: IpAddr, now: Instant) -> bool {
        let looked_at = failures.try_key(ip, now).is_ok();
        if looked_at {
            failures.settle(ip, now, true, now);
        }
        looked_at
    }

    #[test]
    fn failed_authentications_are_at_most_the_limit_in_any_sixty_seconds() {
        let failures = Failures::new(NonZeroU32::new(5).unwrap());
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        let start = Instant::now();
        // A guess every half second for two minutes, each looked at when it may be.
        let mut looked_at = Vec::new();
        for i in 0..240 {
            let now = start + Duration::from_millis(500 * i);
            if guess(&failures, ip, now) {
                looked_at.push(now);
            } else {
                assert!(failures.blocked(ip, now).is_some());
            }
        }
        for (i, t) in looked_at.iter().enumerate() {
            let within = looked_at[i..]
                .iter()
                .take_while(|u| u.duration_since(*t) < FAILURE_WINDOW)
                .count();
            assert!(within <= 5, "{within} within 60 s of guess {i}");
        }
        assert_eq!(looked_at.len(), 10);
        // Blocked until the oldest of the last five is 60 s old; other addresses are not.
        let two = Failures::new(NonZeroU32::new(2).unwrap());
        assert!(guess(&two, ip, start));
        assert_eq!(two.blocked(ip, start), None);
        let later = start + Duration::from_secs(10);
        assert!(guess(&two, ip, later));
        assert_eq!(two.blocked(ip, later), Some(Duration::from_secs(50)));
        assert_eq!(two.try_key(ip, later), Err(Some(Duration::from_secs(50))));
        assert_eq!(two.blocked(ip, start + FAILURE_WINDOW), None);
        assert_eq!(two.blocked("192.0.2.2".parse().unwrap(), later), None);
        failures.shrink(start + Duration::from_secs(200));
        assert!(failures.tries.lock().unwrap().is_empty());
    }

    #[test]
    fn keys_looked_at_at_once_count_before_they_are_answered() {
        let failures = Failures::new(NonZeroU32::new(5).unwrap());
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        let t = |us: u64| Instant::now() + Duration::from_micros(us);
        let now = t(0);
        // 20 keys arrive before any is answered: 5 are looked at; the others wait (`None`).
        let tried: Vec<_> = (0..20)
            .map(|i| failures.try_key(ip, now + Duration::from_micros(i)))
            .collect();
        assert_eq!(tried.iter().filter(|c| c.is_ok()).count(), 5);
        assert!(tried[5..].iter().all(|c| *c == Err(None)));
        // One of the five was good: a place is free, and nothing is held against the address.
        failures.settle(ip, now + Duration::from_micros(2), false, now);
        assert_eq!(failures.blocked(ip, now), None);
        assert!(
            failures
                .try_key(ip, now + Duration::from_micros(21))
                .is_ok()
        );
        assert_eq!(
            failures.try_key(ip, now + Duration::from_micros(22)),
            Err(None)
        );
        // The five others were bad: the address waits its minute.
        for i in [0, 1, 3, 4, 21] {
            failures.settle(ip, now + Duration::from_micros(i), true, now);
        }
        assert!(failures.try_key(ip, now).is_err_and(|wait| wait.is_some()));
        // A key looked at whose request went away frees its place after ATTEMPT_TIMEOUT.
        let other: IpAddr = "192.0.2.9".parse().unwrap();
        for i in 0..5 {
            assert!(
                failures
                    .try_key(other, now + Duration::from_micros(i))
                    .is_ok()
            );
        }
        assert_eq!(failures.try_key(other, now), Err(None));
        assert!(
            failures
                .try_key(other, now + ATTEMPT_TIMEOUT + Duration::from_millis(1))
                .is_ok()
        );
    }

    #[test]
    fn the_quota_refuses_past_its_maximum_and_says_when() {
        let five = NonZeroU32::new(5).unwrap();
        let limits = Limits::in_process(NonZeroU32::new(3).unwrap(), Duration::from_secs(60), five);
        for remaining in [2, 1, 0] {
            let rate = limits.charge_here("k").ok().unwrap();
            assert_eq!(rate.remaining, remaining);
        }
        let Err(RateLimited(err, _)) = limits.charge_here("k") else {
            panic!("the fourth request passed");
        };
        assert_eq!(err.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(err.retry_after.is_some_and(|s| (1..=20).contains(&s)));
        assert!(limits.charge_here("other").is_ok());
    }
}
