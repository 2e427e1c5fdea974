//! Where backups live: a local directory or an S3 bucket (any S3-protocol store), behind one
//! trait, chosen from the storage string (`/var/backups/platform` or `s3://bucket/prefix`).
//!
//! Publishing is atomic on both: an artifact is invisible until complete (a `.partial` file
//! renamed into place; an S3 multipart upload completed), and the manifest, written after it,
//! is the commit point. `list` shows only backups with a manifest. Leftovers of interrupted runs
//! (partial files, artifacts without a manifest, unfinished multipart uploads) are removed by
//! the next run, while it holds the lock.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use aws_sdk_s3::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};
use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::types::{CompletedMultipartUpload, CompletedPart};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncRead, AsyncWriteExt};

use super::manifest::{CHECK_SUFFIX, Check, Listed, MANIFEST_SUFFIX, Manifest, is_id};
use crate::error::{Error, ErrorKind, Result};
use crate::text::quote;

/// Artifact file suffixes platctl writes.
pub const ARTIFACT_SUFFIXES: [&str; 2] = [".sql.gz", ".db.gz"];
const LOCK_NAME: &str = ".platctl-backup.lock";

/// Who holds the backup lock, written into it so that a refused run can say.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Holder {
    pub holder: String,
    #[serde(default)]
    pub host: String,
    pub pid: u32,
    pub started_at: DateTime<Utc>,
    /// S3 leases only: the lock is stale after this (its holder stopped renewing it).
    pub expires_at: Option<DateTime<Utc>>,
}

impl Holder {
    pub fn me() -> Holder {
        Holder {
            holder: crate::local::operator(),
            host: whoami::hostname().unwrap_or_default(),
            pid: std::process::id(),
            started_at: Utc::now(),
            expires_at: None,
        }
    }

    fn same_as(&self, other: &Holder) -> bool {
        self.host == other.host && self.pid == other.pid && self.started_at == other.started_at
    }

    /// The holder is gone: its lease ran out, or it ran on this host and its process is dead.
    /// (Containers that share a host name but not a PID namespace should use distinct host
    /// names, or rely on the lease alone.)
    fn is_stale(&self) -> bool {
        if self.expires_at.is_some_and(|t| t < Utc::now()) {
            return true;
        }
        let here = whoami::hostname().unwrap_or_default();
        cfg!(target_os = "linux")
            && !self.host.is_empty()
            && self.host == here
            && !Path::new(&format!("/proc/{}", self.pid)).exists()
    }

