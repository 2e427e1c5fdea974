//! TLS to PostgreSQL as libpq does it.
//!
//! platctl makes its TLS connections itself rather than through sqlx, for three reasons:
//! libpq's rules, which sqlx follows only in part; a self-signed server certificate given as its
//! own root (`openssl req -x509`'s default: CA:TRUE), which libpq accepts and webpki refuses as
//! "CaUsedAsEndEntity" (sqlx takes no verifier of ours); and speed: sqlx's TCP sockets keep
//! Nagle's algorithm on, and a handshake's small writes then wait out the server's delayed ACKs
//! (about 90 ms a connection on loopback, ours take a few). So a TCP URL whose `sslmode` asks
//! for TLS goes through a [`Tunnel`]: sqlx speaks in the clear to a Unix socket in a private
//! directory (0700) of this process, and the tunnel carries each connection to the server over
//! TLS, verified by [`Verifier`]. What libpq does, and this module does alike:
//! - `sslrootcert` defaults to `~/.postgresql/root.crt`; `verify-ca` and `verify-full` without
//!   a root file are refused before connecting (libpq's "root certificate file … does not
//!   exist"), and `require` with a root file verifies the chain, as `verify-ca`.
//! - `prefer` (the default) uses TLS when the server offers it, and the clear when it does not;
//!   `allow` tries the clear first, then TLS; neither verifies the server.
//! - Over a Unix socket there is no TLS, whatever `sslmode` says.
//! - A server certificate that is exactly one of the root file's is trusted as it stands, its
//!   dates checked (by webpki) and, under `verify-full`, its name.
//! - A refused certificate is named in one line: not signed by a CA in the root file, issued
//!   for another host name, expired, not valid yet.
//!
//! `pg_dump`, `pg_restore` and `psql` are libpq: they get the same URL and decide alike.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, RootCertStore, SignatureScheme};
use sqlx::postgres::{PgConnectOptions, PgSslMode};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::error::{Error, ErrorKind, Result};

/// What the URL and the environment say about TLS, as libpq reads them: a parameter of the
/// URL, else its `PGSSL…` variable, else libpq's default file under `~/.postgresql/`.
#[derive(Debug, Clone)]
pub(super) struct Params {
    pub mode: PgSslMode,
    /// The root certificates' file, when one is given or libpq's default exists: then the
    /// server's certificate is verified whenever TLS is used, as libpq does.
    pub root: Option<PathBuf>,
    /// The client's certificate and key (`sslcert`, `sslkey`, else libpq's default files).
    cert: Option<PathBuf>,
    key: Option<PathBuf>,
    /// The name the server's certificate must be for: the URL's host (not `hostaddr`).
    name: String,
}

/// A TLS parameter of the URL (under any of sqlx's names for it), else its variable.
fn param(url: &str, names: &[&str], var: &str) -> Option<String> {
    let from_url = url::Url::parse(url).ok().and_then(|u| {
        u.query_pairs()
            .find(|(k, _)| names.contains(&k.as_ref()))
            .map(|(_, v)| v.into_owned())
    });
    from_url
        .or_else(|| std::env::var(var).ok())
        .filter(|v| !v.is_empty())
}

fn home_file(name: &str) -> Option<PathBuf> {
    std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".postgresql").join(name))
}

