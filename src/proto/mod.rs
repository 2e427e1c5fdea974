//! Requests and results of the platform operations: what commands receive from a
//! [`crate::backend::Backend`] and hand to the output layer, and what the admin API sends over
//! HTTP. Field names are the stable JSON names of `-o json`; each type derives its OpenAPI
//! schema (utoipa), from which `/openapi.json` is generated.

pub mod audit;
pub mod backup;
pub mod duration;
pub mod email;
pub mod endpoint;
pub mod error;
pub mod event;
pub mod fields;
pub mod health;
pub mod input;
pub mod keyformat;
pub mod ops;
pub mod permission;
mod record;
mod state;
pub mod time;
pub mod whole;

/// A duration as a tagged-enum payload, on the wire as [`duration`] writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span(#[serde(with = "duration")] pub Duration);

impl utoipa::PartialSchema for Span {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        duration::schema().into()
    }
}

impl utoipa::ToSchema for Span {}

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use record::Record;

/// Shows a new API key to the one who asked for it, on its one showing. The key is kept only
/// when this succeeds: a key nobody could receive would be active and lost. (The core rolls the
/// creation back; a remote backend revokes the key, with an audit entry saying why.)
pub type Deliver<'a, T> = &'a (dyn Fn(&T) -> error::Result<()> + Send + Sync);

/// Receives a long result a page at a time, as it is read: nothing holds all of it.
pub type Sink<'a, T> = &'a mut (dyn FnMut(Vec<T>) -> error::Result<()> + Send);

/// Receives a long text (an export) as it is written.
pub type Out<'a> = &'a mut (dyn std::io::Write + Send);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum MigrationState {
    /// Applied, and the file in this binary still matches.
    Applied,
    /// In this binary, not applied yet.
    Pending,
    /// Applied, but the file in this binary differs from what was applied.
    Changed,
    /// Applied, but this binary does not know it (the database is newer than platctl).
    Unknown,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Migration {
    pub version: i64,
    pub name: String,
    pub status: MigrationState,
    pub applied_at: Option<DateTime<Utc>>,
    pub checksum: String,
    pub file: String,
}

impl Record for Migration {
    const COLUMNS: &'static [&'static str] = &["version", "name", "status", "applied_at"];
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MigrateRun {
    pub dry_run: bool,
    #[serde(default, deserialize_with = "whole::option_i64")]
    pub to: Option<i64>,
    #[serde(with = "crate::proto::duration")]
    #[schema(schema_with = crate::proto::duration::schema)]
    pub lock_timeout: Duration,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MigrateRevert {
    #[serde(default, deserialize_with = "whole::option_i64")]
    pub to: Option<i64>,
    #[serde(with = "crate::proto::duration")]
    #[schema(schema_with = crate::proto::duration::schema)]
    pub lock_timeout: Duration,
}

/// A migration applied or reverted by this run.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MigrationStep {
    pub version: i64,
    pub name: String,
    pub file: String,
    pub duration_ms: u64,
}

impl Record for MigrationStep {
    const COLUMNS: &'static [&'static str] = &["version", "name", "duration_ms"];
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MigrateReport {
    pub dry_run: bool,
    /// Highest applied version before the run (0: none).
    pub from_version: i64,
    /// Highest applied version after the run (or that the run would reach, when dry).
    pub to_version: i64,
    pub steps: Vec<MigrationStep>,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Drift {
    pub version: i64,
    pub name: String,
    pub file: String,
    pub problem: String,
    pub applied_checksum: String,
    pub current_checksum: Option<String>,
}

impl Drift {
    /// The `problem` of a migration that `migrate verify --accept` found matching already.
    pub const MATCHES: &'static str = "already matches";
}

impl Record for Drift {
    const COLUMNS: &'static [&'static str] = &["version", "name", "problem"];
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Organization {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    /// Users holding a role in the organization.
    pub members: i64,
    pub created_at: DateTime<Utc>,
}

impl Record for Organization {
    const COLUMNS: &'static [&'static str] = &["slug", "name", "members", "created_at", "id"];
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CreateOrganization {
    #[serde(deserialize_with = "input::new_slug::deserialize")]
    #[schema(schema_with = input::new_slug::schema)]
    pub slug: String,
    /// The slug when absent or blank.
    #[serde(default, deserialize_with = "input::name::option")]
    #[schema(schema_with = input::name::option_schema)]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum UserStatus {
    Active,
    Disabled,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct User {
    pub id: Uuid,
    pub email: String,
    pub name: Option<String>,
    pub status: UserStatus,
    /// `organization:ROLE` for each organization the user belongs to.
    pub roles: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub disabled_at: Option<DateTime<Utc>>,
}

impl Record for User {
    const COLUMNS: &'static [&'static str] =
        &["email", "name", "status", "roles", "created_at", "id"];
}

/// What `users disable` or `users enable` changed.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct UserChange {
    /// False when the user already was as asked: nothing was written, no audit entry.
    pub changed: bool,
    #[serde(flatten)]
    pub user: User,
    /// The user's API keys that are otherwise usable (not revoked, not expired): they stop
    /// working while the user is disabled, and work again once enabled.
    pub keys: Vec<ApiKey>,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CreateUser {
    #[serde(deserialize_with = "input::new_email::deserialize")]
    #[schema(schema_with = input::new_email::schema)]
    pub email: String,
    #[serde(default, deserialize_with = "input::name::option")]
    #[schema(schema_with = input::name::option_schema)]
    pub name: Option<String>,
}

/// The result of a command that may find nothing to change.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Changed<T> {
    /// False when everything already was as asked: nothing was written, no audit entry.
    pub changed: bool,
    #[serde(flatten)]
    pub item: T,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Role {
    pub id: Uuid,
    pub name: String,
    pub level: i64,
    pub is_system: bool,
    pub description: String,
    /// Permissions held, inherited ones included.
    pub permissions: i64,
    /// Users holding the role in some organization.
    pub members: i64,
    pub created_at: DateTime<Utc>,
}

impl Record for Role {
    const COLUMNS: &'static [&'static str] = &[
        "name",
        "level",
        "is_system",
        "permissions",
        "members",
        "description",
    ];
}

/// A permission a role holds, and how.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RolePermission {
    pub role: String,
    pub permission: String,
    pub resource: String,
    pub action: String,
    /// Held through a lower system role rather than granted to this one.
    pub inherited: bool,
    /// The role whose grant it is (the role itself when direct).
    pub granted_via: String,
}

