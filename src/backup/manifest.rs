//! The manifest: what a backup holds, written last, as the commit point of a backup.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
pub use crate::proto::backup::{BackupInfo, BackupStatus, Compression, Manifest, human_bytes};

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

/// How an artifact of a `kind` database (`postgres`, `sqlite`) is stored: its suffix after the
/// id (`.sql.gz`, `.db.zst.age`...) and its format for people (`postgresql-plain+gzip+age`).
pub fn stored_as(kind: &str, codec: Compression, encrypted: bool) -> (String, String) {
    let (ext, format) = match kind {
        "postgres" => (".sql", "postgresql-plain"),
        _ => (".db", "sqlite"),
    };
    let age = if encrypted { ".age" } else { "" };
    (
        format!("{ext}{}{age}", codec.suffix()),
        format!(
            "{format}+{}{}",
            codec.name(),
            if encrypted { "+age" } else { "" }
        ),
    )
}

impl Manifest {
    pub fn file_name(id: &str) -> String {
        format!("{id}{MANIFEST_SUFFIX}")
    }

    /// The artifact's name as this manifest's kind, compression and encryption make it: a
    /// manifest that names another (edited by hand, or by someone with the bucket) is refused.
    pub fn expected_artifact(&self) -> String {
        let (suffix, _) = stored_as(
            &self.database_kind,
            self.compression,
            self.encryption.is_some(),
        );
        format!("{}{suffix}", self.id)
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
