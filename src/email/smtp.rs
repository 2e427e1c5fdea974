//! Sending through SMTP, one stage at a time, so that a failure says which stage failed —
//! connect, TLS, authentication, sender, recipient, message — with the server's own reply.

use std::path::PathBuf;
use std::time::Duration;

use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{AsyncSmtpConnection, Certificate, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt};
use lettre::transport::smtp::extension::ClientId;

use crate::error::{Error, ErrorKind, Result};
use crate::proto::error::SendStage;

/// When to encrypt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tls {
    /// `smtps://`: TLS from the first byte.
    Implicit,
    /// STARTTLS, and refuse a server that does not offer it (`?tls=required`).
    Required,
    /// STARTTLS when the server offers it (the default for `smtp://`).
    Opportunistic,
    /// Never (`?tls=none`), for a relay on loopback.
    None,
}

/// Where and how to send: from `SMTP_URL` (`smtp://user:pass@host:port?tls=...`).
#[derive(Debug, Clone)]
pub struct Relay {
    pub host: String,
    pub port: u16,
    pub tls: Tls,
    pub credentials: Option<(String, String)>,
    /// A CA certificate (PEM) for a private relay.
    pub ca_file: Option<PathBuf>,
    pub timeout: Duration,
}

const URL_HINT: &str = "expected smtp://[USER:PASSWORD@]HOST[:PORT][?tls=required|none] or \
    smtps://[USER:PASSWORD@]HOST[:PORT]; percent-encode special characters in the password";

impl Relay {
    pub fn parse(text: &str, ca_file: Option<PathBuf>, timeout: Duration) -> Result<Relay> {
        let bad = |why: &str| {
            Error::config(format!(
                "SMTP_URL `{}` is not valid: {why}",
                crate::redact::redact_url(text)
            ))
            .with_hint(URL_HINT)
        };
        let url = url::Url::parse(text.trim()).map_err(|e| bad(&e.to_string()))?;
        let (mut tls, default_port) = match url.scheme() {
            "smtp" => (Tls::Opportunistic, 25),
            "smtps" => (Tls::Implicit, 465),
            other => return Err(bad(&format!("the scheme `{other}` is not smtp or smtps"))),
        };
        for (key, value) in url.query_pairs() {
            match (key.as_ref(), value.as_ref(), tls) {
                ("tls", "required", Tls::Opportunistic) => tls = Tls::Required,
                ("tls", "none", Tls::Opportunistic) => tls = Tls::None,
                ("tls", "opportunistic", _) => {}
                ("tls", v, _) => {
                    return Err(bad(&format!("tls={v} (required or none, for smtp://)")));
                }
                (k, _, _) => return Err(bad(&format!("unknown parameter `{k}`"))),
            }
        }
        let host = url
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or_else(|| bad("no host"))?
            .trim_matches(['[', ']'])
            .to_string();
        let decode = |s: &str| {
            percent_decode(s).ok_or_else(|| bad("the user or password is not valid UTF-8"))
        };
        let credentials = if url.username().is_empty() {
            None
        } else {
            Some((
                decode(url.username())?,
                decode(url.password().unwrap_or(""))?,
            ))
        };
        Ok(Relay {
            host,
            port: url.port().unwrap_or(default_port),
            tls,
            credentials,
            ca_file,
            timeout,
        })
    }

    fn tls_parameters(&self) -> Result<TlsParameters> {
        let mut builder = TlsParameters::builder(self.host.clone());
        if let Some(path) = &self.ca_file {
            let pem = std::fs::read(path).map_err(|e| {
                Error::io(format!("cannot read SMTP_CA_FILE {}", path.display()), e)
            })?;
            let cert = Certificate::from_pem(&pem).map_err(|e| {
                Error::config(format!(
                    "SMTP_CA_FILE {} is not a PEM certificate: {e}",
                    path.display()
                ))
            })?;
            builder = builder.add_root_certificate(cert);
        }
        builder
            .build_rustls()
            .map_err(|e| failed(SendStage::Tls, &self.host, e))
    }
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = s.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).ok()
}

fn failed(stage: SendStage, host: &str, err: impl std::fmt::Display) -> Error {
    let hint = match stage {
        SendStage::Connect => "check the host and port of SMTP_URL, and that the relay is up",
        SendStage::Tls => {
            "check the relay's certificate (SMTP_CA_FILE for a private CA) or ?tls= in SMTP_URL"
        }
        SendStage::Authentication => "check the user and password in SMTP_URL",
        SendStage::Sender => "the relay does not accept EMAIL_FROM as a sender",
        SendStage::Recipient => "the relay does not accept mail for this recipient",
        SendStage::Message => "the relay refused the message itself",
        SendStage::Throttled => "the relay asks to slow down: try again later",
    };
    let what = match stage {
        SendStage::Connect => format!("cannot connect to the SMTP relay at {host}"),
        SendStage::Tls => format!("TLS with the SMTP relay at {host} failed"),
        SendStage::Authentication => format!("the SMTP relay at {host} refused the credentials"),
        SendStage::Sender => format!("the SMTP relay at {host} refused the sender"),
        SendStage::Recipient => format!("the SMTP relay at {host} refused the recipient"),
        SendStage::Message => format!("the SMTP relay at {host} refused the message"),
        SendStage::Throttled => format!("the SMTP relay at {host} asks to slow down"),
    };
    Error::new(
        ErrorKind::Send(stage),
        format!("{what}: {}", once_each(&err.to_string())),
    )
    .with_hint(hint)
}

