//! The routes: the platform's own paths for API keys and health, each handler a call of the
//! same `Backend` method the command line makes.

use std::sync::Arc;

use axum::extract::rejection::JsonRejection;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::App;
use super::auth::Caller;
use super::error::{ApiError, Refusals};
use crate::backend::Backend;
use crate::error::Error;
use crate::proto::health::{CheckResult, HealthReport, HealthRequest, HealthState, Thresholds};
use crate::proto::ops::Op;
use crate::proto::{CreateKey, Expiry, ListKeys};

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
}

/// A route of the API and the operation it runs (whose permission it needs), or none for
/// the public ones.
pub struct Route {
    pub method: &'static str,
    pub path: &'static str,
    pub op: Option<Op>,
}

const fn route(method: &'static str, path: &'static str, op: Option<Op>) -> Route {
    Route { method, path, op }
}

/// Every route; the README's table comes from here, and a test asks each of them.
pub const ROUTES: &[Route] = &[
    route("GET", "/health", None),
    route("GET", "/health/live", None),
    route("GET", "/health/ready", None),
    route("GET", "/metrics", None),
    route("GET", "/openapi.json", None),
    route("POST", "/api-keys", Some(Op::KeysCreate)),
    route("GET", "/api-keys", Some(Op::KeysList)),
    route("GET", "/api-keys/{id}", Some(Op::KeysShow)),
    route("DELETE", "/api-keys/{id}", Some(Op::KeysDelete)),
    route("DELETE", "/api-keys/{id}/revoke", Some(Op::KeysRevoke)),
    route("POST", "/api-keys/{id}/revoke", Some(Op::KeysRevoke)),
    route("POST", "/api-keys/{id}/rotate", Some(Op::KeysRotate)),
    route("POST", "/api-keys/{id}/confirm", Some(Op::KeysConfirm)),
    route("POST", "/api-keys/verify", Some(Op::KeysVerify)),
    route("GET", "/organizations", Some(Op::OrgsList)),
    route("POST", "/organizations", Some(Op::OrgsCreate)),
    route("GET", "/users", Some(Op::UsersList)),
    route("POST", "/users", Some(Op::UsersCreate)),
    route("POST", "/users/{email}/disable", Some(Op::UsersDisable)),
    route("POST", "/users/{email}/enable", Some(Op::UsersEnable)),
    route("GET", "/roles", Some(Op::RolesList)),
    route("GET", "/roles/{name}", Some(Op::RolesShow)),
    route("POST", "/roles", Some(Op::RolesCreate)),
    route("DELETE", "/roles/{name}", Some(Op::RolesDelete)),
    route("POST", "/roles/{name}/permissions", Some(Op::RolesGrant)),
    route("DELETE", "/roles/{name}/permissions", Some(Op::RolesRevoke)),
    route("POST", "/role-assignments", Some(Op::RolesAssign)),
    route("DELETE", "/role-assignments", Some(Op::RolesUnassign)),
    route("GET", "/permissions", Some(Op::PermissionsList)),
    route("POST", "/permissions/check", Some(Op::PermissionsCheck)),
    route("GET", "/migrations", Some(Op::MigrateStatus)),
    route("POST", "/migrations/run", Some(Op::MigrateRun)),
    route("GET", "/migrations/revert-plan", Some(Op::MigrateRevert)),
    route("POST", "/migrations/revert", Some(Op::MigrateRevert)),
    route("GET", "/migrations/verify", Some(Op::MigrateVerify)),
    route(
        "POST",
        "/migrations/{version}/accept",
        Some(Op::MigrateAccept),
    ),
    route("POST", "/audit-logs/query", Some(Op::AuditQuery)),
    route("POST", "/audit-logs/tail", Some(Op::AuditTail)),
    route("POST", "/audit-logs/follow", Some(Op::AuditTail)),
    route("POST", "/audit-logs/stats", Some(Op::AuditStats)),
    route("POST", "/audit-logs/prune-plan", Some(Op::AuditPrune)),
    route("POST", "/audit-logs/prune", Some(Op::AuditPrune)),
    route("POST", "/audit-logs/seal", Some(Op::AuditSeal)),
    route("POST", "/audit-logs/verify", Some(Op::AuditVerify)),
    route("POST", "/audit-logs/export", Some(Op::AuditExport)),
    route("GET", "/backups", Some(Op::BackupList)),
    route("GET", "/backups/{id}", Some(Op::BackupShow)),
    route("POST", "/backups/run", Some(Op::BackupRun)),
    route("POST", "/backups/verify", Some(Op::BackupVerify)),
    route("POST", "/backups/prune", Some(Op::BackupPrune)),
    route("POST", "/health/checks", Some(Op::Health)),
    route("GET", "/email/templates", Some(Op::EmailTemplates)),
    route("POST", "/email/preview", Some(Op::EmailPreview)),
    route("POST", "/email/test", Some(Op::EmailTest)),
];

