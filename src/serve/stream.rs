//! Answers too long for one JSON document, streamed as NDJSON.
//!
//! - `audit query`: one record per line, as the core reads them a page at a time.
//! - Long operations (backup run, backup verify with its restore test, audit export): one
//!   [`Event`] per line while the operation runs (its phases and progress, an export's text),
//!   then its result or its error as the last line. The client draws the same progress bar as
//!   in direct mode.
//!
//! Either way a failure before anything was sent is an ordinary error response (401, 403, ...);
//! one after it is a last line `{"error": {...}}` that a client turns back into the error.
//! Both wait for a slow client: the core is held back (at most a few pages or chunks ahead)
//! rather than queueing the whole answer in memory.
//!
//! A long operation runs as a task of its own, not as part of the response: a client that goes
//! away does not cut a backup or a restore test short (they finish, or fail whole: a backup's
//! manifest is written last, a scratch database is dropped), while an export, which only the
//! client would have received, stops. On shutdown the server waits for running operations as it
//! waits for requests.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::Extension;
use axum::body::Body as HttpBody;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use tokio::sync::mpsc;

use super::App;
use super::auth::Caller;
use super::error::{ApiError, Refusals};
use super::extract::Asked;
use crate::core::run::Run;
use crate::error::{Error, ErrorKind, Result};
use crate::progress::{Progress, Reporter};
use crate::proto::audit::{AuditExport, AuditQuery, ExportReport};
use crate::proto::backup::{BackupRun, BackupVerify};
use crate::proto::endpoint::Endpoint;
use crate::proto::event::Event;

/// A blank line after this long without news keeps proxies and the client from timing out.
const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// Pages (or chunks) produced ahead of what the client has read.
const AHEAD: usize = 4;
/// An export's text is sent in pieces of about this size.
const DATA_CHUNK: usize = 64 * 1024;

/// Hand `item` to a bounded channel from synchronous code that runs on the runtime (the core's
/// sinks and writers cannot await): the worker thread waits, the runtime moves its other tasks.
fn send_blocking<T>(tx: &mpsc::Sender<T>, item: T) -> std::result::Result<(), ()> {
    tokio::task::block_in_place(|| tx.blocking_send(item)).map_err(|_| ())
}

fn line(value: &impl Serialize) -> Vec<u8> {
    let mut out = serde_json::to_vec(value).unwrap_or_default();
    out.push(b'\n');
    out
}

fn error_line(err: ApiError) -> Vec<u8> {
    line(&Event::Error(*err.body))
}

fn ndjson(stream: mpsc::Receiver<Vec<u8>>) -> Response {
    let body = futures_util::stream::unfold(stream, |mut rx| async move {
        rx.recv()
            .await
            .map(|bytes| (Ok::<_, std::io::Error>(bytes), rx))
    });
    let mut response = (StatusCode::OK, HttpBody::from_stream(body)).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/x-ndjson"),
    );
    response
}

/// What a producer hands the response: bytes to send, or a refusal before any was sent.
enum Chunk {
    Bytes(Vec<u8>),
    Refused(ApiError),
}

/// Answer with what `lines` receives: a refusal that comes first is the response itself. When
/// the server's shutdown grace is over, the answer ends with an error that says so.
async fn respond(app: &App, mut lines: mpsc::Receiver<Chunk>) -> Result<Response, ApiError> {
    let stopped = app.stopped.clone();
    let grace = app.config.shutdown_grace;
    let first = tokio::select! {
        biased;
        () = stopped.cancelled() => return Err(shutting_down(grace)),
        first = lines.recv() => match first {
            Some(Chunk::Refused(err)) => return Err(err),
            Some(Chunk::Bytes(bytes)) => Some(bytes),
            None => None,
        },
    };
    let (tx, rx) = mpsc::channel::<Vec<u8>>(AHEAD);
    tokio::spawn(async move {
        let mut next = first;
        loop {
            if let Some(bytes) = next.take() {
                let sent = tokio::select! {
                    biased;
                    () = stopped.cancelled() => break,
                    sent = tx.send(bytes) => sent,
                };
                if sent.is_err() {
                    return; // the client went away
                }
            }
            next = tokio::select! {
                biased;
                () = stopped.cancelled() => break,
                chunk = lines.recv() => match chunk {
                    Some(Chunk::Bytes(bytes)) => Some(bytes),
                    Some(Chunk::Refused(err)) => Some(error_line(err)),
                    None => return,
                },
            };
        }
        let _ = tx.send(error_line(shutting_down(grace))).await;
    });
    Ok(ndjson(rx))
}

