//! Backups: dump → parallel gzip → storage, with a manifest as the commit point; restore,
//! verify and prune.
//!
//! PostgreSQL backups are plain-SQL `pg_dump` scripts, gzip-compressed: restorable by hand with
//! `gunzip -c ID.sql.gz | psql --single-transaction -f - -d TARGET`. The dump streams from
//! `pg_dump` through the compressor to the storage: never whole in memory, never on a temp disk.
//! SQLite backups are a consistent online snapshot (`VACUUM INTO`), gzip-compressed.

pub mod compress;
pub mod manifest;
pub mod marker;
pub mod pg;
pub mod pgrestore;
pub mod retention;
pub mod storage;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::db::DatabaseTarget;
use crate::db::{ConnectOptions, Db, Sql};
use crate::error::{Error, ErrorKind, Result};
use crate::migrations::hex;
use crate::progress::{Progress, Reporter, Silent};
pub use crate::proto::backup::{PruneReport, RestoreReport, ShowBackup, TableCheck, VerifyReport};
pub use manifest::{BackupInfo, BackupStatus, Check, Listed, Manifest};
use storage::{ArtifactWriter, Storage};

/// How backups are taken: plain values, resolved from the settings by whoever opens the core.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where backups go unless a command names another storage.
    pub storage: String,
    pub compression: compress::Options,
    pub s3: storage::S3Options,
    /// Where `pg_dump` and friends of the server's major version are, when not on the PATH.
    pub pg_bin_dir: Option<PathBuf>,
    /// Backups are disabled, by this setting (`BACKUP_ENABLED=false (env)`): `run` does nothing.
    pub disabled_by: Option<String>,
    /// What `prune` keeps by default.
    pub retention_days: i64,
}

impl Config {
    /// This configuration with another storage, when a command names one.
    pub fn with_storage(&self, storage: Option<&str>) -> Config {
        let mut config = self.clone();
        if let Some(storage) = storage {
            config.storage = storage.to_string();
        }
        config
    }
}

/// Everything a backup operation needs from its surroundings.
pub struct Context<'a> {
    pub database: &'a DatabaseTarget,
    pub config: &'a Config,
    pub progress: Reporter,
    pub connect_timeout: Duration,
    /// How people refer to where `database` came from (`DATABASE_URL`, a profile...).
    pub database_origin: String,
}

impl Context<'_> {
    async fn storage(&self) -> Result<Arc<dyn Storage>> {
        storage::open(&self.config.storage, &self.config.s3).await
    }

    async fn connect(&self, target: &DatabaseTarget) -> Result<Db> {
        let origin = if target == self.database {
            self.database_origin.clone()
        } else {
            "the URL given with --into".to_string()
        };
        self.connect_as(target, origin).await
    }

    async fn connect_as(&self, target: &DatabaseTarget, origin: String) -> Result<Db> {
        Db::connect(
            target,
            &ConnectOptions {
                create: false,
                timeout: self.connect_timeout,
                origin,
            },
        )
        .await
    }
}

// --- run ---------------------------------------------------------------------------------------

struct Produced {
    raw_bytes: u64,
    tables: BTreeMap<String, u64>,
}

struct Uploaded {
    produced: Produced,
    compressed_bytes: u64,
    sha256: String,
}

type Sink<'s> = &'s mut (dyn FnMut(Vec<u8>) -> Result<()> + Send);

/// Stream what `produce` compresses into `writer`, hashing on the way. On any failure the
/// artifact is aborted; on success it is published.
async fn upload<F>(
    mut writer: Box<dyn ArtifactWriter>,
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
        let mut sink = |member: Vec<u8>| -> Result<()> {
            hasher.update(&member);
            compressed += member.len() as u64;
            tx.blocking_send(member)
                .map_err(|_| Error::new(ErrorKind::Io, "the upload stopped"))
        };
        let produced = produce(&mut sink)?;
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
struct Source {
    database: String,
    server_version: String,
    server_major: u32,
    schema_version: Option<i64>,
}

async fn schema_version(db: &Db) -> Result<Option<i64>> {
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

async fn postgres_source(db: &Db) -> Result<Source> {
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

/// Reads a child's stderr on a thread, keeping the last 16 KiB for error messages.
fn collect_stderr(stderr: Option<std::process::ChildStderr>) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut text = Vec::new();
        if let Some(mut s) = stderr {
            let mut buf = [0u8; 4096];
            while let Ok(n) = s.read(&mut buf) {
                if n == 0 {
                    break;
                }
                text.extend_from_slice(&buf[..n]);
                if text.len() > 16 * 1024 {
                    text.drain(..text.len() - 16 * 1024);
                }
            }
        }
        crate::redact::scrub(String::from_utf8_lossy(&text).trim())
    })
}

fn tool_failed(tool: &str, status: std::process::ExitStatus, stderr: String) -> Error {
    let detail = if stderr.is_empty() {
        String::new()
    } else {
        format!(": {stderr}")
    };
    Error::new(ErrorKind::Io, format!("{tool} failed ({status}){detail}"))
}

