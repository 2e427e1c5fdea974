//! The audit log's requests and results: queries, exports, statistics, pruning, and the seals
//! that make tampering evident.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::Record;

/// Which entries: every filter narrows; none means all.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AuditFilter {
    /// The acting user's email.
    #[serde(default, deserialize_with = "super::input::user::option")]
    #[schema(schema_with = super::input::user::option_schema)]
    pub user: Option<String>,
    /// The organization's slug.
    #[serde(default, deserialize_with = "super::input::org::option")]
    #[schema(schema_with = super::input::org::option_schema)]
    pub organization: Option<String>,
    /// An action, or a glob of actions (`api_key.*`).
    #[serde(default, deserialize_with = "super::input::term::option")]
    #[schema(schema_with = super::input::term::option_schema)]
    pub action: Option<String>,
    /// `TYPE` or `TYPE:ID`.
    #[serde(default, deserialize_with = "super::input::term::option")]
    #[schema(schema_with = super::input::term::option_schema)]
    pub resource: Option<String>,
    /// An address or a CIDR block.
    #[serde(default, deserialize_with = "super::input::term::option")]
    #[schema(schema_with = super::input::term::option_schema)]
    pub ip: Option<String>,
    /// An API key's id, or its display prefix.
    #[serde(default, deserialize_with = "super::input::key::option")]
    #[schema(schema_with = super::input::key::option_schema)]
    pub key: Option<String>,
    #[serde(default, deserialize_with = "super::time::option")]
    #[schema(schema_with = super::time::option_schema)]
    pub since: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "super::time::option")]
    #[schema(schema_with = super::time::option_schema)]
    pub until: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AuditQuery {
    pub filter: AuditFilter,
    /// At most this many entries; `None` for all of them.
    #[serde(default, deserialize_with = "super::whole::option_u64")]
    pub limit: Option<u64>,
    /// Oldest first (default: newest first).
    pub ascending: bool,
}

/// The default `--limit` of `audit query`.
pub const DEFAULT_QUERY_LIMIT: u64 = 100;

/// One audit entry, every column of it (and the organization's slug, when it still exists).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AuditRecord {
    pub id: i64,
    pub occurred_at: DateTime<Utc>,
    pub actor: String,
    pub actor_user_id: Option<Uuid>,
    pub actor_api_key_id: Option<Uuid>,
    pub organization_id: Option<Uuid>,
    pub organization: Option<String>,
    pub action: String,
    pub resource_type: Option<String>,
    pub resource_id: Option<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub metadata: Value,
}

impl AuditRecord {
    /// `api_key:3fa2c1d0…` for a terminal: a UUID is cut to its first 8 digits, like a short
    /// commit hash (`-o json` has it whole); just the type, or `-`.
    pub fn resource(&self) -> String {
        let short = |id: &str| match Uuid::parse_str(id) {
            Ok(_) => format!("{}…", &id[..8]),
            Err(_) => id.to_string(),
        };
        match (&self.resource_type, &self.resource_id) {
            (Some(t), Some(id)) => format!("{t}:{}", short(id)),
            (Some(t), None) => t.clone(),
            (None, Some(id)) => short(id),
            (None, None) => "-".into(),
        }
    }
}

impl Record for AuditRecord {
    const COLUMNS: &'static [&'static str] =
        &["time", "actor", "action", "resource", "organization", "ip"];

    fn cells(&self) -> Option<Vec<String>> {
        let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
        Some(vec![
            self.occurred_at.format("%Y-%m-%d %H:%M:%S").to_string(),
            if self.actor.is_empty() {
                "-".into()
            } else {
                self.actor.clone()
            },
            self.action.clone(),
            self.resource(),
            self.organization
                .clone()
                .or_else(|| self.organization_id.map(|id| id.to_string()))
                .unwrap_or_else(|| "-".into()),
            dash(&self.ip),
        ])
    }
}