/// What a stream (or a request for one) still open after the shutdown's grace is told.
fn shutting_down(grace: Duration) -> ApiError {
    Error::new(
        ErrorKind::Connect,
        format!(
            "platctl serve is shutting down: this did not finish within its shutdown timeout ({}) and was stopped",
            humantime::format_duration(grace)
        ),
    )
    .with_hint(
        "run it again once the server is back; a backup stopped midway left nothing that is a \
         backup (`platctl backup list` shows those that exist)",
    )
    .into()
}

/// `POST /audit-logs/query`: the entries matching the query, as NDJSON.
#[utoipa::path(
    post,
    path = AuditQuery::PATH,
    tag = "audit-logs",
    request_body = AuditQuery,
    responses(
        (status = 200, description = "One entry per line (NDJSON); a last line `{\"error\": {...}}` if the query failed midway",
         body = crate::proto::audit::AuditRecord, content_type = "application/x-ndjson"),
        Refusals
    ),
    security(("bearer" = []), ("api_key" = [])),
)]
pub async fn audit_query(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    Asked(req): Asked<AuditQuery>,
) -> Result<Response, ApiError> {
    let (tx, rx) = mpsc::channel::<Chunk>(AHEAD);
    let core = caller.core.clone();
    tokio::spawn(async move {
        let pages = tx.clone();
        let mut sent = false;
        let mut sink = |page: Vec<crate::proto::audit::AuditRecord>| {
            let mut bytes = Vec::new();
            for record in &page {
                serde_json::to_writer(&mut bytes, record)
                    .map_err(|e| Error::internal(format!("cannot encode a record: {e}")))?;
                bytes.push(b'\n');
            }
            sent = true;
            send_blocking(&pages, Chunk::Bytes(bytes))
                .map_err(|()| Error::internal("the client went away"))
        };
        let outcome = core.audit_query(&req, &mut sink).await;
        if let Err(e) = outcome {
            let err = ApiError::from(e);
            let _ = tx
                .send(if sent {
                    Chunk::Bytes(error_line(err))
                } else {
                    Chunk::Refused(err)
                })
                .await;
        }
    });
    respond(&app, rx).await
}

/// The progress of an operation, relayed to the stream that answers it. Advances are added up
/// until the stream takes them, so a slow client never queues more than one of them.
struct Relay {
    events: mpsc::UnboundedSender<Event>,
    advanced: AtomicU64,
}

impl Progress for Relay {
    fn phase(&self, name: &str, total: Option<u64>) {
        let _ = self.events.send(Event::Phase {
            name: name.to_string(),
            total,
        });
    }
    fn advance(&self, n: u64) {
        if self.advanced.fetch_add(n, Ordering::AcqRel) == 0 {
            let _ = self.events.send(Event::Advance(0));
        }
    }
    fn finish(&self) {}
    fn note(&self, message: &str) {
        let _ = self.events.send(Event::Note(message.to_string()));
    }
    fn warn(&self, message: &str) {
        let _ = self.events.send(Event::Warn(message.to_string()));
    }
}

/// Where an export writes: its text goes to the client in pieces, at the client's pace.
pub struct DataOut {
    tx: mpsc::Sender<String>,
    buffer: Vec<u8>,
}

impl DataOut {
    /// Send what is buffered, up to the last whole character.
    fn send(&mut self) -> std::io::Result<()> {
        let whole = match std::str::from_utf8(&self.buffer) {
            Ok(_) => self.buffer.len(),
            Err(e) => e.valid_up_to(),
        };
        if whole == 0 {
            return Ok(());
        }
        let rest = self.buffer.split_off(whole);
        let text = String::from_utf8(std::mem::replace(&mut self.buffer, rest))
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
        send_blocking(&self.tx, text).map_err(|()| {
            std::io::Error::new(std::io::ErrorKind::BrokenPipe, "the client went away")
        })
    }
}

impl std::io::Write for DataOut {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(buf);
        if self.buffer.len() >= DATA_CHUNK {
            self.send()?;
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.send()
    }
}