impl Record for RolePermission {
    const COLUMNS: &'static [&'static str] = &["permission", "inherited", "granted_via"];
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RoleDetail {
    pub role: Role,
    pub permissions: Vec<RolePermission>,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CreateRole {
    #[serde(deserialize_with = "input::new_role::deserialize")]
    #[schema(schema_with = input::new_role::schema)]
    pub name: String,
    #[serde(deserialize_with = "whole::i64")]
    #[schema(minimum = 0, maximum = 1000)]
    pub level: i64,
    /// A role whose permissions the new one starts with.
    #[serde(default, deserialize_with = "input::role::option")]
    #[schema(schema_with = input::role::option_schema)]
    pub from: Option<String>,
    #[serde(default, deserialize_with = "input::note::option")]
    #[schema(schema_with = input::note::option_schema)]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RoleDeleted {
    pub role: Role,
    /// Assignments removed with `--force`.
    pub unassigned: i64,
}

/// What `roles grant` / `roles revoke` changed.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct GrantChange {
    pub role: String,
    /// Permissions granted (or revoked) by this command.
    pub changed: Vec<String>,
    /// Permissions that were already as asked.
    pub unchanged: Vec<String>,
    /// Revoke only: permissions held through a lower system role, left in place.
    #[serde(default)]
    pub inherited: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AssignRole {
    #[serde(deserialize_with = "input::user::deserialize")]
    #[schema(schema_with = input::user::schema)]
    pub user: String,
    #[serde(deserialize_with = "input::org::deserialize")]
    #[schema(schema_with = input::org::schema)]
    pub organization: String,
    #[serde(deserialize_with = "input::role::deserialize")]
    #[schema(schema_with = input::role::schema)]
    pub role: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Assignment {
    pub user: String,
    pub organization: String,
    pub role: Option<String>,
    pub previous_role: Option<String>,
    pub changed: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PermissionInfo {
    pub permission: String,
    pub resource: String,
    pub action: String,
    /// Roles holding it, inherited grants included, highest level first.
    pub roles: Vec<String>,
}

impl Record for PermissionInfo {
    const COLUMNS: &'static [&'static str] = &["permission", "roles"];
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CheckPermission {
    #[serde(deserialize_with = "input::user::deserialize")]
    #[schema(schema_with = input::user::schema)]
    pub user: String,
    #[serde(deserialize_with = "input::org::deserialize")]
    #[schema(schema_with = input::org::schema)]
    pub organization: String,
    #[serde(deserialize_with = "input::permission::deserialize")]
    #[schema(schema_with = input::permission::schema)]
    pub permission: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PermissionCheck {
    pub allowed: bool,
    pub user: String,
    pub organization: String,
    pub permission: String,
    pub role: Option<String>,
    pub granted_via: Option<String>,
    pub inherited: bool,
    pub reason: String,
}

/// The longest duration any operation takes (a key's lifetime, a grace period, a retention):
/// 100 years.
pub const DURATION_MAX_DAYS: u64 = duration::MAX_DAYS;

/// A duration no longer than [`DURATION_MAX_DAYS`], as chrono counts it; `what` names the flag.
pub fn bounded(what: &str, d: Duration) -> Result<chrono::Duration, String> {
    let d = duration::check(d).map_err(|e| format!("{what} is {e}"))?;
    chrono::Duration::from_std(d).map_err(|_| format!("{what} is too long"))
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub enum Expiry {
    In(Span),
    At(DateTime<Utc>),
}

/// `keys create`, `POST /api-keys`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[schema(as = NewKey)]
#[serde(deny_unknown_fields)]
pub struct CreateKey {
    #[serde(default, deserialize_with = "input::name::option")]
    #[schema(schema_with = input::name::option_schema)]
    pub name: Option<String>,
    #[serde(deserialize_with = "input::permission::list")]
    #[schema(schema_with = input::permission::list_schema)]
    pub scopes: Vec<String>,
    /// `90d`, `12h`...; not with `expires_at`.
    #[serde(default, with = "duration::option")]
    #[schema(schema_with = duration::option_schema)]
    pub expires_in: Option<Duration>,
    /// Not with `expires_in`.
    #[serde(default, deserialize_with = "time::option")]
    #[schema(schema_with = time::option_schema)]
    pub expires_at: Option<DateTime<Utc>>,
    /// The calling key's organization when absent.
    #[serde(default, deserialize_with = "input::org::option")]
    #[schema(schema_with = input::org::option_schema)]
    pub organization: Option<String>,
    #[serde(default)]
    pub test: bool,
    /// A platform key (no organization): made only by the operator with the database, never
    /// over the admin API.
    #[serde(default)]
    pub platform: bool,
}

impl CreateKey {
    /// When the key expires, as asked: a lifetime or a time, not both.
    pub fn expiry(&self) -> error::Result<Option<Expiry>> {
        match (self.expires_in, self.expires_at) {
            (Some(_), Some(_)) => Err(error::Error::usage(
                "give expires_in or expires_at, not both",
            )),
            (Some(d), None) => Ok(Some(Expiry::In(Span(d)))),
            (None, Some(at)) => Ok(Some(Expiry::At(at))),
            (None, None) => Ok(None),
        }
    }
}

/// A key as created: the only time `key` exists outside its holder's hands.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CreatedKey {
    pub id: Uuid,
    pub key: String,
    pub prefix: String,
    /// The key's organization; none for a platform key.
    pub organization: Option<String>,
    /// A platform key: it acts on the whole platform, within its scopes.
    pub platform: bool,
    pub name: String,
    pub scopes: Vec<String>,
    pub expires_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub created_by: Option<String>,
    /// Made over the admin API: it expires at this time unless its caller confirms having
    /// it first (`POST /api-keys/{id}/confirm`, which remote mode does once the key is out);
    /// `expires_at` is its expiry once confirmed.
    pub confirm_by: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum KeyStatus {
    Active,
    Expired,
    Revoked,
    /// Its creator is disabled: it does not work until they are enabled again.
    Disabled,
}

/// A stored key: never the key, never its hash.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ApiKey {
    pub id: Uuid,
    pub prefix: String,
    /// The key's organization; none for a platform key.
    pub organization: Option<String>,
    /// A platform key: it acts on the whole platform, within its scopes.
    pub platform: bool,
    pub name: String,
    pub scopes: Vec<String>,
    pub status: KeyStatus,
    pub created_at: DateTime<Utc>,
    pub created_by: Option<String>,
    pub expires_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub revoked_reason: Option<String>,
    /// Made over the admin API and not confirmed yet: it expires at this time unless its
    /// caller confirms having it.
    pub confirm_by: Option<DateTime<Utc>>,
}

impl Record for ApiKey {
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "prefix",
        "organization",
        "name",
        "scopes",
        "status",
        "expires_at",
        "last_used_at",
    ];
    /// The prefix names a key as well as its id does (`keys revoke` takes either).
    const DROPPABLE: &'static [&'static str] = &["id", "last_used_at", "expires_at"];

    fn cell(&self, column: &str) -> Option<String> {
        (column == "organization" && self.platform).then(|| PLATFORM_KEY_SHOWN.to_string())
    }
}

/// What stands for a platform key's organization where people read it.
pub const PLATFORM_KEY_SHOWN: &str = "(platform)";

/// `keys list`, `GET /api-keys`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ListKeys {
    #[serde(default, deserialize_with = "input::org::option")]
    #[param(value_type = Option<input::org::Param>, inline)]
    pub organization: Option<String>,
    /// Only platform keys.
    #[serde(default)]
    pub platform: bool,
    /// Only the keys this user created.
    #[serde(default, deserialize_with = "input::user::option")]
    #[param(value_type = Option<input::user::Param>, inline)]
    pub created_by: Option<String>,
    /// Include revoked and expired keys, and those of disabled users.
    #[serde(default)]
    pub all: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RotatedKey {
    pub new: CreatedKey,
    pub old: ApiKey,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Verdict {
    Valid,
    NotFound,
    Revoked,
    Expired,
    /// The key's creator is disabled.
    Disabled,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct KeyVerification {
    pub status: Verdict,
    pub id: Option<Uuid>,
    pub prefix: Option<String>,
    pub organization: Option<String>,
    /// A platform key.
    #[serde(default)]
    pub platform: bool,
    pub name: Option<String>,
    pub scopes: Vec<String>,
    pub expires_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// What `platctl init` did.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct InitReport {
    pub config_file: String,
    pub config_created: bool,
    pub database: String,
    pub database_kind: String,
    pub migrations: MigrateReport,
    pub default_organization: Option<Organization>,
}

// The requests of the admin API that have no result type of their own above: one struct each,
// declared as an endpoint below with the others of its noun.

/// `migrate status`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct MigrateStatus {}

/// The migrations `migrate revert` would revert, newest first.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct RevertPlan {
    pub to: Option<i64>,
}

/// `migrate verify`: applied migrations that differ from this binary's, or that it does not
/// know.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct MigrateVerify {}

/// `migrate accept`: record the current checksum of a changed, applied migration as correct.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MigrateAccept {
    #[serde(deserialize_with = "whole::i64_or_text")]
    pub version: i64,
}

endpoint::endpoints! { tag "migrations";
    MigrateStatus: Get "/migrations" => Vec<Migration>, MigrateStatus, "migrations", (query);
    MigrateRun: Post "/migrations/run" => MigrateReport, MigrateRun, "migrate_run", (body);
    RevertPlan: Get "/migrations/revert-plan" => Vec<Migration>, MigrateRevert, "revert_plan", (query);
    MigrateRevert: Post "/migrations/revert" => MigrateReport, MigrateRevert, "migrate_revert", (body);
    MigrateVerify: Get "/migrations/verify" => Vec<Drift>, MigrateVerify, "migrate_verify", (query);
    MigrateAccept: Post "/migrations/{version}/accept" => Drift, MigrateAccept, "migrate_accept", (body);
}

/// `orgs list`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ListOrganizations {}

endpoint::endpoints! { tag "organizations";
    ListOrganizations: Get "/organizations" => Vec<Organization>, OrgsList, "list_orgs", (query);
    CreateOrganization: Post "/organizations" => Organization, OrgsCreate, "create_org", (body), created true;
}

/// `users list`: every user, or the members of one organization.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ListUsers {
    #[serde(default, deserialize_with = "input::org::option")]
    #[param(value_type = Option<input::org::Param>, inline)]
    pub organization: Option<String>,
}

/// `users disable`.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DisableUser {
    #[serde(deserialize_with = "input::user::deserialize")]
    #[schema(schema_with = input::user::schema)]
    pub email: String,
}