/// libpq's TLS parameters of `url`, and the options sqlx gets for them. `origin` names where
/// the URL came from, for the error.
pub(super) fn apply(
    url: &str,
    options: PgConnectOptions,
    origin: &str,
) -> Result<(PgConnectOptions, Params)> {
    let name = url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(|h| h.trim_matches(['[', ']']).to_string()))
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| options.get_host().to_string());
    // libpq makes no TLS over a Unix socket, whatever sslmode says.
    if options.get_socket().is_some() || options.get_host().starts_with('/') {
        let params = Params {
            mode: PgSslMode::Disable,
            root: None,
            cert: None,
            key: None,
            name,
        };
        return Ok((options.ssl_mode(PgSslMode::Disable), params));
    }
    let mut mode = options.get_ssl_mode();
    let named_root = param(
        url,
        &["sslrootcert", "ssl-root-cert", "ssl-ca"],
        "PGSSLROOTCERT",
    );
    if named_root.as_deref() == Some("system") {
        return Err(Error::new(
            ErrorKind::Config,
            "sslrootcert=system (the system's trusted roots, libpq 16) is not supported",
        )
        .with_hint(format!(
            "give the file of the CA that signed the server's certificate with              sslrootcert=PATH in {origin}"
        )));
    }
    let named_root = named_root.map(PathBuf::from);
    let root = named_root
        .clone()
        .or_else(|| home_file("root.crt"))
        .filter(|p| p.is_file());
    if matches!(mode, PgSslMode::Require) && root.is_some() {
        mode = PgSslMode::VerifyCa;
    }
    if matches!(mode, PgSslMode::VerifyCa | PgSslMode::VerifyFull) && root.is_none() {
        let wanted = named_root
            .or_else(|| home_file("root.crt"))
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "~/.postgresql/root.crt".into());
        return Err(Error::new(
            ErrorKind::Config,
            format!(
                "sslmode={} needs the certificate of the CA that signed the server's: root \
                 certificate file \"{wanted}\" does not exist",
                mode_name(mode)
            ),
        )
        .with_hint(format!(
            "give the file with sslrootcert=PATH in {origin} (or PGSSLROOTCERT); for a \
             self-signed server certificate, the certificate itself; or sslmode=require to \
             encrypt without verifying the server"
        )));
    }
    let existing = |file: &str| home_file(file).filter(|p| p.is_file());
    let cert = param(url, &["sslcert", "ssl-cert"], "PGSSLCERT")
        .map(PathBuf::from)
        .or_else(|| existing("postgresql.crt"));
    let key = param(url, &["sslkey", "ssl-key"], "PGSSLKEY")
        .map(PathBuf::from)
        .or_else(|| cert.as_ref().and_then(|_| existing("postgresql.key")));
    let params = Params {
        mode,
        root,
        cert,
        key,
        name,
    };
    Ok((options.ssl_mode(mode), params))
}

fn mode_name(mode: PgSslMode) -> &'static str {
    match mode {
        PgSslMode::Disable => "disable",
        PgSslMode::Allow => "allow",
        PgSslMode::Prefer => "prefer",
        PgSslMode::Require => "require",
        PgSslMode::VerifyCa => "verify-ca",
        PgSslMode::VerifyFull => "verify-full",
    }
}

/// The TLS error inside a failed connection, when it is one.
fn rustls_error(io: &std::io::Error) -> Option<&rustls::Error> {
    io.get_ref()?.downcast_ref::<rustls::Error>()
}

fn is_ca_as_end_entity(err: &rustls::Error) -> bool {
    match err {
        rustls::Error::InvalidCertificate(CertificateError::Other(other)) => {
            other.0.downcast_ref::<webpki::Error>() == Some(&webpki::Error::CaUsedAsEndEntity)
        }
        _ => false,
    }
}

/// Whether the server refused a connection without TLS (sslmode=allow tries with it then).
pub(super) fn needs_tls(err: &sqlx::Error) -> bool {
    matches!(err, sqlx::Error::Database(db) if db.code().as_deref() == Some("28000")
        && db.message().contains("no encryption"))
}

/// A name as rustls presents it (`DnsName("db.example")`), as a person writes it.
fn name_of(presented: &str) -> &str {
    presented
        .split_once('(')
        .and_then(|(_, rest)| rest.strip_suffix(')'))
        .map(|inner| inner.trim_matches('"'))
        .unwrap_or(presented)
}

fn date(time: UnixTime) -> String {
    i64::try_from(time.as_secs())
        .ok()
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_else(|| "an unreadable date".into())
}

