//! The platform's rules, once: migrations, the permission catalogue and role hierarchy, the API
//! key format, audit entries. [`Core`] runs each operation ([`Run`]) over a database, for the
//! command line and, per request, behind the admin API.

pub mod actor;
pub mod audit;
pub mod authz;
mod backups;
pub mod catalogue;
mod email;
pub mod fleet;
mod health;
pub mod keys;
mod lookup;
mod memory;
mod migrate;
pub mod orgs;
pub mod permissions;
pub mod roles;
pub mod users;

use crate::db::{ConnectOptions, DatabaseTarget, Db, Tx};
use crate::error::{Error, Result};
use crate::progress::Reporter;
use crate::proto::audit::*;
use crate::proto::backup::*;
use crate::proto::ops::{Op, Principal};
use crate::proto::*;

use actor::Actor;
use authz::Target;

/// A change: one write transaction with the actor resolved and authorized inside it (the
/// operation's permission and reach from [`crate::proto::ops`], before anything it names is
/// looked up), committed only when the change and its audit entry both succeeded (dropping
/// the transaction rolls back). The body gets what the authorization decided
/// ([`actor::Authorized`]: what it may see, the organization it applies to). With `deliver`,
/// the result must also be shown (a new key) before the change is committed.
macro_rules! change {
    ($core:ident, $op:expr, $target:expr, |$tx:ident, $actor:ident, $auth:ident| $body:expr) => {{
        change!($core, $op, $target, |$tx, $actor, $auth| $body, |_out| Ok(
            ()
        ))
    }};
    ($core:ident, $op:expr, $target:expr, |$tx:ident, $actor:ident, $auth:ident| $body:expr, $deliver:expr) => {{
        $core.ready().await?;
        let mut tx = $core.db().await?.begin().await?;
        let actor = $core.actor(&mut tx).await?;
        let auth = authz::authorize(&mut tx, &$core.heard, &actor, $op, $target).await?;
        let out = {
            let $tx = &mut tx;
            let $actor = &actor;
            let $auth = &auth;
            $body.await?
        };
        let deliver: &dyn Fn(&_) -> Result<()> = &$deliver;
        deliver(&out)?;
        tx.announce_change().await?;
        tx.commit().await?;
        // A revoke, a disabled user, a changed role: no key is taken on an old look-up here.
        $core.forget_all();
        Ok(out)
    }};
}

/// A read: the checks and the reading on one connection ([`crate::db::Db::reads`]: a read
/// transaction on SQLite, autocommit statements on PostgreSQL). The `--as` user must exist and
/// be enabled, for reads as for changes, and hold the operation's permission; the body gets
/// what the authorization decided.
macro_rules! read {
    ($core:ident, $op:expr, $target:expr, |$tx:ident, $auth:ident| $body:expr) => {{
        $core.ready().await?;
        let mut tx = $core.db().await?.reads().await?;
        let actor = $core.actor(&mut tx).await?;
        let auth = authz::authorize(&mut tx, &$core.heard, &actor, $op, $target).await?;
        let out = {
            let $tx = &mut tx;
            let $auth = &auth;
            $body.await?
        };
        tx.commit().await?;
        Ok(out)
    }};
}

pub mod run;

use crate::local::operator;

/// What every request of a process shares: the database (one pool), storage, keys, email.
pub struct Shared {
    database: DatabaseTarget,
    connect: ConnectOptions,
    /// Connected on first use: backups of another database, and restores into this one, run
    /// without it.
    db: tokio::sync::OnceCell<Db>,
    /// The last failure to connect, and when: callers that waited on that attempt get it
    /// rather than making one more each, so a command waits the connect timeout once.
    db_failed: std::sync::Mutex<Option<(std::time::Instant, Error)>>,
    /// Where work that needs a session of its own (dumps, restores) runs, once found out.
    session: tokio::sync::OnceCell<DatabaseTarget>,
    target: String,
    backup: crate::backup::Config,
    /// The Ed25519 private key (PEM file) that signs audit seals.
    audit_signing_key: Option<std::path::PathBuf>,
    email: crate::email::Config,
    /// The schema was found current (checked once, before the first read or change).
    schema_current: tokio::sync::OnceCell<()>,
    /// API keys looked up in the last second.
    keys_seen: KeysSeen,
    /// Key listings and users' permissions read in the last second, while every change is
    /// heard of.
    heard: Heard,
    /// How long a key made by an API key (over the admin API) waits to be confirmed before it
    /// expires ([`DEFAULT_KEY_CONFIRM_WITHIN`]).
    key_confirm_within: std::time::Duration,
}

