//! Sending through SendGrid's v3 Mail Send API: `POST {SENDGRID_API_URL}/v3/mail/send` with the
//! key as a bearer token. A refusal shows SendGrid's own `errors[].message` (and the field it
//! names) and exits with the stage it concerns; a 429 says when to try again.

use std::time::Duration;

use lettre::message::Mailbox;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::error::{Error, ErrorKind, Result};
use crate::proto::email::Rendered;
use crate::proto::error::SendStage;

/// SendGrid's API when `SENDGRID_API_URL` is not set.
pub const DEFAULT_URL: &str = "https://api.sendgrid.com";

/// How long SendGrid may take to answer once connected, on top of the connect timeout.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(30);

/// Where and with what key to send.
pub struct Api {
    /// The API's base URL (`https://api.sendgrid.com`, or a test endpoint on loopback).
    pub url: String,
    pub key: String,
    /// How long to wait for a connection (`PLATCTL_CONNECT_TIMEOUT`).
    pub connect_timeout: Duration,
}

/// What SendGrid said to an accepted message.
pub struct Accepted {
    pub status: u16,
    /// `X-Message-Id`: what SendGrid's activity feed finds the message by.
    pub message_id: Option<String>,
}

/// The request body: one personalization, text before HTML (SendGrid requires that order).
pub fn body(from: &Mailbox, to: &Mailbox, rendered: &Rendered, sandbox: bool) -> Value {
    let address = |m: &Mailbox| match &m.name {
        Some(name) => json!({"email": m.email.to_string(), "name": name}),
        None => json!({"email": m.email.to_string()}),
    };
    let mut body = json!({
        "personalizations": [{"to": [address(to)]}],
        "from": address(from),
        "subject": rendered.subject,
        "content": [
            {"type": "text/plain", "value": rendered.text},
            {"type": "text/html", "value": rendered.html},
        ],
    });
    if sandbox {
        body["mail_settings"] = json!({"sandbox_mode": {"enable": true}});
    }
    body
}