/// Why the server refused the clear (under `sslmode=disable`), in one line and a hint.
pub(super) fn refused_clear(err: &sqlx::Error) -> Option<(String, String)> {
    needs_tls(err).then(|| {
        (
            "the server accepts this client only over TLS".into(),
            "use sslmode=require or stricter (verify-full with the server's CA in sslrootcert \
             is best)"
                .into(),
        )
    })
}

/// Why the tunnel could not connect, in one line and a hint: `params` is what was asked.
fn explain(io: &std::io::Error, params: &Params, timeout: Duration) -> (String, String) {
    let host = &params.name;
    if io.get_ref().is_some_and(|e| e.is::<NoTls>()) {
        return (
            "the server does not accept TLS connections".into(),
            format!(
                "turn ssl on in the server's configuration, or use sslmode=prefer (now {})",
                mode_name(params.mode)
            ),
        );
    }
    match io.kind() {
        std::io::ErrorKind::ConnectionRefused => {
            return (
                "connection refused".into(),
                "is the server running and listening there?".into(),
            );
        }
        std::io::ErrorKind::TimedOut => {
            return (
                format!("no answer within {}s", timeout.as_secs()),
                "check the host, port and firewall; PLATCTL_CONNECT_TIMEOUT sets the wait".into(),
            );
        }
        _ => {}
    }
    let root = params
        .root
        .as_deref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "sslrootcert".into());
    let Some(e) = rustls_error(io) else {
        return (
            io.to_string(),
            "check the host and port, and the network".into(),
        );
    };
    let rustls::Error::InvalidCertificate(cert) = e else {
        return (
            format!("TLS failed: {e}"),
            "check sslcert and sslkey (a server may ask for a client certificate), and the \
             server's TLS settings"
                .into(),
        );
    };
    let refused = "the server's certificate was refused";
    match cert {
        CertificateError::UnknownIssuer => (
            format!("{refused}: it is not signed by a CA in {root}"),
            "put the certificate of the CA that signed it in that file (for a self-signed \
             certificate, the certificate itself), or use sslmode=require to encrypt without \
             verifying the server"
                .into(),
        ),
        CertificateError::NotValidForNameContext { presented, .. } => (
            format!(
                "{refused}: it is for {}, not {host}",
                if presented.is_empty() {
                    "no host name".to_string()
                } else {
                    presented
                        .iter()
                        .map(|name| name_of(name))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            ),
            "connect by a name the certificate lists, or use sslmode=verify-ca to verify the \
             CA but not the host name"
                .into(),
        ),
        CertificateError::NotValidForName => (
            format!("{refused}: it is not for {host}"),
            "connect by a name the certificate lists, or use sslmode=verify-ca".into(),
        ),
        CertificateError::ExpiredContext { not_after, .. } => (
            format!("{refused}: it expired on {}", date(*not_after)),
            "renew the server's certificate".into(),
        ),
        CertificateError::Expired => (
            format!("{refused}: it has expired"),
            "renew the server's certificate".into(),
        ),
        CertificateError::NotValidYetContext { not_before, .. } => (
            format!("{refused}: it is not valid before {}", date(*not_before)),
            "check this machine's clock and the server's certificate".into(),
        ),
        CertificateError::NotValidYet => (
            format!("{refused}: it is not valid yet"),
            "check this machine's clock and the server's certificate".into(),
        ),
        other => (
            format!("{refused}: {other:?}"),
            "check the server's certificate and sslrootcert".into(),
        ),
    }
}

