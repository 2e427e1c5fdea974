//! The backups a storage holds: listing, finding one by id, and checking an artifact against
//! its manifest.

use sha2::{Digest, Sha256};

use super::manifest::{self, BackupInfo, BackupStatus, Check, Listed, Manifest};
use super::shared::Context;
use super::storage::Storage;
use crate::error::{Error, Result};
use crate::migrations::hex;
use crate::progress::Progress;
use crate::proto::backup::ShowBackup;

pub async fn list(ctx: &Context<'_>) -> Result<Vec<BackupInfo>> {
    let storage = ctx.storage().await?;
    Ok(listed(storage.as_ref())
        .await?
        .iter()
        .map(BackupInfo::new)
        .collect())
}

/// Every backup, newest first (by start time, to the microsecond).
pub(super) async fn listed(storage: &dyn Storage) -> Result<Vec<Listed>> {
    let mut all = storage.list().await?;
    all.sort_by(|a, b| manifest::newest_first(&a.manifest, &b.manifest));
    Ok(all)
}

/// A backup by id, or the newest restorable one.
pub(super) async fn find(storage: &dyn Storage, id: Option<&str>) -> Result<Listed> {
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

/// Read the artifact and compare its SHA-256 and size with the manifest. When `record`, what
/// a whole read found is kept beside the manifest, so that `backup list` shows a corrupt backup
/// as `corrupt` (and `prune` never counts it as good).
pub(super) async fn check_artifact(
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
