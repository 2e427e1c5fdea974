//! The `Backend` over HTTP: each method is one request to `platctl serve`, whose core runs it
//! as the API key; errors come back in their typed form, so the exit code is direct mode's.

use std::time::Duration;

use async_trait::async_trait;
use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::backend::{Backend, Deliver, Sink};
use crate::error::{Error, ErrorKind, Result};
use crate::progress::Reporter;
use crate::proto::audit::*;
use crate::proto::backup::*;
use crate::proto::email::{EmailPreview, EmailSent, EmailTest, Rendered, TemplateInfo};
use crate::proto::error::ErrorBody;
use crate::proto::event::Event;
use crate::proto::health::{HealthReport, HealthRequest};
use crate::proto::ops::Op;
use crate::proto::*;

/// A running `platctl serve` and the key to call it with.
pub struct Remote {
    base: url::Url,
    key: Option<String>,
    client: reqwest::Client,
    shown: String,
}

impl Remote {
    pub fn new(
        server: &str,
        ca_file: Option<&std::path::Path>,
        key: Option<String>,
        connect_timeout: Duration,
    ) -> Result<Remote> {
        let base = super::base_url(server)?;
        let client = super::client(
            ca_file,
            connect_timeout,
            connect_timeout + Duration::from_secs(60),
        )?;
        Ok(Remote {
            shown: crate::redact::redact_url(base.as_str().trim_end_matches('/')),
            base,
            key,
            client,
        })
    }

    /// The key to call with, or what to set.
    fn key(&self) -> Result<&str> {
        self.key.as_deref().ok_or_else(|| {
            Error::config(format!(
                "--server {}: no API key to call it with",
                self.shown
            ))
            .with_hint("set PLATCTL_API_KEY, or --api-key-file FILE (a profile's api_key_file)")
        })
    }

    fn url(&self, path: &str) -> url::Url {
        let mut url = self.base.clone();
        let joined = format!("{}{path}", self.base.path().trim_end_matches('/'));
        url.set_path(&joined);
        url
    }

