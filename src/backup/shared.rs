//! What the backup jobs share: their configuration and context, and the helpers for child
//! processes (`pg_dump`, `psql`) and temporary files. The lowest of the job files: it uses none
//! of them.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::compress;
use super::storage::{self, Storage};
use crate::db::{ConnectOptions, DatabaseTarget, Db};
use crate::error::{Error, ErrorKind, Result};
use crate::progress::Reporter;

/// How backups are taken: plain values, resolved from the settings by whoever opens the core.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where backups go unless a command names another storage.
    pub storage: String,
    pub compression: compress::Options,
    /// `BACKUP_ENCRYPTION_RECIPIENTS` as given (public keys, or a file of them): read when a
    /// backup starts.
    pub encrypt_to: Option<String>,
    /// `BACKUP_ENCRYPTION_IDENTITY_FILE`: the private keys that read encrypted backups.
    pub identity_file: Option<PathBuf>,
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
    pub config: Config,
    pub progress: Reporter,
    /// How `database` is connected to: the configured options (timeouts, the pooler), its
    /// origin saying where it came from (`DATABASE_URL`, a profile, `DATABASE_DIRECT_URL`).
    pub connect: ConnectOptions,
}

impl Context<'_> {
    pub(super) async fn storage(&self) -> Result<Arc<dyn Storage>> {
        storage::open(&self.config.storage, &self.config.s3).await
    }

    pub(super) async fn connect(&self, target: &DatabaseTarget) -> Result<Db> {
        if target == self.database {
            return Db::connect(target, &self.connect).await;
        }
        self.connect_as(target, "the URL given with --into".to_string())
            .await
    }

    /// Another database (a restore's target, a scratch database), with the configured
    /// timeouts; what stands between is found out there.
    pub(super) async fn connect_as(&self, target: &DatabaseTarget, origin: String) -> Result<Db> {
        let opts = ConnectOptions {
            origin,
            pooler: crate::db::Pooler::Auto,
            direct: None,
            ..self.connect.clone()
        };
        Db::connect(target, &opts).await
    }
}

/// Reads a child's stderr on a thread, keeping the last 16 KiB for error messages.
pub(super) fn collect_stderr(
    stderr: Option<std::process::ChildStderr>,
) -> std::thread::JoinHandle<String> {
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

pub(super) fn tool_failed(tool: &str, status: std::process::ExitStatus, stderr: String) -> Error {
    let detail = if stderr.is_empty() {
        String::new()
    } else {
        format!(": {stderr}")
    };
    Error::new(ErrorKind::Io, format!("{tool} failed ({status}){detail}"))
}

/// Quote an SQLite identifier.
pub(super) fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

pub(super) fn temp_path_beside(path: &Path, tag: &str) -> PathBuf {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("db");
    // The pid first (the sweep finds dead runs by it), then a count: a long-lived process
    // (`platctl serve`) never reuses a name SQLite may still remember.
    static RUNS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    dir.join(format!(".{name}.{tag}-{}-{run}", std::process::id()))
}

/// A new, empty file at `path` that only its owner may read (0600 on Unix): what goes in it
/// is a whole database, decrypted.
pub(super) fn create_private(path: &Path) -> Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
        .open(path)
        .map_err(|e| Error::io(format!("cannot create {}", path.display()), e))
}

/// Whether the process `pid` of this host is gone (Linux; elsewhere nothing is taken as gone).
pub(super) fn process_is_gone(pid: &str) -> bool {
    cfg!(target_os = "linux")
        && pid.parse::<u32>().is_ok()
        && !Path::new("/proc").join(pid).exists()
}

/// Removes a file (and, for a database, its `-wal`, `-shm` and `-journal`) when dropped: an
/// error, a signal or the end of the work.
pub(super) struct TempFile(pub(super) PathBuf);

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
