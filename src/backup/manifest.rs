//! The manifest: what a backup holds, written last, as the commit point of a backup.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::proto::Record;

pub const MANIFEST_SUFFIX: &str = ".manifest.json";
/// The last check of a backup's artifact, beside its manifest: `ID.check.json`.
pub const CHECK_SUFFIX: &str = ".check.json";

/// What the last read of a backup's whole artifact found (`verify`, `restore`, `prune`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Check {
    pub checked_at: DateTime<Utc>,
    /// The SHA-256 and size matched the manifest.
    pub ok: bool,
    /// The SHA-256 found.
    pub sha256: String,
    pub size: u64,
}

impl Check {
    pub fn file_name(id: &str) -> String {
        format!("{id}{CHECK_SUFFIX}")
    }
}

/// A backup as a storage lists it.
#[derive(Debug, Clone)]
pub struct Listed {
    pub manifest: Manifest,
    pub status: BackupStatus,
    pub check: Option<Check>,
}

impl Listed {
    /// Complete, and the last check (if any) found it intact.
    pub fn new(manifest: Manifest, artifact_size: Option<u64>, check: Option<Check>) -> Listed {
        let status = if artifact_size != Some(manifest.compressed_bytes) {
            BackupStatus::Incomplete
        } else if check.as_ref().is_some_and(|c| !c.ok) {
            BackupStatus::Corrupt
        } else {
            BackupStatus::Ok
        };
        Listed {
            manifest,
            status,
            check,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
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
    /// `postgresql-plain+gzip` (a pg_dump SQL script) or `sqlite+gzip` (a database file).
    pub format: String,
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
}

impl Manifest {
    pub fn file_name(id: &str) -> String {
        format!("{id}{MANIFEST_SUFFIX}")
    }

    pub fn to_json(&self) -> Result<Vec<u8>> {
        let mut bytes = serde_json::to_vec_pretty(self)
            .map_err(|e| Error::internal("cannot encode the manifest").with_source(e))?;
        bytes.push(b'\n');
        Ok(bytes)
    }

    pub fn from_json(bytes: &[u8], name: &str) -> Result<Manifest> {
        serde_json::from_slice(bytes).map_err(|e| {
            Error::new(
                crate::error::ErrorKind::Io,
                format!("the manifest {name} is not valid"),
            )
            .with_source(e)
        })
    }
}

/// A new backup id: UTC time to the microsecond, then 4 random hex digits against collisions:
/// `20261126T020000.123456Z-3fa1`. Ids sort as their start times do.
pub fn new_id(at: DateTime<Utc>) -> String {
    let mut random = [0u8; 2];
    let _ = rand::TryRng::try_fill_bytes(&mut rand::rngs::SysRng, &mut random);
    format!(
        "{}-{}",
        at.format("%Y%m%dT%H%M%S%.6fZ"),
        crate::migrations::hex(&random)
    )
}

/// Whether a name looks like one of our ids (guards paths and object keys built from input):
/// `20261126T020000.123456Z-3fa1`, or `20261126T020000Z-3fa1` (before sub-second ids).
pub fn is_id(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| bytes[r].iter().all(u8::is_ascii_digit);
    let tail = |at: usize| {
        bytes[at] == b'Z'
            && bytes[at + 1] == b'-'
            && bytes[at + 2..].iter().all(u8::is_ascii_hexdigit)
    };
    let stamp =
        |len: usize| bytes.len() == len && digits(0..8) && bytes[8] == b'T' && digits(9..15);
    (stamp(21) && tail(15)) || (stamp(28) && bytes[15] == b'.' && digits(16..22) && tail(22))
}

/// Newest first: by start time (to the microsecond), then id.
pub fn newest_first(a: &Manifest, b: &Manifest) -> std::cmp::Ordering {
    b.started_at
        .cmp(&a.started_at)
        .then_with(|| b.id.cmp(&a.id))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Serialize, Deserialize)]
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

impl BackupInfo {
    pub fn new(listed: &Listed) -> BackupInfo {
        let m = &listed.manifest;
        BackupInfo {
            id: m.id.clone(),
            started_at: m.started_at,
            finished_at: m.finished_at,
            size: human_bytes(m.compressed_bytes),
            compressed_bytes: m.compressed_bytes,
            database: m.database.clone(),
            database_kind: m.database_kind.clone(),
            schema_version: m.schema_version,
            label: m.label.clone(),
            status: listed.status,
            sha256: m.sha256.clone(),
            checked_at: listed.check.as_ref().map(|c| c.checked_at),
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_sort_by_time_and_are_recognised() {
        let a = new_id("2026-01-02T03:04:05Z".parse().unwrap());
        let b = new_id("2026-01-02T03:04:06Z".parse().unwrap());
        assert!(a < b);
        assert!(is_id(&a), "{a}");
        // Within one second, by the microsecond, whatever the random suffix.
        for _ in 0..50 {
            let c = new_id("2026-01-02T03:04:05.000001Z".parse().unwrap());
            let d = new_id("2026-01-02T03:04:05.000002Z".parse().unwrap());
            assert!(c < d, "{c} {d}");
        }
        assert!(is_id("20261126T020000Z-3fa1"), "ids before sub-second ones");
        assert!(!is_id("20261126T020000.12Z-3fa1"));
        assert!(!is_id("../../etc/passwd"));
        assert!(!is_id("20260102T030405Z-zz!!"));
        assert_eq!(human_bytes(1536), "1.5 KiB");
    }
}
