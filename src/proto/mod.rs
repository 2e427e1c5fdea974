//! Requests and results of the platform operations: what commands receive from a
//! [`crate::backend::Backend`] and hand to the output layer, and what the admin API sends over
//! HTTP. Field names are the stable JSON names of `-o json`; each type derives its OpenAPI
//! schema (utoipa), from which `/openapi.json` is generated.

pub mod audit;
pub mod backup;
pub mod duration;
pub mod email;
pub mod error;
pub mod event;
pub mod fields;
pub mod health;
pub mod input;
pub mod keyformat;
pub mod ops;
pub mod permission;
mod record;
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

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CreateKey {
    pub organization: Option<String>,
    pub name: Option<String>,
    pub scopes: Vec<String>,
    pub expires: Option<Expiry>,
    pub test: bool,
    /// A platform key (no organization): made only by the operator with the database.
    #[serde(default)]
    pub platform: bool,
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

    fn cell(&self, column: &str) -> Option<String> {
        (column == "organization" && self.platform).then(|| PLATFORM_KEY_SHOWN.to_string())
    }
}

/// What stands for a platform key's organization where people read it.
pub const PLATFORM_KEY_SHOWN: &str = "(platform)";

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ListKeys {
    pub organization: Option<String>,
    /// Only platform keys.
    #[serde(default)]
    pub platform: bool,
    /// Only the keys this user created.
    pub created_by: Option<String>,
    /// Include revoked and expired keys, and those of disabled users.
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
