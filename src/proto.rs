//! Requests and results of the platform operations: what commands receive from a
//! [`crate::backend::Backend`] and hand to the output layer, and (later) what the admin API
//! sends over HTTP. Field names are the stable JSON names of `-o json`.

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::output::Record;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, Serialize, Deserialize)]
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

#[derive(Debug, Clone)]
pub struct MigrateRun {
    pub dry_run: bool,
    pub to: Option<i64>,
    pub lock_timeout: Duration,
}

#[derive(Debug, Clone)]
pub struct MigrateRevert {
    pub to: Option<i64>,
    pub lock_timeout: Duration,
}

/// A migration applied or reverted by this run.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MigrationStep {
    pub version: i64,
    pub name: String,
    pub file: String,
    pub duration_ms: u64,
}

impl Record for MigrationStep {
    const COLUMNS: &'static [&'static str] = &["version", "name", "duration_ms"];
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MigrateReport {
    pub dry_run: bool,
    /// Highest applied version before the run (0: none).
    pub from_version: i64,
    /// Highest applied version after the run (or that the run would reach, when dry).
    pub to_version: i64,
    pub steps: Vec<MigrationStep>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
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

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Organization {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub created_at: DateTime<Utc>,
}

impl Record for Organization {
    const COLUMNS: &'static [&'static str] = &["slug", "name", "id", "created_at"];
}

/// What `platctl init` did.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InitReport {
    pub config_file: String,
    pub config_created: bool,
    pub database: String,
    pub database_kind: String,
    pub migrations: MigrateReport,
    pub default_organization: Option<Organization>,
}