/// Send `body` (from [`body`]) and return what SendGrid answered.
pub async fn send(api: &Api, body: &Value) -> Result<Accepted> {
    let endpoint = format!("{}/v3/mail/send", api.url.trim_end_matches('/'));
    let client = reqwest::Client::builder()
        .connect_timeout(api.connect_timeout)
        .timeout(api.connect_timeout + ANSWER_TIMEOUT)
        // Never carry the key anywhere but where it was sent.
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("platctl/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| failed(SendStage::Connect, &api.url, &e.to_string()))?;
    let response = client
        .post(&endpoint)
        .bearer_auth(&api.key)
        .json(body)
        .send()
        .await
        .map_err(|e| transport_error(api, &e))?;
    let status = response.status();
    let headers = response.headers().clone();
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    if status.is_success() {
        return Ok(Accepted {
            status: status.as_u16(),
            message_id: header("x-message-id"),
        });
    }
    let text = response.text().await.unwrap_or_default();
    let errors = explain(&text);
    let said = format!("SendGrid answered {status}: {}", errors.text);
    if status.as_u16() == 429 {
        let when = retry_after(
            header("retry-after").as_deref(),
            header("x-ratelimit-reset").as_deref(),
            crate::local::now(),
        );
        let hint = match when {
            Some(wait) => format!(
                "SendGrid is rate-limiting this key: try again in {}",
                humantime::format_duration(wait)
            ),
            None => "SendGrid is rate-limiting this key: try again in a minute".to_string(),
        };
        return Err(Error::new(ErrorKind::Send(SendStage::Throttled), said).with_hint(hint));
    }
    let stage = errors.stage.unwrap_or(match status.as_u16() {
        401 | 403 => SendStage::Authentication,
        _ => SendStage::Message,
    });
    let hint = match stage {
        SendStage::Authentication => {
            "check SENDGRID_API_KEY: a key SendGrid knows, with the Mail Send permission"
        }
        SendStage::Sender => {
            "EMAIL_FROM must be a verified Sender Identity (or an authenticated domain) in SendGrid"
        }
        SendStage::Recipient => "check --to",
        _ if status.is_server_error() => "SendGrid failed on its side: try again shortly",
        _ => "SendGrid refused the request; its message above says why",
    };
    Err(Error::new(ErrorKind::Send(stage), said).with_hint(hint))
}

/// Why a request did not get an answer: no connection (21), TLS (29), or no answer in time.
fn transport_error(api: &Api, err: &reqwest::Error) -> Error {
    let tls = is_tls(err);
    if tls {
        return failed(SendStage::Tls, &api.url, &crate::http::causes(err));
    }
    if err.is_connect() {
        return failed(SendStage::Connect, &api.url, &crate::http::causes(err));
    }
    if err.is_timeout() {
        return Error::new(
            ErrorKind::Send(SendStage::Message),
            format!(
                "SendGrid at {} did not answer within {}",
                api.url,
                humantime::format_duration(api.connect_timeout + ANSWER_TIMEOUT)
            ),
        )
        .with_hint("the message may or may not have been accepted: check SendGrid's activity feed before sending again");
    }
    failed(SendStage::Message, &api.url, &crate::http::causes(err))
}

/// Whether rustls failed somewhere down the chain. An io::Error's `source()` skips the error
/// it wraps (io::Errors wrap io::Errors here), so look inside each.
fn is_tls(err: &(dyn std::error::Error + 'static)) -> bool {
    if err.is::<rustls::Error>() {
        return true;
    }
    if let Some(inner) = err
        .downcast_ref::<std::io::Error>()
        .and_then(std::io::Error::get_ref)
    {
        return is_tls(inner);
    }
    err.source().is_some_and(is_tls)
}

fn failed(stage: SendStage, url: &str, why: &str) -> Error {
    let hint = match stage {
        SendStage::Tls => "check SENDGRID_API_URL and the machine's CA certificates",
        _ => "check SENDGRID_API_URL and the network between here and SendGrid",
    };
    Error::new(
        ErrorKind::Send(stage),
        format!("SendGrid {} failed at {url}: {why}", stage.name()),
    )
    .with_hint(hint)
}

#[derive(Deserialize)]
struct Errors {
    errors: Vec<ApiError>,
}

#[derive(Deserialize)]
struct ApiError {
    message: Option<String>,
    field: Option<String>,
}

/// SendGrid's errors as one line, and the stage the fields they name point at.
struct Explained {
    text: String,
    stage: Option<SendStage>,
}

fn explain(body: &str) -> Explained {
    let Ok(parsed) = serde_json::from_str::<Errors>(body) else {
        // Not SendGrid's shape (a proxy's page): the start of it.
        let text: String = body.trim().chars().take(300).collect();
        return Explained {
            text: if text.is_empty() {
                "(no body)".into()
            } else {
                text
            },
            stage: None,
        };
    };
    let mut stage = None;
    let lines: Vec<String> = parsed
        .errors
        .iter()
        .map(|e| {
            let message = e.message.as_deref().unwrap_or("(no message)");
            match e.field.as_deref().filter(|f| !f.is_empty()) {
                Some(field) => {
                    if field == "from" || field.starts_with("from.") {
                        stage = stage.or(Some(SendStage::Sender));
                    } else if field.starts_with("personalizations") && field.contains("to") {
                        stage = stage.or(Some(SendStage::Recipient));
                    }
                    format!("{field}: {message}")
                }
                None => message.to_string(),
            }
        })
        .collect();
    Explained {
        text: lines.join("; "),
        stage,
    }
}

/// How long to wait after a 429: `Retry-After` (seconds or an HTTP date), else
/// `X-RateLimit-Reset` (a Unix time).
fn retry_after(
    retry_after: Option<&str>,
    reset: Option<&str>,
    now: chrono::DateTime<chrono::Utc>,
) -> Option<Duration> {
    let until = |at: chrono::DateTime<chrono::Utc>| (at - now).to_std().ok();
    if let Some(value) = retry_after.map(str::trim) {
        if let Ok(seconds) = value.parse::<u64>() {
            return Some(Duration::from_secs(seconds));
        }
        if let Ok(at) = chrono::DateTime::parse_from_rfc2822(value) {
            return until(at.with_timezone(&chrono::Utc));
        }
    }
    let at = reset?.trim().parse::<i64>().ok()?;
    until(chrono::DateTime::from_timestamp(at, 0)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_their_field_and_stage() {
        let e = explain(
            r#"{"errors":[{"message":"The from address does not match a verified Sender Identity.","field":"from","help":null}]}"#,
        );
        assert_eq!(
            e.text,
            "from: The from address does not match a verified Sender Identity."
        );
        assert_eq!(e.stage, Some(SendStage::Sender));
        let e = explain(
            r#"{"errors":[{"message":"Does not contain a valid address.","field":"personalizations.0.to.0.email"}]}"#,
        );
        assert_eq!(e.stage, Some(SendStage::Recipient));
        let e = explain(r#"{"errors":[{"message":"bad key","field":null}]}"#);
        assert_eq!((e.text.as_str(), e.stage), ("bad key", None));
        assert_eq!(explain("<html>502</html>").text, "<html>502</html>");
    }

    #[test]
    fn retry_after_reads_seconds_dates_and_reset_times() {
        let now = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        assert_eq!(
            retry_after(Some("37"), None, now),
            Some(Duration::from_secs(37))
        );
        assert_eq!(
            retry_after(None, Some("1800000060"), now),
            Some(Duration::from_secs(60))
        );
        let date = (now + chrono::Duration::seconds(90)).to_rfc2822();
        assert_eq!(
            retry_after(Some(&date), None, now),
            Some(Duration::from_secs(90))
        );
        assert_eq!(retry_after(None, None, now), None);
    }
}