/// Take a backup now. Holds the storage lock for the whole run.
pub async fn run(
    ctx: &Context<'_>,
    label: Option<String>,
    lock_timeout: Duration,
) -> Result<Manifest> {
    let storage = ctx.storage().await?;
    let lock = storage.lock(lock_timeout).await?;
    let result = run_locked(ctx, storage.as_ref(), lock.as_ref(), label).await;
    lock.release().await;
    result
}

async fn run_locked(
    ctx: &Context<'_>,
    storage: &dyn Storage,
    lock: &dyn storage::Lock,
    label: Option<String>,
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
            let artifact = format!("{id}.sql.gz");
            let writer = storage.create(&artifact).await?;
            let uploaded =
                dump_postgres(url, &pg_dump, ctx.config, writer, ctx.progress.as_ref()).await?;
            (
                source,
                uploaded,
                artifact,
                "postgresql-plain+gzip",
                pg_dump.version,
            )
        }
        DatabaseTarget::Sqlite { path } => {
            let artifact = format!("{id}.db.gz");
            let (source, uploaded) = dump_sqlite(ctx, path, storage, &artifact).await?;
            (
                source,
                uploaded,
                artifact,
                "sqlite+gzip",
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
        format: format.to_string(),
        compressed_bytes: uploaded.compressed_bytes,
        uncompressed_bytes: uploaded.produced.raw_bytes,
        sha256: uploaded.sha256,
        started_at,
        finished_at: crate::local::now(),
        platctl_version: env!("CARGO_PKG_VERSION").to_string(),
        tool,
        created_by: crate::local::operator(),
        tables: uploaded.produced.tables,
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

async fn dump_postgres(
    url: &str,
    pg_dump: &pg::Tool,
    config: &Config,
    writer: Box<dyn ArtifactWriter>,
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
            })
        },
        progress,
    )
    .await
}

/// A 1 MiB pipe from `pg_dump` instead of the default 64 KiB: it writes in small pieces, and
/// with a pipe that fills at every scheduling turn it spends its time switching, not dumping.
/// (Linux; elsewhere, or when the limit refuses it, the pipe stays as it is.)
fn widen_pipe(pipe: &std::process::ChildStdout) {
    #[cfg(target_os = "linux")]
    let _ = rustix::pipe::fcntl_setpipe_size(pipe, 1 << 20);
    #[cfg(not(target_os = "linux"))]
    let _ = pipe;
}

/// Quote an SQLite identifier.
fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

async fn sqlite_table_counts(db: &Db) -> Result<BTreeMap<String, u64>> {
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

fn temp_path_beside(path: &Path, tag: &str) -> PathBuf {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("db");
    dir.join(format!(".{name}.{tag}-{}", std::process::id()))
}

/// Whether the process `pid` of this host is gone (Linux; elsewhere nothing is taken as gone).
fn process_is_gone(pid: &str) -> bool {
    cfg!(target_os = "linux")
        && pid.parse::<u32>().is_ok()
        && !Path::new("/proc").join(pid).exists()
}

/// `/path/name (570.3 MiB)`.
fn describe_file(path: &Path, bytes: u64) -> String {
    format!("{} ({})", path.display(), manifest::human_bytes(bytes))
}

/// Remove the files in `dir` that `owner` recognises as a dead process's leftovers (`owner`
/// gives the PID a name belongs to); returns what was removed.
fn remove_dead_files(dir: &Path, owner: impl Fn(&str) -> Option<&str>) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.filter_map(|e| e.ok()) {
        let file = entry.file_name();
        let Some(name) = file.to_str() else { continue };
        if !owner(name).is_some_and(process_is_gone) {
            continue;
        }
        let bytes = entry.metadata().map(|m| m.len()).unwrap_or(0);
        if std::fs::remove_file(entry.path()).is_ok() {
            removed.push(describe_file(&entry.path(), bytes));
        }
    }
    removed
}

/// The snapshots and restores (`.NAME.TAG-PID`, with their `-wal`/`-shm`) that killed runs left
/// beside the SQLite database `path`.
fn remove_dead_temps(path: &Path) -> Vec<String> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("db");
    let prefixes = ["snapshot", "restore"].map(|tag| format!(".{name}.{tag}-"));
    remove_dead_files(dir, |file| {
        let rest = prefixes
            .iter()
            .find_map(|p| file.strip_prefix(p.as_str()))?;
        Some(rest.split('-').next().unwrap_or(rest))
    })
}

/// The prefix of the scratch files of `verify --restore-test` on SQLite, in the temporary
/// directory: `platctl-verify-ID-PID.db`.
const VERIFY_FILE_PREFIX: &str = "platctl-verify-";
/// The prefix of the scratch databases of `verify --restore-test` on PostgreSQL.
const VERIFY_DATABASE_PREFIX: &str = "platctl_verify_";

