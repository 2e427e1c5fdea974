//! Backups as a client sees them: manifests, listings and the reports of each operation.

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Record;

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Manifest {
    pub format_version: u32,
    /// Time-sortable: `20261126T020000Z-3fa1`.
    pub id: String,
    pub label: Option<String>,
    /// `postgres` or `sqlite`.
    pub database_kind: String,
    pub database: String,
    pub server_version: String,
    /// The highest applied platctl migration, when the schema is the platform's.
    pub schema_version: Option<i64>,
    /// The artifact's file name, next to the manifest.
    pub artifact: String,
    /// `postgresql-plain` (a pg_dump SQL script) or `sqlite` (a database file), `+gzip` or
    /// `+zstd`, and `+age` when encrypted: for people; the fields below are what is read.
    pub format: String,
    /// How the artifact is compressed (`gzip` in manifests written before zstd was offered).
    #[serde(default)]
    pub compression: Compression,
    /// Present when the artifact is encrypted: the scheme and to whom.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encryption: Option<Encryption>,
    /// The S3 server-side encryption asked for its objects (`AES256`, `aws:kms (key K)`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_side_encryption: Option<String>,
    pub compressed_bytes: u64,
    pub uncompressed_bytes: u64,
    /// SHA-256 (lowercase hex) of the artifact as stored.
    pub sha256: String,
    pub started_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
    pub platctl_version: String,
    /// The tool that produced the dump (`pg_dump (PostgreSQL) 15.18`, `sqlite VACUUM INTO`).
    pub tool: String,
    pub created_by: String,
    /// Rows per table, as dumped.
    pub tables: BTreeMap<String, u64>,
    /// The dump's index and key builds (`CREATE INDEX`, primary keys, unique constraints) per
    /// table, exactly as the dump has them after the data: a restore into an empty database
    /// builds a table's indexes as soon as its rows are in, while the next tables load, and
    /// checks that the dump holds each one. Empty for SQLite; absent in manifests written
    /// before. Builds the dump places in a tablespace of their own are not listed (they run
    /// where the dump has them).
    #[serde(default)]
    pub index_builds: BTreeMap<String, Vec<String>>,
    /// The audit log's newest seal when the backup was taken: an anchor outside the database
    /// for `audit verify --expect-head BACKUP_ID`.
    #[serde(default)]
    pub audit_seal_head: Option<super::audit::SealHead>,
}

/// A backup's compression (`BACKUP_COMPRESSION`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Compression {
    /// Concatenated gzip members: `gunzip` reads it.
    #[default]
    Gzip,
    /// A zstd frame: `zstd -d` reads it.
    Zstd,
}

impl Compression {
    pub fn name(self) -> &'static str {
        match self {
            Compression::Gzip => "gzip",
            Compression::Zstd => "zstd",
        }
    }

    /// The artifact's suffix for it: `.gz`, `.zst`.
    pub fn suffix(self) -> &'static str {
        match self {
            Compression::Gzip => ".gz",
            Compression::Zstd => ".zst",
        }
    }
}

/// How an artifact is encrypted: `age`, to these recipients.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Encryption {
    /// `age` (age-encryption.org/v1): `age -d -i KEY` reads the artifact.
    pub scheme: String,
    pub recipients: Vec<Recipient>,
}

impl Encryption {
    /// `age: age1m6l98u...n5zp6a (sha256:1bcd44452da55adf), ...`: for people.
    pub fn describe(&self) -> String {
        format!("{}: {}", self.scheme, self.recipients_named())
    }

    /// `age1abc...xyz (sha256:0123...)`, for each recipient.
    pub fn recipients_named(&self) -> String {
        self.recipients
            .iter()
            .map(|r| format!("{} ({})", abbreviate(&r.recipient), r.fingerprint))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// `age1qyqs...7jw8p9`: the start and the end of a long key, as people compare them.
pub fn abbreviate(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    if chars.len() <= 20 {
        return key.to_string();
    }
    let head: String = chars[..10].iter().collect();
    let tail: String = chars[chars.len() - 6..].iter().collect();
    format!("{head}...{tail}")
}

/// A public key an artifact was encrypted to: any one of their private keys reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Recipient {
    /// The public key, `age1...`.
    pub recipient: String,
    /// `sha256:` and the first 16 hex digits of the SHA-256 of the public key: short enough
    /// to compare by eye.
    pub fingerprint: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum BackupStatus {
    /// The artifact is there with the size the manifest gives (and, if it was checked, its
    /// SHA-256 matched).
    Ok,
    /// The artifact is missing or its size differs: not restorable.
    Incomplete,
    /// A check (`verify`, `restore`, `prune`) found its SHA-256 different: not restorable.
    Corrupt,
}

/// A row of `backup list`.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct BackupInfo {
    pub id: String,
    pub started_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
    pub size: String,
    pub compressed_bytes: u64,
    pub database: String,
    pub database_kind: String,
    pub schema_version: Option<i64>,
    pub label: Option<String>,
    pub status: BackupStatus,
    pub sha256: String,
    /// When the artifact's SHA-256 was last checked against the manifest.
    pub checked_at: Option<DateTime<Utc>>,
}

impl Record for BackupInfo {
    const COLUMNS: &'static [&'static str] =
        &["id", "finished_at", "size", "database", "label", "status"];
}

pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// A restore found unfinished in a database.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Unfinished {
    pub backup_id: String,
    pub storage: String,
    pub started_at: DateTime<Utc>,
    pub host: String,
    pub pid: i64,
    /// Its restore still holds the lock, and its process is not known to be gone: it is
    /// running now.
    pub running: bool,
}

impl Unfinished {
    /// `root@db1 (pid 4242) at 2026-11-26 02:00 UTC`.
    pub fn describe(&self) -> String {
        format!(
            "backup {} from {}, started {} on {} (pid {})",
            self.backup_id,
            self.storage,
            self.started_at.format("%Y-%m-%d %H:%M:%S UTC"),
            self.host,
            self.pid
        )
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ShowBackup {
    pub status: BackupStatus,
    pub storage: String,
    /// When the artifact's SHA-256 was last checked against the manifest.
    pub checked_at: Option<DateTime<Utc>>,
    #[serde(flatten)]
    pub manifest: Manifest,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RestoreReport {
    pub id: String,
    pub target: String,
    pub cleaned: bool,
    /// The unfinished restore the target held, emptied before this one.
    pub replaced_unfinished: Option<Unfinished>,
    pub tables: usize,
    pub rows: u64,
    pub duration_ms: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TableCheck {
    pub table: String,
    pub expected: u64,
    pub found: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct VerifyReport {
    pub id: String,
    pub sha256: String,
    pub checksum_ok: bool,
    pub restore_test: bool,
    pub tables_checked: usize,
    pub mismatches: Vec<TableCheck>,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PruneReport {
    pub dry_run: bool,
    pub deleted: Vec<BackupInfo>,
    pub kept: usize,
    /// The newest good backup, kept whatever the policy; its SHA-256 was checked.
    pub newest_good: Option<String>,
    /// Backups this prune found corrupt when it checked them.
    pub found_corrupt: Vec<String>,
}

/// `backup run`.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct BackupRun {
    /// Where to write instead of the configured storage.
    #[serde(default, deserialize_with = "super::input::no_storage")]
    #[schema(schema_with = super::input::no_storage_schema)]
    pub storage: Option<String>,
    #[serde(default, deserialize_with = "super::input::name::option")]
    #[schema(schema_with = super::input::name::option_schema)]
    pub label: Option<String>,
    #[serde(with = "crate::proto::duration")]
    #[schema(schema_with = crate::proto::duration::schema)]
    pub lock_timeout: Duration,
}

/// What `backup run` did.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BackupRunOutcome {
    Taken {
        manifest: Box<Manifest>,
        /// The storage written to, for people.
        storage: String,
    },
    /// Backups are disabled (`BACKUP_ENABLED=false`): nothing was done.
    Disabled {
        /// The setting that disabled them, for people.
        by: String,
    },
}

/// `backup restore`: into the configured database, or `into` (a URL or a path).
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct BackupRestore {
    /// A backup id; the newest good backup when absent.
    pub id: Option<String>,
    pub storage: Option<String>,
    pub into: Option<String>,
    pub clean: bool,
    /// Connections loading in parallel (PostgreSQL); a default for the machine when absent.
    pub jobs: Option<usize>,
}

/// What a restore will do, checked before anything is touched: shown before asking, then
/// handed back to run it.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RestorePlan {
    pub manifest: Manifest,
    /// The storage it comes from, for people.
    pub storage: String,
    /// The target, for people (its password masked).
    pub target: String,
    /// The target holds tables (to be dropped with `clean`).
    pub target_in_use: bool,
    /// The target holds a restore that did not finish: it is emptied first.
    pub unfinished: Option<Unfinished>,
    pub clean: bool,
    pub jobs: usize,
}

/// `backup verify`.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct BackupVerify {
    #[serde(default, deserialize_with = "super::input::backup::option")]
    #[schema(schema_with = super::input::backup::option_schema)]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "super::input::no_storage")]
    #[schema(schema_with = super::input::no_storage_schema)]
    pub storage: Option<String>,
    /// Restore into a scratch database and compare the row counts.
    pub restore_test: bool,
    /// With `restore_test`: how long to wait for another long operation on the storage (a
    /// backup run, a prune, another restore test) that holds its lock.
    #[serde(default = "default_lock_timeout", with = "crate::proto::duration")]
    #[schema(schema_with = crate::proto::duration::schema)]
    pub lock_timeout: Duration,
}

/// What the command line's `--lock-timeout` defaults to.
fn default_lock_timeout() -> Duration {
    Duration::from_secs(60)
}

/// Which backups `backup prune` deletes.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PrunePolicy {
    /// Older than the configured retention (`BACKUP_RETENTION_DAYS`).
    Retention,
    OlderThan(super::Span),
    /// The newest backup of each of the last N days, weeks and months.
    Keep {
        #[serde(deserialize_with = "super::whole::usize")]
        daily: usize,
        #[serde(deserialize_with = "super::whole::usize")]
        weekly: usize,
        #[serde(deserialize_with = "super::whole::usize")]
        monthly: usize,
    },
}

/// `backup prune`.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct BackupPrune {
    pub policy: PrunePolicy,
    pub dry_run: bool,
    #[serde(default, deserialize_with = "super::input::no_storage")]
    #[schema(schema_with = super::input::no_storage_schema)]
    pub storage: Option<String>,
    #[serde(with = "crate::proto::duration")]
    #[schema(schema_with = crate::proto::duration::schema)]
    pub lock_timeout: Duration,
}

