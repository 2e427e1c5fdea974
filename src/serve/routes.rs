//! The routes: the platform's own paths for API keys and health, each handler a call of the
//! same `Backend` method the command line makes.

use std::sync::Arc;

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Path, Query, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Extension, Json, Router};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::App;
use super::auth::Caller;
use super::error::ApiError;
use crate::backend::Backend;
use crate::error::Error;
use crate::proto::health::{CheckResult, HealthReport, HealthRequest, HealthState, Thresholds};
use crate::proto::ops::Op;
use crate::proto::{CreateKey, Expiry, ListKeys};

type Handled = Result<Response, ApiError>;

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
    route("POST", "/api-keys", Some(Op::KeysCreate)),
    route("GET", "/api-keys", Some(Op::KeysList)),
    route("GET", "/api-keys/{id}", Some(Op::KeysShow)),
    route("DELETE", "/api-keys/{id}", Some(Op::KeysDelete)),
    route("DELETE", "/api-keys/{id}/revoke", Some(Op::KeysRevoke)),
    route("POST", "/api-keys/{id}/revoke", Some(Op::KeysRevoke)),
    route("POST", "/api-keys/{id}/rotate", Some(Op::KeysRotate)),
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
    route("GET", "/backups", Some(Op::BackupList)),
    route("GET", "/backups/{id}", Some(Op::BackupShow)),
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

/// Routes anyone may call: health probes and metrics.
pub fn public() -> Router<Arc<App>> {
    Router::new()
        .route("/health", get(health))
        .route("/health/live", get(live))
        .route("/health/ready", get(ready))
        .route("/metrics", get(super::metrics::scrape))
}

/// Routes that need an API key (the middleware puts its [`Caller`] in the request).
pub fn protected() -> Router<Arc<App>> {
    Router::new()
        .route("/api-keys", get(list_keys).post(create_key))
        .route("/api-keys/{id}", get(show_key).delete(delete_key))
        .route("/api-keys/{id}/revoke", delete(revoke_key).post(revoke_key))
        .route("/api-keys/{id}/rotate", post(rotate_key))
        .route("/api-keys/verify", post(verify_key))
        .route("/organizations", get(list_orgs).post(create_org))
        .route("/users", get(list_users).post(create_user))
        .route("/users/{email}/disable", post(disable_user))
        .route("/users/{email}/enable", post(enable_user))
        .route("/roles", get(list_roles).post(create_role))
        .route("/roles/{name}", get(show_role).delete(delete_role))
        .route("/roles/{name}/permissions", post(grant).delete(revoke))
        .route("/role-assignments", post(assign).delete(unassign))
        .route("/permissions", get(list_permissions))
        .route("/permissions/check", post(check_permission))
        .route("/migrations", get(migrations))
        .route("/migrations/run", post(migrate_run))
        .route("/migrations/revert-plan", get(revert_plan))
        .route("/migrations/revert", post(migrate_revert))
        .route("/migrations/verify", get(migrate_verify))
        .route("/migrations/{version}/accept", post(migrate_accept))
        .route("/audit-logs/query", post(super::stream::audit_query))
        .route("/audit-logs/tail", post(audit_tail))
        .route("/audit-logs/follow", post(audit_follow))
        .route("/audit-logs/stats", post(audit_stats))
        .route("/audit-logs/prune-plan", post(audit_prune_plan))
        .route("/audit-logs/prune", post(audit_prune))
        .route("/audit-logs/seal", post(audit_seal))
        .route("/audit-logs/verify", post(audit_verify))
        .route("/backups", get(list_backups))
        .route("/backups/{id}", get(show_backup))
        .route("/backups/verify", post(backup_verify))
        .route("/backups/prune", post(backup_prune))
        .route("/health/checks", post(health_checks))
        .route("/email/templates", get(email_templates))
        .route("/email/preview", post(email_preview))
        .route("/email/test", post(email_test))
}

pub async fn not_found(request: Request) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        format!("Cannot {} {}", request.method(), request.uri().path()),
    )
}

/// A JSON body whose rejections answer in the API's error shape.
pub struct Body<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(value)) => Ok(Body(value)),
            Err(rejection) => Err(bad_body(rejection)),
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

