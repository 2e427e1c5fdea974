//! A real S3-protocol server on loopback for the tests: s3s-fs (files on disk, signature
//! checking) served over HTTP in this process, on its own thread and runtime. It can be told to
//! stop dead after a number of uploaded parts, as a store that goes away mid-upload does.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto::Builder as ConnBuilder;
use s3s::dto::*;
use s3s::{S3, S3Request, S3Response, S3Result};
use tokio::sync::Notify;

pub const ACCESS_KEY: &str = "platctl-test-access";
pub const SECRET_KEY: &str = "platctl-test-secret-0123456789";
pub const BUCKET: &str = "backups";

/// What a write asked for: (operation, key, server-side encryption, KMS key).
pub type Written = (String, String, Option<String>, Option<String>);

/// Counts uploaded parts and pulls the plug after `stop_after_parts` of them; records the
/// server-side encryption each write asks for, and refuses writes without it when told to (as
/// a bucket policy that denies unencrypted uploads does).
struct Gate {
    inner: s3s_fs::FileSystem,
    parts: Arc<AtomicUsize>,
    stop_after_parts: Option<usize>,
    stop: Arc<Notify>,
    written: Arc<std::sync::Mutex<Vec<Written>>>,
    require_sse: bool,
}

impl Gate {
    fn record(
        &self,
        op: &str,
        key: &str,
        sse: Option<&ServerSideEncryption>,
        kms: Option<&String>,
    ) -> S3Result<()> {
        let sse = sse.map(|s| s.as_str().to_string());
        let refused = self.require_sse && sse.is_none();
        self.written
            .lock()
            .unwrap()
            .push((op.into(), key.into(), sse, kms.cloned()));
        if refused {
            return Err(s3s::s3_error!(
                AccessDenied,
                "the bucket policy denies writes without server-side encryption"
            ));
        }
        Ok(())
    }
}

#[async_trait::async_trait]
impl S3 for Gate {
    // Everything platctl uses, passed through to the filesystem store.
    async fn put_object(
        &self,
        req: S3Request<PutObjectInput>,
    ) -> S3Result<S3Response<PutObjectOutput>> {
        let i = &req.input;
        self.record(
            "PutObject",
            &i.key,
            i.server_side_encryption.as_ref(),
            i.ssekms_key_id.as_ref(),
        )?;
        self.inner.put_object(req).await
    }

    async fn get_object(
        &self,
        req: S3Request<GetObjectInput>,
    ) -> S3Result<S3Response<GetObjectOutput>> {
        self.inner.get_object(req).await
    }

    async fn head_object(
        &self,
        req: S3Request<HeadObjectInput>,
    ) -> S3Result<S3Response<HeadObjectOutput>> {
        self.inner.head_object(req).await
    }

    async fn head_bucket(
        &self,
        req: S3Request<HeadBucketInput>,
    ) -> S3Result<S3Response<HeadBucketOutput>> {
        self.inner.head_bucket(req).await
    }

    async fn list_objects_v2(
        &self,
        req: S3Request<ListObjectsV2Input>,
    ) -> S3Result<S3Response<ListObjectsV2Output>> {
        self.inner.list_objects_v2(req).await
    }

    async fn delete_object(
        &self,
        req: S3Request<DeleteObjectInput>,
    ) -> S3Result<S3Response<DeleteObjectOutput>> {
        self.inner.delete_object(req).await
    }

    async fn create_multipart_upload(
        &self,
        req: S3Request<CreateMultipartUploadInput>,
    ) -> S3Result<S3Response<CreateMultipartUploadOutput>> {
        let i = &req.input;
        self.record(
            "CreateMultipartUpload",
            &i.key,
            i.server_side_encryption.as_ref(),
            i.ssekms_key_id.as_ref(),
        )?;
        self.inner.create_multipart_upload(req).await
    }

    async fn complete_multipart_upload(
        &self,
        req: S3Request<CompleteMultipartUploadInput>,
    ) -> S3Result<S3Response<CompleteMultipartUploadOutput>> {
        self.inner.complete_multipart_upload(req).await
    }

    async fn abort_multipart_upload(
        &self,
        req: S3Request<AbortMultipartUploadInput>,
    ) -> S3Result<S3Response<AbortMultipartUploadOutput>> {
        self.inner.abort_multipart_upload(req).await
    }

