//! Who is calling: the API key of `Authorization: Bearer` or `X-API-Key`, looked up by the
//! core (one indexed SHA-256 query, its answer reused for at most a second and forgotten at
//! any change heard of: see `core::KEY_LOOKUP_REUSE`), and the client's address; charged to
//! the limits of `limits`.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use uuid::Uuid;

use super::App;
use super::error::ApiError;
use super::limits::{RateLimited, too_many};
use crate::core::Core;
use crate::core::actor::{Actor, Client};
use crate::error::ErrorKind;
use crate::proto::error::AuthFailure;
use crate::proto::ops::Principal;

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
///
/// An IPv4 address a dual-stack socket reports as IPv6 (`::ffff:192.0.2.1`) is taken as the
/// IPv4 one, so that it matches IPv4 proxies and counts as the same client whichever way it
/// arrived.
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[ipnet::IpNet]) -> IpAddr {
    let peer = peer.to_canonical();
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
        match hop.trim().parse::<IpAddr>().map(|ip| ip.to_canonical()) {
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
pub async fn charge_address(app: &App, ip: IpAddr) -> Option<ApiError> {
    match app.limits.charge(&app.core, format!("address {ip}")).await {
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
    let who = match key_id {
        Some(id) => format!("key {id}"),
        None => format!("address {ip}"),
    };
    let rate = match app.limits.charge(&app.core, who).await {
        Ok(rate) => rate,
        Err(RateLimited(err, rate)) => {
            if err.status == StatusCode::TOO_MANY_REQUESTS {
                app.metrics.rate_limited();
            }
            let mut response = err.into_response();
            if let Some(rate) = rate {
                rate.apply(response.headers_mut());
            }
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
    app: &Arc<App>,
    client: Client,
    ip: IpAddr,
    headers: &HeaderMap,
) -> Result<Caller, ApiError> {
    let limits = &app.limits;
    let limited = |err: ApiError| {
        if err.status == StatusCode::TOO_MANY_REQUESTS {
            app.metrics.rate_limited();
        }
        err
    };
    if let Some(wait) = limits.blocked(&app.core, ip).await? {
        return Err(limited(too_many(wait, limits.failure_message(ip))));
    }
    let key = match presented_key(headers) {
        Ok(Some(key)) if !key.is_empty() => key,
        Ok(_) => {
            // No key is no guess at one: it counts against the address's request quota,
            // not its failed authentications.
            let err = unauthenticated(AuthFailure::MissingKey, "no API key: this route needs one");
            return Err(charge_address(app, ip).await.unwrap_or(err));
        }
        Err(err) => {
            // Past the limit (counted by the fleet, with shared limits) the answer is the
            // 429, not the 401.
            return Err(match limits.attempt(&app.core, ip).await {
                Ok(attempt) => {
                    limits.settle(&app.core, attempt, true).await;
                    err
                }
                Err(instead) => limited(instead),
            });
        }
    };
    let core = app.core.acting_as(Principal::Key(key.clone()), client);
    // The key accepted in the last second: no look-up, no try (the fast path). Otherwise one
    // look-up of a key at a time in this replica: requests with the same key wait for it,
    // then find the key remembered — a busy client whose key was just forgotten costs one
    // look-up and one try, not one per request under way. (Per address too: an address
    // waiting for its tries holds up no other.)
    let mut _turn = None;
    for waited in [false, true] {
        if let Some(actor) = core.remembered() {
            return Ok(Caller {
                core: Arc::new(core),
                actor,
            });
        }
        if !waited {
            let hash = crate::core::keys::hash(&key);
            _turn = Some(app.lookups.turn(format!("{ip} {hash}")).await);
        }
    }
    // A key to look up counts among its address's tries from before it is looked at: guesses
    // sent all at once are looked at no more than the limit. Counted, looked up and settled in
    // a task of its own, so that a request that goes away cannot leave its try unsettled (nor
    // learn what its key was without a try).
    let shared = app.clone();
    let looked_up = tokio::spawn(async move {
        let app = shared;
        let attempt = app.limits.attempt(&app.core, ip).await?;
        let looked_up = tokio::time::timeout(LOOKUP_TIMEOUT, core.authenticate()).await;
        // A failure that is not the key's (the database, a look-up that took too long) is no
        // failed authentication.
        let bad_key =
            matches!(&looked_up, Ok(Err(e)) if matches!(e.kind(), ErrorKind::Unauthenticated(_)));
        app.limits.settle(&app.core, attempt, bad_key).await;
        match looked_up {
            Ok(Ok(actor)) => Ok((core, actor)),
            Ok(Err(e)) => Err(ApiError::from(e)),
            Err(_) => Err(ApiError::from(crate::error::Error::new(
                ErrorKind::Connect,
                format!(
                    "the key could not be looked up within {}",
                    humantime::format_duration(LOOKUP_TIMEOUT)
                ),
            ))),
        }
    })
    .await
    .map_err(|e| {
        ApiError::from(crate::error::Error::internal(format!(
            "the key's look-up failed: {e}"
        )))
    })?;
    let (core, actor) = looked_up.map_err(limited)?;
    Ok(Caller {
        core: Arc::new(core),
        actor,
    })
}

/// The longest a key's look-up may take: well within the time its try keeps its place
/// ([`crate::core::fleet::ATTEMPT_TIMEOUT`]), so that a slow database never frees a place
/// while its key is still being looked at.
const LOOKUP_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// The keys being looked up in this replica (by address and SHA-256): one look-up at a time
/// each.
#[derive(Default)]
pub struct Lookups(Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>);

/// A request's turn to look its key up; the key is forgotten here when nobody else waits.
pub struct Turn<'a> {
    lookups: &'a Lookups,
    hash: String,
    _held: tokio::sync::OwnedMutexGuard<()>,
}

impl Lookups {
    /// Forget keys whose waiters went away (a turn's end keeps a key someone still waits for).
    pub fn shrink(&self) {
        if let Ok(mut turns) = self.0.lock() {
            turns.retain(|_, lock| Arc::strong_count(lock) > 1);
        }
    }

    async fn turn(&self, hash: String) -> Turn<'_> {
        let lock = match self.0.lock() {
            Ok(mut turns) => turns.entry(hash.clone()).or_default().clone(),
            Err(_) => Arc::default(),
        };
        Turn {
            lookups: self,
            hash,
            _held: lock.lock_owned().await,
        }
    }
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        // Held by the map and by this turn only: nobody waits.
        if let Ok(mut turns) = self.lookups.0.lock()
            && turns
                .get(&self.hash)
                .is_some_and(|lock| Arc::strong_count(lock) <= 2)
        {
            turns.remove(&self.hash);
        }
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
    use axum::http::HeaderValue;
    use std::time::Duration;

    #[tokio::test]
    async fn one_look_up_of_a_key_at_a_time_and_nothing_kept_after() {
        let lookups = Lookups::default();
        let first = lookups.turn("a".into()).await;
        // Another key goes on; the same key waits for the first turn.
        drop(lookups.turn("b".into()).await);
        let waiting = tokio::time::timeout(Duration::from_millis(50), lookups.turn("a".into()));
        assert!(waiting.await.is_err(), "two turns of one key at once");
        drop(first);
        drop(lookups.turn("a".into()).await);
        assert!(lookups.0.lock().unwrap().is_empty());
    }

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
        // A dual-stack socket's IPv4 peers (`::ffff:10.0.0.2`) are the IPv4 addresses: the
        // proxy is trusted, and a client is one client however it is written.
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("::ffff:198.51.100.7"),
        );
        let mapped: IpAddr = "::ffff:10.0.0.2".parse().unwrap();
        assert_eq!(
            client_ip(mapped, &headers, &trusted),
            "198.51.100.7".parse::<IpAddr>().unwrap()
        );
        assert_eq!(
            client_ip("::ffff:192.0.2.1".parse().unwrap(), &headers, &trusted),
            stranger
        );
    }
}
