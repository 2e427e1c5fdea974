//! Where commands send operations, chosen once from the settings.
//!
//! `postgres://…` and `sqlite://…` (or a path) give the [`Core`]: the platform's rules running
//! over that database. `--server` gives the admin API's client, [`Remote`]: it sends the same
//! request to `platctl serve`, which runs the same core. Commands call [`Backend::send`] with
//! a request type of [`crate::proto`], and do not know which of the two answers.

use crate::core::Core;
use crate::core::run::Run;
use crate::error::{Error, Result};
use crate::progress::Reporter;
use crate::proto::audit::{AuditExport, AuditQuery, AuditRecord, ExportReport};
use crate::proto::backup::{BackupRestore, RestorePlan, RestoreReport};
use crate::proto::health::HealthReport;
use crate::proto::ops::Op;
use crate::proto::{
    CreateKey, CreatedKey, Deliver, Organization, Out, RotateKey, RotatedKey, Sink,
};
use crate::remote::Remote;

pub enum Backend {
    /// The platform's rules over a database.
    Core(Core),
    /// A running `platctl serve`.
    Remote(Remote),
}

impl Backend {
    /// What this backend talks to, for people, with secrets redacted.
    pub fn describe(&self) -> String {
        match self {
            Backend::Core(core) => core.describe(),
            Backend::Remote(remote) => remote.describe(),
        }
    }

    /// Run one operation.
    pub async fn send<E: Run>(&self, req: E) -> Result<E::Response> {
        self.send_reporting(req, crate::progress::silent()).await
    }

    /// Run one operation, its progress shown with `progress` (over `--server`, only the
    /// streamed operations report any).
    pub async fn send_reporting<E: Run>(&self, req: E, progress: Reporter) -> Result<E::Response> {
        match self {
            Backend::Core(core) => req.run(core, progress).await,
            Backend::Remote(remote) => remote.send(&req, &progress).await,
        }
    }

    /// Create a key and show it with `deliver`; when showing fails, nothing is kept.
    pub async fn create_key(
        &self,
        req: CreateKey,
        deliver: Deliver<'_, CreatedKey>,
    ) -> Result<CreatedKey> {
        match self {
            Backend::Core(core) => core.create_key(&req, deliver).await,
            Backend::Remote(remote) => remote.create_key(&req, deliver).await,
        }
    }

    /// A new key like the old one, shown with `deliver`; when showing fails, nothing is kept.
    pub async fn rotate_key(
        &self,
        req: RotateKey,
        deliver: Deliver<'_, RotatedKey>,
    ) -> Result<RotatedKey> {
        match self {
            Backend::Core(core) => core.rotate_key(&req, deliver).await,
            Backend::Remote(remote) => remote.rotate_key(&req, deliver).await,
        }
    }

    /// Audit entries matching the query, handed to `sink` a page at a time; returns how many.
    pub async fn audit_query(&self, req: &AuditQuery, sink: Sink<'_, AuditRecord>) -> Result<u64> {
        match self {
            Backend::Core(core) => core.audit_query(req, sink).await,
            Backend::Remote(remote) => remote.audit_query(req, sink).await,
        }
    }

    /// Write matching entries to `out`, oldest first, in the request's format.
    pub async fn audit_export(
        &self,
        req: &AuditExport,
        out: Out<'_>,
        progress: Reporter,
    ) -> Result<ExportReport> {
        match self {
            Backend::Core(core) => core.audit_export(req, out, progress).await,
            Backend::Remote(remote) => remote.audit_export(req, out, progress).await,
        }
    }

    /// The core, for what only runs where the database is: a restore replaces a database,
    /// and `init` sets up a local one.
    fn local(&self, what: &str) -> Result<&Core> {
        match self {
            Backend::Core(core) => Ok(core),
            Backend::Remote(_) if what == "init" => Err(Error::usage(
                "`platctl init` sets up a local database; it does not run over --server",
            )
            .with_hint("run it on the machine of the database")),
            Backend::Remote(_) => Err(Error::usage(format!(
                "`platctl {}` does not run over --server: a restore replaces a database, and \
                 the admin API does not replace the one it serves",
                Op::BackupRestore.command()
            ))
            .with_hint(
                "stop the server, and restore where the database is reachable (without \
                 --server); `backup verify --restore-test` does run over --server",
            )),
        }
    }

    /// Check everything a restore needs, touching nothing: what would be restored, where.
    pub async fn backup_restore_plan(
        &self,
        req: &BackupRestore,
        progress: Reporter,
    ) -> Result<RestorePlan> {
        self.local("restore")?.plan_restore(req, progress).await
    }

    /// Run a restore as planned (the plan is checked again against the storage).
    pub async fn backup_restore(
        &self,
        req: &BackupRestore,
        plan: &RestorePlan,
        progress: Reporter,
    ) -> Result<RestoreReport> {
        self.local("restore")?.restore(req, plan, progress).await
    }

    /// Create the organization `default` when there is none; returns it when created.
    pub async fn ensure_default_organization(&self) -> Result<Option<Organization>> {
        self.local("init")?.ensure_default_organization().await
    }

    /// Ask the server's health endpoint at `path`, which needs no key (`--server` only).
    pub async fn probe(&self, path: &str, timeout: std::time::Duration) -> Result<HealthReport> {
        match self {
            Backend::Remote(remote) => remote.probe(path, timeout).await,
            Backend::Core(_) => Err(Error::usage("--probe asks a server: it needs --server URL")
                .with_hint("e.g. platctl health --server http://127.0.0.1:8088 --probe ready")),
        }
    }

    /// Release connections.
    pub async fn close(&self) {
        if let Backend::Core(core) = self {
            core.close().await;
        }
    }
}
