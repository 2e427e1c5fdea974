//! The admin API's client: each operation is one request to `platctl serve` ([`Remote::send`],
//! from the request type's declaration), whose core runs it as the API key; errors come back
//! in their typed form, so the exit code is direct mode's. And the health probes, which need
//! no key.

use std::time::Duration;

use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::{Error, ErrorKind, Result};
use crate::progress::Reporter;
use crate::proto::audit::{AuditExport, AuditQuery, AuditRecord, ExportReport};
use crate::proto::endpoint::{self, Endpoint};
use crate::proto::error::ErrorBody;
use crate::proto::event::Event;
use crate::proto::health::{CheckResult, HealthReport, HealthState};
use crate::proto::ops::Op;
use crate::proto::{CreateKey, CreatedKey, Deliver, Out, RevokeKey, RotateKey, RotatedKey, Sink};

/// No overall time limit on a streamed answer is this long.
const STREAM_LIMIT: Duration = Duration::from_secs(7 * 24 * 3600);

/// A running `platctl serve` and the key to call it with.
pub struct Remote {
    base: url::Url,
    key: Option<String>,
    client: reqwest::Client,
    shown: String,
    /// The CA that signs the server's certificate, for the probes' own client.
    ca_file: Option<std::path::PathBuf>,
}

impl Remote {
    pub fn new(
        server: &str,
        ca_file: Option<&std::path::Path>,
        key: Option<String>,
        connect_timeout: Duration,
    ) -> Result<Remote> {
        let base = base_url(server)?;
        let read = connect_timeout + Duration::from_secs(60);
        let client = crate::http::client(ca_file, connect_timeout, read)?;
        Ok(Remote {
            shown: crate::redact::redact_url(base.as_str().trim_end_matches('/')),
            base,
            key,
            client,
            ca_file: ca_file.map(ToOwned::to_owned),
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
        query: &[(String, String)],
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
            return serde_json::from_str(&text)
                .map_err(|e| self.unreadable(&format!("answered {path} with something"), e));
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
        let causes = crate::http::causes(err);
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
                crate::http::causes(err)
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
            page.push(
                serde_json::from_value(value).map_err(|e| self.unreadable("sent a record", e))?,
            );
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
        mut out: Option<Out<'_>>,
    ) -> Result<T> {
        let mut result = None;
        let streamed = self
            .lines(path, body, |value| {
                let event: Event = serde_json::from_value(value)
                    .map_err(|e| self.unreadable("sent an event", e))?;
                match event {
                    Event::Phase { name, total } => progress.phase(&name, total),
                    Event::Advance(n) => progress.advance(n),
                    Event::Note(message) => progress.note(&message),
                    Event::Warn(message) => progress.warn(&message),
                    Event::Data(text) => match out.as_mut() {
                        Some(out) => out
                            .write_all(text.as_bytes())
                            .map_err(|e| Error::io("cannot write the export", e))?,
                        None => return Err(self.unreadable("sent data", "not asked for")),
                    },
                    Event::Result(value) => {
                        result = Some(
                            serde_json::from_value(value)
                                .map_err(|e| self.unreadable("sent the result", e))?,
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
        Error::internal(format!("{} {what} platctl cannot read ({e})", self.shown))
            .with_hint("is the server the same platctl version? `platctl --version` on both")
    }

    /// What this client talks to, for people.
    pub fn describe(&self) -> String {
        format!("{} (platctl serve)", self.shown)
    }

    /// Ask a server's health endpoint (`/health`, `/health/live`, `/health/ready`), which needs no
    /// key and says states and counts only. A server that cannot be reached, or answers something
    /// that is not terminus JSON, is one CRITICAL check named `server`.
    pub async fn probe(&self, path: &str, timeout: Duration) -> Result<HealthReport> {
        let url = self.url(path);
        let shown = crate::redact::redact_url(url.as_str());
        let down = |summary| {
            HealthReport::new(vec![CheckResult::bare(
                "server",
                HealthState::Critical,
                summary,
            )])
        };
        // Its own client: connecting, reading and the whole answer all within `timeout`.
        let client = crate::http::client(self.ca_file.as_deref(), timeout, timeout)?;
        let response = match client.get(url.clone()).timeout(timeout).send().await {
            Ok(r) => r,
            Err(e) if e.is_timeout() => {
                return Ok(down(format!(
                    "{shown} did not answer within {}",
                    humantime::format_duration(timeout)
                )));
            }
            Err(e) => {
                return Ok(down(format!(
                    "cannot reach {shown}: {}",
                    crate::http::causes(&e)
                )));
            }
        };
        let status = response.status();
        let text = response.text().await.unwrap_or_default();
        let report = serde_json::from_str(&text)
            .ok()
            .and_then(|v| HealthReport::from_terminus(&v));
        Ok(report.unwrap_or_else(|| {
            let start: String = text.trim().chars().take(200).collect();
            down(format!(
                "{shown} answered {status}, not health JSON: {start}"
            ))
        }))
    }

    /// Send one operation, as its type declares it; a streamed one's progress goes to
    /// `progress`.
    pub async fn send<E: Endpoint>(&self, req: &E, progress: &Reporter) -> Result<E::Response> {
        req.remote_check()?;
        let (path, fields) = endpoint::split(req)?;
        if E::STREAMED {
            let _watching = crate::interrupt::elsewhere(match E::OP {
                Op::BackupRun => {
                    "the server goes on with the backup (`platctl backup list` shows it when done)"
                }
                Op::BackupVerify => "the server finishes the verification on its own",
                _ => "the server goes on with the operation on its own (the audit log shows it)",
            });
            return self
                .operation(&path, &Value::Object(fields), progress, None)
                .await;
        }
        let method = match E::METHOD {
            endpoint::Method::Get => Method::GET,
            endpoint::Method::Post => Method::POST,
            endpoint::Method::Delete => Method::DELETE,
        };
        if E::METHOD.has_body() {
            self.call(method, &path, &[], Some(Value::Object(fields)))
                .await
        } else {
            let query = endpoint::query_pairs(fields)?;
            self.call(method, &path, &query, None).await
        }
    }

    /// Send `req` and show its answer with `deliver`; a key nobody received (`id`) is revoked.
    async fn delivered<E: Endpoint>(
        &self,
        req: &E,
        deliver: Deliver<'_, E::Response>,
        id: impl Fn(&E::Response) -> uuid::Uuid,
    ) -> Result<E::Response> {
        let answer = self.send(req, &crate::progress::silent()).await?;
        if let Err(e) = deliver(&answer) {
            let revoke = RevokeKey {
                id: id(&answer).to_string(),
                reason: Some("never delivered to its creator".into()),
            };
            let _ = self.send(&revoke, &crate::progress::silent()).await;
            return Err(e);
        }
        Ok(answer)
    }

    /// Create a key and show it with `deliver`; when showing fails, the key is revoked.
    pub async fn create_key(
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
        self.delivered(req, deliver, |created| created.id).await
    }

    /// Rotate a key and show the new one with `deliver`; when showing fails, it is revoked.
    pub async fn rotate_key(
        &self,
        req: &RotateKey,
        deliver: Deliver<'_, RotatedKey>,
    ) -> Result<RotatedKey> {
        self.delivered(req, deliver, |rotated| rotated.new.id).await
    }

    /// Audit entries matching the query, handed to `sink` a page at a time; returns how many.
    pub async fn audit_query(&self, req: &AuditQuery, sink: Sink<'_, AuditRecord>) -> Result<u64> {
        self.ndjson(AuditQuery::PATH, req, sink).await
    }

    /// Write matching entries to `out`, oldest first, in the request's format.
    pub async fn audit_export(
        &self,
        req: &AuditExport,
        out: Out<'_>,
        progress: Reporter,
    ) -> Result<ExportReport> {
        self.operation(AuditExport::PATH, req, &progress, Some(out))
            .await
    }
}

/// The base URL of a server: `http://` or `https://`, nothing after the host and port but a
/// path prefix.
fn base_url(text: &str) -> Result<url::Url> {
    let bad = |why: String| {
        Error::usage(format!(
            "--server {} is not a server URL: {why}",
            crate::redact::redact_url(text)
        ))
        .with_hint("e.g. https://admin.acme.io or http://127.0.0.1:8088")
    };
    let url = url::Url::parse(text.trim()).map_err(|e| bad(e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(bad(format!(
            "the scheme `{}` is not http or https",
            url.scheme()
        )));
    }
    if url.host_str().is_none() || url.query().is_some() || !url.username().is_empty() {
        return Err(bad("expected scheme, host, port and at most a path".into()));
    }
    Ok(url)
}
