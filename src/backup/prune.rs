//! `backup prune`: delete what the retention policy selects, never the newest good backup.

use std::time::Duration;

use super::catalog::{check_artifact, listed};
use super::manifest::{BackupInfo, BackupStatus, Listed};
use super::retention;
use super::shared::Context;
use super::storage::Storage;
use crate::error::{ErrorKind, Result};
use crate::progress::Silent;
use crate::proto::backup::PruneReport;

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
        Some(storage.lock("backup prune", lock_timeout).await?)
    };
    let result = prune_locked(storage.as_ref(), policy, dry_run).await;
    if let Some(lock) = lock {
        lock.release().await;
    }
    result
}

pub(super) async fn prune_locked(
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
    let doomed = retention::select(&candidates(&all), policy, crate::local::now());
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