/// Where `audit tail --follow` stands: every entry up to `after` was considered, and those
/// above it already shown are `seen`. Entries can commit out of id order (a transaction takes
/// an id, another takes the next and commits first): `pending` holds, for each poll, the
/// highest id visible then and the transaction horizon that must pass before no lower id can
/// still appear.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TailCursor {
    #[serde(deserialize_with = "super::whole::i64")]
    pub after: i64,
    #[serde(deserialize_with = "super::whole::vec_i64")]
    pub seen: Vec<i64>,
    pub pending: Vec<TailWait>,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TailWait {
    /// The highest id visible at that poll.
    #[serde(deserialize_with = "super::whole::i64")]
    pub visible: i64,
    /// PostgreSQL: the first transaction id not yet started at that poll; once every
    /// transaction before it has ended, no id up to `visible` can still appear.
    #[serde(deserialize_with = "super::whole::u64")]
    pub xmax: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AuditTail {
    pub filter: AuditFilter,
    /// How many of the newest entries to show first.
    #[serde(deserialize_with = "super::whole::u64")]
    pub lines: u64,
}

/// What one poll of `audit tail --follow` found: new entries in id order.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TailPoll {
    pub entries: Vec<AuditRecord>,
    pub cursor: TailCursor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Csv,
    Json,
    Ndjson,
}