/// The scratch files of `verify --restore-test` whose process is gone.
fn remove_dead_verify_files(dir: &Path) -> Vec<String> {
    remove_dead_files(dir, |file| {
        let rest = file.strip_prefix(VERIFY_FILE_PREFIX)?;
        let stem = [".db-wal", ".db-shm", ".db"]
            .iter()
            .find_map(|s| rest.strip_suffix(s))
            .or_else(|| rest.split_once(".db.restore-").map(|(s, _)| s))?;
        stem.rsplit_once('-').map(|(_, pid)| pid)
    })
}

/// Who made a scratch database, written in its comment.
#[derive(Debug, Serialize, Deserialize)]
struct ScratchOwner {
    host: String,
    pid: u32,
}

/// The scratch databases of `verify --restore-test` on the configured server whose platctl is
/// gone: made on this host by a dead process, or (older ones, other hosts) with nobody
/// connected to them.
async fn drop_dead_scratch_databases(ctx: &Context<'_>) -> Result<Vec<String>> {
    let db = Db::connect(
        ctx.database,
        &ConnectOptions {
            create: false,
            timeout: ctx.connect_timeout.min(Duration::from_secs(3)),
            origin: ctx.database_origin.clone(),
        },
    )
    .await?;
    let outcome =
        async {
            let rows = db
            .fetch_all(Sql::new(
                "SELECT d.datname AS name, shobj_description(d.oid, 'pg_database') AS owner, \
                 (SELECT COUNT(*) FROM pg_stat_activity a WHERE a.datid = d.oid) AS sessions \
                 FROM pg_database d WHERE starts_with(d.datname, $1) ORDER BY 1",
            ).bind(VERIFY_DATABASE_PREFIX))
            .await?;
            let here = whoami::hostname().unwrap_or_default();
            let mut dropped = Vec::new();
            for row in rows {
                let name = row.text("name")?;
                let owner: Option<ScratchOwner> = row
                    .opt_text("owner")?
                    .and_then(|text| serde_json::from_str(&text).ok());
                let dead = match &owner {
                    Some(o) if o.host == here => process_is_gone(&o.pid.to_string()),
                    _ => row.int("sessions")? == 0,
                };
                // Only names platctl makes: the prefix, then letters, digits and underscores.
                let safe = name[VERIFY_DATABASE_PREFIX.len()..]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_');
                if dead && safe {
                    db.execute(Sql::assembled(
                        ["DROP DATABASE IF EXISTS ", &name, " WITH (FORCE)"].concat(),
                    ))
                    .await?;
                    dropped.push(format!("the scratch database {name}"));
                }
            }
            Ok(dropped)
        }
        .await;
    db.close().await;
    outcome
}

/// Find and remove what interrupted runs (`kill -9`, a power cut) left behind: SQLite snapshot
/// and restore files beside the databases, scratch files and databases of
/// `verify --restore-test`. Every `backup` command starts with this; it never fails the
/// command (a server that cannot be reached is left for the next time). Returns what went.
pub async fn sweep(ctx: &Context<'_>, also: Option<&DatabaseTarget>) -> Vec<String> {
    let mut removed = Vec::new();
    for target in std::iter::once(ctx.database).chain(also) {
        if let DatabaseTarget::Sqlite { path } = target {
            removed.extend(remove_dead_temps(path));
        }
    }
    removed.extend(remove_dead_verify_files(&std::env::temp_dir()));
    if let DatabaseTarget::Postgres { .. } = ctx.database {
        match drop_dead_scratch_databases(ctx).await {
            Ok(dropped) => removed.extend(dropped),
            Err(e) => tracing::debug!("looking for leftover scratch databases failed: {e}"),
        }
    }
    removed
}

