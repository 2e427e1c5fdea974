//! What both storages share: the `Storage` trait and its companions, the lock's holder, the
//! checks of names read back from a storage, and the S3 options. The lowest file of
//! `storage/`: the two storages build on it.

use std::path::Path;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tokio::io::AsyncRead;

use crate::backup::manifest::{CHECK_SUFFIX, Check, Listed, Manifest, is_id};
use crate::error::{Error, ErrorKind, Result};

/// Artifact file suffixes platctl writes.
pub const ARTIFACT_SUFFIXES: [&str; 8] = [
    ".sql.gz",
    ".db.gz",
    ".sql.zst",
    ".db.zst",
    ".sql.gz.age",
    ".db.gz.age",
    ".sql.zst.age",
    ".db.zst.age",
];
pub(super) const LOCK_NAME: &str = ".platctl-backup.lock";

/// Who holds the backup lock, written into it so that a refused run can say.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Holder {
    /// What holds it: `backup run`, `backup prune`, `backup verify --restore-test`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<String>,
    pub holder: String,
    #[serde(default)]
    pub host: String,
    pub pid: u32,
    /// The `platctl serve` replica that took it, when one did (`PLATCTL_REPLICA_ID`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replica: Option<String>,
    pub started_at: DateTime<Utc>,
    /// S3 leases only: the lock is stale after this (its holder stopped renewing it).
    pub expires_at: Option<DateTime<Utc>>,
}

impl Holder {
    pub fn me(operation: &str) -> Holder {
        Holder {
            operation: Some(operation.to_string()),
            holder: crate::local::operator(),
            host: whoami::hostname().unwrap_or_default(),
            pid: std::process::id(),
            replica: crate::local::replica().map(str::to_string),
            started_at: crate::local::now(),
            expires_at: None,
        }
    }

    pub(super) fn same_as(&self, other: &Holder) -> bool {
        self.host == other.host && self.pid == other.pid && self.started_at == other.started_at
    }

    /// The holder is gone: its lease ran out, or it ran on this host and its process is dead.
    /// (Containers that share a host name but not a PID namespace should use distinct host
    /// names, or rely on the lease alone.)
    pub(super) fn is_stale(&self) -> bool {
        if self.expires_at.is_some_and(|t| t < crate::local::now()) {
            return true;
        }
        let here = whoami::hostname().unwrap_or_default();
        cfg!(target_os = "linux")
            && !self.host.is_empty()
            && self.host == here
            && !Path::new(&format!("/proc/{}", self.pid)).exists()
    }

    /// The refusal of `operation` while this holder has the lock on `place`.
    pub(super) fn refusal(&self, operation: &str, place: &str) -> Error {
        Error::refused(format!(
            "{operation} cannot start: {} holds the lock on {place}: {}",
            self.operation.as_deref().unwrap_or("another backup run"),
            self.describe()
        ))
        .with_hint("it is still running; wait for it or raise --lock-timeout")
    }

    pub(super) fn describe(&self) -> String {
        let replica = match &self.replica {
            Some(replica) => format!(" on replica {replica}"),
            None => String::new(),
        };
        format!(
            "{} (pid {}){replica} since {}",
            self.holder,
            self.pid,
            self.started_at.format("%Y-%m-%d %H:%M:%S UTC")
        )
    }
}

#[async_trait]
pub trait Lock: Send + Sync {
    async fn release(self: Box<Self>);
    /// The lock was lost (an S3 lease that could not be renewed): the run must not commit.
    fn lost(&self) -> bool {
        false
    }
}

#[async_trait]
pub trait ArtifactWriter: Send {
    async fn write(&mut self, chunk: Vec<u8>) -> Result<()>;
    /// Make the artifact visible, complete.
    async fn finish(self: Box<Self>) -> Result<()>;
    /// Remove everything written so far (best effort).
    async fn abort(self: Box<Self>);
}

pub type Reader = Box<dyn AsyncRead + Send + Unpin>;