    fn describe(&self) -> String {
        format!(
            "{} (pid {}) since {}",
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
    /// One backup run at a time per storage: wait up to `timeout`, then fail naming the holder.
    async fn lock(&self, timeout: Duration) -> Result<Box<dyn Lock>>;
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
fn is_orphan(name: &str, names: &[&str]) -> bool {
    ARTIFACT_SUFFIXES.iter().chain(&[CHECK_SUFFIX]).any(|s| {
        name.strip_suffix(s)
            .is_some_and(|id| is_id(id) && !names.contains(&Manifest::file_name(id).as_str()))
    })
}

/// A manifest read back, checked so that the names in it cannot point outside the storage.
fn checked(manifest: Manifest, source: &str) -> Result<Manifest> {
    let ok = is_id(&manifest.id)
        && ARTIFACT_SUFFIXES
            .iter()
            .any(|s| manifest.artifact == format!("{}{s}", manifest.id));
    if ok {
        Ok(manifest)
    } else {
        Err(Error::new(
            ErrorKind::Io,
            format!("the manifest {source} names an unexpected artifact"),
        ))
    }
}

fn storage_error(context: String, err: impl std::error::Error + Send + Sync + 'static) -> Error {
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

/// Open the storage named by `text`.
pub async fn open(text: &str, s3: &S3Options) -> Result<Arc<dyn Storage>> {
    if let Some(rest) = text.strip_prefix("s3://") {
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        if bucket.is_empty() {
            return Err(Error::usage(format!("{} names no bucket", quote(text)))
                .with_hint("use s3://BUCKET or s3://BUCKET/PREFIX"));
        }
        return Ok(Arc::new(S3Storage::new(bucket, prefix, s3).await?));
    }
    if let Some((scheme, _)) = text.split_once("://") {
        return Err(Error::usage(format!(
            "unsupported backup storage {}",
            quote(&format!("{scheme}://"))
        ))
        .with_hint("use a directory or s3://BUCKET/PREFIX"));
    }
    Ok(Arc::new(LocalStorage {
        dir: PathBuf::from(text),
    }))
}

// --- local directory ---------------------------------------------------------------------------

pub struct LocalStorage {
    dir: PathBuf,
}

impl LocalStorage {
    fn ensure_dir(&self) -> Result<()> {
        std::fs::create_dir_all(&self.dir).map_err(|e| {
            Error::io(
                format!("cannot create the backup directory {}", self.dir.display()),
                e,
            )
        })
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }
}

struct LocalLock {
    file: std::fs::File,
}

#[async_trait]
impl Lock for LocalLock {
    async fn release(self: Box<Self>) {
        let _ = self.file.unlock();
    }
}

struct LocalWriter {
    file: tokio::fs::File,
    partial: PathBuf,
    target: PathBuf,
    published: bool,
}

impl Drop for LocalWriter {
    /// A run stopped before it published its artifact (a signal) removes what it wrote.
    fn drop(&mut self) {
        if !self.published {
            let _ = std::fs::remove_file(&self.partial);
        }
    }
}

#[async_trait]
impl ArtifactWriter for LocalWriter {
    async fn write(&mut self, chunk: Vec<u8>) -> Result<()> {
        self.file
            .write_all(&chunk)
            .await
            .map_err(|e| Error::io(format!("cannot write {}", self.partial.display()), e))
    }

    async fn finish(mut self: Box<Self>) -> Result<()> {
        let fail = |e| Error::io(format!("cannot complete {}", self.partial.display()), e);
        self.file.flush().await.map_err(fail)?;
        self.file.sync_all().await.map_err(fail)?;
        tokio::fs::rename(&self.partial, &self.target)
            .await
            .map_err(|e| Error::io(format!("cannot publish {}", self.target.display()), e))?;
        self.published = true;
        sync_dir(&self.target);
        Ok(())
    }

    async fn abort(self: Box<Self>) {
        // Dropping removes the partial file.
    }
}

/// Make a rename durable (best effort: not every filesystem supports it).
fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent()
        && let Ok(d) = std::fs::File::open(dir)
    {
        let _ = d.sync_all();
    }
}

#[async_trait]
impl Storage for LocalStorage {
    fn describe(&self) -> String {
        self.dir.display().to_string()
    }

    async fn lock(&self, timeout: Duration) -> Result<Box<dyn Lock>> {
        use std::io::{Read, Seek, Write};
        self.ensure_dir()?;
        let path = self.path(LOCK_NAME);
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(format!("cannot open {}", path.display()), e))?;
        let start = std::time::Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => {
                    // The kernel drops the lock with the process: a dead run never blocks.
                    let holder = serde_json::to_vec(&Holder::me()).unwrap_or_default();
                    let _ = file.set_len(0);
                    let _ = file.rewind();
                    let _ = file.write_all(&holder);
                    let _ = file.sync_all();
                    return Ok(Box::new(LocalLock { file }));
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    if start.elapsed() >= timeout {
                        let mut text = String::new();
                        let _ = file.rewind();
                        let _ = file.read_to_string(&mut text);
                        let holder = serde_json::from_str::<Holder>(&text)
                            .map(|h| h.describe())
                            .unwrap_or_else(|_| "another process".into());
                        return Err(Error::refused(format!(
                            "another backup run holds the lock on {}: {holder}",
                            self.dir.display()
                        ))
                        .with_hint("it is still running; wait for it or raise --lock-timeout"));
                    }
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(std::fs::TryLockError::Error(e)) => {
                    return Err(Error::io(format!("cannot lock {}", path.display()), e));
                }
            }
        }
    }

    async fn clean_leftovers(&self) -> Result<Vec<String>> {
        let mut removed = Vec::new();
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Ok(removed);
        };
        let names: Vec<String> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect();
        let all: Vec<&str> = names.iter().map(String::as_str).collect();
        for name in &names {
            let partial = name.starts_with('.') && name.ends_with(".partial");
            if (partial || is_orphan(name, &all)) && std::fs::remove_file(self.path(name)).is_ok() {
                removed.push(name.clone());
            }
        }
        Ok(removed)
    }

    async fn create(&self, name: &str) -> Result<Box<dyn ArtifactWriter>> {
        self.ensure_dir()?;
        let partial = self.path(&format!(".{name}.partial"));
        let file = tokio::fs::File::create(&partial)
            .await
            .map_err(|e| Error::io(format!("cannot create {}", partial.display()), e))?;
        Ok(Box::new(LocalWriter {
            file,
            partial,
            target: self.path(name),
            published: false,
        }))
    }