async fn dump_sqlite(
    ctx: &Context<'_>,
    path: &Path,
    storage: &dyn Storage,
    artifact: &str,
) -> Result<(Source, Uploaded)> {
    let db = ctx.connect(ctx.database).await?;
    let version = db.server_version().await?;
    // A consistent online snapshot, beside the database (same filesystem, same permissions).
    let snapshot = temp_path_beside(path, "snapshot");
    let _ = std::fs::remove_file(&snapshot);
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
        move |sink| {
            let raw_bytes = compress::compress(file, &opts, |_| {}, sink)?;
            Ok(Produced { raw_bytes, tables })
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

/// Removes a file (and, for a database, its `-wal`, `-shm` and `-journal`) when dropped: an
/// error, a signal or the end of the work.
struct TempFile(PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
        for suffix in ["-wal", "-shm", "-journal"] {
            let mut sibling = self.0.clone().into_os_string();
            sibling.push(suffix);
            let _ = std::fs::remove_file(sibling);
        }
    }
}

// --- list, show --------------------------------------------------------------------------------

pub async fn list(ctx: &Context<'_>) -> Result<Vec<BackupInfo>> {
    let storage = ctx.storage().await?;
    Ok(listed(storage.as_ref())
        .await?
        .iter()
        .map(BackupInfo::new)
        .collect())
}

/// Every backup, newest first (by start time, to the microsecond).
async fn listed(storage: &dyn Storage) -> Result<Vec<Listed>> {
    let mut all = storage.list().await?;
    all.sort_by(|a, b| manifest::newest_first(&a.manifest, &b.manifest));
    Ok(all)
}

/// A backup by id, or the newest restorable one.
async fn find(storage: &dyn Storage, id: Option<&str>) -> Result<Listed> {
    let all = listed(storage).await?;
    match id {
        Some(id) => {
            let found = all.iter().find(|l| l.manifest.id == id).cloned();
            found.ok_or_else(|| {
                let hint = crate::error::suggestion(id, all.iter().map(|l| l.manifest.id.as_str()));
                Error::not_found(format!(
                    "there is no backup {} in {}",
                    crate::text::quote(id),
                    storage.describe()
                ))
                .with_hint(if all.is_empty() {
                    "there are no backups there".to_string()
                } else {
                    hint
                })
            })
        }
        None => all
            .into_iter()
            .find(|l| l.status == BackupStatus::Ok)
            .ok_or_else(|| {
                Error::not_found(format!(
                    "there is no complete backup in {}",
                    storage.describe()
                ))
                .with_hint("take one with `platctl backup run`")
            }),
    }
}

pub async fn show(ctx: &Context<'_>, id: &str) -> Result<ShowBackup> {
    let storage = ctx.storage().await?;
    let found = find(storage.as_ref(), Some(id)).await?;
    Ok(ShowBackup {
        status: found.status,
        storage: storage.describe(),
        checked_at: found.check.map(|c| c.checked_at),
        manifest: found.manifest,
    })
}

// --- checksum ----------------------------------------------------------------------------------

/// Read the artifact and compare its SHA-256 and size with the manifest. When `record`, what
/// a whole read found is kept beside the manifest, so that `backup list` shows a corrupt backup
/// as `corrupt` (and `prune` never counts it as good).
async fn check_artifact(
    storage: &dyn Storage,
    m: &Manifest,
    progress: &dyn Progress,
    record: bool,
) -> Result<()> {
    use tokio::io::AsyncReadExt;
    let mut reader = storage.open(&m.artifact).await?;
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = reader
            .read(&mut buf)
            .await
            .map_err(|e| Error::io(format!("cannot read {}", m.artifact), e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        size += n as u64;
        progress.advance(n as u64);
    }
    let sha = hex(&hasher.finalize());
    if record && size == m.compressed_bytes {
        let check = Check {
            checked_at: crate::local::now(),
            ok: sha == m.sha256,
            sha256: sha.clone(),
            size,
        };
        if let Err(e) = storage.put_check(&m.id, &check).await {
            tracing::warn!("the result of checking backup {} was not kept: {e}", m.id);
        }
    }
    if size != m.compressed_bytes {
        return Err(Error::refused(format!(
            "backup {} is incomplete: {} holds {size} bytes, the manifest says {}",
            m.id, m.artifact, m.compressed_bytes
        ))
        .with_hint("nothing was touched; use another backup"));
    }
    if sha != m.sha256 {
        return Err(Error::refused(format!(
            "backup {} is corrupt: the SHA-256 of {} is {sha}, the manifest says {}",
            m.id, m.artifact, m.sha256
        ))
        .with_hint("nothing was touched; use another backup"));
    }
    Ok(())
}

// --- restore -----------------------------------------------------------------------------------

/// Parallel restore connections by default: one per core and one more, which keeps the
/// cores busy while a connection waits on the server's I/O; at most 4.
pub fn default_jobs() -> usize {
    (std::thread::available_parallelism().map_or(2, |n| n.get()) + 1).clamp(1, 4)
}

/// What a restore will do, established (and checked) before anything is touched.
pub struct RestorePlan {
    pub manifest: Manifest,
    pub target: DatabaseTarget,
    /// The target holds tables (to be dropped with `--clean`).
    pub target_in_use: bool,
    /// The target holds a restore that did not finish (PostgreSQL): it is emptied first.
    pub unfinished: Option<marker::Unfinished>,
    pub clean: bool,
    /// Connections loading data in parallel (PostgreSQL, empty target).
    pub jobs: usize,
    storage: Arc<dyn Storage>,
}

impl RestorePlan {
    /// The plan as a plain value, to show before asking and to hand back to run it.
    pub fn plain(&self) -> crate::proto::backup::RestorePlan {
        crate::proto::backup::RestorePlan {
            manifest: self.manifest.clone(),
            storage: self.storage.describe(),
            target: self.target.display(),
            target_in_use: self.target_in_use,
            unfinished: self.unfinished.clone(),
            clean: self.clean,
            jobs: self.jobs,
        }
    }
}

/// The plan `plain` describes, for `target`, with the storage opened again. The backup must
/// still be the one that was checked; the target's state is checked again by the restore,
/// under its lock.
pub async fn plan_again(
    ctx: &Context<'_>,
    plain: &crate::proto::backup::RestorePlan,
    target: DatabaseTarget,
) -> Result<RestorePlan> {
    let storage = ctx.storage().await?;
    let manifest = find(storage.as_ref(), Some(&plain.manifest.id))
        .await?
        .manifest;
    if manifest.sha256 != plain.manifest.sha256 || target.display() != plain.target {
        return Err(Error::conflict(format!(
            "backup {} or the target changed since the restore was planned",
            manifest.id
        ))
        .with_hint("nothing was touched; run the restore again"));
    }
    Ok(RestorePlan {
        manifest,
        target,
        target_in_use: plain.target_in_use,
        unfinished: plain.unfinished.clone(),
        clean: plain.clean,
        jobs: plain.jobs,
        storage,
    })
}

/// Check everything a restore needs: the backup exists and is intact (SHA-256), the target is
/// of the same kind and empty (or `clean`).
pub async fn plan_restore(
    ctx: &Context<'_>,
    id: Option<&str>,
    target: DatabaseTarget,
    clean: bool,
    jobs: usize,
) -> Result<RestorePlan> {
    let storage = ctx.storage().await?;
    let found = find(storage.as_ref(), id).await?;
    let manifest = found.manifest;
    match found.status {
        BackupStatus::Ok => {}
        BackupStatus::Incomplete => {
            return Err(Error::refused(format!(
                "backup {} is incomplete: its artifact is missing or cut short",
                manifest.id
            ))
            .with_hint("nothing was touched; use another backup"));
        }
        BackupStatus::Corrupt => {
            let when = found
                .check
                .map(|c| c.checked_at.format(" on %Y-%m-%d %H:%M UTC").to_string())
                .unwrap_or_default();
            return Err(Error::refused(format!(
                "backup {} is corrupt: a check{when} found its SHA-256 different from the \
                 manifest's",
                manifest.id
            ))
            .with_hint(format!(
                "nothing was touched; use another backup (`platctl backup verify {}` checks it \
                 again)",
                manifest.id
            )));
        }
    }
    if manifest.database_kind != target.kind() {
        return Err(Error::usage(format!(
            "backup {} is a {} backup; the target {} is {}",
            manifest.id,
            manifest.database_kind,
            target.display(),
            target.kind()
        )));
    }
    ctx.progress
        .phase("checking", Some(manifest.compressed_bytes));
    check_artifact(storage.as_ref(), &manifest, ctx.progress.as_ref(), true).await?;
    let unfinished = match &target {
        DatabaseTarget::Postgres { .. } => {
            let db = ctx.connect(&target).await?;
            let found = marker::read(&db).await;
            db.close().await;
            found?
        }
        DatabaseTarget::Sqlite { .. } => None,
    };
    if let Some(u) = &unfinished
        && u.running
    {
        return Err(marker::refusal(u, &target.display()));
    }
    // An unfinished restore is not anyone's data: it is emptied without --clean.
    let target_in_use = unfinished.is_none() && in_use(ctx, &target).await?;
    if target_in_use && !clean {
        return Err(in_use_error(&target));
    }
    Ok(RestorePlan {
        manifest,
        target,
        target_in_use,
        unfinished,
        clean,
        jobs,
        storage,
    })
}

/// Whether the target holds anything (see [`pgrestore::IN_USE`]).
async fn in_use(ctx: &Context<'_>, target: &DatabaseTarget) -> Result<bool> {
    match target {
        DatabaseTarget::Postgres { .. } => {
            let db = ctx.connect(target).await?;
            let used = db.fetch_one(Sql::new(pgrestore::IN_USE)).await;
            db.close().await;
            Ok(used?.int("n")? > 0)
        }
        DatabaseTarget::Sqlite { path } => {
            if !path.exists() {
                return Ok(false);
            }
            let db = ctx.connect(target).await?;
            let used = sqlite_table_counts(&db).await;
            db.close().await;
            Ok(!used?.is_empty())
        }
    }
}

fn in_use_error(target: &DatabaseTarget) -> Error {
    Error::refused(format!("the target {} is not empty", target.display()))
        .with_hint("restore into an empty database, or pass --clean to replace what is there")
}

/// Hashes and counts what passes through, for the progress bar and the final check.
struct Tee<R> {
    inner: R,
    state: Arc<std::sync::Mutex<(Sha256, u64)>>,
    progress: Reporter,
}

impl<R> Tee<R> {
    fn new(inner: R, progress: Reporter) -> Self {
        Tee {
            inner,
            state: Arc::new(std::sync::Mutex::new((Sha256::new(), 0))),
            progress,
        }
    }

    /// A check of everything read so far against the manifest, usable after the Tee moved.
    fn checker(&self, manifest: &Manifest) -> impl FnOnce() -> bool + Send + 'static {
        let state = Arc::clone(&self.state);
        let (sha, size) = (manifest.sha256.clone(), manifest.compressed_bytes);
        move || match state.lock() {
            Ok(s) => s.1 == size && hex(&s.0.clone().finalize()) == sha,
            Err(_) => false,
        }
    }
}

impl<R: Read> Read for Tee<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Ok(mut s) = self.state.lock() {
            s.0.update(&buf[..n]);
            s.1 += n as u64;
        }
        self.progress.advance(n as u64);
        Ok(n)
    }
}