/// How a server's certificate is checked: not at all (`prefer`, `allow`, `require` without a
/// root file — the handshake's signature still is), or against the root file, where a
/// certificate webpki refuses only for being a CA's is accepted when it is exactly one of the
/// file's — a self-signed certificate given as its own root. `verify-ca` ignores the host name.
#[derive(Debug)]
struct Verifier {
    roots: Option<(Arc<WebPkiServerVerifier>, Vec<CertificateDer<'static>>)>,
    check_name: bool,
    algorithms: rustls::crypto::WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for Verifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        let Some((webpki, roots)) = &self.roots else {
            return Ok(ServerCertVerified::assertion());
        };
        match webpki.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Ok(verified) => Ok(verified),
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) if !self.check_name => Ok(ServerCertVerified::assertion()),
            // webpki checks the dates before the CA flag: refused for the flag, the dates are
            // good (tests/it/tls.rs holds it to that with an expired self-signed certificate).
            Err(e) if is_ca_as_end_entity(&e) => {
                // Not one of ours: as OpenSSL says, a self-signed certificate not trusted.
                if !roots.iter().any(|r| r == end_entity) {
                    return Err(CertificateError::UnknownIssuer.into());
                }
                if self.check_name {
                    let parsed = rustls::server::ParsedCertificate::try_from(end_entity)?;
                    rustls::client::verify_server_name(&parsed, server_name)?;
                }
                Ok(ServerCertVerified::assertion())
            }
            Err(e) => Err(e),
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

fn read_pem<T>(
    path: &Path,
    what: &str,
    parse: impl FnOnce(&[u8]) -> Option<T>,
) -> std::result::Result<T, sqlx::Error> {
    let bytes = std::fs::read(path)
        .map_err(|e| sqlx::Error::Tls(format!("cannot read {}: {e}", path.display()).into()))?;
    parse(&bytes)
        .ok_or_else(|| sqlx::Error::Tls(format!("{} holds no PEM {what}", path.display()).into()))
}

fn client_config(params: &Params) -> std::result::Result<rustls::ClientConfig, sqlx::Error> {
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let roots = match params.root.as_deref() {
        Some(root) => {
            let roots: Vec<CertificateDer<'static>> = read_pem(root, "certificate", |pem| {
                CertificateDer::pem_slice_iter(pem)
                    .collect::<std::result::Result<Vec<_>, _>>()
                    .ok()
                    .filter(|certs| !certs.is_empty())
            })?;
            let mut store = RootCertStore::empty();
            for cert in &roots {
                // A certificate webpki cannot take as an anchor may still be the server's own.
                let _ = store.add(cert.clone());
            }
            let webpki =
                WebPkiServerVerifier::builder_with_provider(Arc::new(store), provider.clone())
                    .build()
                    .map_err(|e| sqlx::Error::Tls(e.into()))?;
            Some((webpki, roots))
        }
        None => None,
    };
    let verifier = Arc::new(Verifier {
        roots,
        check_name: matches!(params.mode, PgSslMode::VerifyFull),
        algorithms: provider.signature_verification_algorithms,
    });
    let builder = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| sqlx::Error::Tls(e.into()))?
        .dangerous()
        .with_custom_certificate_verifier(verifier);
    match (&params.cert, &params.key) {
        (Some(cert), Some(key)) => {
            let chain = read_pem(cert, "certificate", |pem| {
                CertificateDer::pem_slice_iter(pem)
                    .collect::<std::result::Result<Vec<_>, _>>()
                    .ok()
            })?;
            let key = read_pem(key, "private key", |pem| {
                PrivateKeyDer::from_pem_slice(pem).ok()
            })?;
            builder
                .with_client_auth_cert(chain, key)
                .map_err(|e| sqlx::Error::Tls(e.into()))
        }
        (Some(cert), None) => Err(sqlx::Error::Tls(
            format!(
                "sslcert {} is given without its key: set sslkey (or PGSSLKEY)",
                cert.display()
            )
            .into(),
        )),
        _ => Ok(builder.with_no_client_auth()),
    }
}