/// `users enable`.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EnableUser {
    #[serde(deserialize_with = "input::user::deserialize")]
    #[schema(schema_with = input::user::schema)]
    pub email: String,
}

endpoint::endpoints! { tag "users";
    ListUsers: Get "/users" => Vec<User>, UsersList, "list_users", (query);
    CreateUser: Post "/users" => User, UsersCreate, "create_user", (body), created true;
    DisableUser: Post "/users/{email}/disable" => UserChange, UsersDisable, "disable_user", (body);
    EnableUser: Post "/users/{email}/enable" => UserChange, UsersEnable, "enable_user", (body);
}

/// `roles list`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ListRoles {}

/// `roles show`.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ShowRole {
    #[serde(deserialize_with = "input::role::deserialize")]
    #[param(value_type = input::role::Param, inline)]
    pub name: String,
}

/// `roles delete`: a custom role; with `force`, also the assignments that still use it.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DeleteRole {
    #[serde(deserialize_with = "input::role::deserialize")]
    #[param(value_type = input::role::Param, inline)]
    pub name: String,
    #[serde(default)]
    pub force: bool,
}

/// `roles grant`: permissions (`resource:action` or `resource:*`) to a role.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[schema(as = Permissions)]
#[serde(deny_unknown_fields)]
pub struct Grant {
    #[serde(deserialize_with = "input::role::deserialize")]
    #[schema(schema_with = input::role::schema)]
    pub name: String,
    #[serde(deserialize_with = "input::permission::list")]
    #[schema(schema_with = input::permission::list_schema)]
    pub permissions: Vec<String>,
}

