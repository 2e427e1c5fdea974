//! How the core runs each operation the protocol declares ([`Endpoint`]): the command line
//! (directly) and the admin API (for each request) both come here, with the request type, so
//! that the permission checked is always the one its declaration names (`Self::OP`).

use std::future::Future;

use super::*;
use crate::proto::email::{EmailPreview, EmailTemplates, EmailTest};
use crate::proto::endpoint::Endpoint;
use crate::proto::health::HealthRequest;

/// An operation the core runs.
pub trait Run: Endpoint {
    fn run(
        self,
        core: &Core,
        progress: Reporter,
    ) -> impl Future<Output = Result<Self::Response>> + Send;
}

/// `run!(Type, |req, core, progress| body)`: how the core runs `Type`.
macro_rules! run {
    ($($ty:ty => |$req:ident, $core:ident, $progress:ident| $body:expr;)*) => {$(
        impl Run for $ty {
            #[allow(unused_variables)]
            async fn run(self, $core: &Core, $progress: Reporter) -> Result<<$ty as Endpoint>::Response> {
                let $req = self;
                $body
            }
        }
    )*};
}

run! {
    MigrateStatus => |req, core, progress| {
        core.platform_actor(MigrateStatus::OP).await?;
        migrate::status(core.db().await?).await
    };
    MigrateRun => |req, core, progress| {
        let actor = core.platform_actor(MigrateRun::OP).await?;
        migrate::run(core.db().await?, &req, &actor).await
    };
    RevertPlan => |req, core, progress| {
        core.platform_actor(RevertPlan::OP).await?;
        migrate::revert_plan(core.db().await?, req.to).await
    };
    MigrateRevert => |req, core, progress| {
        let actor = core.platform_actor(MigrateRevert::OP).await?;
        migrate::revert(core.db().await?, &req, &actor).await
    };
    MigrateVerify => |req, core, progress| {
        core.platform_actor(MigrateVerify::OP).await?;
        migrate::verify(core.db().await?).await
    };
    MigrateAccept => |req, core, progress| {
        let actor = core.platform_actor(MigrateAccept::OP).await?;
        migrate::accept(core.db().await?, req.version, &actor).await
    };

    ListOrganizations => |req, core, progress| {
        read!(core, ListOrganizations::OP, Target::Platform, |tx, _auth| orgs::list_orgs(tx))
    };
    CreateOrganization => |req, core, progress| {
        orgs::validate_slug(&req.slug)?;
        change!(core, CreateOrganization::OP, Target::Platform, |tx, actor, _auth| {
            orgs::create_org(tx, actor, &req)
        })
    };

    ListUsers => |req, core, progress| {
        read!(core, ListUsers::OP, Target::named(req.organization.as_deref()), |tx, auth| {
            users::list_users(tx, &auth.view, auth.org.as_ref())
        })
    };
    CreateUser => |req, core, progress| {
        users::validate_email(req.email.trim())?;
        change!(core, CreateUser::OP, Target::Platform, |tx, actor, _auth| {
            users::create_user(tx, actor, &req)
        })
    };
    DisableUser => |req, core, progress| {
        change!(core, DisableUser::OP, Target::Platform, |tx, actor, _auth| {
            users::set_disabled(tx, actor, &req.email, true)
        })
    };
    EnableUser => |req, core, progress| {
        change!(core, EnableUser::OP, Target::Platform, |tx, actor, _auth| {
            users::set_disabled(tx, actor, &req.email, false)
        })
    };

    ListRoles => |req, core, progress| {
        read!(core, ListRoles::OP, Target::Platform, |tx, _auth| roles::list_roles(tx))
    };
    ShowRole => |req, core, progress| {
        read!(core, ShowRole::OP, Target::Platform, |tx, _auth| roles::show_role(tx, &req.name))
    };
    CreateRole => |req, core, progress| {
        change!(core, CreateRole::OP, Target::Platform, |tx, actor, _auth| {
            roles::create_role(tx, actor, &req)
        })
    };
    DeleteRole => |req, core, progress| {
        change!(core, DeleteRole::OP, Target::Platform, |tx, actor, _auth| {
            roles::delete_role(tx, actor, &req.name, req.force)
        })
    };
    Grant => |req, core, progress| {
        let perms = catalogue::parse_all(&req.permissions)?;
        change!(core, Grant::OP, Target::Platform, |tx, actor, _auth| {
            roles::grant(tx, actor, &req.name, &perms)
        })
    };
    RevokePermissions => |req, core, progress| {
        let perms = catalogue::parse_marked(&req.permissions)?;
        change!(core, RevokePermissions::OP, Target::Platform, |tx, actor, _auth| {
            roles::revoke(tx, actor, &req.name, &perms)
        })
    };
    AssignRole => |req, core, progress| {
        change!(core, AssignRole::OP, Target::Org(&req.organization), |tx, actor, auth| {
            roles::assign(tx, actor, auth, &req)
        })
    };
    Unassign => |req, core, progress| {
        change!(core, Unassign::OP, Target::Org(&req.organization), |tx, actor, auth| {
            roles::unassign(tx, actor, auth, &req.user, &req.organization)
        })
    };

    ListPermissions => |req, core, progress| {
        read!(core, ListPermissions::OP, Target::Platform, |tx, _auth| {
            permissions::list_permissions(tx, req.resource.as_deref())
        })
    };
    CheckPermission => |req, core, progress| {
        catalogue::parse(&req.permission)?;
        read!(core, CheckPermission::OP, Target::Org(&req.organization), |tx, auth| async {
            let org = auth.org.as_ref().ok_or_else(|| {
                crate::error::Error::internal("permissions check names no organization")
            })?;
            permissions::check(tx, &auth.view, org, &req).await
        })
    };

    CreateKey => |req, core, progress| core.create_key(&req, &|_| Ok(())).await;
    ListKeys => |req, core, progress| {
        read!(core, ListKeys::OP, Target::named(req.organization.as_deref()), |tx, auth| async {
            keys::list_remembered(tx, &core.heard, &auth.view, &req).await
        })
    };
    ShowKey => |req, core, progress| {
        read!(core, ShowKey::OP, Target::Found, |tx, auth| keys::show(tx, &auth.view, &req.id))
    };
    RevokeKey => |req, core, progress| {
        change!(core, RevokeKey::OP, Target::Found, |tx, actor, auth| {
            keys::revoke(tx, actor, &auth.view, &req.id, req.reason.as_deref())
        })
    };
    DeleteKey => |req, core, progress| {
        change!(core, DeleteKey::OP, Target::Found, |tx, actor, auth| {
            keys::delete(tx, actor, &auth.view, &req.id)
        })
    };
    RotateKey => |req, core, progress| core.rotate_key(&req, &|_| Ok(())).await;
    ConfirmKey => |req, core, progress| {
        change!(core, ConfirmKey::OP, Target::Found, |tx, actor, auth| {
            keys::confirm(tx, actor, &auth.view, &req.id)
        })
    };
    VerifyKey => |req, core, progress| {
        read!(core, VerifyKey::OP, Target::Found, |tx, auth| keys::verify(tx, &auth.view, &req.key))
    };

    Whoami => |req, core, progress| {
        read!(core, Whoami::OP, Target::named(None), |tx, _auth| async {
            let actor = core.actor(tx).await?;
            keys::whoami(tx, &actor, matches!(core.principal, Principal::User(_))).await
        })
    };

    BackupRun => |req, core, progress| core.run_backup(&req, progress).await;
    ListBackups => |req, core, progress| core.list_backups(req.storage.as_deref(), progress).await;
    BackupShow => |req, core, progress| {
        core.show_backup(&req.id, req.storage.as_deref(), progress).await
    };
    BackupVerify => |req, core, progress| core.verify_backup(&req, progress).await;
    BackupPrune => |req, core, progress| core.prune_backups(&req, progress).await;

    AuditTail => |req, core, progress| {
        let f = core.audit_filter(AuditTail::OP, &req.filter).await?;
        audit::query::tail(core.db().await?, &f, &req).await
    };
    AuditFollow => |req, core, progress| {
        let f = core.audit_filter(AuditFollow::OP, &req.filter).await?;
        audit::query::follow(core.db().await?, &f, &req.cursor).await
    };
    AuditStats => |req, core, progress| {
        let f = core.audit_filter(AuditStats::OP, &req.filter).await?;
        audit::query::stats(core.db().await?, &f, req.by).await
    };
    PlanAuditPrune => |req, core, progress| {
        core.ready().await?;
        core.platform_actor(PlanAuditPrune::OP).await?;
        audit::prune::plan(core.db().await?, req.0.cutoff).await
    };
    AuditPrune => |req, core, progress| {
        core.ready().await?;
        let actor = core.platform_actor(AuditPrune::OP).await?;
        let key = core.signing_key()?;
        audit::prune::prune(core.db().await?, &actor, req.cutoff, key.as_ref(), progress).await
    };
    AuditSeal => |req, core, progress| {
        core.ready().await?;
        let actor = core.platform_actor(AuditSeal::OP).await?;
        let key = core.signing_key()?;
        audit::seal::seal(core.db().await?, &actor, key.as_ref(), progress).await
    };
    AuditVerify => |req, core, progress| {
        core.ready().await?;
        core.platform_actor(AuditVerify::OP).await?;
        let public = match &req.public_key {
            Some(pem) => Some(crate::signing::parse_public(pem, "--public-key")?),
            None => core.signing_key()?.map(|k| k.public()),
        };
        audit::seal::verify(core.db().await?, &req, public.as_ref(), progress).await
    };

    EmailTemplates => |req, core, progress| {
        core.platform_actor(EmailTemplates::OP).await?;
        core.templates().list()
    };
    EmailPreview => |req, core, progress| core.preview_email(&req).await;
    EmailTest => |req, core, progress| {
        let actor = core.platform_actor(EmailTest::OP).await?;
        core.send_test_email(&req, &actor).await
    };

    HealthRequest => |req, core, progress| {
        core.platform_actor(HealthRequest::OP).await?;
        core.run_health(&req).await
    };
}

