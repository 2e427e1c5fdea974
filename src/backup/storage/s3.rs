//! Backups in an S3 bucket (any S3-protocol store): multipart uploads completed at the end,
//! a conditional-write lock object with a lease.

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use aws_sdk_s3::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};
use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::types::{CompletedMultipartUpload, CompletedPart};

use super::shared::{
    ARTIFACT_SUFFIXES, ArtifactWriter, Holder, LOCK_NAME, Lock, Reader, S3Options, Storage,
    checked, is_orphan, storage_error,
};
use crate::backup::manifest::{Check, Listed, MANIFEST_SUFFIX, Manifest, is_id};
use crate::error::{Error, ErrorKind, Result};

/// Lock lease length on S3, renewed every third of it while a run lives.
pub(super) const LEASE: Duration = Duration::from_secs(60);

#[derive(Clone)]
pub struct S3Storage {
    client: aws_sdk_s3::Client,
    bucket: String,
    /// Empty, or ends with `/`.
    prefix: String,
    part_size: usize,
    place: Place,
    sse: Option<super::shared::Sse>,
}

/// Where an S3 storage is, for messages.
#[derive(Debug, Clone)]
pub(super) struct Place {
    bucket: String,
    /// `http://127.0.0.1:9000`, or AWS's endpoint for the region.
    endpoint: String,
}

/// One line for an operator, whatever the SDK's error: no such bucket, access denied, cannot
/// connect, no credentials, or S3's own code and message; never the SDK's debug dump.
pub(super) fn s3_failed<E>(place: &Place, what: String, err: SdkError<E>) -> Error
where
    E: std::error::Error + ProvideErrorMetadata + Send + Sync + 'static,
{
    let endpoint = &place.endpoint;
    let bucket = &place.bucket;
    let credentials_hint = "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE \
                            with ~/.aws/credentials, or run where an instance role provides \
                            credentials)";
    if let Some(reason) = no_credentials(&err) {
        return Error::new(ErrorKind::Config, format!("{what}: {reason}"))
            .with_hint(credentials_hint);
    }
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
            if failure.is_timeout() {
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

pub(super) fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("").trim()
}

/// The innermost cause's message, on one line (`Connection refused (os error 111)`).
/// What an artifact is, for the object's Content-Type.
fn content_type(name: &str) -> &'static str {
    if name.ends_with(".age") {
        "application/octet-stream"
    } else if name.ends_with(".zst") {
        "application/zstd"
    } else {
        "application/gzip"
    }
}

/// The sources the SDK's default chain looks in for credentials, in its order.
const CREDENTIAL_SOURCES: &str =
    "environment, ~/.aws profile, web identity, ECS, EC2 instance metadata";

/// When the request failed for want of credentials: why, naming the sources tried (the
/// metadata service is asked with the SDK's default patience, a second per attempt) — the same
/// words on a laptop and on a cloud machine without a role (where the metadata service's own
/// refusal would otherwise be the message).
fn no_credentials<E>(err: &SdkError<E>) -> Option<String>
where
    E: std::error::Error + Send + Sync + 'static,
{
    use aws_credential_types::provider::error::CredentialsError;
    let mut next: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(cause) = next {
        if let Some(credentials) = cause.downcast_ref::<CredentialsError>() {
            // A source's own refusal (the metadata service's 403 on a machine without a
            // role) is detail for -v: the operator's answer is the same.
            tracing::debug!(
                "loading AWS credentials: {}",
                DisplayErrorContext(credentials)
            );
            return Some(match credentials {
                CredentialsError::InvalidConfiguration(_) | CredentialsError::Unhandled(_) => {
                    format!(
                        "the AWS credentials are not usable: {}",
                        root_cause(credentials)
                    )
                }
                _ => format!("no AWS credentials were found (tried {CREDENTIAL_SOURCES})"),
            });
        }
        next = cause.source();
    }
    None
}