    async fn put_manifest(&self, manifest: &Manifest) -> Result<()> {
        let name = Manifest::file_name(&manifest.id);
        let partial = self.path(&format!(".{name}.partial"));
        let target = self.path(&name);
        let bytes = manifest.to_json()?;
        let write = || -> std::io::Result<()> {
            use std::io::Write;
            let mut f = std::fs::File::create(&partial)?;
            f.write_all(&bytes)?;
            f.sync_all()?;
            std::fs::rename(&partial, &target)
        };
        write().map_err(|e| Error::io(format!("cannot write {}", target.display()), e))?;
        sync_dir(&target);
        Ok(())
    }

    async fn list(&self) -> Result<Vec<Listed>> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::not_found(format!(
                    "the backup directory {} does not exist",
                    self.dir.display()
                ))
                .with_hint(
                    "check --storage or BACKUP_DIR; `platctl backup run` creates it with the \
                     first backup",
                ));
            }
            Err(e) => {
                return Err(Error::io(format!("cannot read {}", self.dir.display()), e));
            }
        };
        let mut out = Vec::new();
        for entry in entries.filter_map(|e| e.ok()) {
            let Ok(name) = entry.file_name().into_string() else {
                continue;
            };
            if name.starts_with('.') || !name.ends_with(MANIFEST_SUFFIX) {
                continue;
            }
            let bytes = match std::fs::read(entry.path()) {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(Error::io(format!("cannot read {name}"), e)),
            };
            let Ok(manifest) = Manifest::from_json(&bytes, &name).and_then(|m| checked(m, &name))
            else {
                tracing::warn!("skipping {name}: not a valid platctl manifest");
                continue;
            };
            let size = std::fs::metadata(self.path(&manifest.artifact))
                .map(|m| m.len())
                .ok();
            let check = std::fs::read(self.path(&Check::file_name(&manifest.id)))
                .ok()
                .and_then(|bytes| serde_json::from_slice(&bytes).ok());
            out.push(Listed::new(manifest, size, check));
        }
        Ok(out)
    }

    async fn put_check(&self, id: &str, check: &Check) -> Result<()> {
        let target = self.path(&Check::file_name(id));
        let partial = self.path(&format!(".{}.partial", Check::file_name(id)));
        let bytes = serde_json::to_vec_pretty(check)
            .map_err(|e| Error::internal("cannot encode the check").with_source(e))?;
        std::fs::write(&partial, bytes)
            .and_then(|()| std::fs::rename(&partial, &target))
            .map_err(|e| Error::io(format!("cannot write {}", target.display()), e))
    }

    async fn open(&self, name: &str) -> Result<Reader> {
        let path = self.path(name);
        let file = tokio::fs::File::open(&path)
            .await
            .map_err(|e| Error::io(format!("cannot open {}", path.display()), e))?;
        Ok(Box::new(file))
    }

    async fn delete(&self, manifest: &Manifest) -> Result<()> {
        let m = self.path(&Manifest::file_name(&manifest.id));
        std::fs::remove_file(&m)
            .map_err(|e| Error::io(format!("cannot delete {}", m.display()), e))?;
        sync_dir(&m);
        for name in [manifest.artifact.clone(), Check::file_name(&manifest.id)] {
            match std::fs::remove_file(self.path(&name)) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(Error::io(format!("cannot delete {name}"), e)),
            }
        }
        Ok(())
    }
}

// --- S3 ----------------------------------------------------------------------------------------

/// Lock lease length on S3, renewed every third of it while a run lives.
const LEASE: Duration = Duration::from_secs(60);

#[derive(Clone)]
pub struct S3Storage {
    client: aws_sdk_s3::Client,
    bucket: String,
    /// Empty, or ends with `/`.
    prefix: String,
    part_size: usize,
    place: Place,
}

/// Where an S3 storage is, for messages.
#[derive(Debug, Clone)]
struct Place {
    bucket: String,
    /// `http://127.0.0.1:9000`, or AWS's endpoint for the region.
    endpoint: String,
}

