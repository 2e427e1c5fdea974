//! `platctl serve`: the admin API, a thin axum layer over the same core. It adds no rules of
//! its own: a request's API key becomes the core's principal, and the core authorizes and
//! audits as it does for the command line (recording the client's address and user agent).
//!
//! Around the routes: a request id on every request and response (`X-Request-Id`: the
//! client's when it is a plain token, else a fresh one), a log line per request (never a
//! header, and its path scrubbed, so never a key), Prometheus metrics, a body-size limit, a
//! time limit, CORS when `CORS_ORIGIN` is set, security headers on every answer, and a
//! graceful shutdown on SIGTERM/Ctrl-C.

pub mod auth;
mod connections;
mod document;
pub mod error;
mod extract;
mod json;
pub mod limits;
mod metrics;
mod report;
pub mod routes;
mod stream;

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::middleware::{Next, from_fn_with_state};
use axum::response::Response;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::core::Core;
use crate::error::{Error, Result};

/// How the server runs: its command line, and the [`Policy`] of the settings.
#[derive(Debug, Clone)]
pub struct Config {
    pub listen: SocketAddr,
    pub policy: Policy,
    /// A request's time limit (a long operation's stream has none: see `stream`).
    pub request_timeout: Duration,
    /// How long requests and operations in flight may take, all together, after SIGTERM.
    pub shutdown_grace: Duration,
    /// How often key uses are written (`last_used_at`).
    pub key_use_interval: Duration,
    /// HTTPS: the certificate chain and private key (PEM files).
    pub tls: Option<(std::path::PathBuf, std::path::PathBuf)>,
}

/// What the operator's settings allow whoever calls the server: plain values, resolved from
/// the settings by whoever starts it.
#[derive(Debug, Clone)]
pub struct Policy {
    /// `RATE_LIMIT_MAX` requests per `RATE_LIMIT_TTL`, per key (per address without one).
    pub rate_limit_max: NonZeroU32,
    pub rate_limit_ttl: Duration,
    /// Failed authentications looked at from one address in any 60 seconds
    /// (`RATE_LIMIT_AUTH_FAILURES`).
    pub auth_failures_per_minute: NonZeroU32,
    /// Where the limits are counted (`PLATCTL_RATE_LIMIT_STORE`).
    pub limit_store: LimitStore,
    /// `PLATCTL_REPLICA_ID`: this replica's name (else `HOST:PORT`).
    pub replica_id: Option<String>,
    /// Connections open at once (`PLATCTL_MAX_CONNECTIONS`): see `connections`.
    pub max_connections: usize,
    /// `CORS_ORIGIN`: an origin, a comma-separated list, or `*`.
    pub cors_origin: Option<String>,
    /// Proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// `SENTRY_DSN`: where 5xx answers and panics are reported (see `report`).
    pub sentry_dsn: Option<String>,
}

/// Where request quotas and failed authentications are counted (`PLATCTL_RATE_LIMIT_STORE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitStore {
    /// `database` on PostgreSQL, `process` on SQLite.
    Auto,
    /// In the database, once for every replica on it (PostgreSQL).
    Database,
    /// In this process's memory: each replica counts alone.
    Process,
}

impl std::str::FromStr for LimitStore {
    type Err = String;

    fn from_str(text: &str) -> std::result::Result<Self, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(LimitStore::Auto),
            "database" => Ok(LimitStore::Database),
            "process" => Ok(LimitStore::Process),
            _ => Err("expected `auto`, `database` or `process`".into()),
        }
    }
}

/// How long a client has to send a request head once connected (or, on a kept-alive
/// connection, after the previous answer), and to complete a TLS handshake: then the connection
/// is closed.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(5);

/// The largest request body accepted.
pub const BODY_LIMIT: usize = 1024 * 1024;

/// What every request shares.
pub struct App {
    /// The operator's core: each request acts through a copy for its key.
    core: Core,
    config: Config,
    /// This replica's name (`PLATCTL_REPLICA_ID`, else `HOST:PORT`).
    replica: String,
    limits: limits::Limits,
    uses: auth::KeyUses,
    lookups: auth::Lookups,
    metrics: metrics::Metrics,
    /// The OpenAPI document, served at `/openapi.json`.
    openapi: String,
    /// Long operations running (backups, exports): waited for on shutdown.
    jobs: tokio_util::task::TaskTracker,
    /// Cancelled when a shutdown's grace period is over: streams still open end with a last
    /// line that says so.
    stopped: tokio_util::sync::CancellationToken,
}

/// After the grace period, how long streams have to send their last line before every
/// connection is closed.
const LAST_WORD: Duration = Duration::from_millis(500);

