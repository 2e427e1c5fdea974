//! `backup restore`: the plan (checked before anything is touched), then the restore itself.

use std::io::Read;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use sha2::{Digest, Sha256};

use super::catalog::{check_artifact, find};
use super::compress;
use super::crypt::{self, Identities};
use super::manifest::{BackupStatus, Manifest};
use super::run::sqlite_table_counts;
use super::shared::{Context, TempFile, create_private, temp_path_beside};
use super::storage::Storage;
use super::{marker, pgrestore};
use crate::db::{DatabaseTarget, Sql};
use crate::error::{Error, ErrorKind, Result};
use crate::migrations::hex;
use crate::progress::Reporter;
use crate::proto::backup::RestoreReport;

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
    pub(super) storage: Arc<dyn Storage>,
    /// The private keys that open an encrypted backup (checked to open it).
    pub(super) identities: Option<Arc<Identities>>,
}

/// The keys that read `manifest`'s artifact when it is encrypted, checked against the
/// artifact's header now: a missing or wrong key is an error before anything is touched.
pub(super) async fn keys_for(
    ctx: &Context<'_>,
    storage: &Arc<dyn Storage>,
    manifest: &Manifest,
) -> Result<Option<Arc<Identities>>> {
    let identities = load_keys(ctx, manifest)?;
    check_keys_open(storage, manifest, identities.as_ref()).await?;
    Ok(identities)
}

/// The keys for an encrypted backup, from the identity file (none configured, or one that
/// cannot be read, is an error now: before the artifact is read).
fn load_keys(ctx: &Context<'_>, manifest: &Manifest) -> Result<Option<Arc<Identities>>> {
    Ok(crypt::identities_for(manifest, ctx.config.identity_file.as_deref())?.map(Arc::new))
}

/// Whether the artifact is what its manifest says, from its first bytes: `identities` open it
/// when it is encrypted (its header), it is not encrypted when the manifest says it is not, and
/// it is compressed as the manifest says.
async fn check_keys_open(
    storage: &Arc<dyn Storage>,
    manifest: &Manifest,
    identities: Option<&Arc<Identities>>,
) -> Result<()> {
    let reader = storage.open(&manifest.artifact).await?;
    let (keys, manifest) = (identities.cloned(), manifest.clone());
    tokio::task::spawn_blocking(move || {
        let stored = tokio_util::io::SyncIoBridge::new(reader);
        match keys {
            Some(keys) => check_compressed(&manifest, crypt::decrypt(&manifest, &keys, stored)?),
            None => check_compressed(&manifest, stored),
        }
    })
    .await
    .map_err(|e| Error::internal(format!("the key check failed: {e}")))?
}

/// The first bytes of a (decrypted) artifact against the manifest's compression.
fn check_compressed(manifest: &Manifest, mut input: impl Read) -> Result<()> {
    let mut head = Vec::with_capacity(32);
    (&mut input)
        .take(32)
        .read_to_end(&mut head)
        .map_err(|e| Error::io(format!("cannot read backup {}", manifest.id), e))?;
    let found = if head.starts_with(b"age-encryption.org/") {
        "age-encrypted"
    } else if head.starts_with(&[0x1f, 0x8b]) {
        "gzip-compressed"
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        "zstd-compressed"
    } else {
        "neither gzip- nor zstd-compressed"
    };
    let expected = format!("{}-compressed", manifest.compression.name());
    if found == expected {
        return Ok(());
    }
    let said = match &manifest.encryption {
        Some(_) => format!("{expected} once decrypted"),
        None => format!("{expected}, not encrypted"),
    };
    Err(Error::refused(format!(
        "the artifact of backup {} is {found}, but its manifest says {said}: the manifest does \
         not describe this artifact",
        manifest.id
    ))
    .with_hint("restore a backup whose manifest is the one written with it"))
}

