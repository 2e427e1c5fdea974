//! The platform's rules, once: migrations, the permission catalogue and role hierarchy, the API
//! key format, audit entries. [`Core`] implements [`Backend`] over a database; `platctl serve`
//! will run the same core behind the admin API.

pub mod audit;
pub mod authz;
mod backups;
pub mod catalogue;
mod email;
mod health;
pub mod keys;
mod lookup;
mod memory;
mod migrate;
pub mod orgs;
pub mod permissions;
pub mod roles;
pub mod users;

use async_trait::async_trait;

use crate::backend::Sink;
use crate::backend::{Backend, Deliver};
use crate::db::{ConnectOptions, DatabaseTarget, Db, Tx};
use crate::error::Result;
use crate::progress::Reporter;
use crate::proto::audit::*;
use crate::proto::backup::*;
use crate::proto::ops::{Op, Principal};
use crate::proto::*;

pub use audit::{Actor, AuditEntry};
use authz::Target;

/// A change: one write transaction with the actor resolved and authorized inside it (the
/// operation's permission and reach from [`crate::proto::ops`], before anything it names is
/// looked up), committed only when the change and its audit entry both succeeded (dropping
/// the transaction rolls back). The body gets what the authorization decided
/// ([`authz::Authorized`]: what it may see, the organization it applies to). With `deliver`,
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

pub use crate::local::{now, operator};

/// Where email templates and the sender come from. Not `Debug`: it holds secrets.
#[derive(Clone, Default)]
pub struct EmailConfig {
    /// A directory whose files override parts of the built-in templates.
    pub templates_dir: Option<std::path::PathBuf>,
    /// `EMAIL_FROM`.
    pub from: Option<String>,
    /// `SMTP_URL`, and the CA file of a private relay.
    pub smtp_url: Option<String>,
    pub smtp_ca_file: Option<std::path::PathBuf>,
    /// `SENDGRID_API_KEY`, and the API's base URL (`SENDGRID_API_URL`).
    pub sendgrid_api_key: Option<String>,
    pub sendgrid_api_url: Option<String>,
}