/// `roles revoke`.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct RevokePermissions {
    #[serde(deserialize_with = "input::role::deserialize")]
    #[param(value_type = input::role::Param, inline)]
    pub name: String,
    /// Comma-separated.
    #[serde(with = "input::permission::comma")]
    #[param(value_type = input::PermissionList, inline)]
    pub permissions: Vec<String>,
}

/// `roles unassign`.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct Unassign {
    #[serde(deserialize_with = "input::user::deserialize")]
    #[param(value_type = input::user::Param, inline)]
    pub user: String,
    #[serde(deserialize_with = "input::org::deserialize")]
    #[param(value_type = input::org::Param, inline)]
    pub organization: String,
}

endpoint::endpoints! { tag "roles";
    ListRoles: Get "/roles" => Vec<Role>, RolesList, "list_roles", (query);
    ShowRole: Get "/roles/{name}" => RoleDetail, RolesShow, "show_role", (query);
    CreateRole: Post "/roles" => Role, RolesCreate, "create_role", (body), created true;
    DeleteRole: Delete "/roles/{name}" => RoleDeleted, RolesDelete, "delete_role", (query);
    Grant: Post "/roles/{name}/permissions" => GrantChange, RolesGrant, "grant", (body);
    RevokePermissions: Delete "/roles/{name}/permissions" => GrantChange, RolesRevoke, "revoke", (query);
    AssignRole: Post "/role-assignments" => Assignment, RolesAssign, "assign", (body);
    Unassign: Delete "/role-assignments" => Assignment, RolesUnassign, "unassign", (query);
}

