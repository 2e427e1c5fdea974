//! The routes: the public health probes, and one generic handler ([`answer`]) for every
//! operation the protocol declares — it reads the request type from the path, the query
//! string or the body as the type says, and runs it in the core as the caller. (The streamed
//! answers are in `stream`.)

use std::sync::Arc;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::App;
use super::auth::Caller;
use super::error::ApiError;
use super::extract::Asked;
use crate::core::run::Run;
use crate::proto::audit::*;
use crate::proto::backup::*;
use crate::proto::email::*;
use crate::proto::endpoint::{Endpoint, Method};
use crate::proto::health::{CheckResult, HealthReport, HealthRequest, HealthState, Thresholds};
use crate::proto::ops::Op;
use crate::proto::*;

type Handled = Result<Response, ApiError>;

/// The terminus shape of the public health endpoints (for the OpenAPI document): states and
/// counts only.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct Terminus {
    /// `ok`, or `error` when a check is down.
    status: String,
    /// The checks that are up, by name: `{"status": "up", "state", "message", ...counts}`
    /// (`"message": "warning, 2 expiring"`).
    info: std::collections::BTreeMap<String, serde_json::Value>,
    /// The checks that are down.
    error: std::collections::BTreeMap<String, serde_json::Value>,
    /// Every check.
    details: std::collections::BTreeMap<String, serde_json::Value>,
    /// The replica that answered (`PLATCTL_REPLICA_ID`, else `HOST:PORT`).
    replica: String,
}

/// A route of the API and the operation it runs (whose permission it needs), or none for
/// the public ones.
pub struct Route {
    pub method: &'static str,
    pub path: &'static str,
    pub op: Option<Op>,
}

/// The operations of the API ([`crate::proto::answered`], in the document's and the README's
/// order) answered by [`answer`]; then the streamed ones of `stream`.
macro_rules! operations {
    ($($ty:ty),* $(,)?) => {
        /// Every route; the README's table comes from here, and a test asks each of them.
        pub static ROUTES: std::sync::LazyLock<Vec<Route>> = std::sync::LazyLock::new(|| {
            let public = ["/health", "/health/live", "/health/ready", "/metrics", "/openapi.json"];
            let mut routes: Vec<Route> = public
                .into_iter()
                .map(|path| Route { method: "GET", path, op: None })
                .collect();
            $(routes.push(row::<$ty>(<$ty as Endpoint>::METHOD));)*
            routes.push(row::<RevokeKey>(Method::Delete));
            for streamed in [
                row::<AuditQuery>(Method::Post),
                row::<AuditExport>(Method::Post),
                row::<BackupRun>(Method::Post),
                row::<BackupVerify>(Method::Post),
            ] {
                routes.push(streamed);
            }
            routes
        });

        /// Routes that need an API key (the middleware puts its [`Caller`] in the request).
        pub fn protected() -> OpenApiRouter<Arc<App>> {
            OpenApiRouter::new()
                $(.routes(answered::<$ty>()))*
                .route(RevokeKey::PATH, axum::routing::delete(answer::<RevokeKey>))
                .routes(routes!(super::stream::audit_query))
                .routes(routes!(super::stream::audit_export))
                .routes(routes!(super::stream::backup_run))
                .routes(routes!(super::stream::backup_verify))
        }
    };
}

crate::proto::answered!(operations);

fn row<E: Endpoint>(method: Method) -> Route {
    Route {
        method: method.as_str(),
        path: E::PATH,
        op: Some(E::OP),
    }
}

/// The routes as Markdown (for the README): method and path, permission, command.
pub fn markdown_table() -> String {
    let mut out = String::from("| route | permission | command |\n| --- | --- | --- |\n");
    for r in ROUTES.iter() {
        let (permission, command) = match r.op {
            Some(op) => (
                format!("`{}`", op.permission()),
                format!("`{}`", op.command()),
            ),
            None => ("none".to_string(), "-".to_string()),
        };
        out.push_str(&format!(
            "| `{} {}` | {permission} | {command} |\n",
            r.method, r.path
        ));
    }
    out
}

/// An operation's route and its place in the document.
fn answered<E: Run>() -> utoipa_axum::router::UtoipaMethodRouter<Arc<App>> {
    let (schemas, paths) = super::document::documented::<E>();
    let method = match E::METHOD {
        Method::Get => axum::routing::get(answer::<E>),
        Method::Post => axum::routing::post(answer::<E>),
        Method::Delete => axum::routing::delete(answer::<E>),
    };
    (schemas, paths, method)
}