/// A TLS connection of platctl's own to one server, with [`Verifier`] as its verifier,
/// offered to sqlx in the clear on a Unix socket in a private directory. It runs on a runtime
/// of its own (whichever runtime asked first may end before the process), and lives as long
/// as the process (removed by [`close_tunnels`]).
struct Tunnel {
    key: String,
    dir: tempfile::TempDir,
}

static TUNNELS: OnceLock<Mutex<Vec<Tunnel>>> = OnceLock::new();

fn tunnels() -> std::sync::MutexGuard<'static, Vec<Tunnel>> {
    TUNNELS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The tunnels' runtime: one thread, started at the first tunnel.
fn runtime() -> std::result::Result<&'static tokio::runtime::Runtime, sqlx::Error> {
    static RUNTIME: OnceLock<std::io::Result<tokio::runtime::Runtime>> = OnceLock::new();
    RUNTIME
        .get_or_init(|| {
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .thread_name("platctl-tls")
                .enable_all()
                .build()
        })
        .as_ref()
        .map_err(|e| sqlx::Error::Io(std::io::Error::new(e.kind(), e.to_string())))
}

/// Remove the tunnels' sockets (at the end of the process).
pub fn close_tunnels() {
    tunnels().clear();
}

/// The server answered `N` to TLS that `sslmode` requires.
#[derive(Debug)]
struct NoTls;

impl std::fmt::Display for NoTls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the server does not accept TLS connections")
    }
}

impl std::error::Error for NoTls {}

/// Whether connections to `options` go through a [`Tunnel`]: over TCP when `sslmode` asks for
/// TLS (`allow` only once the server refused the clear, see `db::postgres`).
pub(super) fn wants_tunnel(options: &PgConnectOptions, params: &Params) -> bool {
    options.get_socket().is_none() && !matches!(params.mode, PgSslMode::Disable | PgSslMode::Allow)
}

/// The `SSLRequest` message: length 8, code 80877103.
const SSL_REQUEST: [u8; 8] = [0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f];