/// [`PrunePolicy`]'s schema, by hand: a variant's object has exactly its one key (serde
/// refuses any other), which the derived schema does not say.
impl utoipa::PartialSchema for PrunePolicy {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, OneOfBuilder, Type};
        let count = || {
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                    utoipa::openapi::KnownFormat::Int64,
                )))
                .minimum(Some(0))
        };
        let only = |key: &str, schema: utoipa::openapi::schema::Object, about: &str| {
            ObjectBuilder::new()
                .property(key, schema)
                .required(key)
                .additional_properties(Some(AdditionalProperties::FreeForm(false)))
                .description(Some(about))
        };
        OneOfBuilder::new()
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some(["retention"]))
                    .description(Some(
                        "Older than the configured retention (`BACKUP_RETENTION_DAYS`).",
                    )),
            )
            .item(only(
                "older_than",
                super::duration::schema(),
                "Older than this.",
            ))
            .item(only(
                "keep",
                ObjectBuilder::new()
                    .property("daily", count())
                    .property("weekly", count())
                    .property("monthly", count())
                    .required("daily")
                    .required("weekly")
                    .required("monthly")
                    .build(),
                "The newest backup of each of the last N days, weeks and months.",
            ))
            .description(Some("Which backups `backup prune` deletes."))
            .into()
    }
}

impl utoipa::ToSchema for PrunePolicy {}

/// `backup list`: the backups in the configured storage (or `storage`, on this machine only),
/// newest first.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ListBackups {
    #[serde(skip)]
    #[param(ignore)]
    pub storage: Option<String>,
}

/// `backup show`.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct BackupShow {
    #[serde(deserialize_with = "super::input::backup::deserialize")]
    #[param(value_type = super::input::backup::Param, inline)]
    pub id: String,
    #[serde(skip)]
    #[param(ignore)]
    pub storage: Option<String>,
}

/// `--storage` names a place on this machine; a server keeps its own.
fn own_storage(storage: &Option<String>) -> super::error::Result<()> {
    match storage {
        None => Ok(()),
        Some(_) => Err(
            super::error::Error::usage("--storage does not apply with --server").with_hint(
                "the server lists and keeps backups in its own storage (its BACKUP_DIR)",
            ),
        ),
    }
}

super::endpoint::endpoints! { tag "backups";
    ListBackups: Get "/backups" => Vec<BackupInfo>, BackupList, "list_backups", (query),
        summary "Backups in the server's own storage (`BACKUP_DIR`): a caller names no other place.",
        remote |r| own_storage(&r.storage);
    BackupShow: Get "/backups/{id}" => ShowBackup, BackupShow, "show_backup", (query),
        remote |r| own_storage(&r.storage);
    BackupRun: Post "/backups/run" => BackupRunOutcome, BackupRun, "backup_run", (body), streamed true,
        remote |r| own_storage(&r.storage);
    BackupVerify: Post "/backups/verify" => VerifyReport, BackupVerify, "backup_verify", (body), streamed true,
        remote |r| own_storage(&r.storage);
    BackupPrune: Post "/backups/prune" => PruneReport, BackupPrune, "backup_prune", (body),
        remote |r| own_storage(&r.storage);
}

super::endpoint::replies!(
    BackupInfo,
    ShowBackup,
    BackupRunOutcome,
    VerifyReport,
    PruneReport
);
