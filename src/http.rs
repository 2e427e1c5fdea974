//! The HTTP client platctl makes (for `--server` and the health probes, and for SendGrid),
//! and how its errors are told.

use std::time::Duration;

use crate::error::{Error, Result};

/// An HTTP client that trusts the system's CAs, and `ca_file` too when given.
pub fn client(
    ca_file: Option<&std::path::Path>,
    connect_timeout: Duration,
    timeout: Duration,
) -> Result<reqwest::Client> {
    let mut builder = reqwest::Client::builder()
        .connect_timeout(connect_timeout)
        .timeout(timeout)
        // Streamed answers lift the overall limit; a silence this long still ends them.
        .read_timeout(timeout)
        // A server closes a kept-alive connection after 5 s without a request: let go of it
        // first, rather than send a request on a connection being closed.
        .pool_idle_timeout(Duration::from_secs(3))
        .user_agent(concat!("platctl/", env!("CARGO_PKG_VERSION")));
    if let Some(path) = ca_file {
        let pem = std::fs::read(path).map_err(|e| {
            Error::io(
                format!("cannot read PLATCTL_SERVER_CA_FILE {}", path.display()),
                e,
            )
        })?;
        let cert = reqwest::Certificate::from_pem(&pem).map_err(|e| {
            Error::config(format!(
                "PLATCTL_SERVER_CA_FILE {} is not a PEM certificate: {e}",
                path.display()
            ))
        })?;
        builder = builder.add_root_certificate(cert);
    }
    builder
        .build()
        .map_err(|e| Error::internal(format!("cannot make an HTTP client: {e}")))
}

/// The causes of an HTTP client error on one line, without the wrappers' generic words
/// ("error sending request for url (...)", "client error (Connect)").
pub fn causes(err: &reqwest::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut next: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(err);
    while let Some(e) = next {
        let text = e.to_string();
        if !text.starts_with("client error") && !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        next = e.source();
    }
    if parts.is_empty() {
        parts.push(err.to_string());
    }
    parts.join(": ")
}