pub async fn execute_restore(ctx: &Context<'_>, plan: &RestorePlan) -> Result<RestoreReport> {
    let started = Instant::now();
    ctx.progress
        .phase("restoring", Some(plan.manifest.compressed_bytes));
    // Something may have been created since the plan was checked (and the prompt answered):
    // the PostgreSQL restore checks again under the target's lock; SQLite's here.
    let replaced = match &plan.target {
        DatabaseTarget::Postgres { url } => restore_postgres(ctx, plan, url).await?.replaced,
        DatabaseTarget::Sqlite { path } => {
            if !(plan.clean && plan.target_in_use) && in_use(ctx, &plan.target).await? {
                return Err(in_use_error(&plan.target));
            }
            restore_sqlite(ctx, plan, path).await?;
            None
        }
    };
    Ok(RestoreReport {
        id: plan.manifest.id.clone(),
        target: plan.target.display(),
        cleaned: plan.clean && plan.target_in_use,
        replaced_unfinished: replaced,
        tables: plan.manifest.tables.len(),
        rows: plan.manifest.tables.values().sum(),
        duration_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
    })
}

async fn restore_postgres(
    ctx: &Context<'_>,
    plan: &RestorePlan,
    url: &str,
) -> Result<pgrestore::Restore> {
    let reader = plan.storage.open(&plan.manifest.artifact).await?;
    let tee = Tee::new(
        tokio_util::io::SyncIoBridge::new(reader),
        ctx.progress.clone(),
    );
    let verified = tee.checker(&plan.manifest);
    // Large reads: each read of the storage is a trip through the async runtime.
    let input = move || {
        flate2::bufread::MultiGzDecoder::new(std::io::BufReader::with_capacity(1 << 20, tee))
    };
    let clean = plan.clean && plan.target_in_use;
    // COPY reports the rows it loads: the restore checks them against the manifest's counts
    // before it commits (or, loading in parallel, before it is declared good).
    let mark = pgrestore::Mark {
        backup_id: plan.manifest.id.clone(),
        storage: plan.storage.describe(),
    };
    pgrestore::restore(
        url,
        &plan.target.display(),
        input,
        plan.jobs,
        clean,
        plan.manifest.tables.clone(),
        verified,
        &mark,
    )
    .await
}

