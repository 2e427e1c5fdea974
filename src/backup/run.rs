//! `backup run`: dump (pg_dump, or SQLite's VACUUM INTO), compress on every core (gzip or
//! zstd), encrypt when recipients are set, upload with a SHA-256 of the stored bytes, and write
//! the manifest last, as the commit point.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use sha2::{Digest, Sha256};

use super::crypt::Recipients;
use super::manifest::{self, Manifest};
use super::shared::{
    Config, Context, TempFile, collect_stderr, create_private, quote_ident, temp_path_beside,
    tool_failed,
};
use super::storage::{self, ArtifactWriter, Storage};
use super::{compress, marker, pg};
use crate::db::{DatabaseTarget, Db, Sql};
use crate::error::{Error, ErrorKind, Result};
use crate::migrations::hex;
use crate::progress::Progress;
use crate::proto::audit::SealHead;

pub(super) struct Produced {
    raw_bytes: u64,
    tables: BTreeMap<String, u64>,
    index_builds: BTreeMap<String, Vec<String>>,
}

pub(super) struct Uploaded {
    produced: Produced,
    compressed_bytes: u64,
    sha256: String,
}

pub(super) type Sink<'s> = &'s mut (dyn FnMut(Vec<u8>) -> Result<()> + Send);

/// Stream what `produce` compresses into `writer` — encrypted to `recipients` first when there
/// are any — hashing the stored bytes on the way. On any failure the artifact is aborted; on
/// success it is published.
pub(super) async fn upload<F>(
    mut writer: Box<dyn ArtifactWriter>,
    recipients: Option<Arc<Recipients>>,
    produce: F,
    progress: &dyn Progress,
) -> Result<Uploaded>
where
    F: FnOnce(Sink<'_>) -> Result<Produced> + Send + 'static,
{
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Vec<u8>>(4);
    let producer = tokio::task::spawn_blocking(move || {
        let mut hasher = Sha256::new();
        let mut compressed = 0u64;
        let mut stored = |bytes: Vec<u8>| -> Result<()> {
            hasher.update(&bytes);
            compressed += bytes.len() as u64;
            tx.blocking_send(bytes)
                .map_err(|_| Error::new(ErrorKind::Io, "the upload stopped"))
        };
        let produced = match recipients {
            None => produce(&mut stored)?,
            Some(recipients) => {
                let mut out = compress::ToSink::new(&mut stored);
                let mut encrypted = recipients.encrypt(&mut out)?;
                let mut sink = |bytes: Vec<u8>| -> Result<()> {
                    encrypted
                        .write_all(&bytes)
                        .map_err(|e| Error::io("encrypting the backup failed", e))
                };
                let produced = produce(&mut sink);
                let finished = produced.and_then(|p| {
                    encrypted
                        .finish()
                        .and_then(|w| w.flush())
                        .map_err(|e| Error::io("encrypting the backup failed", e))
                        .map(|()| p)
                });
                finished.map_err(|e| out.failed.take().unwrap_or(e))?
            }
        };
        Ok::<_, Error>(Uploaded {
            produced,
            compressed_bytes: compressed,
            sha256: hex(&hasher.finalize()),
        })
    });
    let mut upload_error = None;
    while let Some(chunk) = rx.recv().await {
        progress.advance(chunk.len() as u64);
        if let Err(e) = writer.write(chunk).await {
            upload_error = Some(e);
            break;
        }
    }
    drop(rx);
    let produced = producer
        .await
        .map_err(|e| Error::internal(format!("the compression task failed: {e}")));
    let result = match (upload_error, produced) {
        (Some(e), _) => Err(e),
        (None, Err(e)) | (None, Ok(Err(e))) => Err(e),
        (None, Ok(Ok(done))) => Ok(done),
    };
    match result {
        Ok(done) => {
            writer.finish().await?;
            Ok(done)
        }
        Err(e) => {
            writer.abort().await;
            Err(e)
        }
    }
}

/// Facts about the source database recorded in the manifest.
pub(super) struct Source {
    database: String,
    server_version: String,
    server_major: u32,
    schema_version: Option<i64>,
}

pub(super) async fn schema_version(db: &Db) -> Result<Option<i64>> {
    if !db.table_exists("_platctl_migrations").await? {
        return Ok(None);
    }
    let row = db
        .fetch_one(Sql::new(
            "SELECT MAX(version) AS v FROM _platctl_migrations",
        ))
        .await?;
    row.opt_int("v")
}

pub(super) async fn postgres_source(db: &Db) -> Result<Source> {
    let row = db
        .fetch_one(Sql::new(
            "SELECT current_database() AS db, current_setting('server_version') AS version, \
             current_setting('server_version_num')::int AS num",
        ))
        .await?;
    let num: i32 = row.get("num")?;
    Ok(Source {
        database: row.text("db")?,
        server_version: format!("PostgreSQL {}", row.text("version")?),
        server_major: u32::try_from(num / 10000).unwrap_or(0),
        schema_version: schema_version(db).await?,
    })
}

/// Take a backup now. Holds the storage lock for the whole run.
/// `seal_head` is the audit log's newest seal, recorded in the manifest as an anchor.
pub async fn run(
    ctx: &Context<'_>,
    label: Option<String>,
    lock_timeout: Duration,
    seal_head: Option<SealHead>,
) -> Result<Manifest> {
    // Before anything is dumped: with encryption set, nothing is ever written in the clear.
    let recipients = match &ctx.config.encrypt_to {
        Some(setting) => Some(Arc::new(Recipients::load(setting)?)),
        None => None,
    };
    let storage = ctx.storage().await?;
    let lock = storage.lock("backup run", lock_timeout).await?;
    let result = run_locked(
        ctx,
        storage.as_ref(),
        lock.as_ref(),
        label,
        seal_head,
        recipients,
    )
    .await;
    lock.release().await;
    result
}

pub(super) async fn run_locked(
    ctx: &Context<'_>,
    storage: &dyn Storage,
    lock: &dyn storage::Lock,
    label: Option<String>,
    seal_head: Option<SealHead>,
    recipients: Option<Arc<Recipients>>,
) -> Result<Manifest> {
    let removed = storage.clean_leftovers().await?;
    if !removed.is_empty() {
        tracing::info!(
            "removed leftovers of interrupted runs: {}",
            removed.join(", ")
        );
    }
    let started_at = crate::local::now();
    let id = manifest::new_id(started_at);
    let codec = ctx.config.compression.codec;
    let encryption = recipients.as_ref().map(|r| r.encryption.clone());
    let stored = |kind: &str| -> (String, String) {
        let (suffix, format) = manifest::stored_as(kind, codec, encryption.is_some());
        (format!("{id}{suffix}"), format)
    };
    let (source, uploaded, artifact, format, tool) = match ctx.database {
        DatabaseTarget::Postgres { url } => {
            let db = ctx.connect(ctx.database).await?;
            let source = match marker::check(&db, &ctx.database.display()).await {
                Ok(()) => postgres_source(&db).await,
                Err(e) => Err(e),
            };
            db.close().await;
            let source = source?;
            let pg_dump = pg::find(
                "pg_dump",
                source.server_major,
                ctx.config.pg_bin_dir.as_deref(),
            )?;
            let (artifact, format) = stored("postgres");
            let writer = storage.create(&artifact).await?;
            let uploaded = dump_postgres(
                url,
                &pg_dump,
                &ctx.config,
                writer,
                recipients,
                ctx.progress.as_ref(),
            )
            .await?;
            (source, uploaded, artifact, format, pg_dump.version)
        }
        DatabaseTarget::Sqlite { path } => {
            let (artifact, format) = stored("sqlite");
            let (source, uploaded) = dump_sqlite(ctx, path, storage, &artifact, recipients).await?;
            (
                source,
                uploaded,
                artifact,
                format,
                "sqlite VACUUM INTO".to_string(),
            )
        }
    };
    let manifest = Manifest {
        format_version: 1,
        id,
        label,
        database_kind: ctx.database.kind().to_string(),
        database: source.database,
        server_version: source.server_version,
        schema_version: source.schema_version,
        artifact,
        format,
        compression: codec,
        encryption,
        server_side_encryption: storage.server_side_encryption(),
        compressed_bytes: uploaded.compressed_bytes,
        uncompressed_bytes: uploaded.produced.raw_bytes,
        sha256: uploaded.sha256,
        started_at,
        finished_at: crate::local::now(),
        platctl_version: env!("CARGO_PKG_VERSION").to_string(),
        tool,
        created_by: crate::local::operator(),
        tables: uploaded.produced.tables,
        index_builds: uploaded.produced.index_builds,
        audit_seal_head: seal_head,
    };
    // The commit point: until this is written, the backup does not exist.
    if lock.lost() {
        // Another run may have taken over: do not commit over it. The artifact stays an
        // orphan, which the next run removes.
        return Err(Error::refused(format!(
            "lost the backup lock on {} during the run (it could not be renewed); the backup \
             was not committed",
            storage.describe()
        )));
    }
    storage.put_manifest(&manifest).await?;
    Ok(manifest)
}

pub(super) async fn dump_postgres(
    url: &str,
    pg_dump: &pg::Tool,
    config: &Config,
    writer: Box<dyn ArtifactWriter>,
    recipients: Option<Arc<Recipients>>,
    progress: &dyn Progress,
) -> Result<Uploaded> {
    let (url, env) = pg::libpq_connection(url);
    let spawned = std::process::Command::new(&pg_dump.path)
        // A lock held by a migration must fail the run, not hang it until the next night.
        .args([
            "--format=plain",
            "--no-owner",
            "--no-privileges",
            "--lock-wait-timeout=300000",
            "--dbname",
        ])
        .arg(&url)
        .envs(env)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let mut child = match spawned {
        Ok(c) => c,
        Err(e) => {
            writer.abort().await;
            return Err(Error::io(
                format!("cannot run {}", pg_dump.path.display()),
                e,
            ));
        }
    };
    let stderr = collect_stderr(child.stderr.take());
    let stdout = child.stdout.take();
    if let Some(out) = &stdout {
        widen_pipe(out);
    }
    let opts = config.compression.clone();
    upload(
        writer,
        recipients,
        move |sink| {
            let mut counter = pg::CopyCounter::default();
            let compressed = match stdout {
                Some(out) => compress::compress(out, &opts, |c| counter.feed(c), sink),
                None => Err(Error::internal("pg_dump has no stdout")),
            };
            if compressed.is_err() {
                let _ = child.kill();
            }
            let status = child
                .wait()
                .map_err(|e| Error::io("cannot wait for pg_dump", e))?;
            let stderr = stderr.join().unwrap_or_default();
            let raw_bytes = compressed?;
            if !status.success() {
                return Err(tool_failed("pg_dump", status, stderr));
            }
            Ok(Produced {
                raw_bytes,
                tables: counter.tables,
                index_builds: counter.statements.builds,
            })
        },
        progress,
    )
    .await
}

/// A 1 MiB pipe from `pg_dump` instead of the default 64 KiB: it writes in small pieces, and
/// with a pipe that fills at every scheduling turn it spends its time switching, not dumping.
/// (Linux; elsewhere, or when the limit refuses it, the pipe stays as it is.)
pub(super) fn widen_pipe(pipe: &std::process::ChildStdout) {
    #[cfg(target_os = "linux")]
    let _ = rustix::pipe::fcntl_setpipe_size(pipe, 1 << 20);
    #[cfg(not(target_os = "linux"))]
    let _ = pipe;
}

pub(super) async fn sqlite_table_counts(db: &Db) -> Result<BTreeMap<String, u64>> {
    let tables = db
        .fetch_all(Sql::new(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             ORDER BY name",
        ))
        .await?;
    let mut out = BTreeMap::new();
    for row in tables {
        let name = row.text("name")?;
        // Table names come from the database itself and are quoted.
        let count = db
            .fetch_one(Sql::assembled(
                ["SELECT COUNT(*) AS n FROM ", &quote_ident(&name)].concat(),
            ))
            .await?
            .int("n")?;
        out.insert(name, u64::try_from(count).unwrap_or(0));
    }
    Ok(out)
}

pub(super) async fn dump_sqlite(
    ctx: &Context<'_>,
    path: &Path,
    storage: &dyn Storage,
    artifact: &str,
    recipients: Option<Arc<Recipients>>,
) -> Result<(Source, Uploaded)> {
    let db = ctx.connect(ctx.database).await?;
    let version = db.server_version().await?;
    // A consistent online snapshot, beside the database (same filesystem).
    let snapshot = temp_path_beside(path, "snapshot");
    let _ = std::fs::remove_file(&snapshot);
    // Made empty and 0600 first (VACUUM INTO fills an empty file): only its owner reads it.
    if let Err(e) = create_private(&snapshot) {
        db.close().await;
        return Err(e);
    }
    let vacuumed = db
        .execute(Sql::new("VACUUM INTO $1").bind(snapshot.display().to_string()))
        .await;
    db.close().await;
    let cleanup = TempFile(snapshot.clone());
    vacuumed?;
    let snap_db = ctx
        .connect(&DatabaseTarget::Sqlite {
            path: snapshot.clone(),
        })
        .await?;
    let tables = sqlite_table_counts(&snap_db).await;
    let schema = schema_version(&snap_db).await;
    snap_db.close().await;
    let (tables, schema) = (tables?, schema?);
    let writer = storage.create(artifact).await?;
    let file = std::fs::File::open(&snapshot)
        .map_err(|e| Error::io(format!("cannot read {}", snapshot.display()), e))?;
    let opts = ctx.config.compression.clone();
    let uploaded = upload(
        writer,
        recipients,
        move |sink| {
            let raw_bytes = compress::compress(file, &opts, |_| {}, sink)?;
            Ok(Produced {
                raw_bytes,
                tables,
                index_builds: BTreeMap::new(),
            })
        },
        ctx.progress.as_ref(),
    )
    .await?;
    drop(cleanup);
    let source = Source {
        database: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        server_version: version,
        server_major: 0,
        schema_version: schema,
    };
    Ok((source, uploaded))
}
