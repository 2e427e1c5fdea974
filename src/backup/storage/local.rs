//! Backups in a local directory: files published by rename, a lock file held with a lease.

use std::path::{Path, PathBuf};
use std::time::Duration;

use async_trait::async_trait;
use tokio::io::AsyncWriteExt;

use super::shared::{ArtifactWriter, Holder, LOCK_NAME, Lock, Reader, Storage, checked, is_orphan};
use crate::backup::manifest::{Check, Listed, MANIFEST_SUFFIX, Manifest};
use crate::error::{Error, Result};

pub struct LocalStorage {
    pub(super) dir: PathBuf,
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

pub(super) struct LocalLock {
    file: std::fs::File,
}

#[async_trait]
impl Lock for LocalLock {
    async fn release(self: Box<Self>) {
        let _ = self.file.unlock();
    }
}

pub(super) struct LocalWriter {
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
pub(super) fn sync_dir(path: &Path) {
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

    async fn lock(&self, operation: &str, timeout: Duration) -> Result<Box<dyn Lock>> {
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
                    let holder = serde_json::to_vec(&Holder::me(operation)).unwrap_or_default();
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
                        let place = self.dir.display().to_string();
                        return Err(match serde_json::from_str::<Holder>(&text) {
                            Ok(holder) => holder.refusal(operation, &place),
                            Err(_) => Error::refused(format!(
                                "{operation} cannot start: another process holds the lock on {place}"
                            ))
                            .with_hint("wait for it or raise --lock-timeout"),
                        });
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
            let manifest = match Manifest::from_json(&bytes, &name).and_then(|m| checked(m, &name))
            {
                Ok(manifest) => manifest,
                Err(e) => {
                    tracing::warn!("skipping {name}: {e}");
                    continue;
                }
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
