//! Who is calling: the API key of `Authorization: Bearer` or `X-API-Key`, looked up by the
//! core (one indexed SHA-256 query, its answer reused for at most a second and forgotten at
//! any change heard of: see `core::KEY_LOOKUP_REUSE`), the client's address, and the rate
//! limits.

use std::collections::{HashMap, VecDeque};
use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::middleware::StateInformationMiddleware;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};
use uuid::Uuid;

use super::App;
use super::error::ApiError;
use crate::core::Core;
use crate::core::actor::{Actor, Client};
use crate::error::ErrorKind;
use crate::proto::error::AuthFailure;
use crate::proto::ops::Principal;

type Limiter<K> =
    RateLimiter<K, DefaultKeyedStateStore<K>, DefaultClock, StateInformationMiddleware>;

/// Per-process limits: `RATE_LIMIT_MAX` requests per `RATE_LIMIT_TTL` per key (per address
/// for callers without a valid key), and at most `RATE_LIMIT_AUTH_FAILURES` (5, as in the
/// platform) failed authentications from one address in any 60 seconds.
pub struct Limits {
    max: NonZeroU32,
    ttl: Duration,
    requests: Limiter<String>,
    failures: Failures,
    clock: DefaultClock,
}

impl Limits {
    pub fn new(max: NonZeroU32, ttl: Duration, failures_per_minute: NonZeroU32) -> Self {
        let per = ttl / max.get();
        let quota = Quota::with_period(per.max(Duration::from_nanos(1)))
            .unwrap_or_else(|| Quota::per_second(max))
            .allow_burst(max);
        Limits {
            max,
            ttl,
            requests: RateLimiter::keyed(quota).with_middleware::<StateInformationMiddleware>(),
            failures: Failures::new(failures_per_minute),
            clock: DefaultClock::default(),
        }
    }

    /// Charge one request to `who`: the headers to send, or the 429.
    fn charge(&self, who: String) -> Result<RateHeaders, RateLimited> {
        match self.requests.check_key(&who) {
            Ok(state) => {
                let remaining = state.remaining_burst_capacity();
                let per = self.ttl.as_secs_f64() / f64::from(self.max.get());
                let used = f64::from(self.max.get().saturating_sub(remaining));
                Ok(RateHeaders {
                    limit: self.max.get(),
                    remaining,
                    reset: (used * per).ceil() as u64,
                })
            }
            Err(not_until) => {
                let wait = not_until.wait_time_from(self.clock.now());
                Err(too_many(
                    wait,
                    format!(
                        "rate limit exceeded: at most {} requests per {}",
                        self.max,
                        humantime::format_duration(self.ttl)
                    ),
                )
                .with_rate(RateHeaders {
                    limit: self.max.get(),
                    remaining: 0,
                    reset: wait.as_secs().max(1),
                }))
            }
        }
    }

    /// Forget idle keys and addresses (their buckets are full again).
    pub fn shrink(&self) {
        self.requests.retain_recent();
        self.failures.shrink(Instant::now());
    }
}

/// The window of failed authentications.
const FAILURE_WINDOW: Duration = Duration::from_secs(60);

/// Failed authentications by address: the times of each address's last `max` failures. An
/// address that has had `max` of them in the last 60 seconds is not heard (its keys are not
/// looked at) until the oldest of them is 60 seconds old: never more than `max` in any 60
/// seconds, however the guesses are spaced.
struct Failures {
    max: usize,
    times: Mutex<HashMap<IpAddr, VecDeque<Instant>>>,
}

impl Failures {
    fn new(max: NonZeroU32) -> Self {
        Failures {
            max: usize::try_from(max.get()).unwrap_or(usize::MAX),
            times: Mutex::new(HashMap::new()),
        }
    }

    /// How long `ip` must wait before a key it sends is looked at, if it must.
    fn blocked(&self, ip: IpAddr, now: Instant) -> Option<Duration> {
        let times = self.times.lock().ok()?;
        let times = times.get(&ip)?;
        if times.len() < self.max {
            return None;
        }
        let free = times.front()?.checked_add(FAILURE_WINDOW)?;
        (free > now).then(|| free - now)
    }

    /// Count a failed authentication from `ip` at `now`.
    fn record(&self, ip: IpAddr, now: Instant) {
        let Ok(mut all) = self.times.lock() else {
            return;
        };
        let times = all.entry(ip).or_default();
        times.push_back(now);
        while times.len() > self.max
            || times
                .front()
                .is_some_and(|t| now.saturating_duration_since(*t) >= FAILURE_WINDOW)
        {
            times.pop_front();
        }
    }

    /// Forget addresses without a failure in the window.
    fn shrink(&self, now: Instant) {
        if let Ok(mut all) = self.times.lock() {
            all.retain(|_, times| {
                times
                    .back()
                    .is_some_and(|t| now.saturating_duration_since(*t) < FAILURE_WINDOW)
            });
        }
    }