async fn restore_sqlite(ctx: &Context<'_>, plan: &RestorePlan, path: &Path) -> Result<()> {
    let temp = temp_path_beside(path, "restore");
    let guard = TempFile(temp.clone());
    let reader = plan.storage.open(&plan.manifest.artifact).await?;
    let reader = tokio_util::io::SyncIoBridge::new(reader);
    let mut tee = Tee::new(reader, ctx.progress.clone());
    let verified = tee.checker(&plan.manifest);
    let manifest = plan.manifest.clone();
    let temp2 = temp.clone();
    tokio::task::spawn_blocking(move || -> Result<()> {
        let mut out = std::fs::File::create(&temp2)
            .map_err(|e| Error::io(format!("cannot create {}", temp2.display()), e))?;
        let mut gz = flate2::read::MultiGzDecoder::new(&mut tee);
        std::io::copy(&mut gz, &mut out).map_err(|e| Error::io("reading the backup failed", e))?;
        std::io::copy(&mut tee, &mut std::io::sink())
            .map_err(|e| Error::io("reading the backup failed", e))?;
        out.sync_all()
            .map_err(|e| Error::io(format!("cannot write {}", temp2.display()), e))?;
        if !verified() {
            return Err(Error::refused(format!(
                "backup {} changed while it was restored: its SHA-256 no longer matches",
                manifest.id
            )));
        }
        Ok(())
    })
    .await
    .map_err(|e| Error::internal(format!("the restore task failed: {e}")))??;
    // The restored file must be a sound SQLite database before it replaces anything.
    let db = ctx
        .connect(&DatabaseTarget::Sqlite { path: temp.clone() })
        .await?;
    let check = db
        .fetch_one(Sql::new("PRAGMA integrity_check"))
        .await
        .and_then(|r| r.text("integrity_check"));
    let counts = sqlite_table_counts(&db).await;
    db.close().await;
    if check.as_deref().ok() != Some("ok") {
        return Err(
            Error::refused("the restored SQLite database fails its integrity check")
                .with_hint("the target was not touched"),
        );
    }
    let counts = counts?;
    for (table, expected) in &plan.manifest.tables {
        let found = counts.get(table).copied().unwrap_or(0);
        if found != *expected {
            return Err(Error::new(
                ErrorKind::Database,
                format!("{table}: the backup holds {found} rows, the manifest counted {expected}"),
            )
            .with_hint("the target was not touched"));
        }
    }
    // Replace atomically; the old database's WAL must not be applied to the new file.
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::io(format!("cannot create {}", dir.display()), e))?;
    }
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    std::fs::rename(&temp, path)
        .map_err(|e| Error::io(format!("cannot replace {}", path.display()), e))?;
    drop(guard);
    Ok(())
}

