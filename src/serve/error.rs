//! Errors on the wire: the NestJS shape the platform's API uses — `{"statusCode", "message",
//! "error"}` — plus what lets a platctl client rebuild the typed error: its `kind`, `hint` and,
//! for a 401, the `reason` code.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::error::{Error, ErrorKind};
pub use crate::proto::error::ErrorBody;

/// An error as a response; `retry_after` (seconds) for a 429.
pub struct ApiError {
    pub status: StatusCode,
    pub body: Box<ErrorBody>,
    pub retry_after: Option<u64>,
}

/// The HTTP status of an error kind. A request that does not match the OpenAPI document is
/// refused at the door (400, by the extractors); one that matches it but whose values the core
/// refuses (a time in the past, a window that ends before it starts) is a usage error: 422.
pub fn status_of(kind: ErrorKind) -> StatusCode {
    match kind {
        ErrorKind::Usage => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorKind::Config => StatusCode::BAD_REQUEST,
        ErrorKind::NotFound => StatusCode::NOT_FOUND,
        ErrorKind::Conflict => StatusCode::CONFLICT,
        ErrorKind::Refused | ErrorKind::Forbidden => StatusCode::FORBIDDEN,
        ErrorKind::Unauthenticated(_) => StatusCode::UNAUTHORIZED,
        ErrorKind::Connect | ErrorKind::Interrupted(_) => StatusCode::SERVICE_UNAVAILABLE,
        ErrorKind::Send(_) => StatusCode::BAD_GATEWAY,
        ErrorKind::Database | ErrorKind::Migration | ErrorKind::Io | ErrorKind::Internal => {
            StatusCode::INTERNAL_SERVER_ERROR
        }
    }
}

impl ApiError {
    /// An error whose message (and hint) pass the scrubber: they may quote what the client
    /// sent (a path, a field name, a value), and a key among it is cut to its prefix.
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            body: Box::new(ErrorBody {
                status_code: status.as_u16(),
                message: crate::redact::scrub(&message.into()),
                error: status.canonical_reason().unwrap_or("Error").to_string(),
                kind: None,
                hint: None,
                reason: None,
            }),
            retry_after: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.body.hint = Some(crate::redact::scrub(&hint.into()));
        self
    }
}

impl From<Error> for ApiError {
    fn from(err: Error) -> Self {
        let kind = err.kind();
        let status = status_of(kind);
        if status.is_server_error() {
            tracing::error!(kind = ?kind, "{}", crate::redact::scrub(&err.to_string()));
        }
        let mut message = err.message().to_string();
        for cause in err.causes() {
            message.push_str(": ");
            message.push_str(&cause);
        }
        let mut api = ApiError::new(status, message);
        api.body.kind = Some(kind);
        if let Some(hint) = err.hint() {
            api = api.hint(hint);
        }
        if let ErrorKind::Unauthenticated(failure) = kind {
            api.body.reason = Some(failure.code().to_string());
        }
        api
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let failure = self
            .status
            .is_server_error()
            .then(|| super::report::Failure(self.body.message.clone()));
        let mut response = (self.status, axum::Json(*self.body)).into_response();
        if let Some(failure) = failure {
            response.extensions_mut().insert(failure);
        }
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"platctl\""),
            );
        }
        response
    }
}

/// The error answers any protected route may give, for the OpenAPI document: each a
/// reference to [`ErrorBody`].
pub struct Refusals;

const REFUSALS: [(u16, &str); 12] = [
    (
        400,
        "The request does not match this document: a body that is not JSON, a missing field, a value of the wrong type, or outside its length, pattern or range.",
    ),
    (
        401,
        "No key, or one that is malformed, unknown, revoked, expired, or whose creator is disabled (`reason` says which).",
    ),
    (
        403,
        "The key lacks the route's permission, or a rule refuses the change.",
    ),
    (404, "What the request names does not exist."),
    (409, "The change conflicts with what exists."),
    (413, "The body is larger than 1 MiB."),
    (415, "The body is not `application/json`."),
    (
        422,
        "The request matches this document, but its values cannot be acted on as given (a time in the past, a window that ends before it starts, an unknown permission): `message` and `hint` say what would be right.",
    ),
    (
        429,
        "Too many requests: `Retry-After` says when to try again.",
    ),
    (500, "The server failed (the database, a file)."),
    (502, "The mail relay (SMTP, SendGrid) refused or failed."),
    (
        503,
        "The database cannot be reached, the request took too long, or the server is stopping.",
    ),
];

impl utoipa::IntoResponses for Refusals {
    fn responses() -> std::collections::BTreeMap<
        String,
        utoipa::openapi::RefOr<utoipa::openapi::response::Response>,
    > {
        use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
        REFUSALS
            .iter()
            .map(|(status, description)| {
                let response = ResponseBuilder::new()
                    .description(*description)
                    .content(
                        "application/json",
                        ContentBuilder::new()
                            .schema(Some(Ref::from_schema_name("ErrorBody")))
                            .build(),
                    )
                    .build();
                (status.to_string(), response.into())
            })
            .collect()
    }
}