/// The options that reach the server of `options` through a tunnel verifying with
/// [`Verifier`]: made at the first need, then shared by every connection to that server.
pub(super) fn tunnel(
    options: &PgConnectOptions,
    params: &Params,
    timeout: Duration,
) -> std::result::Result<PgConnectOptions, sqlx::Error> {
    let host = options.get_host().to_string();
    let port = options.get_port();
    let key = format!("{host}\0{port}\0{params:?}");
    let mut all = tunnels();
    if let Some(t) = all.iter().find(|t| t.key == key) {
        return Ok(tunneled(options, t.dir.path()));
    }
    let config = Arc::new(client_config(params)?);
    let name = ServerName::try_from(params.name.clone()).map_err(|e| sqlx::Error::Tls(e.into()))?;
    let dir = tempfile::Builder::new()
        .prefix("platctl-tls-")
        .permissions(std::fs::Permissions::from_mode(0o700))
        .tempdir()
        .map_err(sqlx::Error::Io)?;
    let socket = dir.path().join(format!(".s.PGSQL.{port}"));
    let rt = runtime()?;
    let listener = {
        let _inside = rt.enter();
        tokio::net::UnixListener::bind(&socket).map_err(sqlx::Error::Io)?
    };
    std::fs::set_permissions(&socket, std::fs::Permissions::from_mode(0o600))
        .map_err(sqlx::Error::Io)?;
    let link = Arc::new(Link {
        connector: tokio_rustls::TlsConnector::from(config),
        name,
        host: host.clone(),
        port,
        optional: matches!(params.mode, PgSslMode::Prefer),
        timeout,
        params: params.clone(),
    });
    tracing::debug!(%host, port, "TLS through platctl's tunnel");
    rt.spawn(async move {
        loop {
            match listener.accept().await {
                Ok((clear, _)) => {
                    tokio::spawn(link.clone().carry(clear));
                }
                // Out of file descriptors, say: the next one may come.
                Err(e) => {
                    tracing::warn!(error = %e, "the TLS tunnel cannot take a connection");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            }
        }
    });
    let options = tunneled(options, dir.path());
    all.push(Tunnel { key, dir });
    Ok(options)
}

fn tunneled(options: &PgConnectOptions, dir: &Path) -> PgConnectOptions {
    options.clone().socket(dir).ssl_mode(PgSslMode::Disable)
}

/// How the tunnel reaches its server.
struct Link {
    connector: tokio_rustls::TlsConnector,
    name: ServerName<'static>,
    host: String,
    port: u16,
    /// `prefer`: the clear when the server declines TLS.
    optional: bool,
    timeout: Duration,
    params: Params,
}

/// The server's side of a tunneled connection.
enum Server {
    Tls(Box<tokio_rustls::client::TlsStream<tokio::net::TcpStream>>),
    Clear(tokio::net::TcpStream),
}

impl Link {
    /// A TCP connection to the server (keepalives on, as libpq's), TLS asked for and made (or,
    /// when `optional` and the server declines, none).
    async fn open(&self) -> std::io::Result<Server> {
        let mut last = std::io::Error::from(std::io::ErrorKind::AddrNotAvailable);
        for addr in tokio::net::lookup_host((self.host.as_str(), self.port)).await? {
            let socket = match addr {
                std::net::SocketAddr::V4(_) => tokio::net::TcpSocket::new_v4()?,
                std::net::SocketAddr::V6(_) => tokio::net::TcpSocket::new_v6()?,
            };
            socket.set_keepalive(true)?;
            let mut tcp = match socket.connect(addr).await {
                Ok(tcp) => tcp,
                Err(e) => {
                    last = e;
                    continue;
                }
            };
            tcp.set_nodelay(true)?;
            tcp.write_all(&SSL_REQUEST).await?;
            return match tcp.read_u8().await? {
                b'S' => Ok(Server::Tls(Box::new(
                    self.connector.connect(self.name.clone(), tcp).await?,
                ))),
                b'N' if self.optional => Ok(Server::Clear(tcp)),
                b'N' => Err(std::io::Error::other(NoTls)),
                other => Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("unexpected answer 0x{other:02x} to TLS from the server"),
                )),
            };
        }
        Err(last)
    }

    /// One client of the tunnel: the client's first message (its startup) read, the server
    /// reached, that message passed on and the server's first answer passed back — a server
    /// that refuses this client's certificate says so only then, under TLS 1.3 — then bytes
    /// carried both ways until either side closes. A failure before that is told to the client
    /// as PostgreSQL would tell it (an `ErrorResponse`), so that the one line it prints is the
    /// cause.
    async fn carry(self: Arc<Self>, mut clear: tokio::net::UnixStream) {
        let mut buf = vec![0u8; 8192];
        let setup = async {
            // The client's startup first: a refusal written before the client has sent it
            // would meet a closed socket, and the client would say "broken pipe".
            let n = clear.read(&mut buf).await?;
            let mut server = self.open().await?;
            let first = buf.get(..n).unwrap_or_default();
            let n = match &mut server {
                Server::Tls(tls) => {
                    tls.write_all(first).await?;
                    tls.read(&mut buf).await?
                }
                Server::Clear(tcp) => {
                    tcp.write_all(first).await?;
                    tcp.read(&mut buf).await?
                }
            };
            if n == 0 {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            Ok((server, n))
        };
        let (mut server, n) = match tokio::time::timeout(self.timeout, setup).await {
            Ok(Ok(ready)) => ready,
            Ok(Err(e)) => return self.refuse(&mut clear, &e).await,
            Err(_) => {
                let e = std::io::ErrorKind::TimedOut.into();
                return self.refuse(&mut clear, &e).await;
            }
        };
        if clear
            .write_all(buf.get(..n).unwrap_or_default())
            .await
            .is_err()
        {
            return;
        }
        // How a connection ends (the server gone, the client done) is the client's to tell.
        let _ = match &mut server {
            Server::Tls(tls) => tokio::io::copy_bidirectional(&mut clear, tls).await,
            Server::Clear(tcp) => tokio::io::copy_bidirectional(&mut clear, tcp).await,
        };
    }

    /// Tell the client why, as a FATAL `ErrorResponse` with SQLSTATE 08006
    /// (connection_failure), its message and hint.
    async fn refuse(&self, clear: &mut tokio::net::UnixStream, e: &std::io::Error) {
        tracing::debug!(error = %e, "TLS tunnel: no connection to the server");
        let (message, hint) = explain(e, &self.params, self.timeout);
        let _ = clear.write_all(&error_response(&message, &hint)).await;
        let _ = clear.shutdown().await;
    }
}