/// A message whose parts repeat themselves (`Connection error: Connection error: refused`),
/// each said once.
fn once_each(text: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in text.split(": ") {
        if parts.last() != Some(&part) {
            parts.push(part);
        }
    }
    parts.join(": ")
}

/// Whether a failed connection never reached a server (refused, unreachable, timed out), as
/// opposed to one that reached it and then failed (a TLS handshake with a plain server).
fn never_reached(err: &(dyn std::error::Error + 'static)) -> bool {
    use std::io::ErrorKind::*;
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(e) = cause {
        if let Some(io) = e.downcast_ref::<std::io::Error>() {
            return matches!(
                io.kind(),
                ConnectionRefused
                    | TimedOut
                    | HostUnreachable
                    | NetworkUnreachable
                    | AddrNotAvailable
                    | NotFound
            );
        }
        cause = e.source();
    }
    false
}

/// Send `message` through `relay`; returns the server's reply to the message.
pub async fn send(relay: &Relay, message: &lettre::Message) -> Result<String> {
    let host = format!("{}:{}", relay.host, relay.port);
    let hello = ClientId::default();
    let implicit = match relay.tls {
        Tls::Implicit => Some(relay.tls_parameters()?),
        _ => None,
    };
    let stage_of_connect = if implicit.is_some() {
        SendStage::Tls
    } else {
        SendStage::Connect
    };
    let mut conn = AsyncSmtpConnection::connect_tokio1(
        (relay.host.as_str(), relay.port),
        Some(relay.timeout),
        &hello,
        implicit,
        None,
    )
    .await
    .map_err(|e| {
        // With implicit TLS (smtps://), a server reached that does not speak TLS fails the
        // handshake: that is TLS's failure, not the connection's.
        let stage = if e.is_tls() || !never_reached(&e) {
            stage_of_connect
        } else {
            SendStage::Connect
        };
        failed(stage, &host, e)
    })?;
    match relay.tls {
        Tls::Required | Tls::Opportunistic if conn.can_starttls() => {
            let params = relay.tls_parameters()?;
            conn.starttls(params, &hello)
                .await
                .map_err(|e| failed(SendStage::Tls, &host, e))?;
        }
        Tls::Required => {
            return Err(failed(
                SendStage::Tls,
                &host,
                "the server does not offer STARTTLS, and SMTP_URL has tls=required",
            ));
        }
        _ => {}
    }
    if let Some((user, password)) = &relay.credentials {
        conn.auth(
            &[Mechanism::Plain, Mechanism::Login],
            &Credentials::new(user.clone(), password.clone()),
        )
        .await
        .map_err(|e| failed(SendStage::Authentication, &host, e))?;
    }
    let envelope = message.envelope();
    conn.command(Mail::new(envelope.from().cloned(), vec![]))
        .await
        .map_err(|e| failed(SendStage::Sender, &host, e))?;
    for to in envelope.to() {
        conn.command(Rcpt::new(to.clone(), vec![]))
            .await
            .map_err(|e| failed(SendStage::Recipient, &host, e))?;
    }
    conn.command(Data)
        .await
        .map_err(|e| failed(SendStage::Message, &host, e))?;
    let reply = conn
        .message(&message.formatted())
        .await
        .map_err(|e| failed(SendStage::Message, &host, e))?;
    let _ = conn.quit().await;
    Ok(reply.message().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smtp_urls_parse_with_their_tls_mode_and_decoded_credentials() {
        let t = Duration::from_secs(5);
        let r = Relay::parse("smtp://ops:p%40ss@mail.acme.io:587?tls=required", None, t).unwrap();
        assert_eq!(
            (r.host.as_str(), r.port, r.tls),
            ("mail.acme.io", 587, Tls::Required)
        );
        assert_eq!(r.credentials, Some(("ops".into(), "p@ss".into())));
        assert_eq!(
            Relay::parse("smtps://mail.acme.io", None, t).unwrap().port,
            465
        );
        assert_eq!(
            Relay::parse("smtp://127.0.0.1:2525?tls=none", None, t)
                .unwrap()
                .tls,
            Tls::None
        );
        assert!(Relay::parse("http://mail.acme.io", None, t).is_err());
        assert!(Relay::parse("smtp://mail.acme.io?tls=maybe", None, t).is_err());
        assert!(Relay::parse("smtps://mail.acme.io?tls=none", None, t).is_err());
    }
}