    fn message(&self, ip: IpAddr) -> String {
        format!(
            "too many failed authentications from {ip}: at most {} in any 60 seconds",
            self.max
        )
    }
}

fn too_many(wait: Duration, message: String) -> ApiError {
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
    fn apply(self, headers: &mut HeaderMap) {
        headers.insert("x-ratelimit-limit", HeaderValue::from(self.limit));
        headers.insert("x-ratelimit-remaining", HeaderValue::from(self.remaining));
        headers.insert("x-ratelimit-reset", HeaderValue::from(self.reset));
    }
}

impl ApiError {
    fn with_rate(self, rate: RateHeaders) -> RateLimited {
        RateLimited(self, rate)
    }
}

/// A 429 with its rate headers.
struct RateLimited(ApiError, RateHeaders);

/// The authenticated caller of a request: a core acting as its key, and the key's actor.
#[derive(Clone)]
pub struct Caller {
    pub core: Arc<Core>,
    pub actor: Actor,
}

/// The key a request presents, if any: `Authorization: Bearer KEY` or `X-API-Key: KEY`.
fn presented_key(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    if let Some(value) = headers.get(header::AUTHORIZATION) {
        let text = value.to_str().unwrap_or_default().trim();
        let Some(key) = text
            .split_once(' ')
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, key)| key.trim())
        else {
            return Err(unauthenticated(
                AuthFailure::MalformedKey,
                "the Authorization header is not `Bearer <key>`",
            ));
        };
        return Ok(Some(key.to_string()));
    }
    Ok(headers
        .get("x-api-key")
        .map(|v| v.to_str().unwrap_or_default().trim().to_string()))
}

fn unauthenticated(failure: AuthFailure, message: &str) -> ApiError {
    crate::error::Error::new(ErrorKind::Unauthenticated(failure), message)
        .with_hint("send a platform API key as `Authorization: Bearer <key>` or `X-API-Key: <key>`")
        .into()
}

/// The client's address: the peer's, or — when the peer is a trusted proxy — the nearest
/// address of `X-Forwarded-For` that is not one. The list is read from the right (each proxy
/// appends the address it heard from) and only while it is trustworthy: an entry that is not
/// an address ends the walk at the last trusted hop, so what a client wrote to the left of its
/// own address is never taken for it.
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[ipnet::IpNet]) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let mut hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .map(|v| v.to_str().unwrap_or(""))
        .flat_map(|v| v.split(','))
        .collect();
    let mut nearest = peer;
    while let Some(hop) = hops.pop() {
        match hop.trim().parse::<IpAddr>() {
            Ok(ip) if is_trusted(&ip) => nearest = ip,
            Ok(ip) => return ip,
            Err(_) => break,
        }
    }
    nearest
}

/// The caller as the audit log records them.
pub fn client(app: &App, peer: SocketAddr, headers: &HeaderMap) -> Client {
    Client {
        ip: Some(client_ip(
            peer.ip(),
            headers,
            &app.config.policy.trusted_proxies,
        )),
        user_agent: headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(|ua| ua.chars().take(512).collect()),
    }
}

/// Charge a request that presents no key (to a protected route, or to no route at all) to its
/// address's quota: the 429 once that is used up.
pub fn charge_address(app: &App, ip: IpAddr) -> Option<ApiError> {
    match app.limits.charge(format!("address {ip}")) {
        Ok(_) => None,
        Err(RateLimited(limited, _)) => {
            app.metrics.rate_limited();
            Some(limited)
        }
    }
}

/// Middleware of the protected routes: authenticate, rate-limit, hand the [`Caller`] on.
pub async fn require_key(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    mut request: Request,
    next: Next,
) -> Response {
    let client = client(&app, peer, request.headers());
    let ip = client.ip.unwrap_or(peer.ip());
    let caller = match authenticate(&app, client, ip, request.headers()).await {
        Ok(caller) => caller,
        Err(err) => {
            if err.body.reason.is_some() {
                app.metrics
                    .auth_failure(err.body.reason.as_deref().unwrap_or(""));
            }
            return err.into_response();
        }
    };
    let key_id = caller.actor.api_key_id.map(|id| id.to_string());
    let rate = match app.limits.charge(key_id.unwrap_or_else(|| ip.to_string())) {
        Ok(rate) => rate,
        Err(RateLimited(err, rate)) => {
            app.metrics.rate_limited();
            let mut response = err.into_response();
            rate.apply(response.headers_mut());
            return response;
        }
    };
    if let Some(id) = caller.actor.api_key_id {
        app.uses.record(id);
    }
    request.extensions_mut().insert(caller);
    let mut response = next.run(request).await;
    rate.apply(response.headers_mut());
    response
}

