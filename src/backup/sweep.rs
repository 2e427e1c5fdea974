//! What interrupted runs leave behind (partial copies, scratch databases of test restores),
//! found and removed by the next backup command of any kind.

use std::path::Path;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::manifest;
use super::shared::{Context, process_is_gone};
use crate::db::{ConnectOptions, DatabaseTarget, Db, Sql};
use crate::error::Result;

/// `/path/name (570.3 MiB)`.
pub(super) fn describe_file(path: &Path, bytes: u64) -> String {
    format!("{} ({})", path.display(), manifest::human_bytes(bytes))
}

/// Remove the files in `dir` that `owner` recognises as a dead process's leftovers (`owner`
/// gives the PID a name belongs to); returns what was removed.
pub(super) fn remove_dead_files(dir: &Path, owner: impl Fn(&str) -> Option<&str>) -> Vec<String> {
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
pub(super) fn remove_dead_temps(path: &Path) -> Vec<String> {
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
pub(super) const VERIFY_FILE_PREFIX: &str = "platctl-verify-";
/// The prefix of the scratch databases of `verify --restore-test` on PostgreSQL.
pub(super) const VERIFY_DATABASE_PREFIX: &str = "platctl_verify_";

/// The scratch files of `verify --restore-test` whose process is gone.
pub(super) fn remove_dead_verify_files(dir: &Path) -> Vec<String> {
    remove_dead_files(dir, |file| {
        let rest = file.strip_prefix(VERIFY_FILE_PREFIX)?;
        let stem = [".db-wal", ".db-shm", ".db"]
            .iter()
            .find_map(|s| rest.strip_suffix(s))
            .or_else(|| rest.split_once(".db.restore-").map(|(s, _)| s))?;
        stem.rsplit_once('-').map(|(_, pid)| pid)
    })
}

/// A scratch database's name: the prefix, the backup's id, then who makes it — its process
/// and a tag of its host — so that two restore tests of one backup never meet, and a sweep
/// tells this host's dead makers from the living by the name alone, even between the
/// database's `CREATE` and its `COMMENT`.
pub(super) fn scratch_database_name(id: &str) -> String {
    format!(
        "{VERIFY_DATABASE_PREFIX}{}_{}_{}",
        id.to_lowercase().replace(['-', '.'], "_"),
        std::process::id(),
        host_tag()
    )
}

/// This host's tag in scratch names: 8 hex digits of its name's SHA-256.
fn host_tag() -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(whoami::hostname().unwrap_or_default().as_bytes());
    digest[..4].iter().map(|b| format!("{b:02x}")).collect()
}

/// The maker of a scratch database named by [`scratch_database_name`]: its pid and host tag.
fn maker_in_name(name: &str) -> Option<(&str, &str)> {
    let (rest, tag) = name.rsplit_once('_')?;
    let (_, pid) = rest.rsplit_once('_')?;
    let valid = tag.len() == 8
        && tag.bytes().all(|b| b.is_ascii_hexdigit())
        && !pid.is_empty()
        && pid.bytes().all(|b| b.is_ascii_digit());
    valid.then_some((pid, tag))
}

/// Who made a scratch database, written in its comment.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct ScratchOwner {
    pub(super) host: String,
    pub(super) pid: u32,
}

/// The scratch databases of `verify --restore-test` on the configured server whose platctl is
/// gone: made on this host by a dead process, or (older ones, other hosts) with nobody
/// connected to them.
pub(super) async fn drop_dead_scratch_databases(ctx: &Context<'_>) -> Result<Vec<String>> {
    let db = Db::connect(
        ctx.database,
        &ConnectOptions {
            timeout: ctx.connect.timeout.min(Duration::from_secs(3)),
            ..ctx.connect.clone()
        },
    )
    .await?;
    // DROP DATABASE cannot run in a transaction, which is how every statement goes through a
    // pooler in transaction mode: the next backup command with a session of its own sweeps.
    if db
        .found()
        .is_some_and(|f| f.pooler == crate::db::Pooler::Transaction)
    {
        db.close().await;
        return Ok(Vec::new());
    }
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
                let idle = row.int("sessions")? == 0;
                let dead = match (maker_in_name(&name), &owner) {
                    (Some((pid, tag)), _) if tag == host_tag() => process_is_gone(pid),
                    // Another host's, made but not yet commented: maybe just made. Its host's
                    // next sweep knows.
                    (Some(_), None) => false,
                    (_, Some(o)) if o.host == here => process_is_gone(&o.pid.to_string()),
                    _ => idle,
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