    async fn call<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<Value>,
    ) -> Result<T> {
        let key = self.key()?;
        let mut request = self
            .client
            .request(method, self.url(path))
            .bearer_auth(key)
            .query(query);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.map_err(|e| self.unreachable(&e))?;
        let status = response.status();
        let retry_after = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let text = response.text().await.map_err(|e| self.cut(path, &e))?;
        if status.is_success() {
            return serde_json::from_str(&text).map_err(|e| {
                Error::internal(format!(
                    "{} answered {path} with something platctl cannot read ({e})",
                    self.shown
                ))
                .with_hint("is the server the same platctl version? `platctl --version` on both")
            });
        }
        Err(self.refusal(status, &text, retry_after))
    }

    /// A refusal, as the server typed it (its kind gives the exit code).
    fn refusal(
        &self,
        status: reqwest::StatusCode,
        text: &str,
        retry_after: Option<String>,
    ) -> Error {
        let Ok(body) = serde_json::from_str::<ErrorBody>(text) else {
            let start: String = text.trim().chars().take(200).collect();
            return Error::new(
                ErrorKind::Connect,
                format!("{} answered {status}: {start}", self.shown),
            )
            .with_hint("is --server a platctl serve (behind its proxy)?");
        };
        let kind = body.kind.unwrap_or(match status.as_u16() {
            401 => ErrorKind::Unauthenticated(crate::proto::error::AuthFailure::UnknownKey),
            403 => ErrorKind::Forbidden,
            404 => ErrorKind::NotFound,
            400 | 422 => ErrorKind::Usage,
            409 => ErrorKind::Conflict,
            _ => ErrorKind::Connect,
        });
        let hint = match (status.as_u16(), retry_after) {
            (429, Some(wait)) => Some(format!(
                "the server limits requests per key: try again in {wait} s"
            )),
            (401, _) => Some(format!(
                "{}; check PLATCTL_API_KEY or --api-key-file",
                body.hint
                    .unwrap_or_else(|| "the server did not accept the key".into())
            )),
            _ => body.hint,
        };
        // `403: this key lacks ...`: the status first, where people look for it.
        let message = match status.as_u16() {
            code @ (401 | 403 | 429) => format!(
                "{code}: {}",
                body.message
                    .strip_prefix("forbidden: ")
                    .unwrap_or(&body.message)
            ),
            _ => body.message,
        };
        let err = Error::new(kind, message);
        match hint {
            Some(h) => err.with_hint(h),
            None => err,
        }
    }

    fn unreachable(&self, err: &reqwest::Error) -> Error {
        let causes = super::causes(err);
        let hint = if causes.contains("certificate") || causes.contains("tls") {
            "the server's certificate is not trusted here: check the URL, or name the CA that signed \
             it with PLATCTL_SERVER_CA_FILE"
        } else if err.is_timeout() {
            "the server did not answer in time; is it overloaded, or is the operation long?"
        } else {
            "check the URL of --server (PLATCTL_SERVER), and that platctl serve runs there"
        };
        Error::new(
            ErrorKind::Connect,
            format!("cannot reach {}: {causes}", self.shown),
        )
        .with_hint(hint)
    }

    /// The connection broke after the server had started to answer: it was reached, so the
    /// URL is not the question.
    fn cut(&self, path: &str, err: &reqwest::Error) -> Error {
        Error::new(
            ErrorKind::Connect,
            format!(
                "the connection to {} was cut before {path} was answered in full: {}",
                self.shown,
                super::causes(err)
            ),
        )
        .with_hint(
            "the server may have stopped or restarted (a server that is shutting down says so); \
             `platctl backup list` and the audit log show what was done",
        )
    }

    /// POST `body` for an answer streamed as NDJSON, and hand each line to `each` as it
    /// arrives. Streams are as long as the operation: no overall time limit, but a server
    /// silent for longer than the read timeout (it sends a blank line every 15 s) is gone.
    async fn lines(
        &self,
        path: &str,
        body: &impl Serialize,
        mut each: impl FnMut(Value) -> Result<()>,
    ) -> Result<()> {
        let key = self.key()?;
        let mut response = self
            .client
            .post(self.url(path))
            .bearer_auth(key)
            .timeout(STREAM_LIMIT)
            .json(body)
            .send()
            .await
            .map_err(|e| self.unreachable(&e))?;
        let status = response.status();
        if !status.is_success() {
            let text = response.text().await.map_err(|e| self.unreachable(&e))?;
            return Err(self.refusal(status, &text, None));
        }
        let mut pending: Vec<u8> = Vec::new();
        loop {
            let chunk = response.chunk().await.map_err(|e| self.cut(path, &e))?;
            let done = chunk.is_none();
            match chunk {
                Some(bytes) => pending.extend_from_slice(&bytes),
                None if !pending.is_empty() => pending.push(b'\n'),
                None => {}
            }
            while let Some(end) = pending.iter().position(|b| *b == b'\n') {
                let line: Vec<u8> = pending.drain(..=end).collect();
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue; // a keep-alive
                }
                let value: Value = serde_json::from_slice(&line).map_err(|e| {
                    Error::internal(format!(
                        "{} sent a line platctl cannot read ({e})",
                        self.shown
                    ))
                })?;
                if let Some(err) = value.get("error") {
                    // Failed after the answer started: the server's error, typed.
                    let status = err
                        .get("statusCode")
                        .and_then(Value::as_u64)
                        .and_then(|c| reqwest::StatusCode::from_u16(c as u16).ok())
                        .unwrap_or(reqwest::StatusCode::INTERNAL_SERVER_ERROR);
                    return Err(self.refusal(status, &err.to_string(), None));
                }
                each(value)?;
            }
            if done {
                return Ok(());
            }
        }
    }

    /// POST `body`, and hand the NDJSON records of the answer to `sink` a page at a time.
    async fn ndjson<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &impl Serialize,
        sink: Sink<'_, T>,
    ) -> Result<u64> {
        const PAGE: usize = 500;
        let mut page: Vec<T> = Vec::with_capacity(PAGE);
        let mut count = 0u64;
        self.lines(path, body, |value| {
            page.push(serde_json::from_value(value).map_err(|e| self.unreadable("a record", e))?);
            count += 1;
            if page.len() == PAGE {
                sink(std::mem::take(&mut page))?;
            }
            Ok(())
        })
        .await?;
        if !page.is_empty() {
            sink(page)?;
        }
        Ok(count)
    }

    /// Run a long operation (see `serve::stream`): its progress goes to `progress`, an
    /// export's text to `out`, and its last line is the result or the error.
    async fn operation<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &impl Serialize,
        progress: &Reporter,
        mut out: Option<&mut (dyn std::io::Write + Send)>,
    ) -> Result<T> {
        let mut result = None;
        let streamed = self
            .lines(path, body, |value| {
                let event: Event =
                    serde_json::from_value(value).map_err(|e| self.unreadable("an event", e))?;
                match event {
                    Event::Phase { name, total } => progress.phase(&name, total),
                    Event::Advance(n) => progress.advance(n),
                    Event::Note(message) => progress.note(&message),
                    Event::Warn(message) => progress.warn(&message),
                    Event::Data(text) => match out.as_mut() {
                        Some(out) => out
                            .write_all(text.as_bytes())
                            .map_err(|e| Error::io("cannot write the export", e))?,
                        None => return Err(self.unreadable("data", "not asked for")),
                    },
                    Event::Result(value) => {
                        result = Some(
                            serde_json::from_value(value)
                                .map_err(|e| self.unreadable("the result", e))?,
                        )
                    }
                    Event::Error(_) => {} // turned into the error by `lines`
                }
                Ok(())
            })
            .await;
        progress.finish();
        streamed?;
        result.ok_or_else(|| {
            Error::new(
                ErrorKind::Connect,
                format!("{} stopped answering {path} before the end", self.shown),
            )
            .with_hint(
                "the connection was cut or the server stopped; `platctl backup list` and the \
                 audit log show what the operation did",
            )
        })
    }

    fn unreadable(&self, what: &str, e: impl std::fmt::Display) -> Error {
        Error::internal(format!(
            "{} sent {what} platctl cannot read ({e})",
            self.shown
        ))
        .with_hint("is the server the same platctl version? `platctl --version` on both")
    }

    async fn get<T: DeserializeOwned>(&self, path: &str, query: &[(&str, String)]) -> Result<T> {
        self.call(Method::GET, path, query, None).await
    }

    async fn post<T: DeserializeOwned>(&self, path: &str, body: &impl Serialize) -> Result<T> {
        let body = serde_json::to_value(body)
            .map_err(|e| Error::internal(format!("cannot encode the request: {e}")))?;
        self.call(Method::POST, path, &[], Some(body)).await
    }
}