/// The routes as Markdown (for the README): method and path, permission, command.
pub fn markdown_table() -> String {
    let mut out = String::from("| route | permission | command |\n| --- | --- | --- |\n");
    for r in ROUTES {
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

/// A link of the document: a response of one operation carries what another takes (for
/// clients, and for the fuzzer's stateful phase, which follows them).
struct Link {
    from: (&'static str, &'static str, &'static str),
    name: &'static str,
    to: (&'static str, &'static str),
    parameters: &'static [(&'static str, &'static str)],
}

const fn link(
    from: (&'static str, &'static str, &'static str),
    name: &'static str,
    to: (&'static str, &'static str),
    parameters: &'static [(&'static str, &'static str)],
) -> Link {
    Link {
        from,
        name,
        to,
        parameters,
    }
}

const KEY_ID: &[(&str, &str)] = &[("id", "$response.body#/id")];
const NEW_KEY_ID: &[(&str, &str)] = &[("id", "$response.body#/new/id")];
const EMAIL: &[(&str, &str)] = &[("email", "$response.body#/email")];
const ROLE: &[(&str, &str)] = &[("name", "$response.body#/name")];

const LINKS: &[Link] = &[
    link(
        ("post", "/api-keys", "201"),
        "ShowKey",
        ("get", "/api-keys/{id}"),
        KEY_ID,
    ),
    link(
        ("post", "/api-keys", "201"),
        "RotateKey",
        ("post", "/api-keys/{id}/rotate"),
        KEY_ID,
    ),
    link(
        ("post", "/api-keys", "201"),
        "RevokeKey",
        ("post", "/api-keys/{id}/revoke"),
        KEY_ID,
    ),
    link(
        ("post", "/api-keys/{id}/rotate", "201"),
        "ShowNewKey",
        ("get", "/api-keys/{id}"),
        NEW_KEY_ID,
    ),
    link(
        ("post", "/api-keys/{id}/rotate", "201"),
        "RevokeNewKey",
        ("delete", "/api-keys/{id}/revoke"),
        NEW_KEY_ID,
    ),
    link(
        ("post", "/api-keys/{id}/revoke", "200"),
        "DeleteKey",
        ("delete", "/api-keys/{id}"),
        KEY_ID,
    ),
    link(
        ("delete", "/api-keys/{id}/revoke", "200"),
        "DeleteKey",
        ("delete", "/api-keys/{id}"),
        KEY_ID,
    ),
    link(
        ("post", "/users", "201"),
        "DisableUser",
        ("post", "/users/{email}/disable"),
        EMAIL,
    ),
    link(
        ("post", "/users/{email}/disable", "200"),
        "EnableUser",
        ("post", "/users/{email}/enable"),
        EMAIL,
    ),
    link(
        ("post", "/roles", "201"),
        "ShowRole",
        ("get", "/roles/{name}"),
        ROLE,
    ),
    link(
        ("post", "/roles", "201"),
        "GrantToRole",
        ("post", "/roles/{name}/permissions"),
        ROLE,
    ),
    link(
        ("post", "/roles", "201"),
        "DeleteRole",
        ("delete", "/roles/{name}"),
        ROLE,
    ),
    link(
        ("post", "/organizations", "201"),
        "ListMembers",
        ("get", "/users"),
        &[("organization", "$response.body#/slug")],
    ),
    link(
        ("post", "/role-assignments", "200"),
        "Unassign",
        ("delete", "/role-assignments"),
        &[
            ("user", "$response.body#/user"),
            ("organization", "$response.body#/organization"),
        ],
    ),
];

fn operation_mut<'a>(
    api: &'a mut utoipa::openapi::OpenApi,
    method: &str,
    path: &str,
) -> Option<&'a mut utoipa::openapi::path::Operation> {
    let item = api.paths.paths.get_mut(path)?;
    match method {
        "get" => item.get.as_mut(),
        "post" => item.post.as_mut(),
        "delete" => item.delete.as_mut(),
        _ => None,
    }
}

/// The document as generated, finished: each operation's id made unique (a handler serving
/// two methods has one id), and the [`LINKS`] added.
pub fn finish(mut api: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    for route in ROUTES {
        if let Some(op) = operation_mut(&mut api, &route.method.to_lowercase(), route.path)
            && route.method == "DELETE"
            && route.path.ends_with("/revoke")
        {
            op.operation_id = op.operation_id.take().map(|id| format!("{id}_delete"));
        }
    }
    for l in LINKS {
        let (method, path) = l.to;
        let reference = format!(
            "#/paths/{}/{method}",
            path.replace('~', "~0").replace('/', "~1")
        );
        let mut built = utoipa::openapi::link::LinkBuilder::new().operation_ref(reference);
        for (name, expression) in l.parameters {
            built = built.parameter(*name, *expression);
        }
        let (method, path, status) = l.from;
        if let Some(op) = operation_mut(&mut api, method, path)
            && let Some(utoipa::openapi::RefOr::T(response)) =
                op.responses.responses.get_mut(status)
        {
            response
                .links
                .insert(l.name.to_string(), built.build().into());
        }
    }
    api
}

/// The document's frame: title, version, the two ways to present a key.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "platctl admin API",
        description = "The platform's admin API, served by `platctl serve`: every route runs the same operation as the platctl command named in its description, authorized and audited by the same core."
    ),
    components(schemas(crate::error::ErrorKind, super::error::ErrorBody)),
    modifiers(&KeySchemes)
)]
struct ApiDoc;