/// SQLSTATE of the tunnel's refusals, by which `db::postgres` knows them.
pub(super) const TUNNEL_REFUSAL: &str = "08006";

/// A FATAL `ErrorResponse` of the PostgreSQL protocol.
fn error_response(message: &str, hint: &str) -> Vec<u8> {
    let mut fields = Vec::new();
    for (code, text) in [
        (b'S', "FATAL"),
        (b'V', "FATAL"),
        (b'C', TUNNEL_REFUSAL),
        (b'M', message),
        (b'H', hint),
    ] {
        fields.push(code);
        fields.extend(text.bytes().filter(|b| *b != 0));
        fields.push(0);
    }
    fields.push(0);
    let length = u32::try_from(fields.len() + 4).unwrap_or(u32::MAX);
    let mut out = vec![b'E'];
    out.extend(length.to_be_bytes());
    out.extend(fields);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn params(url: &str) -> Result<Params> {
        let options = PgConnectOptions::from_str(url).map_err(|e| Error::usage(e.to_string()))?;
        apply(url, options, "DATABASE_URL").map(|(_, p)| p)
    }

    #[test]
    fn the_tunnel_socket_is_this_users_alone() {
        let url = "postgres://u@127.0.0.1:1/db?sslmode=require";
        let options = PgConnectOptions::from_str(url).unwrap();
        let (options, params) = apply(url, options, "DATABASE_URL").unwrap();
        let tunneled = tunnel(&options, &params, Duration::from_secs(1)).unwrap();
        let dir = tunneled.get_socket().unwrap().clone();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&dir.join(".s.PGSQL.1")), 0o600);
        // The same server and parameters share it.
        let again = tunnel(&options, &params, Duration::from_secs(1)).unwrap();
        assert_eq!(again.get_socket(), Some(&dir));
        close_tunnels();
        assert!(!dir.exists(), "closing left {}", dir.display());
    }

    #[test]
    fn an_error_response_is_one_postgresql_message() {
        let message = error_response("refused", "do this");
        assert_eq!(message[0], b'E');
        let length = u32::from_be_bytes([message[1], message[2], message[3], message[4]]);
        assert_eq!(length as usize, message.len() - 1);
        assert!(message.ends_with(b"Hdo this\0\0"));
    }

    #[test]
    fn require_with_a_root_file_verifies_the_ca_and_verify_without_one_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("ca.crt");
        std::fs::write(&root, "x").unwrap();
        let with = format!(
            "postgres://u@h/db?sslmode=require&sslrootcert={}",
            root.display()
        );
        assert!(matches!(params(&with).unwrap().mode, PgSslMode::VerifyCa));
        let missing = format!(
            "postgres://u@h/db?sslmode=verify-full&sslrootcert={}/nope.crt",
            dir.path().display()
        );
        let err = params(&missing).unwrap_err().to_string();
        assert!(err.contains("nope.crt\" does not exist"), "{err}");
        assert!(err.contains("sslmode=verify-full"), "{err}");
        let plain = params("postgres://u@h/db?sslmode=disable").unwrap();
        assert!(matches!(plain.mode, PgSslMode::Disable));
    }
}