/// A path segment, percent-encoded (ids, names and emails go into paths).
fn seg(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

/// No overall time limit on a streamed answer is this long.
const STREAM_LIMIT: Duration = Duration::from_secs(7 * 24 * 3600);

/// A restore replaces a database: the admin API does not replace the one it serves.
fn no_remote_restore<T>() -> Result<T> {
    Err(Error::usage(format!(
        "`platctl {}` does not run over --server: a restore replaces a database, and the admin \
         API does not replace the one it serves",
        Op::BackupRestore.command()
    ))
    .with_hint(
        "stop the server, and restore where the database is reachable (without --server); \
         `backup verify --restore-test` does run over --server",
    ))
}

/// `--storage` names a place on this machine; the server keeps its own.
fn own_storage(storage: Option<&str>) -> Result<()> {
    match storage {
        None => Ok(()),
        Some(_) => Err(Error::usage("--storage does not apply with --server")
            .with_hint("the server lists and keeps backups in its own storage (its BACKUP_DIR)")),
    }
}

#[async_trait]
impl Backend for Remote {
    fn describe(&self) -> String {
        format!("{} (platctl serve)", self.shown)
    }

    async fn migrate_status(&self) -> Result<Vec<Migration>> {
        self.get("/migrations", &[]).await
    }
    async fn migrate_run(&self, req: &MigrateRun) -> Result<MigrateReport> {
        self.post("/migrations/run", req).await
    }
    async fn migrate_revert_plan(&self, to: Option<i64>) -> Result<Vec<Migration>> {
        let query: Vec<(&str, String)> = to.map(|t| ("to", t.to_string())).into_iter().collect();
        self.get("/migrations/revert-plan", &query).await
    }
    async fn migrate_revert(&self, req: &MigrateRevert) -> Result<MigrateReport> {
        self.post("/migrations/revert", req).await
    }
    async fn migrate_verify(&self) -> Result<Vec<Drift>> {
        self.get("/migrations/verify", &[]).await
    }
    async fn migrate_accept(&self, version: i64) -> Result<Drift> {
        self.post(&format!("/migrations/{version}/accept"), &json!({}))
            .await
    }

    async fn ensure_default_organization(&self) -> Result<Option<Organization>> {
        Err(
            Error::usage("`platctl init` sets up a local database; it does not run over --server")
                .with_hint("run it on the machine of the database"),
        )
    }

    async fn create_organization(&self, req: &CreateOrganization) -> Result<Organization> {
        self.post("/organizations", req).await
    }
    async fn list_organizations(&self) -> Result<Vec<Organization>> {
        self.get("/organizations", &[]).await
    }

    async fn create_user(&self, req: &CreateUser) -> Result<User> {
        self.post("/users", req).await
    }
    async fn list_users(&self, organization: Option<&str>) -> Result<Vec<User>> {
        let query: Vec<(&str, String)> = organization
            .map(|o| ("organization", o.to_string()))
            .into_iter()
            .collect();
        self.get("/users", &query).await
    }
    async fn set_user_disabled(&self, email: &str, disabled: bool) -> Result<UserChange> {
        let verb = if disabled { "disable" } else { "enable" };
        self.post(&format!("/users/{}/{verb}", seg(email)), &json!({}))
            .await
    }

    async fn list_roles(&self) -> Result<Vec<Role>> {
        self.get("/roles", &[]).await
    }
    async fn show_role(&self, name: &str) -> Result<RoleDetail> {
        self.get(&format!("/roles/{}", seg(name)), &[]).await
    }
    async fn create_role(&self, req: &CreateRole) -> Result<Role> {
        self.post("/roles", req).await
    }
    async fn delete_role(&self, name: &str, force: bool) -> Result<RoleDeleted> {
        self.call(
            Method::DELETE,
            &format!("/roles/{}", seg(name)),
            &[("force", force.to_string())],
            None,
        )
        .await
    }
    async fn grant(&self, role: &str, permissions: &[String]) -> Result<GrantChange> {
        self.post(
            &format!("/roles/{}/permissions", seg(role)),
            &json!({ "permissions": permissions }),
        )
        .await
    }
    async fn revoke(&self, role: &str, permissions: &[String]) -> Result<GrantChange> {
        self.call(
            Method::DELETE,
            &format!("/roles/{}/permissions", seg(role)),
            &[("permissions", permissions.join(","))],
            None,
        )
        .await
    }
    async fn assign_role(&self, req: &AssignRole) -> Result<Assignment> {
        self.post("/role-assignments", req).await
    }
    async fn unassign_role(&self, user: &str, organization: &str) -> Result<Assignment> {
        self.call(
            Method::DELETE,
            "/role-assignments",
            &[
                ("user", user.to_string()),
                ("organization", organization.to_string()),
            ],
            None,
        )
        .await
    }

    async fn list_permissions(&self, resource: Option<&str>) -> Result<Vec<PermissionInfo>> {
        let query: Vec<(&str, String)> = resource
            .map(|r| ("resource", r.to_string()))
            .into_iter()
            .collect();
        self.get("/permissions", &query).await
    }
    async fn check_permission(&self, req: &CheckPermission) -> Result<PermissionCheck> {
        self.post("/permissions/check", req).await
    }

    async fn create_key(
        &self,
        req: &CreateKey,
        deliver: Deliver<'_, CreatedKey>,
    ) -> Result<CreatedKey> {
        if req.platform {
            return Err(Error::forbidden(
                "forbidden: a platform key is made only by the operator with the database",
            )
            .with_hint(
                "run `platctl keys create --platform ...` against the database itself, without --server",
            ));
        }
        let mut body = json!({
            "name": req.name,
            "scopes": req.scopes,
            "organization": req.organization,
            "test": req.test,
        });
        match &req.expires {
            Some(Expiry::In(d)) => {
                body["expires_in"] = json!(format!("{}s", d.0.as_secs()));
            }
            Some(Expiry::At(at)) => body["expires_at"] = json!(at),
            None => {}
        }
        let created: CreatedKey = self.post("/api-keys", &body).await?;
        if let Err(e) = deliver(&created) {
            // Nobody received it: it must not stay usable.
            let _ = self
                .revoke_key(
                    &created.id.to_string(),
                    Some("never delivered to its creator"),
                )
                .await;
            return Err(e);
        }
        Ok(created)
    }
    async fn list_keys(&self, req: &ListKeys) -> Result<Vec<ApiKey>> {
        let mut query = vec![("all", req.all.to_string())];
        if req.platform {
            query.push(("platform", "true".to_string()));
        }
        if let Some(o) = &req.organization {
            query.push(("organization", o.clone()));
        }
        if let Some(c) = &req.created_by {
            query.push(("created_by", c.clone()));
        }
        self.get("/api-keys", &query).await
    }
    async fn show_key(&self, id: &str) -> Result<ApiKey> {
        self.get(&format!("/api-keys/{}", seg(id)), &[]).await
    }
    async fn revoke_key(&self, id: &str, reason: Option<&str>) -> Result<Changed<ApiKey>> {
        self.post(
            &format!("/api-keys/{}/revoke", seg(id)),
            &json!({ "reason": reason }),
        )
        .await
    }
    async fn delete_key(&self, id: &str) -> Result<ApiKey> {
        self.call(Method::DELETE, &format!("/api-keys/{}", seg(id)), &[], None)
            .await
    }
    async fn rotate_key(
        &self,
        id: &str,
        grace: Duration,
        deliver: Deliver<'_, RotatedKey>,
    ) -> Result<RotatedKey> {
        let rotated: RotatedKey = self
            .post(
                &format!("/api-keys/{}/rotate", seg(id)),
                &json!({ "grace": format!("{}s", grace.as_secs()) }),
            )
            .await?;
        if let Err(e) = deliver(&rotated) {
            let _ = self
                .revoke_key(
                    &rotated.new.id.to_string(),
                    Some("never delivered to its creator"),
                )
                .await;
            return Err(e);
        }
        Ok(rotated)
    }
    async fn confirm_key(&self, id: &str) -> Result<Changed<ApiKey>> {
        self.post(&format!("/api-keys/{}/confirm", seg(id)), &json!({}))
            .await
    }
    async fn verify_key(&self, key: &str) -> Result<KeyVerification> {
        self.post("/api-keys/verify", &json!({ "key": key })).await
    }

    async fn backup_run(&self, req: &BackupRun, progress: Reporter) -> Result<BackupRunOutcome> {
        own_storage(req.storage.as_deref())?;
        let _watching = crate::interrupt::elsewhere(
            "the server goes on with the backup (`platctl backup list` shows it when done)",
        );
        self.operation("/backups/run", req, &progress, None).await
    }
    async fn backup_list(
        &self,
        storage: Option<&str>,
        _progress: Reporter,
    ) -> Result<Vec<BackupInfo>> {
        own_storage(storage)?;
        self.get("/backups", &[]).await
    }
    async fn backup_show(
        &self,
        id: &str,
        storage: Option<&str>,
        _progress: Reporter,
    ) -> Result<ShowBackup> {
        own_storage(storage)?;
        self.get(&format!("/backups/{}", seg(id)), &[]).await
    }
    async fn backup_restore_plan(
        &self,
        _req: &BackupRestore,
        _progress: Reporter,
    ) -> Result<RestorePlan> {
        no_remote_restore()
    }
    async fn backup_restore(
        &self,
        _req: &BackupRestore,
        _plan: &RestorePlan,
        _progress: Reporter,
    ) -> Result<RestoreReport> {
        no_remote_restore()
    }
    async fn backup_verify(&self, req: &BackupVerify, progress: Reporter) -> Result<VerifyReport> {
        own_storage(req.storage.as_deref())?;
        let _watching =
            crate::interrupt::elsewhere("the server finishes the verification on its own");
        self.operation("/backups/verify", req, &progress, None)
            .await
    }
    async fn backup_prune(&self, req: &BackupPrune, _progress: Reporter) -> Result<PruneReport> {
        own_storage(req.storage.as_deref())?;
        self.post("/backups/prune", req).await
    }

    async fn audit_query(&self, req: &AuditQuery, sink: Sink<'_, AuditRecord>) -> Result<u64> {
        self.ndjson("/audit-logs/query", req, sink).await
    }
    async fn audit_tail(&self, req: &AuditTail) -> Result<TailPoll> {
        self.post("/audit-logs/tail", req).await
    }
    async fn audit_follow(&self, filter: &AuditFilter, cursor: &TailCursor) -> Result<TailPoll> {
        self.post(
            "/audit-logs/follow",
            &json!({ "filter": filter, "cursor": cursor }),
        )
        .await
    }
    async fn audit_stats(&self, req: &AuditStats) -> Result<Vec<AuditCount>> {
        self.post("/audit-logs/stats", req).await
    }
    async fn audit_export(
        &self,
        req: &AuditExport,
        out: &mut (dyn std::io::Write + Send),
        progress: Reporter,
    ) -> Result<ExportReport> {
        self.operation("/audit-logs/export", req, &progress, Some(out))
            .await
    }
    async fn audit_prune_plan(&self, req: &AuditPrune) -> Result<AuditPrunePlan> {
        self.post("/audit-logs/prune-plan", req).await
    }
    async fn audit_prune(&self, req: &AuditPrune, _progress: Reporter) -> Result<AuditPruneReport> {
        self.post("/audit-logs/prune", req).await
    }
    async fn audit_seal(&self, _progress: Reporter) -> Result<SealReport> {
        self.post("/audit-logs/seal", &json!({})).await
    }
    async fn audit_verify(
        &self,
        req: &AuditVerify,
        _progress: Reporter,
    ) -> Result<AuditVerifyReport> {
        self.post("/audit-logs/verify", req).await
    }

    async fn email_templates(&self) -> Result<Vec<TemplateInfo>> {
        self.get("/email/templates", &[]).await
    }
    async fn email_preview(&self, req: &EmailPreview) -> Result<Rendered> {
        self.post("/email/preview", req).await
    }
    async fn email_test(&self, req: &EmailTest) -> Result<EmailSent> {
        self.post("/email/test", req).await
    }

    async fn health(&self, req: &HealthRequest) -> Result<HealthReport> {
        self.post("/health/checks", req).await
    }

    async fn close(&self) {}
}
