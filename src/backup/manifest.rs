//! The manifest: what a backup holds, written last, as the commit point of a backup.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::output::Record;

pub const MANIFEST_SUFFIX: &str = ".manifest.json";

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

/// A new backup id: UTC time to the second, then 4 random hex digits against collisions.
pub fn new_id(at: DateTime<Utc>) -> String {
    let mut random = [0u8; 2];
    let _ = rand::TryRng::try_fill_bytes(&mut rand::rngs::SysRng, &mut random);
    format!(
        "{}-{}",
        at.format("%Y%m%dT%H%M%SZ"),
        crate::migrations::hex(&random)
    )
}

/// Whether a name looks like one of our ids (guards paths and object keys built from input).
pub fn is_id(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 21
        && bytes[..8].iter().all(u8::is_ascii_digit)
        && bytes[8] == b'T'
        && bytes[9..15].iter().all(u8::is_ascii_digit)
        && bytes[15] == b'Z'
        && bytes[16] == b'-'
        && bytes[17..].iter().all(|b| b.is_ascii_hexdigit())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BackupStatus {
    /// The artifact is there with the size the manifest gives.
    Ok,
    /// The artifact is missing or its size differs: not restorable.
    Incomplete,
}

/// A row of `backup list`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BackupInfo {
    pub id: String,
    pub finished_at: DateTime<Utc>,
    pub size: String,
    pub compressed_bytes: u64,
    pub database: String,
    pub database_kind: String,
    pub schema_version: Option<i64>,
    pub label: Option<String>,
    pub status: BackupStatus,
    pub sha256: String,
}

impl Record for BackupInfo {
    const COLUMNS: &'static [&'static str] =
        &["id", "finished_at", "size", "database", "label", "status"];
}

impl BackupInfo {
    pub fn new(m: &Manifest, status: BackupStatus) -> BackupInfo {
        BackupInfo {
            id: m.id.clone(),
            finished_at: m.finished_at,
            size: human_bytes(m.compressed_bytes),
            compressed_bytes: m.compressed_bytes,
            database: m.database.clone(),
            database_kind: m.database_kind.clone(),
            schema_version: m.schema_version,
            label: m.label.clone(),
            status,
            sha256: m.sha256.clone(),
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
        assert!(!is_id("../../etc/passwd"));
        assert!(!is_id("20260102T030405Z-zz!!"));
        assert_eq!(human_bytes(1536), "1.5 KiB");
    }
}