/// One line for an operator, whatever the SDK's error: no such bucket, access denied, cannot
/// connect, no credentials, or S3's own code and message; never the SDK's debug dump.
fn s3_failed<E>(place: &Place, what: String, err: SdkError<E>) -> Error
where
    E: std::error::Error + ProvideErrorMetadata + Send + Sync + 'static,
{
    let endpoint = &place.endpoint;
    let bucket = &place.bucket;
    let credentials_hint = "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE \
                            with ~/.aws/credentials, or run where an instance role provides \
                            credentials)";
    let status = err.raw_response().map(|r| r.status().as_u16());
    let (reason, hint, kind) = match &err {
        SdkError::ServiceError(_) | SdkError::ResponseError(_) => {
            let code = err.code().unwrap_or("");
            let message = err.message().unwrap_or("");
            match (code, status) {
                ("NoSuchBucket", _) => (
                    format!("the bucket `{bucket}` does not exist at {endpoint}"),
                    "create it, or fix the bucket in --storage / BACKUP_DIR".to_string(),
                    ErrorKind::NotFound,
                ),
                ("InvalidAccessKeyId", _) => (
                    format!("{endpoint} does not know the access key in AWS_ACCESS_KEY_ID"),
                    credentials_hint.to_string(),
                    ErrorKind::Refused,
                ),
                ("SignatureDoesNotMatch", _) => (
                    format!(
                        "{endpoint} refused the request's signature: the secret key does not \
                         match the access key"
                    ),
                    "check AWS_SECRET_ACCESS_KEY".to_string(),
                    ErrorKind::Refused,
                ),
                ("AccessDenied" | "AllAccessDisabled", _) | (_, Some(401 | 403)) => (
                    format!("access to the bucket `{bucket}` is denied"),
                    format!(
                        "check the credentials ({}) and the bucket's policy",
                        "AWS_ACCESS_KEY_ID, AWS_PROFILE, or the instance role"
                    ),
                    ErrorKind::Refused,
                ),
                ("", _) => (
                    format!(
                        "{endpoint} answered HTTP {}",
                        status.map_or_else(|| "error".to_string(), |s| s.to_string())
                    ),
                    "is AWS_ENDPOINT_URL_S3 an S3 server?".to_string(),
                    ErrorKind::Io,
                ),
                (code, _) => (
                    format!("S3 answered {code}: {}", first_line(message)),
                    "check the bucket, the credentials and AWS_ENDPOINT_URL_S3".to_string(),
                    ErrorKind::Io,
                ),
            }
        }
        SdkError::DispatchFailure(failure) => {
            let text = DisplayErrorContext(&err).to_string();
            if text.contains("CredentialsNotLoaded") || text.contains("no credentials") {
                (
                    "no AWS credentials were found".to_string(),
                    credentials_hint.to_string(),
                    ErrorKind::Config,
                )
            } else if failure.is_timeout() {
                (
                    format!("{endpoint} did not answer in time"),
                    "check the network, or AWS_ENDPOINT_URL_S3".to_string(),
                    ErrorKind::Connect,
                )
            } else if failure.is_io() {
                (
                    format!("cannot connect to {endpoint}: {}", root_cause(&err)),
                    "is the S3 server up? check AWS_ENDPOINT_URL_S3 (or the profile's \
                     s3_endpoint_url) and the network"
                        .to_string(),
                    ErrorKind::Connect,
                )
            } else {
                (
                    root_cause(&err),
                    "check the bucket, the credentials and AWS_ENDPOINT_URL_S3".to_string(),
                    ErrorKind::Io,
                )
            }
        }
        SdkError::TimeoutError(_) => (
            format!("{endpoint} did not answer in time"),
            "check the network, or AWS_ENDPOINT_URL_S3".to_string(),
            ErrorKind::Connect,
        ),
        _ => (
            root_cause(&err),
            "check the bucket, the credentials and AWS_ENDPOINT_URL_S3".to_string(),
            ErrorKind::Io,
        ),
    };
    Error::new(kind, format!("{what}: {reason}")).with_hint(hint)
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("").trim()
}