pub(super) fn root_cause(err: &(dyn std::error::Error + 'static)) -> String {
    let mut last = err;
    while let Some(next) = last.source() {
        last = next;
    }
    first_line(&last.to_string()).to_string()
}

pub(super) fn is_precondition_failure<E: ProvideErrorMetadata>(err: &SdkError<E>) -> bool {
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
    pub(super) async fn new(bucket: &str, prefix: &str, s3: &S3Options) -> Result<S3Storage> {
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
            sse: s3.sse.clone(),
        })
    }

    fn key(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    /// A PutObject of `name`, asking for the configured server-side encryption: every object
    /// platctl writes (artifacts, manifests, checks, the lock) carries it, for buckets whose
    /// policy refuses anything without.
    fn put(
        &self,
        name: &str,
    ) -> aws_sdk_s3::operation::put_object::builders::PutObjectFluentBuilder {
        let (mode, key) = self.sse_parts();
        self.client
            .put_object()
            .bucket(&self.bucket)
            .key(self.key(name))
            .set_server_side_encryption(mode)
            .set_ssekms_key_id(key)
    }

    fn sse_parts(
        &self,
    ) -> (
        Option<aws_sdk_s3::types::ServerSideEncryption>,
        Option<String>,
    ) {
        match &self.sse {
            Some(sse) => (
                Some(aws_sdk_s3::types::ServerSideEncryption::from(
                    sse.mode.as_str(),
                )),
                sse.kms_key_id.clone(),
            ),
            None => (None, None),
        }
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
pub(super) async fn renew(
    storage: S3Storage,
    mut me: Holder,
    mut etag: Option<String>,
    lost: Arc<std::sync::atomic::AtomicBool>,
) {
    let lease = chrono::Duration::from_std(LEASE).unwrap_or_default();
    let mut valid_until = crate::local::now() + lease;
    loop {
        tokio::time::sleep(LEASE / 3).await;
        me.expires_at = Some(crate::local::now() + lease);
        let Ok(body) = serde_json::to_vec(&me) else {
            return;
        };
        let mut req = storage.put(LOCK_NAME).body(ByteStream::from(body));
        if let Some(tag) = &etag {
            req = req.if_match(tag);
        }
        match req.send().await {
            Ok(out) => {
                etag = out.e_tag().map(String::from);
                valid_until = crate::local::now() + lease;
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
                if crate::local::now() >= valid_until {
                    lost.store(true, std::sync::atomic::Ordering::SeqCst);
                    return;
                }
            }
        }
    }
}

pub(super) struct S3Lock {
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

pub(super) struct S3Writer {
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

    fn server_side_encryption(&self) -> Option<String> {
        self.sse.as_ref().map(super::shared::Sse::describe)
    }

    async fn lock(&self, operation: &str, timeout: Duration) -> Result<Box<dyn Lock>> {
        let start = std::time::Instant::now();
        let lease = chrono::Duration::from_std(LEASE).unwrap_or_default();
        let mut me = Holder::me(operation);
        loop {
            me.expires_at = Some(crate::local::now() + lease);
            let body = serde_json::to_vec(&me)
                .map_err(|e| Error::internal("cannot encode the lock").with_source(e))?;
            let put = self
                .put(LOCK_NAME)
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
                            return Err(h.refusal(operation, &self.describe()));
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
        let (mode, kms_key) = self.sse_parts();
        // Parts inherit the upload's encryption (S3 takes SSE headers on the upload, not on
        // its parts).
        let upload = self
            .client
            .create_multipart_upload()
            .bucket(&self.bucket)
            .key(&key)
            .content_type(content_type(name))
            .set_server_side_encryption(mode)
            .set_ssekms_key_id(kms_key)
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
        let name = Manifest::file_name(&manifest.id);
        let key = self.key(&name);
        self.put(&name)
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
            let manifest = match Manifest::from_json(&bytes, name).and_then(|m| checked(m, name)) {
                Ok(manifest) => manifest,
                Err(e) => {
                    tracing::warn!("skipping {name}: {e}");
                    continue;
                }
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
        let name = Check::file_name(id);
        let key = self.key(&name);
        let body = serde_json::to_vec_pretty(check)
            .map_err(|e| Error::internal("cannot encode the check").with_source(e))?;
        self.put(&name)
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