    async fn upload_part(
        &self,
        req: S3Request<UploadPartInput>,
    ) -> S3Result<S3Response<UploadPartOutput>> {
        let n = self.parts.fetch_add(1, Ordering::SeqCst) + 1;
        if self.stop_after_parts.is_some_and(|limit| n > limit) {
            self.stop.notify_one();
            return Err(s3s::s3_error!(InternalError, "the server is going away"));
        }
        self.inner.upload_part(req).await
    }
}

pub struct S3Server {
    pub endpoint: String,
    pub root: PathBuf,
    parts: Arc<AtomicUsize>,
    written: Arc<std::sync::Mutex<Vec<Written>>>,
    stop: Arc<Notify>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl S3Server {
    /// Serve `root` (creating the bucket directory).
    pub fn start(root: &Path, stop_after_parts: Option<usize>) -> S3Server {
        Self::serve(root, stop_after_parts, false)
    }

    /// A bucket whose policy refuses every write that asks for no server-side encryption.
    pub fn requiring_encryption(root: &Path) -> S3Server {
        Self::serve(root, None, true)
    }

    /// What each write asked for, in order.
    pub fn written(&self) -> Vec<Written> {
        self.written.lock().unwrap().clone()
    }

    fn serve(root: &Path, stop_after_parts: Option<usize>, require_sse: bool) -> S3Server {
        std::fs::create_dir_all(root.join(BUCKET)).unwrap();
        let parts = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(Notify::new());
        let written = Arc::new(std::sync::Mutex::new(Vec::new()));
        let (addr_tx, addr_rx) = std::sync::mpsc::channel::<SocketAddr>();
        let gate = Gate {
            inner: s3s_fs::FileSystem::new(root).unwrap(),
            parts: Arc::clone(&parts),
            stop_after_parts,
            stop: Arc::clone(&stop),
            written: Arc::clone(&written),
            require_sse,
        };
        let stop2 = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let mut builder = s3s::service::S3ServiceBuilder::new(gate);
                builder.set_auth(s3s::auth::SimpleAuth::from_single(ACCESS_KEY, SECRET_KEY));
                let service = builder.build();
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                addr_tx.send(listener.local_addr().unwrap()).unwrap();
                let http = ConnBuilder::new(TokioExecutor::new());
                let mut connections = tokio::task::JoinSet::new();
                loop {
                    tokio::select! {
                        accepted = listener.accept() => {
                            let Ok((socket, _)) = accepted else { continue };
                            let conn = http
                                .serve_connection(TokioIo::new(socket), service.clone())
                                .into_owned();
                            connections.spawn(async move {
                                let _ = conn.await;
                            });
                        }
                        () = stop2.notified() => break,
                    }
                }
                // Gone: no listener, every open connection dropped mid-request.
                drop(listener);
                connections.abort_all();
                while connections.join_next().await.is_some() {}
            });
        });
        let addr = addr_rx.recv().unwrap();
        S3Server {
            endpoint: format!("http://{addr}"),
            root: root.to_path_buf(),
            parts,
            written,
            stop,
            thread: Some(thread),
        }
    }

    pub fn parts_uploaded(&self) -> usize {
        self.parts.load(Ordering::SeqCst)
    }

    /// The environment platctl needs to reach this server.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("AWS_ENDPOINT_URL_S3", self.endpoint.clone()),
            ("AWS_ACCESS_KEY_ID", ACCESS_KEY.to_string()),
            ("AWS_SECRET_ACCESS_KEY", SECRET_KEY.to_string()),
            ("AWS_REGION", "us-east-1".to_string()),
            ("AWS_EC2_METADATA_DISABLED", "true".to_string()),
            ("BACKUP_S3_PART_SIZE", "5MiB".to_string()),
        ]
    }

    /// The objects the bucket holds under `prefix` (completed uploads only).
    pub fn objects(&self, prefix: &str) -> Vec<String> {
        let dir = self.root.join(BUCKET).join(prefix);
        let mut out: Vec<String> = std::fs::read_dir(dir)
            .map(|d| {
                d.filter_map(|e| e.ok()?.file_name().into_string().ok())
                    .filter(|n| !n.starts_with('.'))
                    .collect()
            })
            .unwrap_or_default();
        out.sort();
        out
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        self.stop.notify_one();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