/// Serve until SIGTERM or Ctrl-C, then let requests and operations in flight finish (within
/// one `shutdown_grace` for all of them; streams still open then end with a line that says
/// the server is shutting down), write the pending key uses, and return.
pub async fn run(core: Core, config: Config) -> Result<()> {
    let listener = std::net::TcpListener::bind(config.listen)
        .and_then(|l| l.set_nonblocking(true).map(|()| l))
        .map_err(|e| {
            Error::io(format!("cannot listen on {}", config.listen), e)
                .with_hint("another process may hold the port: pick another with --listen")
        })?;
    let local = listener
        .local_addr()
        .map_err(|e| Error::io("cannot read the listening address", e))?;
    let tls = match &config.tls {
        None => None,
        Some((cert, key)) => Some(
            axum_server::tls_rustls::RustlsConfig::from_pem_file(cert, key)
                .await
                .map_err(|e| {
                    Error::config(format!(
                        "cannot use --tls-cert {} and --tls-key {}: {e}",
                        cert.display(),
                        key.display()
                    ))
                    .with_hint(
                        "PEM files: the certificate chain, and its private key (PKCS#8, RSA or EC)",
                    )
                })?,
        ),
    };
    let scheme = if tls.is_some() { "https" } else { "http" };
    let reporting = match &config.policy.sentry_dsn {
        Some(dsn) => Some(report::init(dsn)?),
        None => None,
    };
    let replica = match &config.policy.replica_id {
        Some(name) => name.clone(),
        None => format!(
            "{}:{}",
            whoami::hostname().unwrap_or_else(|_| "localhost".into()),
            local.port()
        ),
    };
    crate::local::set_replica(&replica);
    let limits = limits_for(&core, &config.policy)?;
    let app = Arc::new(App {
        limits,
        uses: auth::KeyUses::default(),
        lookups: auth::Lookups::default(),
        metrics: metrics::Metrics::new(&replica),
        openapi: openapi_json(),
        jobs: tokio_util::task::TaskTracker::new(),
        stopped: tokio_util::sync::CancellationToken::new(),
        replica,
        core,
        config,
    });
    let service = router(app.clone())?.into_make_service_with_connect_info::<SocketAddr>();
    // The first signal drains; a second one (interrupt::must_stop) drops everything.
    let _draining = crate::interrupt::critical();
    let housekeeping = tokio::spawn(housekeeping(app.clone()));
    let follower = {
        let app = app.clone();
        tokio::spawn(async move { app.core.follow_changes().await })
    };
    let fleet = {
        let app = app.clone();
        tokio::spawn(async move { app.limits.follow_fleet(&app.core).await })
    };
    let handle = axum_server::Handle::new();
    let limited = connections::Limited(connections::Connections::new(
        app.config.policy.max_connections,
    ));
    let server: std::pin::Pin<Box<dyn Future<Output = std::io::Result<()>> + Send>> = match tls {
        Some(tls) => {
            let mut server = axum_server::from_tcp_rustls(listener, tls)
                .map_err(|e| Error::io("cannot serve HTTPS on the listening socket", e))?
                .map(|tls| tls.handshake_timeout(HEADER_TIMEOUT).acceptor(limited))
                .first_request_timeout(HEADER_TIMEOUT)
                .handle(handle.clone());
            server
                .http_builder()
                .http1()
                .header_read_timeout(Some(HEADER_TIMEOUT));
            Box::pin(server.serve(service))
        }
        None => {
            let mut server = axum_server::from_tcp(listener)
                .map_err(|e| Error::io("cannot serve on the listening socket", e))?
                .acceptor(limited)
                .first_request_timeout(HEADER_TIMEOUT)
                .handle(handle.clone());
            server
                .http_builder()
                .http1()
                .header_read_timeout(Some(HEADER_TIMEOUT));
            Box::pin(server.serve(service))
        }
    };
    tracing::info!(
        listen = %local,
        database = %app.core.describe(),
        replica = %app.replica,
        limits = if app.limits.is_shared() { "database" } else { "process" },
        "platctl serve {} listening on {scheme}://{local}",
        env!("CARGO_PKG_VERSION")
    );
    let mut server = server;
    let result = tokio::select! {
        result = &mut server => result,
        signal = crate::interrupt::signalled() => {
            let grace = app.config.shutdown_grace;
            tracing::info!(
                "{}: finishing the requests and operations in flight (up to {} for all of them)",
                signal.name(),
                humantime::format_duration(grace)
            );
            let deadline = tokio::time::Instant::now() + grace;
            // New connections are refused, idle ones closed; requests in flight, and
            // operations whose clients went away, share the one grace period.
            handle.graceful_shutdown(None);
            app.jobs.close();
            let served = tokio::time::timeout_at(deadline, &mut server).await.ok();
            if !app.jobs.is_empty() {
                tracing::info!("waiting for {} operations still running", app.jobs.len());
            }
            if tokio::time::timeout_at(deadline, app.jobs.wait()).await.is_err() {
                tracing::warn!(
                    "{} operations did not finish in time and were stopped (what they left unfinished is not a backup)",
                    app.jobs.len()
                );
            }
            match served {
                Some(result) => result,
                None => {
                    // Time is up: each stream's last line says why it ends; then every
                    // connection still open is closed.
                    app.stopped.cancel();
                    match tokio::time::timeout(LAST_WORD, &mut server).await {
                        Ok(result) => result,
                        Err(_) => {
                            handle.shutdown();
                            server.await
                        }
                    }
                }
            }
        }
    };
    housekeeping.abort();
    follower.abort();
    fleet.abort();
    flush_key_uses(&app).await;
    report::close(reporting).await;
    result.map_err(|e| Error::io("the server failed", e))?;
    tracing::info!("stopped");
    Ok(())
}