/// How long a key made over the admin API waits, by default, for its caller to confirm that
/// it has it, before it expires on its own.
pub const DEFAULT_KEY_CONFIRM_WITHIN: std::time::Duration = std::time::Duration::from_secs(600);

pub use memory::KEY_LOOKUP_REUSE;
use memory::{Heard, KeysSeen};

/// The platform's rules over one database, for one principal. The command line makes one;
/// the admin API makes one per request with [`Core::acting_as`], sharing the pool.
pub struct Core {
    shared: std::sync::Arc<Shared>,
    principal: Principal,
    operator: String,
    client: actor::Client,
    /// The actor once looked up ([`Core::authenticate`]): one key lookup per request.
    resolved: std::sync::OnceLock<Actor>,
}

/// The shared state reads as the core's own fields (`self.backup`, `self.db()`).
impl std::ops::Deref for Core {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.shared
    }
}

impl Core {
    pub fn new(
        database: DatabaseTarget,
        connect: ConnectOptions,
        principal: Principal,
        backup: crate::backup::Config,
        audit_signing_key: Option<std::path::PathBuf>,
        email: crate::email::Config,
    ) -> Self {
        Core {
            shared: std::sync::Arc::new(Shared {
                target: database.display(),
                database,
                connect,
                db: tokio::sync::OnceCell::new(),
                db_failed: std::sync::Mutex::new(None),
                session: tokio::sync::OnceCell::new(),
                backup,
                audit_signing_key,
                email,
                schema_current: tokio::sync::OnceCell::new(),
                keys_seen: KeysSeen::default(),
                heard: Heard::default(),
                key_confirm_within: DEFAULT_KEY_CONFIRM_WITHIN,
            }),
            principal,
            operator: operator(),
            client: actor::Client::default(),
            resolved: std::sync::OnceLock::new(),
        }
    }

    /// Keys made over the admin API wait this long for confirmation (set before the core is
    /// shared; no effect afterwards).
    pub fn confirming_keys_within(mut self, within: std::time::Duration) -> Core {
        if let Some(shared) = std::sync::Arc::get_mut(&mut self.shared) {
            shared.key_confirm_within = within;
        }
        self
    }

    /// The same database and settings, for another principal calling from `client`.
    pub fn acting_as(&self, principal: Principal, client: actor::Client) -> Core {
        Core {
            shared: self.shared.clone(),
            principal,
            operator: self.operator.clone(),
            client,
            resolved: std::sync::OnceLock::new(),
        }
    }

    /// The pool's use (open, idle), once connected.
    pub fn pool_use(&self) -> Option<(u32, usize)> {
        self.db.get().map(Db::pool_use)
    }

    /// Write when keys were last used (the admin API batches them), never moving a time
    /// back. Not a change of the platform: no audit entry.
    pub async fn record_key_uses(
        &self,
        uses: &[(uuid::Uuid, chrono::DateTime<chrono::Utc>)],
    ) -> Result<()> {
        if uses.is_empty() {
            return Ok(());
        }
        keys::record_uses(self.db().await?, uses).await?;
        self.forget_all();
        Ok(())
    }

    /// What a change made by this process, or heard of, makes stale.
    fn forget_all(&self) {
        self.keys_seen.forget_all();
        self.heard.forget_all(None);
    }