/// The innermost cause's message, on one line (`Connection refused (os error 111)`).
fn root_cause(err: &(dyn std::error::Error + 'static)) -> String {
    let mut last = err;
    while let Some(next) = last.source() {
        last = next;
    }
    first_line(&last.to_string()).to_string()
}

fn is_precondition_failure<E: ProvideErrorMetadata>(err: &SdkError<E>) -> bool {
    let status = err.raw_response().map(|r| r.status().as_u16());
    let code = err
        .as_service_error()
        .and_then(|e| e.code().map(String::from));
    matches!(status, Some(412) | Some(409))
        || matches!(
            code.as_deref(),
            Some("PreconditionFailed") | Some("ConditionalRequestConflict")
        )
}

impl S3Storage {
    async fn new(bucket: &str, prefix: &str, s3: &S3Options) -> Result<S3Storage> {
        use aws_config::meta::region::RegionProviderChain;
        use aws_sdk_s3::config::Region;

        let env_region = s3.region.clone().map(Region::new);
        let region = RegionProviderChain::first_try(env_region)
            .or_else(aws_config::profile::ProfileFileRegionProvider::new())
            .or_else(Region::new("us-east-1"));
        // A store that stops answering must fail the run, not hang it until the next night.
        let timeouts = aws_config::timeout::TimeoutConfig::builder()
            .connect_timeout(Duration::from_secs(10))
            .read_timeout(Duration::from_secs(120))
            .operation_attempt_timeout(Duration::from_secs(600))
            .build();
        let mut loader = aws_config::defaults(aws_config::BehaviorVersion::latest())
            .region(region)
            .timeout_config(timeouts);
        if let Some(c) = &s3.credentials {
            crate::redact::register(&c.secret_access_key);
            loader = loader.credentials_provider(aws_sdk_s3::config::Credentials::new(
                c.access_key_id.clone(),
                c.secret_access_key.clone(),
                c.session_token.clone(),
                None,
                "platctl-environment",
            ));
        }
        let shared = loader.load().await;
        let mut config = aws_sdk_s3::config::Builder::from(&shared);
        // The settings resolved it (AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, the profile).
        let endpoint = match s3.endpoint.clone() {
            Some(endpoint) => {
                // S3-compatible stores (MinIO, Ceph, R2...) want path-style addressing.
                config = config.endpoint_url(&endpoint).force_path_style(true);
                crate::redact::redact_url(&endpoint)
            }
            None => format!(
                "AWS S3 ({})",
                shared.region().map_or("us-east-1", |r| r.as_ref())
            ),
        };
        let part_size = s3.part_size.unwrap_or(8 << 20);
        let prefix = prefix.trim_matches('/');
        Ok(S3Storage {
            client: aws_sdk_s3::Client::from_conf(config.build()),
            place: Place {
                bucket: bucket.to_string(),
                endpoint,
            },
            bucket: bucket.to_string(),
            prefix: if prefix.is_empty() {
                String::new()
            } else {
                format!("{prefix}/")
            },
            part_size,
        })
    }

    fn key(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    /// Every key under the prefix with its size (names relative to the prefix).
    async fn objects(&self) -> Result<Vec<(String, u64)>> {
        let mut out = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let page = self
                .client
                .list_objects_v2()
                .bucket(&self.bucket)
                .prefix(&self.prefix)
                .set_continuation_token(token.clone())
                .send()
                .await
                .map_err(|e| {
                    s3_failed(&self.place, format!("cannot list {}", self.describe()), e)
                })?;
            for object in page.contents() {
                if let Some(key) = object.key()
                    && let Some(name) = key.strip_prefix(&self.prefix)
                    && !name.contains('/')
                {
                    let size = object
                        .size()
                        .and_then(|s| u64::try_from(s).ok())
                        .unwrap_or(0);
                    out.push((name.to_string(), size));
                }
            }
            match page.next_continuation_token() {
                Some(t) if page.is_truncated() == Some(true) => token = Some(t.to_string()),
                _ => break,
            }
        }
        Ok(out)
    }

    async fn get_bytes(&self, name: &str) -> Result<Vec<u8>> {
        let object = self
            .client
            .get_object()
            .bucket(&self.bucket)
            .key(self.key(name))
            .send()
            .await
            .map_err(|e| s3_failed(&self.place, format!("cannot read {}", self.key(name)), e))?;
        let data = object
            .body
            .collect()
            .await
            .map_err(|e| storage_error(format!("cannot read {}", self.key(name)), e))?;
        Ok(data.into_bytes().to_vec())
    }

    async fn lock_holder(&self) -> Option<Holder> {
        let bytes = self.get_bytes(LOCK_NAME).await.ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    async fn delete_key(&self, name: &str) -> Result<()> {
        self.client
            .delete_object()
            .bucket(&self.bucket)
            .key(self.key(name))
            .send()
            .await
            .map_err(|e| s3_failed(&self.place, format!("cannot delete {}", self.key(name)), e))?;
        Ok(())
    }
}

/// `16MiB`, `8M`, `1048576`: a size in bytes (the settings check its range).
pub fn parse_size(text: &str) -> std::result::Result<usize, String> {
    let t = text.trim();
    let (number, unit) = t
        .find(|c: char| !c.is_ascii_digit())
        .map_or((t, ""), |i| t.split_at(i));
    let n: usize = number
        .parse()
        .map_err(|_| "expected a size such as 16MiB".to_string())?;
    let factor: usize = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => return Err("expected a size such as 16MiB (units: B, KiB, MiB, GiB)".into()),
    };
    n.checked_mul(factor)
        .ok_or_else(|| "too large a size".to_string())
}

/// Renew the lease every third of its length, conditionally on it still being ours. A lease
/// that cannot be renewed before it runs out is lost: the run must not commit.
async fn renew(
    storage: S3Storage,
    mut me: Holder,
    mut etag: Option<String>,
    lost: Arc<std::sync::atomic::AtomicBool>,
) {
    let lease = chrono::Duration::from_std(LEASE).unwrap_or_default();
    let mut valid_until = Utc::now() + lease;
    loop {
        tokio::time::sleep(LEASE / 3).await;
        me.expires_at = Some(Utc::now() + lease);
        let Ok(body) = serde_json::to_vec(&me) else {
            return;
        };
        let mut req = storage
            .client
            .put_object()
            .bucket(&storage.bucket)
            .key(storage.key(LOCK_NAME))
            .body(ByteStream::from(body));
        if let Some(tag) = &etag {
            req = req.if_match(tag);
        }
        match req.send().await {
            Ok(out) => {
                etag = out.e_tag().map(String::from);
                valid_until = Utc::now() + lease;
            }
            Err(e) if is_precondition_failure(&e) => {
                lost.store(true, std::sync::atomic::Ordering::SeqCst);
                return;
            }
            Err(e) => {
                tracing::warn!(
                    "renewing the backup lock failed: {}",
                    DisplayErrorContext(&e)
                );
                if Utc::now() >= valid_until {
                    lost.store(true, std::sync::atomic::Ordering::SeqCst);
                    return;
                }
            }
        }
    }
}

struct S3Lock {
    storage: S3Storage,
    me: Holder,
    lost: Arc<std::sync::atomic::AtomicBool>,
    renewer: tokio::task::JoinHandle<()>,
}

#[async_trait]
impl Lock for S3Lock {
    async fn release(self: Box<Self>) {
        self.renewer.abort();
        // Delete the lock only while it is still ours (a lost lease may have a new holder).
        if self
            .storage
            .lock_holder()
            .await
            .is_some_and(|h| h.same_as(&self.me))
        {
            let _ = self.storage.delete_key(LOCK_NAME).await;
        }
    }

    fn lost(&self) -> bool {
        self.lost.load(std::sync::atomic::Ordering::SeqCst)
    }
}

struct S3Writer {
    client: aws_sdk_s3::Client,
    place: Place,
    bucket: String,
    key: String,
    upload_id: String,
    part_size: usize,
    buffer: Vec<u8>,
    parts: Vec<CompletedPart>,
    /// The part being uploaded while the next one fills.
    in_flight: Option<tokio::task::JoinHandle<Result<CompletedPart>>>,
}

impl S3Writer {
    async fn wait_in_flight(&mut self) -> Result<()> {
        if let Some(handle) = self.in_flight.take() {
            let part = handle
                .await
                .map_err(|e| Error::internal(format!("an upload task failed: {e}")))??;
            self.parts.push(part);
        }
        Ok(())
    }

    async fn send_part(&mut self) -> Result<()> {
        self.wait_in_flight().await?;
        let body = std::mem::replace(&mut self.buffer, Vec::with_capacity(self.part_size));
        let number = i32::try_from(self.parts.len() + 1)
            .map_err(|_| Error::internal("too many upload parts"))?;
        let client = self.client.clone();
        let place = self.place.clone();
        let (bucket, key, upload_id) = (
            self.bucket.clone(),
            self.key.clone(),
            self.upload_id.clone(),
        );
        self.in_flight = Some(tokio::spawn(async move {
            let out = client
                .upload_part()
                .bucket(bucket)
                .key(&key)
                .upload_id(upload_id)
                .part_number(number)
                .body(ByteStream::from(body))
                .send()
                .await
                .map_err(|e| {
                    s3_failed(
                        &place,
                        format!("uploading part {number} of {key} failed"),
                        e,
                    )
                })?;
            Ok(CompletedPart::builder()
                .part_number(number)
                .set_e_tag(out.e_tag().map(String::from))
                .build())
        }));
        Ok(())
    }
}

#[async_trait]
impl ArtifactWriter for S3Writer {
    async fn write(&mut self, chunk: Vec<u8>) -> Result<()> {
        self.buffer.extend_from_slice(&chunk);
        if self.buffer.len() >= self.part_size {
            self.send_part().await?;
        }
        Ok(())
    }

    async fn finish(mut self: Box<Self>) -> Result<()> {
        if !self.buffer.is_empty() || self.parts.is_empty() && self.in_flight.is_none() {
            self.send_part().await?;
        }
        self.wait_in_flight().await?;
        let parts = std::mem::take(&mut self.parts);
        self.client
            .complete_multipart_upload()
            .bucket(&self.bucket)
            .key(&self.key)
            .upload_id(&self.upload_id)
            .multipart_upload(
                CompletedMultipartUpload::builder()
                    .set_parts(Some(parts))
                    .build(),
            )
            .send()
            .await
            .map_err(|e| {
                s3_failed(
                    &self.place,
                    format!("completing the upload of {} failed", self.key),
                    e,
                )
            })?;
        Ok(())
    }

    async fn abort(mut self: Box<Self>) {
        if let Some(h) = self.in_flight.take() {
            h.abort();
        }
        let _ = self
            .client
            .abort_multipart_upload()
            .bucket(&self.bucket)
            .key(&self.key)
            .upload_id(&self.upload_id)
            .send()
            .await;
    }
}

#[async_trait]
impl Storage for S3Storage {
    fn describe(&self) -> String {
        format!("s3://{}/{}", self.bucket, self.prefix.trim_end_matches('/'))
    }

    async fn lock(&self, timeout: Duration) -> Result<Box<dyn Lock>> {
        let key = self.key(LOCK_NAME);
        let start = std::time::Instant::now();
        let lease = chrono::Duration::from_std(LEASE).unwrap_or_default();
        let mut me = Holder::me();
        loop {
            me.expires_at = Some(Utc::now() + lease);
            let body = serde_json::to_vec(&me)
                .map_err(|e| Error::internal("cannot encode the lock").with_source(e))?;
            let put = self
                .client
                .put_object()
                .bucket(&self.bucket)
                .key(&key)
                .if_none_match("*")
                .body(ByteStream::from(body))
                .send()
                .await;
            match put {
                Ok(out) => {
                    let lost = Arc::new(std::sync::atomic::AtomicBool::new(false));
                    let renewer = tokio::spawn(renew(
                        self.clone(),
                        me.clone(),
                        out.e_tag().map(String::from),
                        Arc::clone(&lost),
                    ));
                    return Ok(Box::new(S3Lock {
                        storage: self.clone(),
                        me,
                        lost,
                        renewer,
                    }));
                }
                Err(e) if is_precondition_failure(&e) => {
                    match self.lock_holder().await {
                        Some(h) if h.is_stale() => {
                            // Take over only the stale lock we read, not one just renewed.
                            if self
                                .lock_holder()
                                .await
                                .is_some_and(|again| again.same_as(&h))
                            {
                                tracing::info!(
                                    "taking over a stale backup lock of {}",
                                    h.describe()
                                );
                                self.delete_key(LOCK_NAME).await?;
                            }
                            continue;
                        }
                        Some(h) if start.elapsed() >= timeout => {
                            return Err(Error::refused(format!(
                                "another backup run holds the lock on {}: {}",
                                self.describe(),
                                h.describe()
                            ))
                            .with_hint(
                                "it is still running; wait for it or raise --lock-timeout",
                            ));
                        }
                        // Released between our attempts, or still held: try again soon.
                        _ if start.elapsed() >= timeout + LEASE => {
                            return Err(Error::refused(format!(
                                "cannot take the backup lock on {}",
                                self.describe()
                            )));
                        }
                        _ => {}
                    }
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                Err(e) => {
                    return Err(s3_failed(
                        &self.place,
                        format!("cannot lock {}", self.describe()),
                        e,
                    ));
                }
            }
        }
    }

    async fn clean_leftovers(&self) -> Result<Vec<String>> {
        let mut removed = Vec::new();
        // Our unfinished multipart uploads: artifacts directly under our prefix, nothing else
        // in the bucket (not every S3-compatible store can list them).
        let mut markers: (Option<String>, Option<String>) = (None, None);
        loop {
            let Ok(page) = self
                .client
                .list_multipart_uploads()
                .bucket(&self.bucket)
                .prefix(&self.prefix)
                .set_key_marker(markers.0.clone())
                .set_upload_id_marker(markers.1.clone())
                .send()
                .await
            else {
                break;
            };
            for upload in page.uploads() {
                let (Some(key), Some(id)) = (upload.key(), upload.upload_id()) else {
                    continue;
                };
                let ours = key.strip_prefix(&self.prefix).is_some_and(|name| {
                    ARTIFACT_SUFFIXES
                        .iter()
                        .any(|s| name.strip_suffix(s).is_some_and(is_id))
                });
                if !ours {
                    continue;
                }
                let aborted = self
                    .client
                    .abort_multipart_upload()
                    .bucket(&self.bucket)
                    .key(key)
                    .upload_id(id)
                    .send()
                    .await;
                if aborted.is_ok() {
                    removed.push(format!("unfinished upload of {key}"));
                }
            }
            if page.is_truncated() != Some(true) {
                break;
            }
            markers = (
                page.next_key_marker().map(String::from),
                page.next_upload_id_marker().map(String::from),
            );
            if markers.0.is_none() && markers.1.is_none() {
                break;
            }
        }
        let objects = self.objects().await?;
        let names: Vec<&str> = objects.iter().map(|(n, _)| n.as_str()).collect();
        for (name, _) in &objects {
            if is_orphan(name, &names) && self.delete_key(name).await.is_ok() {
                removed.push(name.clone());
            }
        }
        Ok(removed)
    }

    async fn create(&self, name: &str) -> Result<Box<dyn ArtifactWriter>> {
        let key = self.key(name);
        let upload = self
            .client
            .create_multipart_upload()
            .bucket(&self.bucket)
            .key(&key)
            .content_type("application/gzip")
            .send()
            .await
            .map_err(|e| s3_failed(&self.place, format!("cannot start uploading {key}"), e))?;
        let upload_id = upload
            .upload_id()
            .ok_or_else(|| Error::new(ErrorKind::Io, "the S3 server returned no upload id"))?
            .to_string();
        Ok(Box::new(S3Writer {
            client: self.client.clone(),
            place: self.place.clone(),
            bucket: self.bucket.clone(),
            key,
            upload_id,
            part_size: self.part_size,
            buffer: Vec::with_capacity(self.part_size),
            parts: Vec::new(),
            in_flight: None,
        }))
    }

    async fn put_manifest(&self, manifest: &Manifest) -> Result<()> {
        let key = self.key(&Manifest::file_name(&manifest.id));
        self.client
            .put_object()
            .bucket(&self.bucket)
            .key(&key)
            .content_type("application/json")
            .body(ByteStream::from(manifest.to_json()?))
            .send()
            .await
            .map_err(|e| s3_failed(&self.place, format!("cannot write {key}"), e))?;
        Ok(())
    }

    async fn list(&self) -> Result<Vec<Listed>> {
        let objects = self.objects().await?;
        let mut out = Vec::new();
        for (name, _) in objects
            .iter()
            .filter(|(n, _)| n.ends_with(MANIFEST_SUFFIX) && !n.starts_with('.'))
        {
            // A manifest deleted since the listing (a prune) is simply gone.
            let Ok(bytes) = self.get_bytes(name).await else {
                continue;
            };
            let Ok(manifest) = Manifest::from_json(&bytes, name).and_then(|m| checked(m, name))
            else {
                tracing::warn!("skipping {name}: not a valid platctl manifest");
                continue;
            };
            let size = objects
                .iter()
                .find(|(n, _)| *n == manifest.artifact)
                .map(|(_, size)| *size);
            let check_name = Check::file_name(&manifest.id);
            let check = if objects.iter().any(|(n, _)| *n == check_name) {
                self.get_bytes(&check_name)
                    .await
                    .ok()
                    .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            } else {
                None
            };
            out.push(Listed::new(manifest, size, check));
        }
        Ok(out)
    }

    async fn put_check(&self, id: &str, check: &Check) -> Result<()> {
        let key = self.key(&Check::file_name(id));
        let body = serde_json::to_vec_pretty(check)
            .map_err(|e| Error::internal("cannot encode the check").with_source(e))?;
        self.client
            .put_object()
            .bucket(&self.bucket)
            .key(&key)
            .content_type("application/json")
            .body(ByteStream::from(body))
            .send()
            .await
            .map_err(|e| s3_failed(&self.place, format!("cannot write {key}"), e))?;
        Ok(())
    }

    async fn open(&self, name: &str) -> Result<Reader> {
        let key = self.key(name);
        let object = self
            .client
            .get_object()
            .bucket(&self.bucket)
            .key(&key)
            .send()
            .await
            .map_err(|e| s3_failed(&self.place, format!("cannot read {key}"), e))?;
        Ok(Box::new(object.body.into_async_read()))
    }

    async fn delete(&self, manifest: &Manifest) -> Result<()> {
        self.delete_key(&Manifest::file_name(&manifest.id)).await?;
        self.delete_key(&manifest.artifact).await?;
        self.delete_key(&Check::file_name(&manifest.id)).await
    }
}