// --- verify ------------------------------------------------------------------------------------

async fn count_rows(db: &Db, manifest: &Manifest) -> Result<Vec<TableCheck>> {
    let mut out = Vec::new();
    for (table, expected) in &manifest.tables {
        let quoted = if manifest.database_kind == "postgres" {
            pg::quote_qualified(table)?
        } else {
            quote_ident(table)
        };
        let found = db
            .fetch_one(Sql::assembled(
                ["SELECT COUNT(*) AS n FROM ", &quoted].concat(),
            ))
            .await?
            .int("n")?;
        out.push(TableCheck {
            table: table.clone(),
            expected: *expected,
            found: u64::try_from(found).unwrap_or(0),
        });
    }
    Ok(out)
}

pub async fn verify(
    ctx: &Context<'_>,
    id: Option<&str>,
    restore_test: bool,
) -> Result<VerifyReport> {
    let storage = ctx.storage().await?;
    let manifest = find(storage.as_ref(), id).await?.manifest;
    ctx.progress
        .phase("verifying", Some(manifest.compressed_bytes));
    check_artifact(storage.as_ref(), &manifest, ctx.progress.as_ref(), true).await?;
    let mut report = VerifyReport {
        id: manifest.id.clone(),
        sha256: manifest.sha256.clone(),
        checksum_ok: true,
        restore_test,
        tables_checked: 0,
        mismatches: Vec::new(),
    };
    if !restore_test {
        return Ok(report);
    }
    let checks = match manifest.database_kind.as_str() {
        "postgres" => restore_test_postgres(ctx, storage, &manifest).await?,
        _ => restore_test_sqlite(ctx, storage, &manifest).await?,
    };
    report.tables_checked = checks.len();
    report.mismatches = checks
        .into_iter()
        .filter(|c| c.expected != c.found)
        .collect();
    Ok(report)
}

async fn restore_test_postgres(
    ctx: &Context<'_>,
    storage: Arc<dyn Storage>,
    manifest: &Manifest,
) -> Result<Vec<TableCheck>> {
    let DatabaseTarget::Postgres { url } = ctx.database else {
        return Err(Error::usage(
            "--restore-test of a PostgreSQL backup needs a PostgreSQL server to restore into",
        )
        .with_hint("point DATABASE_URL at the server (the test uses a scratch database there)"));
    };
    let scratch = format!(
        "{VERIFY_DATABASE_PREFIX}{}",
        manifest.id.to_lowercase().replace(['-', '.'], "_")
    );
    // From here on a signal drops the scratch database before platctl exits; a kill -9
    // leaves it to the next `backup` command (its comment says whose it is).
    let _critical = crate::interrupt::critical();
    let admin = ctx.connect(ctx.database).await?;
    let owner = serde_json::to_string(&ScratchOwner {
        host: whoami::hostname().unwrap_or_default(),
        pid: std::process::id(),
    })
    .map_err(|e| Error::internal("cannot encode the scratch database's owner").with_source(e))?;
    // The name is built from a checked backup id: digits, letters and underscores only; the
    // comment is JSON with its quotes doubled.
    for statement in [
        ["DROP DATABASE IF EXISTS ", &scratch].concat(),
        ["CREATE DATABASE ", &scratch].concat(),
        [
            "COMMENT ON DATABASE ",
            &scratch,
            " IS '",
            &owner.replace('\'', "''"),
            "'",
        ]
        .concat(),
    ] {
        if let Err(e) = admin.execute(Sql::assembled(statement)).await {
            admin.close().await;
            return Err(e);
        }
    }
    let target = DatabaseTarget::Postgres {
        url: with_database(url, &scratch),
    };
    let scratch_origin = format!(
        "{} (the scratch database is on its server)",
        ctx.database_origin
    );
    let outcome = async {
        // Never restore anywhere but the scratch database just created.
        let check = ctx.connect_as(&target, scratch_origin.clone()).await?;
        let name = check
            .fetch_one(Sql::new("SELECT current_database() AS db"))
            .await
            .and_then(|r| r.text("db"));
        check.close().await;
        if name? != scratch {
            return Err(Error::internal(
                "the scratch database URL points at another database; nothing was restored",
            ));
        }
        let plan = RestorePlan {
            manifest: manifest.clone(),
            target: target.clone(),
            target_in_use: false,
            unfinished: None,
            clean: false,
            jobs: default_jobs(),
            storage,
        };
        execute_restore(ctx, &plan).await?;
        let db = ctx.connect_as(&target, scratch_origin.clone()).await?;
        let counts = count_rows(&db, manifest).await;
        db.close().await;
        counts
    };
    let stopped = |signal| {
        crate::interrupt::stopped(
            signal,
            &format!("the test restore was stopped and the scratch database {scratch} dropped"),
        )
    };
    let outcome = tokio::select! {
        biased;
        signal = crate::interrupt::signalled() => Err(stopped(signal)),
        r = outcome => match r {
            Err(e) => match e.kind() {
                ErrorKind::Interrupted(signal) => Err(stopped(signal)),
                _ => Err(e),
            },
            ok => ok,
        },
    };
    let dropped = admin
        .execute(Sql::assembled(
            ["DROP DATABASE IF EXISTS ", &scratch, " WITH (FORCE)"].concat(),
        ))
        .await;
    admin.close().await;
    let counts = outcome?;
    dropped?;
    Ok(counts)
}