/// The limits `policy` asks for, on this database.
fn limits_for(core: &Core, policy: &Policy) -> Result<limits::Limits> {
    let (max, ttl, failures) = (
        policy.rate_limit_max,
        policy.rate_limit_ttl,
        policy.auth_failures_per_minute,
    );
    match (policy.limit_store, core.shares_limits()) {
        (LimitStore::Database, false) => Err(Error::config(
            "PLATCTL_RATE_LIMIT_STORE=database needs PostgreSQL: a SQLite file has one server, \
             which counts its limits in its own memory",
        )
        .with_hint(
            "set PLATCTL_RATE_LIMIT_STORE=process (or auto), or DATABASE_URL to PostgreSQL",
        )),
        (LimitStore::Database | LimitStore::Auto, true) => {
            Ok(limits::Limits::shared(max, ttl, failures))
        }
        (LimitStore::Process | LimitStore::Auto, _) => {
            Ok(limits::Limits::in_process(max, ttl, failures))
        }
    }
}

/// Every minute (or `key_use_interval`): write key uses, forget idle rate-limit buckets.
async fn housekeeping(app: Arc<App>) {
    let mut tick = tokio::time::interval(app.config.key_use_interval);
    tick.tick().await;
    loop {
        tick.tick().await;
        flush_key_uses(&app).await;
        app.limits.shrink(&app.core).await;
        app.lookups.shrink();
    }
}

async fn flush_key_uses(app: &App) {
    let uses = app.uses.take();
    if let Err(e) = app.core.record_key_uses(&uses).await {
        tracing::warn!(
            "cannot record when {} keys were last used: {}",
            uses.len(),
            crate::redact::scrub(&e.to_string())
        );
    }
}

/// The OpenAPI document of every route, generated from the handlers and their types.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let (_, mut api) = routes::public().split_for_parts();
    api.merge(routes::protected().split_for_parts().1);
    document::finish(api)
}

/// The document as served at `/openapi.json` (and committed as `openapi.json`).
pub fn openapi_json() -> String {
    openapi().to_pretty_json().unwrap_or_default() + "\n"
}

fn router(app: Arc<App>) -> Result<Router> {
    let (public, _) = routes::public().split_for_parts();
    let (protected, _) = routes::protected().split_for_parts();
    let protected = protected.route_layer(from_fn_with_state(app.clone(), auth::require_key));
    let mut router = public
        .merge(protected)
        .fallback(routes::not_found)
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .layer(from_fn_with_state(app.clone(), time_limit))
        .layer(from_fn_with_state(app.clone(), metrics::track))
        .layer(from_fn_with_state(app.clone(), log_request));
    if let Some(origins) = &app.config.policy.cors_origin {
        router = router.layer(cors(origins)?);
    }
    let request_id = HeaderName::from_static("x-request-id");
    // A bug in a handler is a 500 in the API's shape, not a dropped connection (and the panic
    // is reported, not the 500 as well).
    let router = router
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            |_: Box<dyn std::any::Any + Send>| {
                let mut response = axum::response::IntoResponse::into_response(
                    error::ApiError::new(
                        axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                        "platctl serve failed on this request (a bug: please report it with the request id)",
                    ),
                );
                response.extensions_mut().insert(report::Panicked);
                response
            },
        ))
        .layer(axum::middleware::from_fn(report::track));
    let router = router
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
        .layer(axum::middleware::map_request(clean_request_id));
    let mut router = with_security_headers(router, app.config.tls.is_some());
    // Which replica answered, on every answer (behind a load balancer, the one to look at).
    if let Ok(replica) = HeaderValue::from_str(&app.replica) {
        router = router.layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("x-platctl-replica"),
            replica,
        ));
    }
    Ok(router.with_state(app))
}

