//! Talking to a running `platctl serve` over HTTP: the `Backend` of `--server` ([`Remote`]),
//! and the health probes, which need no key.

mod client;

pub use client::Remote;

use std::time::Duration;

use serde_json::Map;

use crate::error::{Error, Result};
use crate::proto::health::{CheckResult, HealthReport, HealthState};

/// The base URL of a server: `http://` or `https://`, nothing after the host and port but a
/// path prefix.
pub fn base_url(text: &str) -> Result<url::Url> {
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

/// Ask a server's health endpoint (`/health`, `/health/live`, `/health/ready`), which needs no
/// key and says states and counts only. A server that cannot be reached, or answers something
/// that is not terminus JSON, is one CRITICAL check named `server`.
pub async fn probe(
    server: &str,
    ca_file: Option<&std::path::Path>,
    path: &str,
    timeout: Duration,
) -> Result<HealthReport> {
    let mut url = base_url(server)?;
    let joined = format!("{}{path}", url.path().trim_end_matches('/'));
    url.set_path(&joined);
    let shown = crate::redact::redact_url(url.as_str());
    let down = |summary: String| {
        HealthReport::new(vec![CheckResult {
            name: "server".into(),
            state: HealthState::Critical,
            summary,
            threshold: None,
            figures: Map::new(),
            perfdata: Vec::new(),
        }])
    };
    let client = crate::http::client(ca_file, timeout, timeout)?;
    let response = match client.get(url.clone()).send().await {
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