/// `permissions list`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ListPermissions {
    /// One of the catalogue's resources (`agents`, `api-keys`...).
    #[serde(default, deserialize_with = "input::term::option")]
    #[param(schema_with = input::resource_schema)]
    pub resource: Option<String>,
}

endpoint::endpoints! { tag "permissions";
    ListPermissions: Get "/permissions" => Vec<PermissionInfo>, PermissionsList, "list_permissions", (query);
    CheckPermission: Post "/permissions/check" => PermissionCheck, PermissionsCheck, "check_permission", (body);
}

/// `keys show`: a key by id, unambiguous id prefix, or display prefix.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ShowKey {
    /// The key's id, the start of it, or its display prefix.
    #[serde(deserialize_with = "input::key::deserialize")]
    #[param(value_type = input::key::Param, inline)]
    pub id: String,
}

/// `keys delete`.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DeleteKey {
    /// The key's id, the start of it, or its display prefix.
    #[serde(deserialize_with = "input::key::deserialize")]
    #[param(value_type = input::key::Param, inline)]
    pub id: String,
}

/// `keys revoke`.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[schema(as = Revoke)]
#[serde(deny_unknown_fields)]
pub struct RevokeKey {
    #[serde(deserialize_with = "input::key::deserialize")]
    #[schema(schema_with = input::key::schema)]
    pub id: String,
    /// Why, for the record.
    #[serde(default, deserialize_with = "input::note::option")]
    #[schema(schema_with = input::note::option_schema)]
    pub reason: Option<String>,
}