    /// Hear of every change made through platctl by any process, for as long as the returned
    /// future runs (the admin API runs it beside the requests): PostgreSQL announces them. A
    /// change heard of forgets what was kept from before it (key look-ups, key listings,
    /// users' permissions); while nothing can be heard (SQLite, a lost connection) listings
    /// and permissions are not kept (see [`memory`]).
    pub async fn follow_changes(&self) {
        if !matches!(self.database, DatabaseTarget::Postgres { .. }) {
            // Nothing to hear of: and no reason to open the database before a request does.
            return std::future::pending().await;
        }
        let mut warned = false;
        let listener = loop {
            match self.db().await.map(|db| db.change_listener()) {
                Ok(listener) => match listener.await {
                    Ok(listener) => break listener,
                    // A pooler in transaction mode, and no DATABASE_DIRECT_URL: said once.
                    Err(e) if e.kind() == crate::error::ErrorKind::Config => {
                        tracing::warn!(
                            "cannot hear of changes made by other processes: key listings and \
                             permissions are read from the database on every request: {}; {}",
                            e.message(),
                            e.hint().unwrap_or_default()
                        );
                        return std::future::pending().await;
                    }
                    // DATABASE_DIRECT_URL unreachable, or refusing us: said once, tried
                    // again every 5 seconds (a login refused every second can lock a role).
                    Err(e) => {
                        if !std::mem::replace(&mut warned, true) {
                            tracing::warn!(
                                "cannot hear of changes made by other processes yet (retrying \
                                 every 5 seconds): {}",
                                crate::redact::scrub(&e.to_string())
                            );
                        }
                        tokio::time::sleep(std::time::Duration::from_secs(5)).await
                    }
                },
                // Not reachable yet: requests say why; listen once it is.
                Err(_) => tokio::time::sleep(std::time::Duration::from_secs(1)).await,
            }
        };
        let Some(listener) = listener else {
            return std::future::pending().await;
        };
        // Warned once when hearing stops, told once when it is back.
        let lost = std::sync::atomic::AtomicBool::new(false);
        loop {
            let e = listener
                .run(
                    &|| {
                        if lost.swap(false, std::sync::atomic::Ordering::Relaxed) {
                            tracing::info!("hearing of changes made by other processes again");
                        }
                        self.keys_seen.forget_all();
                        self.heard.forget_all(Some(true));
                    },
                    &|| self.forget_all(),
                )
                .await;
            self.forget_all();
            self.heard.forget_all(Some(false));
            if !lost.swap(true, std::sync::atomic::Ordering::Relaxed) {
                tracing::warn!(
                    "cannot hear of changes made by other processes (key listings and permissions are read from the database until it can; retrying every second): {}",
                    crate::redact::scrub(&e.to_string())
                );
            }
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    }

    /// The principal as [`Core::authenticate`] would answer it from memory (an API key
    /// accepted in the last [`KEY_LOOKUP_REUSE`]), without a look-up; `None` when it would
    /// have to look.
    pub fn remembered(&self) -> Option<Actor> {
        if let Some(actor) = self.resolved.get() {
            return Some(actor.clone());
        }
        let Principal::Key(key) = &self.principal else {
            return None;
        };
        let actor = self.keys_seen.get(&keys::hash(key))?;
        let actor = Actor {
            client: self.client.clone(),
            ..actor
        };
        Some(self.resolved.get_or_init(|| actor).clone())
    }

    /// Look the principal up now (an API key: one indexed query) and keep the actor for the
    /// rest of this core's life — a request's. Fails as the first operation would: an
    /// unknown, revoked or expired key, a disabled user.
    pub async fn authenticate(&self) -> Result<Actor> {
        if let Some(actor) = self.remembered() {
            return Ok(actor);
        }
        let seen = match &self.principal {
            Principal::Key(key) => Some(keys::hash(key)),
            _ => None,
        };
        self.ready().await?;
        let mut tx = self.db().await?.reads().await?;
        let actor = self.actor(&mut tx).await?;
        tx.commit().await?;
        if let Some(hash) = seen {
            self.keys_seen.keep(hash, &actor);
        }
        Ok(self.resolved.get_or_init(|| actor).clone())
    }

    /// The database, connected on first use. A database a restore did not finish is never
    /// mistaken for a good one: it is refused here, with how to finish.
    pub async fn db(&self) -> Result<&Db> {
        self.db
            .get_or_try_init(|| async {
                // An attempt that failed within the connect timeout answers for this one too.
                if let Ok(failed) = self.db_failed.lock()
                    && let Some((at, e)) = failed.as_ref()
                    && at.elapsed() < self.connect.timeout
                {
                    return Err(e.replay());
                }
                let db = match Db::connect(&self.database, &self.connect).await {
                    Ok(db) => db,
                    Err(e) => {
                        if let Ok(mut failed) = self.db_failed.lock() {
                            *failed = Some((std::time::Instant::now(), e.replay()));
                        }
                        return Err(e);
                    }
                };
                tracing::debug!(database = %self.target, "connected");
                if let Err(e) = crate::backup::marker::check(&db, &self.target).await {
                    db.close().await;
                    return Err(e);
                }
                Ok(db)
            })
            .await
    }

    /// Where work that needs a session of its own runs — `pg_dump`'s snapshot, a restore:
    /// the database, or DATABASE_DIRECT_URL when the database goes through a pooler in
    /// transaction mode ([`Db::session_target`]). Found out without [`Core::db`]'s check, as a
    /// restore must reach a database that a restore did not finish.
    async fn session_database(&self) -> Result<&DatabaseTarget> {
        let found_out = matches!(self.database, DatabaseTarget::Postgres { .. })
            && matches!(
                self.connect.pooler,
                crate::db::Pooler::Auto | crate::db::Pooler::Transaction
            );
        if !found_out {
            return Ok(&self.database);
        }
        self.session
            .get_or_try_init(|| async {
                let db = match self.db.get() {
                    Some(db) => db.clone(),
                    None => Db::connect(&self.database, &self.connect).await?,
                };
                let target = db.session_target("a backup or a restore").await;
                if self.db.get().is_none() {
                    db.close().await;
                }
                Ok(target?.unwrap_or_else(|| self.database.clone()))
            })
            .await
    }

    /// Reads and changes need the schema this binary ships: refuse a database without it, or
    /// behind it, with what to run.
    async fn ready(&self) -> Result<()> {
        let db = self.db().await?;
        self.schema_current
            .get_or_try_init(|| migrate::ensure_current(db))
            .await
            .map(|_| ())
    }

    /// The actor of an operation outside the platform's tables (migrations, backups), after
    /// checking that they may run `op` on the whole platform. Before the tables of users and
    /// roles exist there is nothing to protect yet: `--as` is recorded by name.
    async fn platform_actor(&self, op: Op) -> Result<Actor> {
        if self.principal == Principal::Operator {
            // The operator may do anything: nothing to look up (and no database needed).
            return Ok(Actor {
                client: self.client.clone(),
                ..Actor::operator(&self.operator)
            });
        }
        let db = self.db().await?;
        if let Principal::User(email) = &self.principal
            && !(db.table_exists("users").await? && db.table_exists("user_roles").await?)
        {
            return Ok(Actor {
                user_id: None,
                api_key_id: None,
                label: email.clone(),
                key: None,
                client: self.client.clone(),
            });
        }
        let mut tx = db.begin_read().await?;
        let actor = self.actor(&mut tx).await?;
        authz::authorize(&mut tx, &self.heard, &actor, op, Target::Platform).await?;
        tx.commit().await?;
        Ok(actor)
    }

    /// The actor of `op` on the whole platform inside `tx`, authorized.
    async fn platform_actor_in(&self, tx: &mut Tx<'_>, op: Op) -> Result<Actor> {
        let actor = self.actor(tx).await?;
        authz::authorize(tx, &self.heard, &actor, op, Target::Platform).await?;
        Ok(actor)
    }

    /// The audit filter's names resolved, once `op` is authorized for the organization it
    /// names (or else what the caller may read: a key its organization's entries, the
    /// operator every entry).
    async fn audit_filter(&self, op: Op, filter: &AuditFilter) -> Result<audit::filter::Resolved> {
        audit::filter::check(filter)?;
        read!(
            self,
            op,
            Target::named(filter.organization.as_deref()),
            |tx, auth| audit::filter::resolve(tx, auth, filter)
        )
    }

    fn templates(&self) -> crate::email::Templates {
        crate::email::Templates {
            dir: self.email.templates_dir.clone(),
        }
    }

    /// The configured seal signing key, read when needed.
    fn signing_key(&self) -> Result<Option<crate::signing::SigningKey>> {
        let Some(path) = &self.audit_signing_key else {
            return Ok(None);
        };
        let text = std::fs::read_to_string(path).map_err(|e| {
            crate::error::Error::io(
                format!("cannot read the audit signing key {}", path.display()),
                e,
            )
        })?;
        crate::signing::load_private(&text, &path.display().to_string()).map(Some)
    }

    /// The actor: the `--as` user (who must exist and be enabled), the API key (which must be
    /// valid), else the operator.
    async fn actor(&self, tx: &mut Tx<'_>) -> Result<Actor> {
        if let Some(actor) = self.resolved.get() {
            return Ok(actor.clone());
        }
        match &self.principal {
            Principal::Operator => Ok(Actor::operator(&self.operator)),
            Principal::User(email) => audit::actor_for_email(tx, email).await,
            Principal::Key(key) => keys::actor_for_key(tx, key).await,
        }
        .map(|actor| Actor {
            client: self.client.clone(),
            ..actor
        })
    }
}
