//! Results too long for one JSON document, streamed as NDJSON: one record per line, as the core
//! reads them a page at a time. A failure before the first page is an ordinary error response;
//! one after it is a last line `{"error": {...}}` that a client turns back into the error.

use axum::Extension;
use axum::body::Body as HttpBody;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use tokio::sync::mpsc;

use super::auth::Caller;
use super::error::ApiError;
use super::routes::Body;
use crate::backend::Backend;
use crate::proto::audit::AuditQuery;

enum Chunk {
    Lines(Vec<u8>),
    Failed(ApiError),
    Done,
}

fn lines<T: Serialize>(page: &[T]) -> crate::error::Result<Vec<u8>> {
    let mut out = Vec::new();
    for item in page {
        serde_json::to_writer(&mut out, item)
            .map_err(|e| crate::error::Error::internal(format!("cannot encode a record: {e}")))?;
        out.push(b'\n');
    }
    Ok(out)
}

/// `POST /audit-logs/query`: the entries matching the query, as NDJSON.
#[utoipa::path(
    post,
    path = "/audit-logs/query",
    tag = "audit-logs",
    request_body = AuditQuery,
    responses(
        (status = 200, description = "One entry per line (NDJSON); a last line `{\"error\": {...}}` if the query failed midway",
         body = crate::proto::audit::AuditRecord, content_type = "application/x-ndjson"),
        super::error::Refusals
    ),
    security(("bearer" = []), ("api_key" = [])),
)]
pub async fn audit_query(
    Extension(caller): Extension<Caller>,
    Body(req): Body<AuditQuery>,
) -> Result<Response, ApiError> {
    // Unbounded: the core's sink cannot wait. A page is at most a few hundred entries, and
    // the core reads the next one only after handing this one over.
    let (tx, mut rx) = mpsc::unbounded_channel::<Chunk>();
    let core = caller.core.clone();
    tokio::spawn(async move {
        let pages = tx.clone();
        let mut sink = move |page: Vec<crate::proto::audit::AuditRecord>| {
            let bytes = lines(&page)?;
            pages
                .send(Chunk::Lines(bytes))
                .map_err(|_| crate::error::Error::internal("the client went away"))
        };
        let last = match core.audit_query(&req, &mut sink).await {
            Ok(_) => Chunk::Done,
            Err(e) => Chunk::Failed(e.into()),
        };
        let _ = tx.send(last);
    });
    // Wait for the first page (or the refusal) before answering.
    let first = match rx.recv().await {
        Some(Chunk::Failed(err)) => return Err(err),
        Some(Chunk::Lines(bytes)) => Some(bytes),
        Some(Chunk::Done) | None => None,
    };
    let stream = futures_util::stream::unfold((first, Some(rx)), |(first, rx)| async move {
        if let Some(bytes) = first {
            return Some((Ok::<_, std::io::Error>(bytes), (None, rx)));
        }
        let mut rx = rx?;
        match rx.recv().await? {
            Chunk::Lines(bytes) => Some((Ok(bytes), (None, Some(rx)))),
            Chunk::Failed(err) => {
                let mut line = serde_json::to_vec(&serde_json::json!({ "error": *err.body }))
                    .unwrap_or_default();
                line.push(b'\n');
                Some((Ok(line), (None, None)))
            }
            Chunk::Done => None,
        }
    });
    let mut response = (StatusCode::OK, HttpBody::from_stream(stream)).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/x-ndjson"),
    );
    Ok(response)
}