async fn restore_test_sqlite(
    ctx: &Context<'_>,
    storage: Arc<dyn Storage>,
    manifest: &Manifest,
) -> Result<Vec<TableCheck>> {
    let dir = std::env::temp_dir();
    let path = dir.join(format!(
        "{VERIFY_FILE_PREFIX}{}-{}.db",
        manifest.id,
        std::process::id()
    ));
    let _cleanup = TempFile(path.clone());
    let target = DatabaseTarget::Sqlite { path: path.clone() };
    let plan = RestorePlan {
        manifest: manifest.clone(),
        target: target.clone(),
        target_in_use: false,
        unfinished: None,
        clean: false,
        jobs: 1,
        storage,
    };
    execute_restore(ctx, &plan).await?;
    let db = ctx.connect(&target).await?;
    let counts = count_rows(&db, manifest).await;
    db.close().await;
    counts
}

/// The same PostgreSQL URL, naming another database.
pub fn with_database(url: &str, database: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let path_start = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| i + scheme_end);
    let mut out = format!("{}/{database}", &base[..path_start]);
    // A `dbname=` parameter would override the path: drop it.
    let kept: Vec<&str> = query
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty() && !p.to_ascii_lowercase().starts_with("dbname="))
        .collect();
    if !kept.is_empty() {
        out.push('?');
        out.push_str(&kept.join("&"));
    }
    out
}

// --- prune -------------------------------------------------------------------------------------

pub async fn prune(
    ctx: &Context<'_>,
    policy: &retention::Policy,
    dry_run: bool,
    lock_timeout: Duration,
) -> Result<PruneReport> {
    let storage = ctx.storage().await?;
    // Deleting never races a run that is writing (or another prune).
    let lock = if dry_run {
        None
    } else {
        Some(storage.lock(lock_timeout).await?)
    };
    let result = prune_locked(storage.as_ref(), policy, dry_run).await;
    if let Some(lock) = lock {
        lock.release().await;
    }
    result
}

async fn prune_locked(
    storage: &dyn Storage,
    policy: &retention::Policy,
    dry_run: bool,
) -> Result<PruneReport> {
    let mut all = listed(storage).await?;
    let candidates = |all: &[Listed]| -> Vec<retention::Candidate> {
        all.iter()
            .map(|l| retention::Candidate {
                id: l.manifest.id.clone(),
                at: l.manifest.started_at,
                good: l.status == BackupStatus::Ok,
            })
            .collect()
    };
    // "The newest good backup is never deleted" means verified good: read the one that would
    // be kept as such, and if it is not intact, take the next one.
    let mut found_corrupt = Vec::new();
    let mut newest_good = None;
    while let Some(id) = retention::newest_good(&candidates(&all)) {
        let Some(entry) = all.iter_mut().find(|l| l.manifest.id == id) else {
            break;
        };
        let checked = check_artifact(storage, &entry.manifest, &Silent, !dry_run).await;
        match checked {
            Ok(()) => {
                newest_good = Some(id);
                break;
            }
            // Corrupt or cut short: never counted as good. Anything else (the storage cannot
            // be read) stops the prune before it deletes anything.
            Err(e) if e.kind() == ErrorKind::Refused => {
                tracing::warn!("{}", e.message());
                entry.status = BackupStatus::Corrupt;
                found_corrupt.push(id);
            }
            Err(e) => return Err(e),
        }
    }
    let doomed = retention::select(&candidates(&all), policy, Utc::now());
    let mut deleted = Vec::new();
    for listed in all.iter().filter(|l| doomed.contains(&l.manifest.id)) {
        if !dry_run {
            storage.delete(&listed.manifest).await?;
        }
        deleted.push(BackupInfo::new(listed));
    }
    Ok(PruneReport {
        dry_run,
        kept: all.len() - deleted.len(),
        newest_good,
        found_corrupt,
        deleted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_database_replaces_the_path_and_any_dbname() {
        assert_eq!(
            with_database("postgres://u@h:5/app?sslmode=require", "scratch"),
            "postgres://u@h:5/scratch?sslmode=require"
        );
        assert_eq!(
            with_database(
                "postgres:///?host=/run/pg&dbname=platform&port=5433",
                "scratch"
            ),
            "postgres:///scratch?host=/run/pg&port=5433"
        );
    }
}