struct KeySchemes;

impl utoipa::Modify for KeySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{
            ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme,
        };
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "api_key",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::new("X-API-Key"))),
        );
    }
}

/// Routes anyone may call: health probes, metrics (and the document itself).
pub fn public() -> OpenApiRouter<Arc<App>> {
    OpenApiRouter::with_openapi(<ApiDoc as utoipa::OpenApi>::openapi())
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

/// Routes that need an API key (the middleware puts its [`Caller`] in the request).
pub fn protected() -> OpenApiRouter<Arc<App>> {
    OpenApiRouter::new()
        .routes(routes!(list_keys, create_key))
        .routes(routes!(show_key, delete_key))
        .routes(routes!(revoke_key))
        .routes(routes!(rotate_key))
        .routes(routes!(confirm_key))
        .routes(routes!(verify_key))
        .routes(routes!(list_orgs, create_org))
        .routes(routes!(list_users, create_user))
        .routes(routes!(disable_user))
        .routes(routes!(enable_user))
        .routes(routes!(list_roles, create_role))
        .routes(routes!(show_role, delete_role))
        .routes(routes!(grant, revoke))
        .routes(routes!(assign, unassign))
        .routes(routes!(list_permissions))
        .routes(routes!(check_permission))
        .routes(routes!(migrations))
        .routes(routes!(migrate_run))
        .routes(routes!(revert_plan))
        .routes(routes!(migrate_revert))
        .routes(routes!(migrate_verify))
        .routes(routes!(migrate_accept))
        .routes(routes!(super::stream::audit_query))
        .routes(routes!(audit_tail))
        .routes(routes!(audit_follow))
        .routes(routes!(audit_stats))
        .routes(routes!(audit_prune_plan))
        .routes(routes!(audit_prune))
        .routes(routes!(audit_seal))
        .routes(routes!(audit_verify))
        .routes(routes!(super::stream::audit_export))
        .routes(routes!(list_backups))
        .routes(routes!(show_backup))
        .routes(routes!(super::stream::backup_run))
        .routes(routes!(super::stream::backup_verify))
        .routes(routes!(backup_prune))
        .routes(routes!(health_checks))
        .routes(routes!(email_templates))
        .routes(routes!(email_preview))
        .routes(routes!(email_test))
}

/// A path that is no route: 404, charged to the address's quota like a request without a key.
pub async fn not_found(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<std::net::SocketAddr>,
    request: Request,
) -> ApiError {
    let ip = super::auth::client_ip(peer.ip(), request.headers(), &app.config.trusted_proxies);
    if let Some(limited) = super::auth::charge_address(&app, ip) {
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

/// A JSON body whose rejections answer in the API's error shape.
pub struct Body<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        // Syntax, size and content type as axum checks them; the shape as the document says.
        match Json::<serde_json::Value>::from_request(req, state).await {
            Ok(Json(value)) => super::json::from_value(value).map(Body).map_err(|e| {
                ApiError::new(
                    StatusCode::BAD_REQUEST,
                    format!("the body does not fit: {e}"),
                )
            }),
            Err(rejection) => Err(bad_body(rejection)),
        }
    }
}

/// Path parameters whose rejections answer in the API's error shape.
pub struct Path<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for Path<T> {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(Path(value)),
            Err(rejection) => Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                rejection.body_text(),
            )),
        }
    }
}

/// A query string whose rejections answer in the API's error shape.
pub struct Query<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for Query<T> {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(value)) => Ok(Query(value)),
            Err(rejection) => Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                rejection.body_text(),
            )),
        }
    }
}

fn bad_body(rejection: JsonRejection) -> ApiError {
    let status = match rejection {
        JsonRejection::MissingJsonContentType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        JsonRejection::BytesRejection(_) => StatusCode::PAYLOAD_TOO_LARGE,
        _ => StatusCode::BAD_REQUEST,
    };
    ApiError::new(status, rejection.body_text())
        .hint("send a JSON body with `Content-Type: application/json`")
}

fn json<T: serde::Serialize>(status: StatusCode, value: &T) -> Response {
    (status, Json(value)).into_response()
}

/// Checks' terminus JSON, as anyone may see it — states and counts only (the details are for a
/// key that may run the checks: `POST /health/checks`): 200 when every check is up (OK or
/// WARNING), else 503.
fn public_terminus(report: &HealthReport) -> Response {
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
    json(status, &report.terminus())
}