/// Every operation's handler: the request read as its type says, run by the core as the caller.
async fn answer<E: Run>(Extension(caller): Extension<Caller>, Asked(req): Asked<E>) -> Handled {
    let answer = req.run(&caller.core, crate::progress::silent()).await?;
    let status = match E::CREATED {
        true => StatusCode::CREATED,
        false => StatusCode::OK,
    };
    Ok(json(status, &answer))
}

/// Routes anyone may call: health probes, metrics (and the document itself).
pub fn public() -> OpenApiRouter<Arc<App>> {
    OpenApiRouter::with_openapi(<super::document::ApiDoc as utoipa::OpenApi>::openapi())
        .routes(routes!(health))
        .routes(routes!(live))
        .routes(routes!(ready))
        .routes(routes!(super::metrics::scrape))
        .routes(routes!(openapi_document))
}

/// This document.
#[utoipa::path(
    get,
    path = "/openapi.json",
    tag = "health",
    responses((status = 200, description = "The OpenAPI document", body = Object)),
)]
async fn openapi_document(State(app): State<Arc<App>>) -> Response {
    let mut response = app.openapi.clone().into_response();
    response.headers_mut().insert(
        axum::http::header::CONTENT_TYPE,
        axum::http::HeaderValue::from_static("application/json"),
    );
    response
}

/// A path that is no route: 404, charged to the address's quota like a request without a key.
pub async fn not_found(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<std::net::SocketAddr>,
    request: Request,
) -> ApiError {
    let ip = super::auth::client_ip(
        peer.ip(),
        request.headers(),
        &app.config.policy.trusted_proxies,
    );
    if let Some(limited) = super::auth::charge_address(&app, ip).await {
        return limited;
    }
    ApiError::new(
        StatusCode::NOT_FOUND,
        format!(
            "Cannot {} {}",
            request.method(),
            crate::redact::scrub_path(request.uri().path())
        ),
    )
}

fn json<T: serde::Serialize>(status: StatusCode, value: &T) -> Response {
    (status, Json(value)).into_response()
}

/// Checks' terminus JSON, as anyone may see it — states and counts only (the details are for a
/// key that may run the checks: `POST /health/checks`): 200 when every check is up (OK or
/// WARNING), else 503.
fn public_terminus(app: &App, report: &HealthReport) -> Response {
    let report = report.public();
    let up = report
        .checks
        .iter()
        .all(|c| matches!(c.state, HealthState::Ok | HealthState::Warning));
    let status = if up {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let mut terminus = report.terminus();
    terminus["replica"] = serde_json::Value::String(app.replica.clone());
    json(status, &terminus)
}

async fn run_checks(app: &App, checks: &[&str]) -> Handled {
    let req = HealthRequest {
        checks: checks.iter().map(|c| c.to_string()).collect(),
        timeout: std::time::Duration::from_secs(5),
        thresholds: Thresholds::default(),
    };
    let mut report = req.run(&app.core, crate::progress::silent()).await?;
    if checks.contains(&"db") {
        // With shared limits, a replica that cannot reach them is not ready: it would refuse
        // every request rather than count alone.
        let state = match app.limits.reachable(&app.core).await {
            Ok(()) if app.limits.is_shared() => Some((HealthState::Ok, "shared".to_string())),
            Ok(()) => None,
            Err(e) => Some((HealthState::Critical, format!("cannot be reached: {e}"))),
        };
        if let Some((state, summary)) = state {
            report = HealthReport::new(
                report
                    .checks
                    .into_iter()
                    .chain([CheckResult::bare("limits", state, summary)])
                    .collect(),
            );
        }
    }
    Ok(public_terminus(app, &report))
}

/// Every check, with the default thresholds: states and counts (the details: `POST
/// /health/checks` with a key).
#[utoipa::path(
    get,
    path = "/health",
    tag = "health",
    responses((status = 200, description = "OK", body = Terminus), (status = 503, description = "A check is down", body = Terminus)),
)]
async fn health(State(app): State<Arc<App>>) -> Handled {
    run_checks(&app, crate::proto::health::CHECKS).await
}

/// The process answers: never touches the database.
#[utoipa::path(
    get,
    path = "/health/live",
    tag = "health",
    responses((status = 200, description = "OK", body = Terminus), (status = 503, description = "A check is down", body = Terminus)),
)]
async fn live(State(app): State<Arc<App>>) -> Response {
    let process = CheckResult::bare("process", HealthState::Ok, String::new());
    public_terminus(&app, &HealthReport::new(vec![process]))
}

/// Ready for traffic: the database answers and its schema is this binary's.
#[utoipa::path(
    get,
    path = "/health/ready",
    tag = "health",
    responses((status = 200, description = "OK", body = Terminus), (status = 503, description = "A check is down", body = Terminus)),
)]
async fn ready(State(app): State<Arc<App>>) -> Handled {
    run_checks(&app, &["db", "migrations"]).await
}