/// Headers on every answer (helmet's, for a JSON API): nothing to sniff, frame, embed or
/// refer from, and nothing for a proxy or browser cache to keep — answers carry whole keys
/// (`POST /api-keys`, rotate), listings and audit entries.
const SECURITY_HEADERS: [(&str, &str); 6] = [
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    (
        "content-security-policy",
        "default-src 'none'; frame-ancestors 'none'",
    ),
    ("referrer-policy", "no-referrer"),
    ("cross-origin-resource-policy", "same-origin"),
    ("cache-control", "no-store"),
];

/// Over HTTPS, browsers are told to use nothing else for a year (helmet's default).
const HSTS: &str = "max-age=31536000; includeSubDomains";

fn with_security_headers(mut router: Router<Arc<App>>, tls: bool) -> Router<Arc<App>> {
    let hsts = tls.then_some(("strict-transport-security", HSTS));
    for (name, value) in SECURITY_HEADERS.into_iter().chain(hsts) {
        router = router.layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        ));
    }
    router
}

/// The longest `X-Request-Id` kept.
const REQUEST_ID_MAX: usize = 128;

/// A client's `X-Request-Id` is kept (and sent back, and logged) only when it is one plain
/// token — 1 to 128 letters, digits and `-_.:/+=@` (UUIDs, trace ids, base64) — that holds no
/// secret. Anything else (spaces or line breaks that would forge log fields, a key sent by
/// mistake, several of them) is dropped, and a fresh id takes its place.
async fn clean_request_id(mut request: Request) -> Request {
    let mut ids = request.headers().get_all("x-request-id").iter();
    let acceptable = match (ids.next(), ids.next()) {
        (None, _) => true,
        (Some(id), None) => acceptable_request_id(id.as_bytes()),
        (Some(_), Some(_)) => false,
    };
    if !acceptable {
        request.headers_mut().remove("x-request-id");
    }
    request
}

/// The request's id (set by then: see [`clean_request_id`]), `-` without one.
fn request_id(request: &Request) -> String {
    request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_string()
}

fn acceptable_request_id(id: &[u8]) -> bool {
    (1..=REQUEST_ID_MAX).contains(&id.len())
        && id
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.:/+=@".contains(b))
        && std::str::from_utf8(id).is_ok_and(|text| crate::redact::scrub(text) == text)
}

fn cors(origins: &str) -> Result<CorsLayer> {
    let allow = if origins.trim() == "*" {
        AllowOrigin::any()
    } else {
        let list = origins
            .split(',')
            .map(|o| {
                HeaderValue::from_str(o.trim()).map_err(|_| {
                    Error::config(format!("CORS_ORIGIN `{o}` is not an origin"))
                        .with_hint("e.g. https://app.acme.io, a comma-separated list, or *")
                })
            })
            .collect::<Result<Vec<_>>>()?;
        AllowOrigin::list(list)
    };
    Ok(CorsLayer::new()
        .allow_origin(allow)
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            HeaderName::from_static("x-api-key"),
        ])
        .expose_headers([
            header::RETRY_AFTER,
            HeaderName::from_static("x-request-id"),
            HeaderName::from_static("x-ratelimit-limit"),
            HeaderName::from_static("x-ratelimit-remaining"),
            HeaderName::from_static("x-ratelimit-reset"),
        ]))
}

/// A request that takes longer than the time limit is answered 503 (its work is dropped,
/// and with it any transaction it had open).
async fn time_limit(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let limit = app.config.request_timeout;
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => axum::response::IntoResponse::into_response(
            error::ApiError::new(
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "the request took longer than {}",
                    humantime::format_duration(limit)
                ),
            )
            .hint("long operations (backups, exports) stream their progress and are not limited; raise --request-timeout for the others"),
        ),
    }
}

/// One log line per request: method, path (no query string; scrubbed), status, time, request
/// id (a valid one: see [`clean_request_id`]), client.
async fn log_request(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request,
    next: Next,
) -> Response {
    let start = Instant::now();
    let method = crate::redact::scrub(request.method().as_str());
    let path = crate::redact::scrub_path(request.uri().path());
    let id = request_id(&request);
    let client = auth::client_ip(
        peer.ip(),
        request.headers(),
        &app.config.policy.trusted_proxies,
    );
    let response = next.run(request).await;
    let status = response.status().as_u16();
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    if status >= 500 {
        tracing::warn!(request_id = %id, %client, %method, %path, status, ms = format!("{ms:.1}"), "request");
    } else {
        tracing::info!(request_id = %id, %client, %method, %path, status, ms = format!("{ms:.1}"), "request");
    }
    response
}