/// What is not a plain request and answer: a key shown before it is kept, answers too long to
/// hold, a restore, `init`.
impl Core {
    /// Create a key and show it with `deliver`; when showing fails, nothing is kept.
    pub async fn create_key(
        &self,
        req: &CreateKey,
        deliver: Deliver<'_, CreatedKey>,
    ) -> Result<CreatedKey> {
        keys::check_request(req)?;
        // Platform keys are the operator's: made with the database, never by a key or a user.
        if req.platform && self.principal != Principal::Operator {
            return Err(crate::error::Error::forbidden(
                "forbidden: a platform key is made only by the operator with the database",
            )
            .with_hint(
                "run `platctl keys create --platform ...` against the database itself, without --as and without --server",
            ));
        }
        let target = match req.platform {
            true => Target::Platform, // no organization: `auth.org` is none
            false => Target::or_default(req.organization.as_deref()),
        };
        change!(
            self,
            CreateKey::OP,
            target,
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

    /// A new key like the old one, shown with `deliver`; when showing fails, nothing is kept.
    pub async fn rotate_key(
        &self,
        req: &RotateKey,
        deliver: Deliver<'_, RotatedKey>,
    ) -> Result<RotatedKey> {
        change!(
            self,
            RotateKey::OP,
            Target::Found,
            |tx, actor, auth| keys::rotate(
                tx,
                actor,
                &auth.view,
                &req.id,
                req.grace,
                self.key_confirm_within
            ),
            deliver
        )
    }

    /// Audit entries matching the query, handed to `sink` a page at a time; returns how many.
    pub async fn audit_query(&self, req: &AuditQuery, sink: Sink<'_, AuditRecord>) -> Result<u64> {
        let f = self.audit_filter(AuditQuery::OP, &req.filter).await?;
        audit::query::query(self.db().await?, &f, req, sink).await
    }

    /// Write matching entries to `out`, oldest first, in the request's format.
    pub async fn audit_export(
        &self,
        req: &AuditExport,
        out: Out<'_>,
        progress: Reporter,
    ) -> Result<ExportReport> {
        let f = self.audit_filter(AuditExport::OP, &req.filter).await?;
        audit::query::export(self.db().await?, &f, req.format, out, progress).await
    }

    /// Create the organization `default` when there is none; returns it when created.
    pub async fn ensure_default_organization(&self) -> Result<Option<Organization>> {
        change!(
            self,
            Op::OrgsCreate,
            Target::Platform,
            |tx, actor, _auth| { orgs::ensure_default_org(tx, actor) }
        )
    }

    /// The database, for people, with secrets redacted.
    pub fn describe(&self) -> String {
        self.target.clone()
    }

    /// Release connections.
    pub async fn close(&self) {
        if let Some(db) = self.db.get() {
            db.close().await;
        }
    }
}