#[async_trait]
pub trait Storage: Send + Sync {
    /// `/var/backups/platform` or `s3://bucket/prefix`.
    fn describe(&self) -> String;
    /// The server-side encryption asked for what is written here (S3), for the manifest.
    fn server_side_encryption(&self) -> Option<String> {
        None
    }
    /// One backup run at a time per storage: wait up to `timeout`, then fail naming the holder.
    /// The storage's lock, for `operation` (named to whoever is refused it), waiting at most
    /// `timeout` for whoever holds it.
    async fn lock(&self, operation: &str, timeout: Duration) -> Result<Box<dyn Lock>>;
    /// Remove the leftovers of interrupted runs; returns what was removed. Hold the lock.
    async fn clean_leftovers(&self) -> Result<Vec<String>>;
    async fn create(&self, name: &str) -> Result<Box<dyn ArtifactWriter>>;
    /// The commit point of a backup.
    async fn put_manifest(&self, manifest: &Manifest) -> Result<()>;
    /// Every backup with a valid manifest, whether its artifact is complete, and its last
    /// check.
    async fn list(&self) -> Result<Vec<Listed>>;
    async fn open(&self, name: &str) -> Result<Reader>;
    /// Record what reading a backup's whole artifact found.
    async fn put_check(&self, id: &str, check: &Check) -> Result<()>;
    /// Delete a backup: the manifest first, so it leaves `list` at once.
    async fn delete(&self, manifest: &Manifest) -> Result<()>;
}

/// Whether a file name is a backup's companion (manifest or check) whose manifest is gone.
pub(super) fn is_orphan(name: &str, names: &[&str]) -> bool {
    ARTIFACT_SUFFIXES.iter().chain(&[CHECK_SUFFIX]).any(|s| {
        name.strip_suffix(s)
            .is_some_and(|id| is_id(id) && !names.contains(&Manifest::file_name(id).as_str()))
    })
}

/// A manifest read back, checked so that the names in it cannot point outside the storage.
pub(super) fn checked(manifest: Manifest, source: &str) -> Result<Manifest> {
    if let Some(encryption) = &manifest.encryption {
        crate::backup::crypt::check_recorded(encryption)
            .map_err(|why| Error::new(ErrorKind::Io, format!("the manifest {source} {why}")))?;
    }
    let ok = is_id(&manifest.id) && manifest.artifact == manifest.expected_artifact();
    if ok {
        Ok(manifest)
    } else {
        Err(Error::new(
            ErrorKind::Io,
            format!(
                "the manifest {source} names an unexpected artifact (`{}` for a {} backup, \
                 {}{})",
                crate::text::escape_controls(&manifest.artifact),
                crate::text::escape_controls(&manifest.database_kind),
                manifest.compression.name(),
                if manifest.encryption.is_some() {
                    ", encrypted"
                } else {
                    ", not encrypted"
                }
            ),
        ))
    }
}

pub(super) fn storage_error(
    context: String,
    err: impl std::error::Error + Send + Sync + 'static,
) -> Error {
    Error::new(ErrorKind::Io, context).with_source(err)
}

/// S3 settings beyond the standard AWS variables (the environment wins over the profile).
#[derive(Debug, Clone, Default)]
pub struct S3Options {
    /// An S3-compatible endpoint (MinIO, Ceph, R2): path-style addressing.
    pub endpoint: Option<String>,
    /// `AWS_REGION` / `AWS_DEFAULT_REGION`; else the AWS profile's, else us-east-1.
    pub region: Option<String>,
    /// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`; else the AWS SDK's
    /// own chain (profile, instance role...).
    pub credentials: Option<S3Credentials>,
    /// Multipart part size in bytes (default 8MiB; the settings check it is 5MiB to 5GiB).
    pub part_size: Option<usize>,
    /// Server-side encryption asked for every object written.
    pub sse: Option<Sse>,
}

/// S3 server-side encryption: `AES256` (SSE-S3) or `aws:kms` (SSE-KMS, with a key or the
/// bucket's AWS-managed one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sse {
    pub mode: String,
    pub kms_key_id: Option<String>,
}

impl Sse {
    /// `aws:kms (key alias/backups)`, `AES256`: for the manifest and `backup show`.
    pub fn describe(&self) -> String {
        match &self.kms_key_id {
            Some(key) => format!("{} (key {key})", self.mode),
            None => self.mode.clone(),
        }
    }
}

#[derive(Clone)]
pub struct S3Credentials {
    pub access_key_id: String,
    pub secret_access_key: String,
    pub session_token: Option<String>,
}

impl std::fmt::Debug for S3Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "S3Credentials({}, ***)", self.access_key_id)
    }
}