/// What the artifact holds, from its stored bytes: decrypted with the plan's keys when it is
/// encrypted, and decompressed as its manifest says.
fn payload<'a, R: Read + Send + 'a>(
    manifest: &Manifest,
    identities: Option<&Identities>,
    stored: R,
) -> Result<Box<dyn Read + Send + 'a>> {
    let compressed: Box<dyn Read + Send + 'a> = match (&manifest.encryption, identities) {
        (None, _) => Box::new(stored),
        (Some(_), Some(keys)) => crypt::decrypt(manifest, keys, stored)?,
        (Some(_), None) => return Err(Error::internal("an encrypted backup without keys")),
    };
    compress::reader(manifest.compression, compressed)
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
    let identities = keys_for(ctx, &storage, &manifest).await?;
    Ok(RestorePlan {
        manifest,
        target,
        target_in_use: plain.target_in_use,
        unfinished: plain.unfinished.clone(),
        clean: plain.clean,
        jobs: plain.jobs,
        storage,
        identities,
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
    // A missing key is said before the artifact is read; a damaged one is named by its
    // SHA-256 before any key is tried on it.
    let identities = load_keys(ctx, &manifest)?;
    ctx.progress
        .phase("checking", Some(manifest.compressed_bytes));
    check_artifact(storage.as_ref(), &manifest, ctx.progress.as_ref(), true).await?;
    check_keys_open(&storage, &manifest, identities.as_ref()).await?;
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
        identities,
    })
}

/// Whether the target holds anything (see [`pgrestore::IN_USE`]).
pub(super) async fn in_use(ctx: &Context<'_>, target: &DatabaseTarget) -> Result<bool> {
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

pub(super) fn in_use_error(target: &DatabaseTarget) -> Error {
    Error::refused(format!("the target {} is not empty", target.display()))
        .with_hint("restore into an empty database, or pass --clean to replace what is there")
}

/// Hashes and counts what passes through, for the progress bar and the final check.
pub(super) struct Tee<R> {
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

/// A reader whose first read fails with the error it holds.
struct Failing(Option<Error>);

impl Read for Failing {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        let e = self.0.take();
        Err(std::io::Error::other(e.map_or_else(
            || "the backup cannot be read".to_string(),
            |e| e.to_string(),
        )))
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

pub(super) async fn restore_postgres(
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
    let (manifest, keys) = (plan.manifest.clone(), plan.identities.clone());
    // The keys were checked against this artifact when the plan was made; should opening it
    // fail now all the same, the loader's first read says why.
    let input = move || match payload(&manifest, keys.as_deref(), tee) {
        Ok(reader) => reader,
        Err(e) => Box::new(Failing(Some(e))) as Box<dyn Read + Send>,
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
        plan.manifest.index_builds.clone(),
        verified,
        &mark,
    )
    .await
}

pub(super) async fn restore_sqlite(
    ctx: &Context<'_>,
    plan: &RestorePlan,
    path: &Path,
) -> Result<()> {
    let temp = temp_path_beside(path, "restore");
    let guard = TempFile(temp.clone());
    let reader = plan.storage.open(&plan.manifest.artifact).await?;
    let reader = tokio_util::io::SyncIoBridge::new(reader);
    let mut tee = Tee::new(reader, ctx.progress.clone());
    let verified = tee.checker(&plan.manifest);
    let manifest = plan.manifest.clone();
    let keys = plan.identities.clone();
    let temp2 = temp.clone();
    tokio::task::spawn_blocking(move || -> Result<()> {
        let _ = std::fs::remove_file(&temp2);
        let mut out = create_private(&temp2)?;
        let mut data = payload(&manifest, keys.as_deref(), &mut tee)?;
        std::io::copy(&mut data, &mut out)
            .map_err(|e| Error::io("reading the backup failed", e))?;
        drop(data);
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
    // The restored file is 0600; one that replaces another keeps that one's mode.
    if let Ok(old) = std::fs::metadata(path) {
        std::fs::set_permissions(&temp, old.permissions())
            .map_err(|e| Error::io(format!("cannot set the mode of {}", temp.display()), e))?;
    }
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    std::fs::rename(&temp, path)
        .map_err(|e| Error::io(format!("cannot replace {}", path.display()), e))?;
    drop(guard);
    Ok(())
}