/// `keys rotate`: a new key like the old one; the old one keeps working for `grace`.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[schema(as = Rotate)]
#[serde(deny_unknown_fields)]
pub struct RotateKey {
    #[serde(deserialize_with = "input::key::deserialize")]
    #[schema(schema_with = input::key::schema)]
    pub id: String,
    /// How long the old key keeps working, e.g. `24h`.
    #[serde(with = "duration")]
    #[schema(schema_with = duration::schema)]
    pub grace: Duration,
}

/// `keys confirm`.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfirmKey {
    #[serde(deserialize_with = "input::key::deserialize")]
    #[schema(schema_with = input::key::schema)]
    pub id: String,
}

/// `keys verify`.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[schema(as = Verify)]
#[serde(deny_unknown_fields)]
pub struct VerifyKey {
    /// The whole key (`sk_live_...`).
    #[serde(deserialize_with = "input::term::deserialize")]
    #[schema(schema_with = input::term::schema)]
    pub key: String,
}

/// `keys whoami`: who is acting.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct Whoami {}

/// Who is acting, and what bounds what they may do.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Identity {
    /// `operator` (the database itself: everything), `user` (`--as`) or `key`.
    pub principal: String,
    /// Who acts, as the audit log names them.
    pub actor: String,
    /// The key that acts: its organization (none for a platform key), its scopes, who made
    /// it, when it expires.
    pub key: Option<ApiKey>,
    /// The roles (`organization:ROLE`) of the user who acts, or who made the key: a key a
    /// user made may do what its scopes name and that user's role there still grants.
    pub roles: Vec<String>,
}

impl Record for Identity {
    const COLUMNS: &'static [&'static str] = &["principal", "actor", "roles"];
}

endpoint::endpoints! { tag "api-keys";
    Whoami: Get "/api-keys/whoami" => Identity, KeysWhoami, "whoami", (query);
    CreateKey: Post "/api-keys" => CreatedKey, KeysCreate, "create_key", (body), created true;
    ListKeys: Get "/api-keys" => Vec<ApiKey>, KeysList, "list_keys", (query);
    ShowKey: Get "/api-keys/{id}" => ApiKey, KeysShow, "show_key", (query);
    DeleteKey: Delete "/api-keys/{id}" => ApiKey, KeysDelete, "delete_key", (query);
    RevokeKey: Post "/api-keys/{id}/revoke" => Changed<ApiKey>, KeysRevoke, "revoke_key", (body),
        summary "`DELETE` (the platform's) or `POST`, with an optional `{\"reason\"}`.";
    RotateKey: Post "/api-keys/{id}/rotate" => RotatedKey, KeysRotate, "rotate_key", (body), created true;
    ConfirmKey: Post "/api-keys/{id}/confirm" => Changed<ApiKey>, KeysConfirm, "confirm_key", (body),
        summary "Confirm having a key this API made: it keeps its expiry instead of expiring at its\n`confirm_by`.";
    VerifyKey: Post "/api-keys/verify" => KeyVerification, KeysVerify, "verify_key", (body);
}

/// Every request the admin API answers with one JSON document, in the document's and the
/// README's order: `answered!(m)` calls `m!` with the list (the server makes a route of each).
macro_rules! answered {
    ($m:ident) => {
        $m! {
            CreateKey, ListKeys, Whoami, ShowKey, DeleteKey, RevokeKey, RotateKey, ConfirmKey,
            VerifyKey, ListOrganizations, CreateOrganization, ListUsers, CreateUser, DisableUser,
            EnableUser, ListRoles, ShowRole, CreateRole, DeleteRole, Grant, RevokePermissions,
            AssignRole, Unassign, ListPermissions, CheckPermission, MigrateStatus, MigrateRun,
            RevertPlan, MigrateRevert, MigrateVerify, MigrateAccept, AuditTail, AuditFollow,
            AuditStats, PlanAuditPrune, AuditPrune, AuditSeal, AuditVerify, ListBackups,
            BackupShow, BackupPrune, HealthRequest, EmailTemplates, EmailPreview, EmailTest,
        }
    };
}
pub(crate) use answered;

endpoint::replies!(
    Identity,
    Migration,
    MigrateReport,
    Drift,
    Organization,
    User,
    UserChange,
    Role,
    RoleDetail,
    RoleDeleted,
    GrantChange,
    Assignment,
    PermissionInfo,
    PermissionCheck,
    ApiKey,
    CreatedKey,
    RotatedKey,
    KeyVerification,
);