async fn authenticate(
    app: &App,
    client: Client,
    ip: IpAddr,
    headers: &HeaderMap,
) -> Result<Caller, ApiError> {
    let failures = &app.limits.failures;
    if let Some(wait) = failures.blocked(ip, Instant::now()) {
        app.metrics.rate_limited();
        return Err(too_many(wait, failures.message(ip)));
    }
    let refused = |err: ApiError| {
        failures.record(ip, Instant::now());
        err
    };
    let key = match presented_key(headers) {
        Ok(Some(key)) if !key.is_empty() => key,
        Ok(_) => {
            // No key is no guess at one: it counts against the address's request quota,
            // not its failed authentications.
            let err = unauthenticated(AuthFailure::MissingKey, "no API key: this route needs one");
            return Err(charge_address(app, ip).unwrap_or(err));
        }
        Err(err) => return Err(refused(err)),
    };
    let core = app.core.acting_as(Principal::Key(key), client);
    match core.authenticate().await {
        Ok(actor) => Ok(Caller {
            core: Arc::new(core),
            actor,
        }),
        Err(err) if matches!(err.kind(), ErrorKind::Unauthenticated(_)) => Err(refused(err.into())),
        Err(err) => Err(err.into()),
    }
}

/// Keys used since the last write of `last_used_at`: written together, at most once a
/// minute, so a busy key does not turn every request into a row update.
#[derive(Default)]
pub struct KeyUses {
    pending: Mutex<HashMap<Uuid, chrono::DateTime<chrono::Utc>>>,
}

impl KeyUses {
    fn record(&self, id: Uuid) {
        if let Ok(mut pending) = self.pending.lock() {
            pending.insert(id, crate::local::now());
        }
    }

    pub fn take(&self) -> Vec<(Uuid, chrono::DateTime<chrono::Utc>)> {
        self.pending
            .lock()
            .map(|mut p| p.drain().collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwarded_addresses_count_only_behind_trusted_proxies() {
        let trusted: Vec<ipnet::IpNet> = vec!["10.0.0.0/8".parse().unwrap()];
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("203.0.113.9, 198.51.100.7, 10.0.0.3"),
        );
        let proxy: IpAddr = "10.0.0.2".parse().unwrap();
        assert_eq!(
            client_ip(proxy, &headers, &trusted),
            "198.51.100.7".parse::<IpAddr>().unwrap()
        );
        let stranger: IpAddr = "192.0.2.1".parse().unwrap();
        assert_eq!(client_ip(stranger, &headers, &trusted), stranger);
        assert_eq!(client_ip(proxy, &HeaderMap::new(), &trusted), proxy);
        // Something that is no address stops the walk: the client cannot hide behind it.
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("203.0.113.9, unknown, 10.0.0.3"),
        );
        assert_eq!(
            client_ip(proxy, &headers, &trusted),
            "10.0.0.3".parse::<IpAddr>().unwrap()
        );
        // Only proxies: the farthest one is the client.
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("10.0.0.5, 10.0.0.3"),
        );
        assert_eq!(
            client_ip(proxy, &headers, &trusted),
            "10.0.0.5".parse::<IpAddr>().unwrap()
        );
    }

    #[test]
    fn failed_authentications_are_at_most_the_limit_in_any_sixty_seconds() {
        let failures = Failures::new(NonZeroU32::new(5).unwrap());
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        let start = Instant::now();
        // A guess every half second for two minutes, each looked at unless blocked.
        let mut looked_at = Vec::new();
        for i in 0..240 {
            let now = start + Duration::from_millis(500 * i);
            if failures.blocked(ip, now).is_none() {
                failures.record(ip, now);
                looked_at.push(now);
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
        two.record(ip, start);
        assert_eq!(two.blocked(ip, start), None);
        two.record(ip, start + Duration::from_secs(10));
        let later = start + Duration::from_secs(10);
        assert_eq!(two.blocked(ip, later), Some(Duration::from_secs(50)));
        assert_eq!(two.blocked(ip, start + FAILURE_WINDOW), None);
        assert_eq!(two.blocked("192.0.2.2".parse().unwrap(), later), None);
        failures.shrink(start + Duration::from_secs(200));
        assert!(failures.times.lock().unwrap().is_empty());
    }

    #[test]
    fn the_quota_refuses_past_its_maximum_and_says_when() {
        let five = NonZeroU32::new(5).unwrap();
        let limits = Limits::new(NonZeroU32::new(3).unwrap(), Duration::from_secs(60), five);
        for remaining in [2, 1, 0] {
            let rate = limits.charge("k".into()).ok().unwrap();
            assert_eq!(rate.remaining, remaining);
        }
        let Err(RateLimited(err, _)) = limits.charge("k".into()) else {
            panic!("the fourth request passed");
        };
        assert_eq!(err.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(err.retry_after.is_some_and(|s| (1..=20).contains(&s)));
        assert!(limits.charge("other".into()).is_ok());
    }
}