/// Run a long operation as a task of the server's and answer with its events (see the module).
async fn operation<T, F, Fut>(app: &App, run: F) -> Result<Response, ApiError>
where
    T: Serialize,
    F: FnOnce(Reporter, DataOut) -> Fut,
    Fut: Future<Output = Result<T>> + Send + 'static,
{
    let (events_tx, mut events) = mpsc::unbounded_channel::<Event>();
    let relay = Arc::new(Relay {
        events: events_tx,
        advanced: AtomicU64::new(0),
    });
    let (data_tx, mut data) = mpsc::channel::<String>(AHEAD);
    let out = DataOut {
        tx: data_tx,
        buffer: Vec::new(),
    };
    let work = run(relay.clone(), out);
    let mut task = app.jobs.spawn(async move {
        let value = work.await?;
        serde_json::to_value(value)
            .map_err(|e| Error::internal(format!("cannot encode the result: {e}")))
    });
    let (tx, rx) = mpsc::channel::<Chunk>(AHEAD);
    tokio::spawn(async move {
        let advanced = |event: Event| match event {
            Event::Advance(_) => Event::Advance(relay.advanced.swap(0, Ordering::AcqRel)),
            other => other,
        };
        let mut sent = false;
        let mut data_open = true;
        let outcome = loop {
            let event = tokio::select! {
                biased;
                Some(event) = events.recv() => advanced(event),
                next = data.recv(), if data_open => match next {
                    Some(text) => Event::Data(text),
                    None => { data_open = false; continue; }
                },
                joined = &mut task => break joined,
                () = tokio::time::sleep(KEEP_ALIVE) => {
                    if sent && tx.send(Chunk::Bytes(b"\n".to_vec())).await.is_err() {
                        return;
                    }
                    continue;
                }
            };
            sent = true;
            if tx.send(Chunk::Bytes(line(&event))).await.is_err() {
                return; // the client went away; the task goes on without it
            }
        };
        // What the task said before it ended, then its outcome.
        while let Ok(event) = events.try_recv() {
            sent = true;
            if tx.send(Chunk::Bytes(line(&advanced(event)))).await.is_err() {
                return;
            }
        }
        while let Ok(text) = data.try_recv() {
            sent = true;
            if tx
                .send(Chunk::Bytes(line(&Event::Data(text))))
                .await
                .is_err()
            {
                return;
            }
        }
        let last = match outcome {
            Ok(Ok(value)) => Chunk::Bytes(line(&Event::Result(value))),
            Ok(Err(e)) if !sent => Chunk::Refused(e.into()),
            Ok(Err(e)) => Chunk::Bytes(error_line(e.into())),
            Err(e) => Chunk::Bytes(error_line(
                Error::internal(format!("the operation failed: {e}")).into(),
            )),
        };
        let _ = tx.send(last).await;
    });
    respond(app, rx).await
}

/// Run an operation the core runs ([`Run`]) as a stream of its events.
async fn streamed<E>(app: &App, caller: &Caller, req: E) -> Result<Response, ApiError>
where
    E: Run + Send + 'static,
    E::Response: Serialize,
{
    let core = caller.core.clone();
    operation(app, move |progress, _| async move {
        req.run(&core, progress).await
    })
    .await
}

/// `POST /backups/run`.
#[utoipa::path(
    post,
    path = BackupRun::PATH,
    tag = "backups",
    request_body = BackupRun,
    responses(
        (status = 200, description = "Events (NDJSON), the last `{\"result\": BackupRunOutcome}` or `{\"error\": {...}}`",
         body = Event, content_type = "application/x-ndjson"),
        Refusals
    ),
    security(("bearer" = []), ("api_key" = [])),
)]
pub async fn backup_run(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    Asked(req): Asked<BackupRun>,
) -> Result<Response, ApiError> {
    streamed(&app, &caller, req).await
}

/// `POST /backups/verify` (with `restore_test`, a scratch restore).
#[utoipa::path(
    post,
    path = BackupVerify::PATH,
    tag = "backups",
    request_body = BackupVerify,
    responses(
        (status = 200, description = "Events (NDJSON), the last `{\"result\": VerifyReport}` or `{\"error\": {...}}`",
         body = Event, content_type = "application/x-ndjson"),
        Refusals
    ),
    security(("bearer" = []), ("api_key" = [])),
)]
pub async fn backup_verify(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    Asked(req): Asked<BackupVerify>,
) -> Result<Response, ApiError> {
    streamed(&app, &caller, req).await
}

/// `POST /audit-logs/export`.
#[utoipa::path(
    post,
    path = AuditExport::PATH,
    tag = "audit-logs",
    request_body = AuditExport,
    responses(
        (status = 200, description = "Events (NDJSON): the export's text in `{\"data\": ...}` lines, the last `{\"result\": ExportReport}` or `{\"error\": {...}}`",
         body = Event, content_type = "application/x-ndjson"),
        Refusals
    ),
    security(("bearer" = []), ("api_key" = [])),
)]
pub async fn audit_export(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    Asked(req): Asked<AuditExport>,
) -> Result<Response, ApiError> {
    let core = caller.core.clone();
    operation(&app, move |progress, mut out| async move {
        let report: ExportReport = core.audit_export(&req, &mut out, progress).await?;
        Ok(report)
    })
    .await
}