impl ExportFormat {
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
            ExportFormat::Ndjson => "ndjson",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AuditExport {
    pub filter: AuditFilter,
    pub format: ExportFormat,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ExportReport {
    pub rows: u64,
    /// Bytes written before compression.
    pub bytes: u64,
    pub format: ExportFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum StatsBy {
    Action,
    User,
    Org,
    Day,
    Hour,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AuditStats {
    pub filter: AuditFilter,
    pub by: StatsBy,
}

/// One group of `audit stats`: the action, actor, organization, day or hour, and its count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AuditCount {
    pub key: String,
    pub count: i64,
}

impl Record for AuditCount {
    const COLUMNS: &'static [&'static str] = &["key", "count"];
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AuditPrune {
    /// Entries older than this go.
    #[serde(deserialize_with = "super::time::deserialize")]
    #[schema(schema_with = super::time::schema)]
    pub cutoff: DateTime<Utc>,
}

/// What a prune deletes (or, after it ran, deleted).
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AuditPrunePlan {
    pub cutoff: DateTime<Utc>,
    pub rows: u64,
    pub first_id: Option<i64>,
    pub last_id: Option<i64>,
    pub oldest_at: Option<DateTime<Utc>>,
    pub newest_at: Option<DateTime<Utc>>,
    /// The newest seal whose rows all go (a sealed range is pruned whole or not at all).
    pub sealed_through: Option<i64>,
    /// Entries older than the cutoff kept because their seal also covers newer ones.
    pub kept_in_seals: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AuditPruneReport {
    pub plan: AuditPrunePlan,
    pub deleted: u64,
    pub batches: u64,
}

/// The newest seal: what an operator keeps outside the database as an anchor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SealHead {
    pub seal_id: i64,
    pub last_id: i64,
    pub digest: String,
    pub sealed_at: DateTime<Utc>,
    /// Set when the head is a prune record made after seal `seal_id` (`digest` and
    /// `sealed_at` are then the prune record's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prune_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Seal {
    pub id: i64,
    pub sealed_at: DateTime<Utc>,
    pub first_id: i64,
    pub last_id: i64,
    pub row_count: i64,
    pub prev_digest: Option<String>,
    pub digest: String,
    /// The signing key's id (the start of its public key's SHA-256), when signed.
    pub key_id: Option<String>,
    pub signed: bool,
    pub actor: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SealReport {
    /// The new seal, or `None` when no entry was added since the last one.
    pub seal: Option<Seal>,
    /// The chain's head after the run (`None` when there are no entries to seal at all).
    pub head: Option<SealHead>,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AuditVerify {
    /// Recompute only the seals made since then (the chain is still followed from the start).
    #[serde(default, deserialize_with = "super::time::option")]
    #[schema(schema_with = super::time::option_schema)]
    pub since: Option<DateTime<Utc>>,
    /// An Ed25519 public key (PEM) to check signatures with; by default the one of the
    /// configured signing key, if any.
    pub public_key: Option<String>,
    /// A seal digest kept outside the database: it must still be in the chain.
    #[serde(default, deserialize_with = "super::input::term::option")]
    #[schema(schema_with = super::input::term::option_schema)]
    pub expect_head: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Signatures {
    /// Every seal is signed, and every signature was checked with the public key.
    Checked,
    /// Seals are signed, but no public key was at hand to check them.
    NotChecked,
    /// No seal is signed: the chain proves consistency, not authorship.
    Unsigned,
}

/// Something verification found: about a seal (`seal_id`), a prune record (`prune_id`),
/// entries no seal accounts for (`entry_ids`), or the chain as a whole (none of them).
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SealProblem {
    /// The seal, or 0.
    pub seal_id: i64,
    /// The prune record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prune_id: Option<i64>,
    /// The id range: the seal's, the prune record's, or the lowest and highest of the
    /// entries found.
    pub first_id: i64,
    pub last_id: i64,
    /// Entries no seal accounts for, by id (the first ten).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entry_ids: Vec<i64>,
    pub problem: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AuditVerifyReport {
    pub ok: bool,
    pub seals: u64,
    pub seals_valid: u64,
    /// Seals whose rows were pruned (recorded by `audit prune`): not recomputed.
    pub seals_pruned: u64,
    /// Seals made before `--since`: chained, not recomputed.
    pub seals_skipped: u64,
    pub rows_sealed: u64,
    /// Entries the recomputed seals cover, and how many of them were found.
    pub rows_expected: u64,
    pub rows_verified: u64,
    /// Entries newer than the last seal, and their lowest and highest ids.
    pub rows_unsealed: u64,
    pub unsealed_first_id: Option<i64>,
    pub unsealed_last_id: Option<i64>,
    /// Entries that no seal, prune or the unsealed end accounts for (each one is a problem):
    /// ids below 1, in a pruned range, below the first seal.
    pub rows_outside: u64,
    pub signatures: Signatures,
    pub head: Option<SealHead>,
    /// `--expect-head` was found in the chain.
    pub expected_head_found: Option<bool>,
    pub problems: Vec<SealProblem>,
    pub seconds: f64,
}

/// `audit tail --follow`: entries that appeared since `cursor`, in id order (none skipped that
/// commit late).
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[schema(as = Follow)]
#[serde(deny_unknown_fields)]
pub struct AuditFollow {
    pub filter: AuditFilter,
    pub cursor: TailCursor,
}

/// What `audit prune` would delete, deleting nothing: the same request, another answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PlanAuditPrune(pub AuditPrune);

impl utoipa::PartialSchema for PlanAuditPrune {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        AuditPrune::schema()
    }
}

impl utoipa::ToSchema for PlanAuditPrune {
    fn name() -> std::borrow::Cow<'static, str> {
        AuditPrune::name()
    }
    fn schemas(out: &mut super::endpoint::Schemas) {
        <AuditPrune as utoipa::ToSchema>::schemas(out);
    }
}

/// `audit seal`: the entries added since the last seal.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditSeal {}

super::endpoint::endpoints! { tag "audit-logs";
    AuditQuery: Post "/audit-logs/query" => AuditRecord, AuditQuery, "audit_query", (body);
    AuditTail: Post "/audit-logs/tail" => TailPoll, AuditTail, "audit_tail", (body);
    AuditFollow: Post "/audit-logs/follow" => TailPoll, AuditTail, "audit_follow", (body);
    AuditStats: Post "/audit-logs/stats" => Vec<AuditCount>, AuditStats, "audit_stats", (body);
    PlanAuditPrune: Post "/audit-logs/prune-plan" => AuditPrunePlan, AuditPrune, "audit_prune_plan", (body);
    AuditPrune: Post "/audit-logs/prune" => AuditPruneReport, AuditPrune, "audit_prune", (body);
    AuditSeal: Post "/audit-logs/seal" => SealReport, AuditSeal, "audit_seal", (body);
    AuditVerify: Post "/audit-logs/verify" => AuditVerifyReport, AuditVerify, "audit_verify", (body);
    AuditExport: Post "/audit-logs/export" => ExportReport, AuditExport, "audit_export", (body), streamed true;
}

super::endpoint::replies!(
    AuditRecord,
    TailPoll,
    AuditCount,
    AuditPrunePlan,
    AuditPruneReport,
    SealReport,
    AuditVerifyReport,
    ExportReport,
);
