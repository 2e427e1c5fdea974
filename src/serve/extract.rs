//! Requests read as their type declares ([`crate::proto::endpoint`]); a refusal answers in the
//! API's error shape.

use axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request};
use axum::http::StatusCode;
use serde_json::Value;

use super::error::ApiError;
use crate::proto::endpoint::Endpoint;

/// A request of type `E`: its path fields from the path, the others from the query string
/// (`GET`, `DELETE`) or the JSON body (`POST`; none at all reads as `{}`). A refusal answers
/// in the API's error shape: 400 for what does not fit, 413 and 415 for the body itself.
pub struct Asked<E>(pub E);

impl<S: Send + Sync, E: Endpoint> FromRequest<S> for Asked<E> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        let path = RawPathParams::from_request_parts(&mut parts, state)
            .await
            .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, e.body_text()))?;
        if !E::METHOD.has_body() {
            let mut query = url::form_urlencoded::Serializer::new(String::new());
            let given = parts.uri.query().unwrap_or_default();
            query.extend_pairs(url::form_urlencoded::parse(given.as_bytes()));
            query.extend_pairs(path.iter());
            return serde_urlencoded::from_str(&query.finish())
                .map(Asked)
                .map_err(|e| {
                    ApiError::new(
                        StatusCode::BAD_REQUEST,
                        format!("Failed to deserialize query string: {e}"),
                    )
                });
        }
        let json = parts
            .headers
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|v| v.trim().to_ascii_lowercase())
            .is_some_and(|v| {
                v == "application/json" || v.starts_with("application/") && v.ends_with("+json")
            });
        let bytes = axum::body::Bytes::from_request(Request::from_parts(parts, body), state)
            .await
            .map_err(|e| ApiError::new(e.status(), e.body_text()))?;
        let mut value = if bytes.iter().all(u8::is_ascii_whitespace) {
            // No body at all: no field given (a `null` is refused, as the document says).
            Value::Object(serde_json::Map::new())
        } else if !json {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "Expected request with `Content-Type: application/json`",
            )
            .hint("send a JSON body with `Content-Type: application/json`"));
        } else {
            serde_json::from_slice(&bytes).map_err(|e| {
                ApiError::new(
                    StatusCode::BAD_REQUEST,
                    format!("Failed to parse the request body as JSON: {e}"),
                )
                .hint("send a JSON body with `Content-Type: application/json`")
            })?
        };
        if let Value::Object(fields) = &mut value {
            for (name, text) in path.iter() {
                fields.insert(name.to_string(), Value::String(text.to_string()));
            }
        }
        super::json::from_value(value).map(Asked).map_err(|e| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                format!("the body does not fit: {e}"),
            )
        })
    }
}