/// Checks' terminus JSON: 200 when every check is up (OK or WARNING), else 503.
fn terminus(report: &HealthReport) -> Response {
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
    Ok(terminus(&app.core.health(&req).await?))
}

/// Every check, with the default thresholds.
async fn health(State(app): State<Arc<App>>) -> Handled {
    run_checks(&app, crate::proto::health::CHECKS).await
}

/// The process answers: never touches the database.
async fn live(State(app): State<Arc<App>>) -> Response {
    let uptime = app.started.elapsed().as_secs();
    let mut figures = serde_json::Map::new();
    figures.insert("uptime_seconds".into(), uptime.into());
    terminus(&HealthReport::new(vec![CheckResult {
        name: "process".into(),
        state: HealthState::Ok,
        summary: format!(
            "up {}",
            humantime::format_duration(std::time::Duration::from_secs(uptime))
        ),
        threshold: None,
        figures,
        perfdata: Vec::new(),
    }]))
}

/// Ready for traffic: the database answers and its schema is this binary's.
async fn ready(State(app): State<Arc<App>>) -> Handled {
    run_checks(&app, &["db", "migrations"]).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewKey {
    name: Option<String>,
    scopes: Vec<String>,
    /// `90d`, `12h`...
    expires_in: Option<String>,
    expires_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The calling key's organization when absent.
    organization: Option<String>,
    #[serde(default)]
    test: bool,
}

async fn create_key(Extension(caller): Extension<Caller>, Body(body): Body<NewKey>) -> Handled {
    let expires = match (body.expires_in, body.expires_at) {
        (Some(_), Some(_)) => {
            return Err(Error::usage("give expires_in or expires_at, not both").into());
        }
        (Some(text), None) => Some(Expiry::In(humantime::parse_duration(&text).map_err(
            |e| {
                Error::usage(format!("expires_in `{text}` is not a duration ({e})"))
                    .with_hint("e.g. \"90d\", \"12h\"")
            },
        )?)),
        (None, Some(at)) => Some(Expiry::At(at)),
        (None, None) => None,
    };
    let req = CreateKey {
        organization: body.organization.or_else(|| caller.organization()),
        name: body.name,
        scopes: body.scopes,
        expires,
        test: body.test,
    };
    let created = caller.core.create_key(&req, &|_| Ok(())).await?;
    Ok(json(StatusCode::CREATED, &created))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyListing {
    organization: Option<String>,
    created_by: Option<String>,
    #[serde(default)]
    all: bool,
}

async fn list_keys(
    Extension(caller): Extension<Caller>,
    Query(query): Query<KeyListing>,
) -> Handled {
    let req = ListKeys {
        organization: query.organization.or_else(|| caller.organization()),
        created_by: query.created_by,
        all: query.all,
    };
    Ok(json(StatusCode::OK, &caller.core.list_keys(&req).await?))
}

async fn show_key(Extension(caller): Extension<Caller>, Path(id): Path<String>) -> Handled {
    Ok(json(StatusCode::OK, &caller.core.show_key(&id).await?))
}

async fn delete_key(Extension(caller): Extension<Caller>, Path(id): Path<String>) -> Handled {
    Ok(json(StatusCode::OK, &caller.core.delete_key(&id).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Revoke {
    reason: Option<String>,
}

/// `DELETE` (the platform's) or `POST`, with an optional `{"reason"}`.
async fn revoke_key(
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Handled {
    let reason = if body.iter().all(u8::is_ascii_whitespace) {
        None
    } else {
        serde_json::from_slice::<Revoke>(&body)
            .map_err(|e| {
                ApiError::new(
                    StatusCode::BAD_REQUEST,
                    format!("the body is not {{\"reason\"}}: {e}"),
                )
            })?
            .reason
    };
    Ok(json(
        StatusCode::OK,
        &caller.core.revoke_key(&id, reason.as_deref()).await?,
    ))
}

fn ok<T: serde::Serialize>(value: &T) -> Handled {
    Ok(json(StatusCode::OK, value))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Rotate {
    /// How long the old key keeps working, e.g. `24h`.
    grace: String,
}

async fn rotate_key(
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Body(body): Body<Rotate>,
) -> Handled {
    let grace = humantime::parse_duration(&body.grace).map_err(|e| {
        Error::usage(format!("grace `{}` is not a duration ({e})", body.grace))
            .with_hint("e.g. \"24h\", or \"0s\" to end the old key now")
    })?;
    let rotated = caller.core.rotate_key(&id, grace, &|_| Ok(())).await?;
    Ok(json(StatusCode::CREATED, &rotated))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Verify {
    key: String,
}

async fn verify_key(Extension(caller): Extension<Caller>, Body(body): Body<Verify>) -> Handled {
    ok(&caller.core.verify_key(&body.key).await?)
}

async fn list_orgs(Extension(caller): Extension<Caller>) -> Handled {
    ok(&caller.core.list_organizations().await?)
}

async fn create_org(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::CreateOrganization>,
) -> Handled {
    Ok(json(
        StatusCode::CREATED,
        &caller.core.create_organization(&body).await?,
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InOrg {
    organization: Option<String>,
}

async fn list_users(Extension(caller): Extension<Caller>, Query(q): Query<InOrg>) -> Handled {
    let org = q.organization.or_else(|| caller.organization());
    ok(&caller.core.list_users(org.as_deref()).await?)
}

async fn create_user(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::CreateUser>,
) -> Handled {
    Ok(json(
        StatusCode::CREATED,
        &caller.core.create_user(&body).await?,
    ))
}

async fn disable_user(Extension(caller): Extension<Caller>, Path(email): Path<String>) -> Handled {
    ok(&caller.core.set_user_disabled(&email, true).await?)
}

async fn enable_user(Extension(caller): Extension<Caller>, Path(email): Path<String>) -> Handled {
    ok(&caller.core.set_user_disabled(&email, false).await?)
}

async fn list_roles(Extension(caller): Extension<Caller>) -> Handled {
    ok(&caller.core.list_roles().await?)
}

async fn show_role(Extension(caller): Extension<Caller>, Path(name): Path<String>) -> Handled {
    ok(&caller.core.show_role(&name).await?)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OfResource {
    resource: Option<String>,
}

async fn list_permissions(
    Extension(caller): Extension<Caller>,
    Query(q): Query<OfResource>,
) -> Handled {
    ok(&caller.core.list_permissions(q.resource.as_deref()).await?)
}

async fn check_permission(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::CheckPermission>,
) -> Handled {
    ok(&caller.core.check_permission(&body).await?)
}

async fn migrations(Extension(caller): Extension<Caller>) -> Handled {
    ok(&caller.core.migrate_status().await?)
}

/// Backups in the server's own storage (`BACKUP_DIR`): a caller names no other place.
async fn list_backups(Extension(caller): Extension<Caller>) -> Handled {
    ok(&caller
        .core
        .backup_list(None, crate::progress::silent())
        .await?)
}

async fn show_backup(Extension(caller): Extension<Caller>, Path(id): Path<String>) -> Handled {
    ok(&caller
        .core
        .backup_show(&id, None, crate::progress::silent())
        .await?)
}

async fn health_checks(
    Extension(caller): Extension<Caller>,
    Body(body): Body<HealthRequest>,
) -> Handled {
    ok(&caller.core.health(&body).await?)
}

async fn email_templates(Extension(caller): Extension<Caller>) -> Handled {
    ok(&caller.core.email_templates().await?)
}

async fn email_preview(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::email::EmailPreview>,
) -> Handled {
    ok(&caller.core.email_preview(&body).await?)
}

async fn email_test(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::email::EmailTest>,
) -> Handled {
    ok(&caller.core.email_test(&body).await?)
}

async fn create_role(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::CreateRole>,
) -> Handled {
    Ok(json(
        StatusCode::CREATED,
        &caller.core.create_role(&body).await?,
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Force {
    #[serde(default)]
    force: bool,
}

async fn delete_role(
    Extension(caller): Extension<Caller>,
    Path(name): Path<String>,
    Query(q): Query<Force>,
) -> Handled {
    ok(&caller.core.delete_role(&name, q.force).await?)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Permissions {
    permissions: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PermissionList {
    /// Comma-separated.
    permissions: String,
}

async fn grant(
    Extension(caller): Extension<Caller>,
    Path(name): Path<String>,
    Body(body): Body<Permissions>,
) -> Handled {
    ok(&caller.core.grant(&name, &body.permissions).await?)
}

async fn revoke(
    Extension(caller): Extension<Caller>,
    Path(name): Path<String>,
    Query(q): Query<PermissionList>,
) -> Handled {
    let list: Vec<String> = q
        .permissions
        .split(',')
        .map(|p| p.trim().to_string())
        .collect();
    ok(&caller.core.revoke(&name, &list).await?)
}

async fn assign(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::AssignRole>,
) -> Handled {
    ok(&caller.core.assign_role(&body).await?)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Membership {
    user: String,
    organization: String,
}

async fn unassign(Extension(caller): Extension<Caller>, Query(q): Query<Membership>) -> Handled {
    ok(&caller.core.unassign_role(&q.user, &q.organization).await?)
}

async fn migrate_run(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::MigrateRun>,
) -> Handled {
    ok(&caller.core.migrate_run(&body).await?)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct To {
    to: Option<i64>,
}

async fn revert_plan(Extension(caller): Extension<Caller>, Query(q): Query<To>) -> Handled {
    ok(&caller.core.migrate_revert_plan(q.to).await?)
}

async fn migrate_revert(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::MigrateRevert>,
) -> Handled {
    ok(&caller.core.migrate_revert(&body).await?)
}

async fn migrate_verify(Extension(caller): Extension<Caller>) -> Handled {
    ok(&caller.core.migrate_verify().await?)
}

async fn migrate_accept(Extension(caller): Extension<Caller>, Path(version): Path<i64>) -> Handled {
    ok(&caller.core.migrate_accept(version).await?)
}

async fn audit_tail(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::audit::AuditTail>,
) -> Handled {
    ok(&caller.core.audit_tail(&body).await?)
}

#[derive(Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Follow {
    pub filter: crate::proto::audit::AuditFilter,
    pub cursor: crate::proto::audit::TailCursor,
}

async fn audit_follow(Extension(caller): Extension<Caller>, Body(body): Body<Follow>) -> Handled {
    ok(&caller.core.audit_follow(&body.filter, &body.cursor).await?)
}

async fn audit_stats(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::audit::AuditStats>,
) -> Handled {
    ok(&caller.core.audit_stats(&body).await?)
}

async fn audit_prune_plan(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::audit::AuditPrune>,
) -> Handled {
    ok(&caller.core.audit_prune_plan(&body).await?)
}

async fn audit_prune(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::audit::AuditPrune>,
) -> Handled {
    ok(&caller
        .core
        .audit_prune(&body, crate::progress::silent())
        .await?)
}

async fn audit_seal(Extension(caller): Extension<Caller>) -> Handled {
    ok(&caller.core.audit_seal(crate::progress::silent()).await?)
}

async fn audit_verify(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::audit::AuditVerify>,
) -> Handled {
    ok(&caller
        .core
        .audit_verify(&body, crate::progress::silent())
        .await?)
}

/// The server's own storage only: a caller names no place on the server's disks.
fn server_storage(storage: &Option<String>) -> Result<(), ApiError> {
    match storage {
        None => Ok(()),
        Some(_) => Err(Error::usage("`storage` is not accepted over the API")
            .with_hint("the server uses its own storage (its BACKUP_DIR)")
            .into()),
    }
}

async fn backup_verify(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::backup::BackupVerify>,
) -> Handled {
    server_storage(&body.storage)?;
    ok(&caller
        .core
        .backup_verify(&body, crate::progress::silent())
        .await?)
}

async fn backup_prune(
    Extension(caller): Extension<Caller>,
    Body(body): Body<crate::proto::backup::BackupPrune>,
) -> Handled {
    server_storage(&body.storage)?;
    ok(&caller
        .core
        .backup_prune(&body, crate::progress::silent())
        .await?)
}
