//! Error tracking: with `SENTRY_DSN` set, every 5xx answer and every panic is reported to
//! Sentry (or anything that takes its envelopes), tagged with the request id, the route (its
//! pattern, `/api-keys/{id}`, never the path) and the method; the release is
//! `platctl@VERSION` (the health endpoints' 503s are verdicts, not failures: not reported).
//! Nothing else about the request goes: no header, query, body, key or
//! address; the texts of an event are scrubbed as log lines are, and what the SDK would add of
//! its own (user, request, breadcrumbs, the host name) is dropped. Without `SENTRY_DSN`
//! nothing is set up and nothing is sent.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use sentry::{Hub, Level, SentryFutureExt};

use crate::error::{Error, Result};

/// Marks a 500 made of a caught panic: the panic itself was reported, with its backtrace.
#[derive(Debug, Clone, Copy)]
pub struct Panicked;

/// What a 5xx answer says went wrong (its message, as the client reads it).
#[derive(Debug, Clone)]
pub struct Failure(pub String);

/// How long the server waits at shutdown (and a panic) for reports still being sent.
const FLUSH: Duration = Duration::from_secs(2);

/// Reporting to `dsn` (checked by the setting's parser) for as long as the guard lives.
pub fn init(dsn: &str) -> Result<sentry::ClientInitGuard> {
    let dsn: sentry::types::Dsn = dsn.parse().map_err(|e| {
        Error::config(format!("SENTRY_DSN is not a Sentry DSN ({e})"))
            .with_hint("e.g. https://PUBLIC_KEY@o0.ingest.sentry.io/PROJECT_ID")
    })?;
    let mut options = sentry::ClientOptions::new()
        .release(concat!("platctl@", env!("CARGO_PKG_VERSION")))
        .send_default_pii(false)
        .max_breadcrumbs(0)
        .shutdown_timeout(FLUSH)
        .before_send(|event| Some(scrubbed(event)));
    options.dsn = Some(dsn);
    Ok(sentry::init(options))
}

/// An event as it may leave: its texts scrubbed, nothing about a person or a host.
fn scrubbed(mut event: sentry::protocol::Event<'static>) -> sentry::protocol::Event<'static> {
    let scrub = |text: &mut Option<String>| {
        if let Some(t) = text {
            *t = crate::redact::scrub(t);
        }
    };
    scrub(&mut event.message);
    for exception in &mut event.exception.values {
        scrub(&mut exception.value);
    }
    if let Some(entry) = &mut event.logentry {
        entry.message = crate::redact::scrub(&entry.message);
        entry.params.clear();
    }
    event.user = None;
    event.request = None;
    event.server_name = None;
    event.breadcrumbs = Default::default();
    event.extra.clear();
    event
}

/// Runs each request in a hub of its own tagged with its request id, route and method, so
/// that a panic while it is handled is reported with them, and reports a 5xx answer.
pub async fn track(request: Request, next: Next) -> Response {
    if Hub::current().client().is_none() {
        return next.run(request).await;
    }
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "(unmatched)".to_string(), |p| p.as_str().to_string());
    let method = request.method().as_str().to_string();
    let id = super::request_id(&request);
    let hub = Arc::new(Hub::new_from_top(Hub::current()));
    hub.configure_scope(|scope| {
        scope.set_tag("request_id", &id);
        scope.set_tag("route", &route);
        scope.set_tag("method", &method);
        scope.set_tag("version", env!("CARGO_PKG_VERSION"));
    });
    let response = next.run(request).bind_hub(hub.clone()).await;
    let status = response.status();
    // A health endpoint's 503 is its verdict (the database is down), not a failure of its own.
    let verdict = route.starts_with("/health");
    if status.is_server_error() && !verdict && response.extensions().get::<Panicked>().is_none() {
        let why = response
            .extensions()
            .get::<Failure>()
            .map_or(String::new(), |f| format!(": {}", f.0));
        hub.capture_message(
            &format!("{method} {route} answered {status}{why}"),
            Level::Error,
        );
    }
    response
}

/// Sends what is still queued, off the async threads (it blocks for up to [`FLUSH`]).
pub async fn close(guard: Option<sentry::ClientInitGuard>) {
    if let Some(guard) = guard {
        let _ = tokio::task::spawn_blocking(move || drop(guard)).await;
    }
}