/// What every request of a process shares: the database (one pool), storage, keys, email.
pub struct Shared {
    database: DatabaseTarget,
    connect: ConnectOptions,
    /// Connected on first use: backups of another database, and restores into this one, run
    /// without it.
    db: tokio::sync::OnceCell<Db>,
    target: String,
    backup: crate::backup::Config,
    /// The Ed25519 private key (PEM file) that signs audit seals.
    audit_signing_key: Option<std::path::PathBuf>,
    email: EmailConfig,
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
    client: audit::Client,
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
        email: EmailConfig,
    ) -> Self {
        Core {
            shared: std::sync::Arc::new(Shared {
                target: database.display(),
                database,
                connect,
                db: tokio::sync::OnceCell::new(),
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
            client: audit::Client::default(),
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
    pub fn acting_as(&self, principal: Principal, client: audit::Client) -> Core {
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
        let listener = loop {
            match self.db().await {
                Ok(db) => break db.change_listener(),
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

    /// Look the principal up now (an API key: one indexed query) and keep the actor for the
    /// rest of this core's life — a request's. Fails as the first operation would: an
    /// unknown, revoked or expired key, a disabled user.
    pub async fn authenticate(&self) -> Result<Actor> {
        if let Some(actor) = self.resolved.get() {
            return Ok(actor.clone());
        }
        let seen = match &self.principal {
            Principal::Key(key) => Some(keys::hash(key)),
            _ => None,
        };
        if let Some(actor) = seen.as_deref().and_then(|h| self.keys_seen.get(h)) {
            let actor = Actor {
                client: self.client.clone(),
                ..actor
            };
            return Ok(self.resolved.get_or_init(|| actor).clone());
        }
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
                let db = Db::connect(&self.database, &self.connect).await?;
                tracing::debug!(database = %self.target, "connected");
                if let Err(e) = crate::backup::marker::check(&db, &self.target).await {
                    db.close().await;
                    return Err(e);
                }
                Ok(db)
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

#[async_trait]
impl Backend for Core {
    fn describe(&self) -> String {
        self.target.clone()
    }

    async fn migrate_status(&self) -> Result<Vec<Migration>> {
        self.platform_actor(Op::MigrateStatus).await?;
        migrate::status(self.db().await?).await
    }

    async fn migrate_run(&self, req: &MigrateRun) -> Result<MigrateReport> {
        migrate::run(
            self.db().await?,
            req,
            &self.platform_actor(Op::MigrateRun).await?,
        )
        .await
    }

    async fn migrate_revert_plan(&self, to: Option<i64>) -> Result<Vec<Migration>> {
        self.platform_actor(Op::MigrateRevert).await?;
        migrate::revert_plan(self.db().await?, to).await
    }

    async fn migrate_revert(&self, req: &MigrateRevert) -> Result<MigrateReport> {
        migrate::revert(
            self.db().await?,
            req,
            &self.platform_actor(Op::MigrateRevert).await?,
        )
        .await
    }

    async fn migrate_verify(&self) -> Result<Vec<Drift>> {
        self.platform_actor(Op::MigrateVerify).await?;
        migrate::verify(self.db().await?).await
    }

    async fn migrate_accept(&self, version: i64) -> Result<Drift> {
        migrate::accept(
            self.db().await?,
            version,
            &self.platform_actor(Op::MigrateAccept).await?,
        )
        .await
    }

    async fn ensure_default_organization(&self) -> Result<Option<Organization>> {
        change!(
            self,
            Op::OrgsCreate,
            Target::Platform,
            |tx, actor, _auth| { orgs::ensure_default_org(tx, actor) }
        )
    }

    async fn create_organization(&self, req: &CreateOrganization) -> Result<Organization> {
        orgs::validate_slug(&req.slug)?;
        change!(
            self,
            Op::OrgsCreate,
            Target::Platform,
            |tx, actor, _auth| { orgs::create_org(tx, actor, req) }
        )
    }

    async fn list_organizations(&self) -> Result<Vec<Organization>> {
        read!(self, Op::OrgsList, Target::Platform, |tx, _auth| {
            orgs::list_orgs(tx)
        })
    }

    async fn create_user(&self, req: &CreateUser) -> Result<User> {
        users::validate_email(req.email.trim())?;
        change!(
            self,
            Op::UsersCreate,
            Target::Platform,
            |tx, actor, _auth| { users::create_user(tx, actor, req) }
        )
    }

    async fn list_users(&self, organization: Option<&str>) -> Result<Vec<User>> {
        read!(
            self,
            Op::UsersList,
            Target::named(organization),
            |tx, auth| users::list_users(tx, &auth.view, auth.org.as_ref())
        )
    }

    async fn set_user_disabled(&self, email: &str, disabled: bool) -> Result<UserChange> {
        let op = if disabled {
            Op::UsersDisable
        } else {
            Op::UsersEnable
        };
        change!(self, op, Target::Platform, |tx, actor, _auth| {
            users::set_disabled(tx, actor, email, disabled)
        })
    }

    async fn list_roles(&self) -> Result<Vec<Role>> {
        read!(self, Op::RolesList, Target::Platform, |tx, _auth| {
            roles::list_roles(tx)
        })
    }

    async fn show_role(&self, name: &str) -> Result<RoleDetail> {
        read!(self, Op::RolesShow, Target::Platform, |tx, _auth| {
            roles::show_role(tx, name)
        })
    }

    async fn create_role(&self, req: &CreateRole) -> Result<Role> {
        change!(
            self,
            Op::RolesCreate,
            Target::Platform,
            |tx, actor, _auth| { roles::create_role(tx, actor, req) }
        )
    }

    async fn delete_role(&self, name: &str, force: bool) -> Result<RoleDeleted> {
        change!(
            self,
            Op::RolesDelete,
            Target::Platform,
            |tx, actor, _auth| { roles::delete_role(tx, actor, name, force) }
        )
    }

    async fn grant(&self, role: &str, permissions: &[String]) -> Result<GrantChange> {
        let perms = catalogue::parse_all(permissions)?;
        change!(
            self,
            Op::RolesGrant,
            Target::Platform,
            |tx, actor, _auth| { roles::grant(tx, actor, role, &perms) }
        )
    }

    async fn revoke(&self, role: &str, permissions: &[String]) -> Result<GrantChange> {
        let perms = catalogue::parse_marked(permissions)?;
        change!(
            self,
            Op::RolesRevoke,
            Target::Platform,
            |tx, actor, _auth| { roles::revoke(tx, actor, role, &perms) }
        )
    }

    async fn assign_role(&self, req: &AssignRole) -> Result<Assignment> {
        change!(
            self,
            Op::RolesAssign,
            Target::Org(&req.organization),
            |tx, actor, auth| roles::assign(tx, actor, auth, req)
        )
    }

    async fn unassign_role(&self, user: &str, organization: &str) -> Result<Assignment> {
        change!(
            self,
            Op::RolesUnassign,
            Target::Org(organization),
            |tx, actor, auth| roles::unassign(tx, actor, auth, user, organization)
        )
    }

    async fn list_permissions(&self, resource: Option<&str>) -> Result<Vec<PermissionInfo>> {
        read!(self, Op::PermissionsList, Target::Platform, |tx, _auth| {
            permissions::list_permissions(tx, resource)
        })
    }

    async fn check_permission(&self, req: &CheckPermission) -> Result<PermissionCheck> {
        catalogue::parse(&req.permission)?;
        read!(
            self,
            Op::PermissionsCheck,
            Target::Org(&req.organization),
            |tx, auth| async {
                let org = auth.org.as_ref().ok_or_else(|| {
                    crate::error::Error::internal("permissions check names no organization")
                })?;
                permissions::check(tx, &auth.view, org, req).await
            }
        )
    }

    async fn create_key(
        &self,
        req: &CreateKey,
        deliver: Deliver<'_, CreatedKey>,
    ) -> Result<CreatedKey> {
        keys::check_request(req)?;
        if req.platform {
            // Platform keys are the operator's: made with the database, never by a key or a user.
            if self.principal != Principal::Operator {
                return Err(crate::error::Error::forbidden(
                    "forbidden: a platform key is made only by the operator with the database",
                )
                .with_hint(
                    "run `platctl keys create --platform ...` against the database itself, without --as and without --server",
                ));
            }
            return change!(
                self,
                Op::KeysCreate,
                Target::Platform,
                |tx, actor, _auth| keys::create(tx, actor, None, req, self.key_confirm_within),
                deliver
            );
        }
        change!(
            self,
            Op::KeysCreate,
            Target::or_default(req.organization.as_deref()),
            |tx, actor, auth| keys::create(
                tx,
                actor,
                auth.org.as_ref(),
                req,
                self.key_confirm_within
            ),
            deliver
        )
    }

    async fn list_keys(&self, req: &ListKeys) -> Result<Vec<ApiKey>> {
        read!(
            self,
            Op::KeysList,
            Target::named(req.organization.as_deref()),
            |tx, auth| async {
                if let Some(keys) = self.heard.listing(req, &auth.view) {
                    return Ok(keys);
                }
                let generation = self.heard.generation();
                let keys = keys::list(tx, &auth.view, req).await?;
                if let Some(generation) = generation {
                    self.heard.keep_listing(req, &auth.view, generation, &keys);
                }
                Ok::<_, crate::error::Error>(keys)
            }
        )
    }

    async fn show_key(&self, id: &str) -> Result<ApiKey> {
        read!(self, Op::KeysShow, Target::Found, |tx, auth| keys::show(
            tx, &auth.view, id
        ))
    }

    async fn revoke_key(&self, id: &str, reason: Option<&str>) -> Result<Changed<ApiKey>> {
        change!(self, Op::KeysRevoke, Target::Found, |tx, actor, auth| {
            keys::revoke(tx, actor, &auth.view, id, reason)
        })
    }

    async fn delete_key(&self, id: &str) -> Result<ApiKey> {
        change!(self, Op::KeysDelete, Target::Found, |tx, actor, auth| {
            keys::delete(tx, actor, &auth.view, id)
        })
    }

    async fn rotate_key(
        &self,
        id: &str,
        grace: std::time::Duration,
        deliver: Deliver<'_, RotatedKey>,
    ) -> Result<RotatedKey> {
        change!(
            self,
            Op::KeysRotate,
            Target::Found,
            |tx, actor, auth| keys::rotate(
                tx,
                actor,
                &auth.view,
                id,
                grace,
                self.key_confirm_within
            ),
            deliver
        )
    }

    async fn confirm_key(&self, id: &str) -> Result<Changed<ApiKey>> {
        change!(self, Op::KeysConfirm, Target::Found, |tx, actor, auth| {
            keys::confirm(tx, actor, &auth.view, id)
        })
    }

    async fn verify_key(&self, key: &str) -> Result<KeyVerification> {
        read!(
            self,
            Op::KeysVerify,
            Target::Found,
            |tx, auth| keys::verify(tx, &auth.view, key)
        )
    }

    async fn backup_run(&self, req: &BackupRun, progress: Reporter) -> Result<BackupRunOutcome> {
        self.run_backup(req, progress).await
    }

    async fn backup_list(
        &self,
        storage: Option<&str>,
        progress: Reporter,
    ) -> Result<Vec<BackupInfo>> {
        self.list_backups(storage, progress).await
    }

    async fn backup_show(
        &self,
        id: &str,
        storage: Option<&str>,
        progress: Reporter,
    ) -> Result<ShowBackup> {
        self.show_backup(id, storage, progress).await
    }

    async fn backup_restore_plan(
        &self,
        req: &BackupRestore,
        progress: Reporter,
    ) -> Result<RestorePlan> {
        self.plan_restore(req, progress).await
    }

    async fn backup_restore(
        &self,
        req: &BackupRestore,
        plan: &RestorePlan,
        progress: Reporter,
    ) -> Result<RestoreReport> {
        self.restore(req, plan, progress).await
    }

    async fn backup_verify(&self, req: &BackupVerify, progress: Reporter) -> Result<VerifyReport> {
        self.verify_backup(req, progress).await
    }

    async fn backup_prune(&self, req: &BackupPrune, progress: Reporter) -> Result<PruneReport> {
        self.prune_backups(req, progress).await
    }

    async fn audit_query(&self, req: &AuditQuery, sink: Sink<'_, AuditRecord>) -> Result<u64> {
        let f = self.audit_filter(Op::AuditQuery, &req.filter).await?;
        audit::query::query(self.db().await?, &f, req, sink).await
    }

    async fn audit_tail(&self, req: &AuditTail) -> Result<TailPoll> {
        let f = self.audit_filter(Op::AuditTail, &req.filter).await?;
        audit::query::tail(self.db().await?, &f, req).await
    }

    async fn audit_follow(&self, filter: &AuditFilter, cursor: &TailCursor) -> Result<TailPoll> {
        let f = self.audit_filter(Op::AuditTail, filter).await?;
        audit::query::follow(self.db().await?, &f, cursor).await
    }

    async fn audit_stats(&self, req: &AuditStats) -> Result<Vec<AuditCount>> {
        let f = self.audit_filter(Op::AuditStats, &req.filter).await?;
        audit::query::stats(self.db().await?, &f, req.by).await
    }

    async fn audit_export(
        &self,
        req: &AuditExport,
        out: &mut (dyn std::io::Write + Send),
        progress: Reporter,
    ) -> Result<ExportReport> {
        let f = self.audit_filter(Op::AuditExport, &req.filter).await?;
        audit::query::export(self.db().await?, &f, req.format, out, progress).await
    }

    async fn audit_prune_plan(&self, req: &AuditPrune) -> Result<AuditPrunePlan> {
        self.ready().await?;
        self.platform_actor(Op::AuditPrune).await?;
        audit::prune::plan(self.db().await?, req.cutoff).await
    }

    async fn audit_prune(&self, req: &AuditPrune, progress: Reporter) -> Result<AuditPruneReport> {
        self.ready().await?;
        let actor = self.platform_actor(Op::AuditPrune).await?;
        let key = self.signing_key()?;
        audit::prune::prune(self.db().await?, &actor, req.cutoff, key.as_ref(), progress).await
    }

    async fn audit_seal(&self, progress: Reporter) -> Result<SealReport> {
        self.ready().await?;
        let actor = self.platform_actor(Op::AuditSeal).await?;
        let key = self.signing_key()?;
        audit::seal::seal(self.db().await?, &actor, key.as_ref(), progress).await
    }

    async fn audit_verify(
        &self,
        req: &AuditVerify,
        progress: Reporter,
    ) -> Result<AuditVerifyReport> {
        self.ready().await?;
        self.platform_actor(Op::AuditVerify).await?;
        let public = match &req.public_key {
            Some(pem) => Some(crate::signing::parse_public(pem, "--public-key")?),
            None => self.signing_key()?.map(|k| k.public()),
        };
        audit::seal::verify(self.db().await?, req, public.as_ref(), progress).await
    }

    async fn email_templates(&self) -> Result<Vec<crate::proto::email::TemplateInfo>> {
        self.platform_actor(Op::EmailTemplates).await?;
        self.templates().list()
    }

    async fn email_preview(
        &self,
        req: &crate::proto::email::EmailPreview,
    ) -> Result<crate::proto::email::Rendered> {
        self.platform_actor(Op::EmailPreview).await?;
        let mut rendered = self.templates().render(&req.template, req.data.as_ref())?;
        if req.format == crate::proto::email::PreviewFormat::Eml {
            let from = self
                .email
                .from
                .clone()
                .unwrap_or_else(|| "platctl <platctl@localhost>".into());
            let message = crate::email::message(&from, "recipient@example.com", &rendered)?;
            rendered.eml = Some(String::from_utf8_lossy(&message.formatted()).into_owned());
        }
        Ok(rendered)
    }

    async fn email_test(
        &self,
        req: &crate::proto::email::EmailTest,
    ) -> Result<crate::proto::email::EmailSent> {
        let actor = self.platform_actor(Op::EmailTest).await?;
        self.send_test_email(req, &actor).await
    }

    async fn health(
        &self,
        req: &crate::proto::health::HealthRequest,
    ) -> Result<crate::proto::health::HealthReport> {
        self.platform_actor(Op::Health).await?;
        self.run_health(req).await
    }

    async fn close(&self) {
        if let Some(db) = self.db.get() {
            db.close().await;
        }
    }
}