async fn run_checks(app: &App, checks: &[&str]) -> Handled {
    let req = HealthRequest {
        checks: checks.iter().map(|c| c.to_string()).collect(),
        timeout: std::time::Duration::from_secs(5),
        thresholds: Thresholds::default(),
    };
    Ok(public_terminus(&app.core.health(&req).await?))
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
async fn live() -> Response {
    public_terminus(&HealthReport::new(vec![CheckResult {
        name: "process".into(),
        state: HealthState::Ok,
        summary: String::new(),
        threshold: None,
        figures: serde_json::Map::new(),
        perfdata: Vec::new(),
    }]))
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

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct NewKey {
    #[serde(default, deserialize_with = "crate::proto::input::name::option")]
    #[schema(schema_with = crate::proto::input::name::option_schema)]
    name: Option<String>,
    #[serde(deserialize_with = "crate::proto::input::permission::list")]
    #[schema(schema_with = crate::proto::input::permission::list_schema)]
    scopes: Vec<String>,
    /// `90d`, `12h`...; not with `expires_at`.
    #[serde(default, with = "crate::proto::duration::option")]
    #[schema(schema_with = crate::proto::duration::option_schema)]
    expires_in: Option<std::time::Duration>,
    /// Not with `expires_in`.
    #[serde(default, deserialize_with = "crate::proto::time::option")]
    #[schema(schema_with = crate::proto::time::option_schema)]
    expires_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The calling key's organization when absent.
    #[serde(default, deserialize_with = "crate::proto::input::org::option")]
    #[schema(schema_with = crate::proto::input::org::option_schema)]
    organization: Option<String>,
    #[serde(default)]
    test: bool,
    /// A platform key: always refused here (only the operator with the database makes one).
    #[serde(default)]
    platform: bool,
}

#[utoipa::path(
    post,
    path = "/api-keys",
    tag = "api-keys",
    request_body = NewKey,
    responses((status = 201, description = "Created", body = crate::proto::CreatedKey), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn create_key(Extension(caller): Extension<Caller>, Body(body): Body<NewKey>) -> Handled {
    let expires = match (body.expires_in, body.expires_at) {
        (Some(_), Some(_)) => {
            return Err(Error::usage("give expires_in or expires_at, not both").into());
        }
        (Some(d), None) => Some(Expiry::In(crate::proto::Span(d))),
        (None, Some(at)) => Some(Expiry::At(at)),
        (None, None) => None,
    };
    let req = CreateKey {
        organization: body.organization,
        name: body.name,
        scopes: body.scopes,
        expires,
        test: body.test,
        platform: body.platform,
    };
    let created = caller.core.create_key(&req, &|_| Ok(())).await?;
    Ok(json(StatusCode::CREATED, &created))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct KeyListing {
    #[serde(default, deserialize_with = "crate::proto::input::org::option")]
    #[param(value_type = Option<crate::proto::input::org::Param>, inline)]
    organization: Option<String>,
    /// Only platform keys.
    #[serde(default)]
    platform: bool,
    #[serde(default, deserialize_with = "crate::proto::input::user::option")]
    #[param(value_type = Option<crate::proto::input::user::Param>, inline)]
    created_by: Option<String>,
    #[serde(default)]
    all: bool,
}

#[utoipa::path(
    get,
    path = "/api-keys",
    tag = "api-keys",
    params(KeyListing),
    responses((status = 200, description = "OK", body = Vec<crate::proto::ApiKey>), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn list_keys(
    Extension(caller): Extension<Caller>,
    Query(query): Query<KeyListing>,
) -> Handled {
    let req = ListKeys {
        organization: query.organization,
        platform: query.platform,
        created_by: query.created_by,
        all: query.all,
    };
    Ok(json(StatusCode::OK, &caller.core.list_keys(&req).await?))
}

/// A key named in the path.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
struct KeyPath {
    /// The key's id, the start of it, or its display prefix.
    #[serde(deserialize_with = "crate::proto::input::key::deserialize")]
    #[param(value_type = crate::proto::input::key::Param, inline)]
    id: String,
}

/// A user named in the path.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
struct UserPath {
    #[serde(deserialize_with = "crate::proto::input::user::deserialize")]
    #[param(value_type = crate::proto::input::user::Param, inline)]
    email: String,
}

/// A role named in the path.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
struct RolePath {
    #[serde(deserialize_with = "crate::proto::input::role::deserialize")]
    #[param(value_type = crate::proto::input::role::Param, inline)]
    name: String,
}

/// A backup named in the path.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
struct BackupPath {
    #[serde(deserialize_with = "crate::proto::input::backup::deserialize")]
    #[param(value_type = crate::proto::input::backup::Param, inline)]
    id: String,
}

#[utoipa::path(
    get,
    path = "/api-keys/{id}",
    tag = "api-keys",
    params(KeyPath),
    responses((status = 200, description = "OK", body = crate::proto::ApiKey), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn show_key(
    Extension(caller): Extension<Caller>,
    Path(KeyPath { id }): Path<KeyPath>,
) -> Handled {
    Ok(json(StatusCode::OK, &caller.core.show_key(&id).await?))
}

#[utoipa::path(
    delete,
    path = "/api-keys/{id}",
    tag = "api-keys",
    params(KeyPath),
    responses((status = 200, description = "OK", body = crate::proto::ApiKey), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn delete_key(
    Extension(caller): Extension<Caller>,
    Path(KeyPath { id }): Path<KeyPath>,
) -> Handled {
    Ok(json(StatusCode::OK, &caller.core.delete_key(&id).await?))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct Revoke {
    /// Why, for the record.
    #[serde(default, deserialize_with = "crate::proto::input::note::option")]
    #[schema(schema_with = crate::proto::input::note::option_schema)]
    reason: Option<String>,
}

/// `DELETE` (the platform's) or `POST`, with an optional `{"reason"}`.
#[utoipa::path(
    method(delete, post),
    path = "/api-keys/{id}/revoke",
    tag = "api-keys",
    params(KeyPath),
    request_body(content = Option<Revoke>, description = "optional"),
    responses((status = 200, description = "OK", body = crate::proto::ApiKey), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn revoke_key(
    Extension(caller): Extension<Caller>,
    Path(KeyPath { id }): Path<KeyPath>,
    body: axum::body::Bytes,
) -> Handled {
    let reason = if body.iter().all(u8::is_ascii_whitespace) {
        None
    } else {
        super::json::from_slice::<Option<Revoke>>(&body)
            .map_err(|e| {
                ApiError::new(
                    StatusCode::BAD_REQUEST,
                    format!("the body is not {{\"reason\"}}: {e}"),
                )
            })?
            .and_then(|r| r.reason)
    };
    Ok(json(
        StatusCode::OK,
        &caller.core.revoke_key(&id, reason.as_deref()).await?,
    ))
}

fn ok<T: serde::Serialize>(value: &T) -> Handled {
    Ok(json(StatusCode::OK, value))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct Rotate {
    /// How long the old key keeps working, e.g. `24h`.
    #[serde(with = "crate::proto::duration")]
    #[schema(schema_with = crate::proto::duration::schema)]
    grace: std::time::Duration,
}

#[utoipa::path(
    post,
    path = "/api-keys/{id}/rotate",
    tag = "api-keys",
    params(KeyPath),
    request_body = Rotate,
    responses((status = 201, description = "Created", body = crate::proto::RotatedKey), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn rotate_key(
    Extension(caller): Extension<Caller>,
    Path(KeyPath { id }): Path<KeyPath>,
    Body(body): Body<Rotate>,
) -> Handled {
    let rotated = caller.core.rotate_key(&id, body.grace, &|_| Ok(())).await?;
    Ok(json(StatusCode::CREATED, &rotated))
}

/// Confirm having a key this API made: it keeps its expiry instead of expiring at its
/// `confirm_by`.
#[utoipa::path(
    post,
    path = "/api-keys/{id}/confirm",
    tag = "api-keys",
    params(KeyPath),
    responses((status = 200, description = "OK (with `changed`: false when it needed no confirmation)", body = crate::proto::ApiKey), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn confirm_key(
    Extension(caller): Extension<Caller>,
    Path(KeyPath { id }): Path<KeyPath>,
) -> Handled {
    ok(&caller.core.confirm_key(&id).await?)
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct Verify {
    /// The whole key (`sk_live_...`).
    #[serde(deserialize_with = "crate::proto::input::term::deserialize")]
    #[schema(schema_with = crate::proto::input::term::schema)]
    key: String,
}

#[utoipa::path(
    post,
    path = "/api-keys/verify",
    tag = "api-keys",
    request_body = Verify,
    responses((status = 200, description = "OK", body = crate::proto::KeyVerification), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn verify_key(Extension(caller): Extension<Caller>, Body(body): Body<Verify>) -> Handled {
    ok(&caller.core.verify_key(&body.key).await?)
}

#[utoipa::path(
    get,
    path = "/organizations",
    tag = "organizations",
    responses((status = 200, description = "OK", body = Vec<crate::proto::Organization>), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn list_orgs(Extension(caller): Extension<Caller>) -> Handled {
    ok(&caller.core.list_organizations().await?)
}

#[utoipa::path(
    post,
    path = "/organizations",
    tag = "organizations",
    request_body = crate::proto::CreateOrganization,
    responses((status = 201, description = "Created", body = crate::proto::Organization), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn create_org(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::CreateOrganization>,
) -> Handled {
    Ok(json(
        StatusCode::CREATED,
        &caller.core.create_organization(&body).await?,
    ))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct InOrg {
    #[serde(default, deserialize_with = "crate::proto::input::org::option")]
    #[param(value_type = Option<crate::proto::input::org::Param>, inline)]
    organization: Option<String>,
}

#[utoipa::path(
    get,
    path = "/users",
    tag = "users",
    params(InOrg),
    responses((status = 200, description = "OK", body = Vec<crate::proto::User>), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn list_users(Extension(caller): Extension<Caller>, Query(q): Query<InOrg>) -> Handled {
    ok(&caller.core.list_users(q.organization.as_deref()).await?)
}

#[utoipa::path(
    post,
    path = "/users",
    tag = "users",
    request_body = crate::proto::CreateUser,
    responses((status = 201, description = "Created", body = crate::proto::User), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn create_user(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::CreateUser>,
) -> Handled {
    Ok(json(
        StatusCode::CREATED,
        &caller.core.create_user(&body).await?,
    ))
}

#[utoipa::path(
    post,
    path = "/users/{email}/disable",
    tag = "users",
    params(UserPath),
    responses((status = 200, description = "OK", body = crate::proto::UserChange), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn disable_user(
    Extension(caller): Extension<Caller>,
    Path(UserPath { email }): Path<UserPath>,
) -> Handled {
    ok(&caller.core.set_user_disabled(&email, true).await?)
}

#[utoipa::path(
    post,
    path = "/users/{email}/enable",
    tag = "users",
    params(UserPath),
    responses((status = 200, description = "OK", body = crate::proto::UserChange), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn enable_user(
    Extension(caller): Extension<Caller>,
    Path(UserPath { email }): Path<UserPath>,
) -> Handled {
    ok(&caller.core.set_user_disabled(&email, false).await?)
}

#[utoipa::path(
    get,
    path = "/roles",
    tag = "roles",
    responses((status = 200, description = "OK", body = Vec<crate::proto::Role>), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn list_roles(Extension(caller): Extension<Caller>) -> Handled {
    ok(&caller.core.list_roles().await?)
}

#[utoipa::path(
    get,
    path = "/roles/{name}",
    tag = "roles",
    params(RolePath),
    responses((status = 200, description = "OK", body = crate::proto::RoleDetail), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn show_role(
    Extension(caller): Extension<Caller>,
    Path(RolePath { name }): Path<RolePath>,
) -> Handled {
    ok(&caller.core.show_role(&name).await?)
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct OfResource {
    /// One of the catalogue's resources (`agents`, `api-keys`...).
    #[serde(default, deserialize_with = "crate::proto::input::term::option")]
    #[param(schema_with = crate::proto::input::resource_schema)]
    resource: Option<String>,
}

#[utoipa::path(
    get,
    path = "/permissions",
    tag = "permissions",
    params(OfResource),
    responses((status = 200, description = "OK", body = Vec<crate::proto::PermissionInfo>), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn list_permissions(
    Extension(caller): Extension<Caller>,
    Query(q): Query<OfResource>,
) -> Handled {
    ok(&caller.core.list_permissions(q.resource.as_deref()).await?)
}

#[utoipa::path(
    post,
    path = "/permissions/check",
    tag = "permissions",
    request_body = crate::proto::CheckPermission,
    responses((status = 200, description = "OK", body = crate::proto::PermissionCheck), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn check_permission(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::CheckPermission>,
) -> Handled {
    ok(&caller.core.check_permission(&body).await?)
}

#[utoipa::path(
    get,
    path = "/migrations",
    tag = "migrations",
    responses((status = 200, description = "OK", body = Vec<crate::proto::Migration>), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn migrations(Extension(caller): Extension<Caller>) -> Handled {
    ok(&caller.core.migrate_status().await?)
}

/// Backups in the server's own storage (`BACKUP_DIR`): a caller names no other place.
#[utoipa::path(
    get,
    path = "/backups",
    tag = "backups",
    responses((status = 200, description = "OK", body = Vec<crate::proto::backup::BackupInfo>), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn list_backups(Extension(caller): Extension<Caller>) -> Handled {
    ok(&caller
        .core
        .backup_list(None, crate::progress::silent())
        .await?)
}

#[utoipa::path(
    get,
    path = "/backups/{id}",
    tag = "backups",
    params(BackupPath),
    responses((status = 200, description = "OK", body = crate::proto::backup::ShowBackup), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn show_backup(
    Extension(caller): Extension<Caller>,
    Path(BackupPath { id }): Path<BackupPath>,
) -> Handled {
    ok(&caller
        .core
        .backup_show(&id, None, crate::progress::silent())
        .await?)
}

#[utoipa::path(
    post,
    path = "/health/checks",
    tag = "health",
    request_body = crate::proto::health::HealthRequest,
    responses((status = 200, description = "OK", body = crate::proto::health::HealthReport), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn health_checks(
    Extension(caller): Extension<Caller>,
    Body(body): Body<HealthRequest>,
) -> Handled {
    ok(&caller.core.health(&body).await?)
}

#[utoipa::path(
    get,
    path = "/email/templates",
    tag = "email",
    responses((status = 200, description = "OK", body = Vec<crate::proto::email::TemplateInfo>), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn email_templates(Extension(caller): Extension<Caller>) -> Handled {
    ok(&caller.core.email_templates().await?)
}

#[utoipa::path(
    post,
    path = "/email/preview",
    tag = "email",
    request_body = crate::proto::email::EmailPreview,
    responses((status = 200, description = "OK", body = crate::proto::email::Rendered), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn email_preview(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::email::EmailPreview>,
) -> Handled {
    ok(&caller.core.email_preview(&body).await?)
}

#[utoipa::path(
    post,
    path = "/email/test",
    tag = "email",
    request_body = crate::proto::email::EmailTest,
    responses((status = 200, description = "OK", body = crate::proto::email::EmailSent), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn email_test(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::email::EmailTest>,
) -> Handled {
    ok(&caller.core.email_test(&body).await?)
}

#[utoipa::path(
    post,
    path = "/roles",
    tag = "roles",
    request_body = crate::proto::CreateRole,
    responses((status = 201, description = "Created", body = crate::proto::Role), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn create_role(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::CreateRole>,
) -> Handled {
    Ok(json(
        StatusCode::CREATED,
        &caller.core.create_role(&body).await?,
    ))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct Force {
    #[serde(default)]
    force: bool,
}

#[utoipa::path(
    delete,
    path = "/roles/{name}",
    tag = "roles",
    params(RolePath, Force),
    responses((status = 200, description = "OK", body = crate::proto::RoleDeleted), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn delete_role(
    Extension(caller): Extension<Caller>,
    Path(RolePath { name }): Path<RolePath>,
    Query(q): Query<Force>,
) -> Handled {
    ok(&caller.core.delete_role(&name, q.force).await?)
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct Permissions {
    #[serde(deserialize_with = "crate::proto::input::permission::list")]
    #[schema(schema_with = crate::proto::input::permission::list_schema)]
    permissions: Vec<String>,
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct PermissionList {
    /// Comma-separated.
    #[param(value_type = crate::proto::input::PermissionList, inline)]
    permissions: String,
}

#[utoipa::path(
    post,
    path = "/roles/{name}/permissions",
    tag = "roles",
    params(RolePath),
    request_body = Permissions,
    responses((status = 200, description = "OK", body = crate::proto::GrantChange), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn grant(
    Extension(caller): Extension<Caller>,
    Path(RolePath { name }): Path<RolePath>,
    Body(body): Body<Permissions>,
) -> Handled {
    ok(&caller.core.grant(&name, &body.permissions).await?)
}

#[utoipa::path(
    delete,
    path = "/roles/{name}/permissions",
    tag = "roles",
    params(RolePath, PermissionList),
    responses((status = 200, description = "OK", body = crate::proto::GrantChange), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn revoke(
    Extension(caller): Extension<Caller>,
    Path(RolePath { name }): Path<RolePath>,
    Query(q): Query<PermissionList>,
) -> Handled {
    let list: Vec<String> = q
        .permissions
        .split(',')
        .map(crate::proto::input::permission::check)
        .collect::<Result<_, _>>()
        .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, e.message()))?;
    ok(&caller.core.revoke(&name, &list).await?)
}

#[utoipa::path(
    post,
    path = "/role-assignments",
    tag = "roles",
    request_body = crate::proto::AssignRole,
    responses((status = 200, description = "OK", body = crate::proto::Assignment), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn assign(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::AssignRole>,
) -> Handled {
    ok(&caller.core.assign_role(&body).await?)
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct Membership {
    #[serde(deserialize_with = "crate::proto::input::user::deserialize")]
    #[param(value_type = crate::proto::input::user::Param, inline)]
    user: String,
    #[serde(deserialize_with = "crate::proto::input::org::deserialize")]
    #[param(value_type = crate::proto::input::org::Param, inline)]
    organization: String,
}

#[utoipa::path(
    delete,
    path = "/role-assignments",
    tag = "roles",
    params(Membership),
    responses((status = 200, description = "OK", body = crate::proto::Assignment), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn unassign(Extension(caller): Extension<Caller>, Query(q): Query<Membership>) -> Handled {
    ok(&caller.core.unassign_role(&q.user, &q.organization).await?)
}

#[utoipa::path(
    post,
    path = "/migrations/run",
    tag = "migrations",
    request_body = crate::proto::MigrateRun,
    responses((status = 200, description = "OK", body = crate::proto::MigrateReport), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn migrate_run(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::MigrateRun>,
) -> Handled {
    ok(&caller.core.migrate_run(&body).await?)
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct To {
    to: Option<i64>,
}

#[utoipa::path(
    get,
    path = "/migrations/revert-plan",
    tag = "migrations",
    params(To),
    responses((status = 200, description = "OK", body = Vec<crate::proto::Migration>), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn revert_plan(Extension(caller): Extension<Caller>, Query(q): Query<To>) -> Handled {
    ok(&caller.core.migrate_revert_plan(q.to).await?)
}

#[utoipa::path(
    post,
    path = "/migrations/revert",
    tag = "migrations",
    request_body = crate::proto::MigrateRevert,
    responses((status = 200, description = "OK", body = crate::proto::MigrateReport), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn migrate_revert(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::MigrateRevert>,
) -> Handled {
    ok(&caller.core.migrate_revert(&body).await?)
}

#[utoipa::path(
    get,
    path = "/migrations/verify",
    tag = "migrations",
    responses((status = 200, description = "OK", body = Vec<crate::proto::Drift>), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn migrate_verify(Extension(caller): Extension<Caller>) -> Handled {
    ok(&caller.core.migrate_verify().await?)
}

#[utoipa::path(
    post,
    path = "/migrations/{version}/accept",
    tag = "migrations",
    params(("version" = i64, Path)),
    responses((status = 200, description = "OK", body = crate::proto::Drift), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn migrate_accept(Extension(caller): Extension<Caller>, Path(version): Path<i64>) -> Handled {
    ok(&caller.core.migrate_accept(version).await?)
}

#[utoipa::path(
    post,
    path = "/audit-logs/tail",
    tag = "audit-logs",
    request_body = crate::proto::audit::AuditTail,
    responses((status = 200, description = "OK", body = crate::proto::audit::TailPoll), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn audit_tail(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::audit::AuditTail>,
) -> Handled {
    ok(&caller.core.audit_tail(&body).await?)
}

#[derive(Deserialize, serde::Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Follow {
    pub filter: crate::proto::audit::AuditFilter,
    pub cursor: crate::proto::audit::TailCursor,
}

#[utoipa::path(
    post,
    path = "/audit-logs/follow",
    tag = "audit-logs",
    request_body = Follow,
    responses((status = 200, description = "OK", body = crate::proto::audit::TailPoll), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn audit_follow(Extension(caller): Extension<Caller>, Body(body): Body<Follow>) -> Handled {
    ok(&caller.core.audit_follow(&body.filter, &body.cursor).await?)
}

#[utoipa::path(
    post,
    path = "/audit-logs/stats",
    tag = "audit-logs",
    request_body = crate::proto::audit::AuditStats,
    responses((status = 200, description = "OK", body = Vec<crate::proto::audit::AuditCount>), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn audit_stats(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::audit::AuditStats>,
) -> Handled {
    ok(&caller.core.audit_stats(&body).await?)
}

#[utoipa::path(
    post,
    path = "/audit-logs/prune-plan",
    tag = "audit-logs",
    request_body = crate::proto::audit::AuditPrune,
    responses((status = 200, description = "OK", body = crate::proto::audit::AuditPrunePlan), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn audit_prune_plan(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::audit::AuditPrune>,
) -> Handled {
    ok(&caller.core.audit_prune_plan(&body).await?)
}

#[utoipa::path(
    post,
    path = "/audit-logs/prune",
    tag = "audit-logs",
    request_body = crate::proto::audit::AuditPrune,
    responses((status = 200, description = "OK", body = crate::proto::audit::AuditPruneReport), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn audit_prune(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::audit::AuditPrune>,
) -> Handled {
    ok(&caller
        .core
        .audit_prune(&body, crate::progress::silent())
        .await?)
}

#[utoipa::path(
    post,
    path = "/audit-logs/seal",
    tag = "audit-logs",
    responses((status = 200, description = "OK", body = crate::proto::audit::SealReport), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn audit_seal(Extension(caller): Extension<Caller>) -> Handled {
    ok(&caller.core.audit_seal(crate::progress::silent()).await?)
}

#[utoipa::path(
    post,
    path = "/audit-logs/verify",
    tag = "audit-logs",
    request_body = crate::proto::audit::AuditVerify,
    responses((status = 200, description = "OK", body = crate::proto::audit::AuditVerifyReport), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn audit_verify(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::audit::AuditVerify>,
) -> Handled {
    ok(&caller
        .core
        .audit_verify(&body, crate::progress::silent())
        .await?)
}

#[utoipa::path(
    post,
    path = "/backups/prune",
    tag = "backups",
    request_body = crate::proto::backup::BackupPrune,
    responses((status = 200, description = "OK", body = crate::proto::backup::PruneReport), Refusals),
    security(("bearer" = []), ("api_key" = [])),
)]
async fn backup_prune(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::backup::BackupPrune>,
) -> Handled {
    super::stream::server_storage(&body.storage)?;
    ok(&caller
        .core
        .backup_prune(&body, crate::progress::silent())
        .await?)
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    #[test]
    fn operation_ids_are_unique_and_every_link_leads_somewhere() {
        let api: Value = serde_json::from_str(&super::super::openapi_json()).unwrap();
        let mut ids = std::collections::BTreeSet::new();
        for item in api["paths"].as_object().unwrap().values() {
            for op in item.as_object().unwrap().values() {
                let id = op["operationId"].as_str().unwrap();
                assert!(ids.insert(id.to_string()), "{id} twice");
            }
        }
        for l in super::LINKS {
            let (method, path, status) = l.from;
            let response = &api["paths"][path][method]["responses"][status];
            assert!(
                response["links"][l.name].is_object(),
                "{method} {path} {status}: {}",
                l.name
            );
            let (method, path) = l.to;
            let target = &api["paths"][path][method];
            let names: Vec<&str> = target["parameters"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["name"].as_str().unwrap())
                .collect();
            for (name, _) in l.parameters {
                assert!(names.contains(name), "{method} {path} takes no {name}");
            }
        }
    }
}
