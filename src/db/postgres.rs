//! Connecting to PostgreSQL, and finding out what answers: the server's version, and whether a
//! connection pooler stands between and in which mode. That decides how statements are sent
//! ([`Pg::keeps_statements`]) and where work that needs a session of its own goes
//! ([`Pg::session_target`]).
//!
//! Through a pooler in transaction mode (PgBouncer's `pool_mode = transaction`, the "pooled"
//! URLs of managed PostgreSQL) a client holds a server connection only for one transaction:
//! between two transactions it may be handed another one. So there, every statement runs in a
//! transaction of its own and is sent unnamed (a named prepared statement would be left on a
//! server connection that the next client gets, and missing on the one this client gets next),
//! and nothing relies on session state: session locks, `LISTEN`, `pg_dump`'s snapshot and a
//! restore go to `DATABASE_DIRECT_URL`, the server itself. Directly and through a session
//! pooler, statements are prepared once per connection and kept, as before.

use std::str::FromStr;
use std::time::Duration;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use sqlx::postgres::{PgConnectOptions, PgConnection, PgPoolOptions, PgSslMode};
use sqlx::{AssertSqlSafe, Connection, Row as _};

use super::errors::from_sqlx;
use super::options::{ConnectOptions, Pooler};
use super::tls;
use crate::error::{Error, ErrorKind, Result};

/// What answered: the server's version and what stands between.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// `15.18`
    pub version: String,
    /// Never [`Pooler::Auto`].
    pub pooler: Pooler,
    /// Found out at connect, rather than declared by `database_pooler`.
    pub detected: bool,
}

impl Found {
    /// "PostgreSQL 15.18", "PostgreSQL 15.18, transaction pooler": for a line of a table
    /// (the version without its packager's suffix).
    pub fn short(&self) -> String {
        let version = self.version.split_whitespace().next().unwrap_or_default();
        match self.pooler {
            Pooler::None | Pooler::Auto => format!("PostgreSQL {version}"),
            Pooler::Session => format!("PostgreSQL {version}, proxy or session pooler"),
            Pooler::Transaction => format!("PostgreSQL {version}, transaction pooler"),
        }
    }

    /// "PostgreSQL 15.18", "PostgreSQL 15.18 through a pooler in transaction mode", …
    pub fn describe(&self) -> String {
        let how = if self.detected {
            "detected"
        } else {
            "database_pooler"
        };
        match self.pooler {
            Pooler::None | Pooler::Auto if self.detected => format!("PostgreSQL {}", self.version),
            Pooler::None | Pooler::Auto => format!("PostgreSQL {} ({how} = none)", self.version),
            Pooler::Session => format!(
                "PostgreSQL {} through a proxy or a pooler in session mode ({how})",
                self.version
            ),
            Pooler::Transaction => format!(
                "PostgreSQL {} through a pooler in transaction mode ({how})",
                self.version
            ),
        }
    }
}

/// A pool of PostgreSQL connections, and what answered them.
#[derive(Clone)]
pub struct Pg {
    pub(super) pool: sqlx::PgPool,
    pub(super) found: Found,
    url: String,
    /// `database_direct_url`, for what needs a session when `url` is pooled per transaction.
    direct: Option<String>,
    opts: Arc<ConnectOptions>,
}

impl Pg {
    /// How this pool was connected.
    pub(super) fn options(&self) -> &ConnectOptions {
        &self.opts
    }

    /// How each transaction begins: with the timeouts set for it alone, through a pooler in
    /// transaction mode (elsewhere each session has them).
    pub(super) fn begin_sql(&self) -> Option<String> {
        (!self.keeps_statements()).then(|| format!("BEGIN; {}", self.opts.timeouts_sql(true)))
    }

    /// Whether statements may be prepared once per connection and kept (not through a pooler
    /// in transaction mode: see the module's comment).
    pub(super) fn keeps_statements(&self) -> bool {
        self.found.pooler != Pooler::Transaction
    }

    /// Where work that needs a session of its own (`needs` says which, for the error) may
    /// run: this database, or — through a pooler in transaction mode — `database_direct_url`,
    /// checked to reach PostgreSQL itself.
    pub(super) async fn session_target(&self, needs: &str) -> Result<String> {
        if self.keeps_statements() {
            return Ok(self.url.clone());
        }
        let Some(direct) = &self.direct else {
            return Err(Error::new(
                ErrorKind::Config,
                format!(
                    "{needs} needs a database session of its own, and {} goes through a pooler \
                 in transaction mode ({}), which gives none",
                    self.opts.origin,
                    if self.found.detected {
                        "detected"
                    } else {
                        "database_pooler = transaction"
                    }
                ),
            )
            .with_hint(
                "set DATABASE_DIRECT_URL (or database_direct_url in the profile) to a URL of \
                 PostgreSQL itself, not of the pooler; if the pooler is in session mode, set \
                 PLATCTL_DATABASE_POOLER=session",
            ));
        };
        let origin = &self.opts.direct_origin;
        let opts = ConnectOptions {
            pooler: Pooler::Auto,
            direct: None,
            origin: origin.clone(),
            ..(*self.opts).clone()
        };
        let pg = connect(direct, &opts).await?;
        let theirs = identity(&pg.pool).await;
        pg.pool.close().await;
        if pg.found.pooler == Pooler::Transaction {
            return Err(Error::new(
                ErrorKind::Config,
                format!("{origin} goes through a pooler in transaction mode too (detected)"),
            )
            .with_hint(
                "point it at PostgreSQL itself: its host and port, not the pooler's".to_string(),
            ));
        }
        // The same database of the same server, or migrations and dumps would go elsewhere
        // than the commands that read them.
        let ours = identity(&self.pool).await;
        let (ours, theirs) = (ours.map_err(from_sqlx)?, theirs.map_err(from_sqlx)?);
        if ours != theirs {
            return Err(Error::new(
                ErrorKind::Config,
                format!(
                    "{origin} reaches another database than {}: {theirs} there, {ours} through \
                     the pooler",
                    self.opts.origin
                ),
            )
            .with_hint(
                "point both at the same database: the pooler's entry for it, and PostgreSQL's \
                 own host and port",
            ));
        }
        Ok(direct.clone())
    }
}

/// Which database of which server a pool reaches: its name and oid, and when its server
/// started ("app (oid 16384) of the server started 2026-12-01 10:00:00+00").
async fn identity(pool: &sqlx::PgPool) -> std::result::Result<String, sqlx::Error> {
    let row = sqlx::raw_sql(
        "SELECT format('%s (oid %s) of the server started %s', d.datname, d.oid, \
         pg_postmaster_start_time()) AS who FROM pg_database d \
         WHERE d.datname = current_database()",
    )
    .fetch_one(pool)
    .await?;
    row.try_get("who")
}

/// The options of a URL, as platctl connects: named `platctl` in `pg_stat_activity`, and
/// with no startup parameter a pooler may refuse (sqlx's `extra_float_digits` is left out:
/// floats come back in binary, and since PostgreSQL 12 the default prints them exactly).
fn options_of(url: &str) -> Result<PgConnectOptions> {
    Ok(PgConnectOptions::from_str(url)
        .map_err(|_| {
            Error::usage(format!(
                "`{}` is not a valid PostgreSQL URL",
                crate::redact::redact_url(url)
            ))
            .with_hint(
                "expected postgres://USER@HOST[:PORT]/DATABASE[?sslmode=...], a password \
                 after the user name (USER:PASSWORD); percent-encode special characters in the \
                 user name and password (# as %23, / as %2F, ? as %3F, @ as %40, : as %3A, \
                 % as %25)",
            )
        })?
        .application_name("platctl")
        .extra_float_digits(None))
}

/// Where a URL leads and how: sqlx's options, with libpq's TLS rules applied (`tls`).
struct Target {
    /// The URL's.
    options: PgConnectOptions,
    /// What connections are made with: `options`, or how [`Target::open`] got through.
    reach: PgConnectOptions,
    tls: tls::Params,
    place: String,
    database: String,
}

impl Target {
    fn of(url: &str, origin: &str) -> Result<Target> {
        let (options, tls) = tls::apply(url, options_of(url)?, origin)?;
        let place = match options.get_socket() {
            Some(dir) => format!("socket {}", dir.display()),
            None => format!("{}:{}", options.get_host(), options.get_port()),
        };
        let database = options.get_database().unwrap_or("(default)").to_string();
        Ok(Target {
            reach: options.clone(),
            options,
            tls,
            place,
            database,
        })
    }

    /// One connection, as libpq makes it: TLS through [`tls::tunnel`] when `sslmode` asks
    /// for it; under `sslmode=allow`, in the clear, and through the tunnel once the server
    /// refused that. The options that made it serve every connection after it.
    async fn open(&mut self, timeout: Duration) -> std::result::Result<PgConnection, sqlx::Error> {
        loop {
            if tls::wants_tunnel(&self.reach, &self.tls) {
                self.reach = tls::tunnel(&self.reach, &self.tls, timeout)?;
            }
            return match connect_one(&self.reach, timeout).await {
                Err(err) if matches!(self.tls.mode, PgSslMode::Allow) && tls::needs_tls(&err) => {
                    self.tls.mode = PgSslMode::Require;
                    continue;
                }
                result => result,
            };
        }
    }

    fn error(&self, opts: &ConnectOptions, err: sqlx::Error) -> Error {
        connect_error(self, opts.timeout, err, &opts.origin)
    }
}

/// One connection of its own to `url` (a restore's workers), made as the pool's are.
pub async fn connect_single(
    url: &str,
    application_name: &str,
    opts: &ConnectOptions,
) -> Result<PgConnection> {
    let mut target = Target::of(url, &opts.origin)?;
    target.reach = target.reach.clone().application_name(application_name);
    target
        .open(opts.timeout)
        .await
        .map_err(|err| target.error(opts, err))
}

pub(super) async fn connect(url: &str, opts: &ConnectOptions) -> Result<Pg> {
    let mut target = Target::of(url, &opts.origin)?;
    // Connect once directly: the pool would retry a refused connection until its timeout,
    // and an operator wants "connection refused" at once.
    let mut first = target
        .open(opts.timeout)
        .await
        .map_err(|err| target.error(opts, err))?;
    let options = target.reach.clone();
    let failed = |err| target.error(opts, err);
    // The timeouts are set on each session of the pool — but not through a pooler in
    // transaction mode, where a session's settings would stay on a server connection that
    // other clients get next: there each transaction sets them for itself (`begin_sql`).
    let sessions_are_ours = Arc::new(AtomicBool::new(false));
    let timeouts = opts.timeouts_sql(false);
    let pool = PgPoolOptions::new()
        .max_connections(4)
        .acquire_timeout(opts.timeout)
        .after_connect({
            let ours = sessions_are_ours.clone();
            let timeouts = timeouts.clone();
            move |conn, _| {
                let set = ours.load(Ordering::Relaxed).then(|| timeouts.clone());
                Box::pin(async move {
                    if let Some(set) = set {
                        sqlx::raw_sql(AssertSqlSafe(set)).execute(conn).await?;
                    }
                    Ok(())
                })
            }
        })
        // A pooled connection is pinged before each use (sqlx's default): after a PostgreSQL
        // restart no request fails on a connection the server closed. The admin API's hot
        // reads take no connection at all (`Reads`, and what core::memory remembers).
        .connect_lazy_with(options.clone());
    let found = async {
        // The second client of `detect` is the pool's first connection, which then serves
        // the command: finding out costs small queries, not a connection.
        let mut second = pool.acquire().await?;
        let found = tokio::time::timeout(
            opts.timeout,
            detect(&mut first, &mut second, &target.options, opts),
        )
        .await
        .map_err(|_| sqlx::Error::PoolTimedOut)??;
        if found.pooler != Pooler::Transaction {
            sessions_are_ours.store(true, Ordering::Relaxed);
            sqlx::raw_sql(AssertSqlSafe(timeouts))
                .execute(&mut *second)
                .await?;
        }
        Ok(found)
    }
    .await
    .map_err(failed)?;
    let _ = first.close().await;
    tracing::debug!(server = %found.describe(), "connected");
    Ok(Pg {
        pool,
        found,
        url: url.to_string(),
        direct: opts.direct.clone(),
        opts: Arc::new(opts.clone()),
    })
}

async fn connect_one(
    options: &PgConnectOptions,
    timeout: Duration,
) -> std::result::Result<PgConnection, sqlx::Error> {
    tokio::time::timeout(timeout, sqlx::ConnectOptions::connect(options))
        .await
        .map_err(|_| sqlx::Error::PoolTimedOut)?
}

/// One look at a connection: the backend serving it, the port its server listens on (none
/// over a Unix socket) and the server's version. Sent with the simple protocol, one message
/// whatever pools the connection.
struct Probe {
    pid: String,
    port: Option<String>,
    version: String,
}

async fn probe(conn: &mut PgConnection) -> std::result::Result<Probe, sqlx::Error> {
    let row = sqlx::raw_sql(
        "SELECT pg_backend_pid()::text AS pid, inet_server_port()::text AS port, \
         current_setting('server_version') AS version",
    )
    .fetch_one(conn)
    .await?;
    Ok(Probe {
        pid: row.try_get("pid")?,
        port: row.try_get("port")?,
        version: row.try_get("version")?,
    })
}

/// What stands between, unless `database_pooler` says. A pooler in transaction mode hands a
/// server connection to whichever client needs one next: a second client of ours, asking while
/// the first idles, is served by the same backend (PgBouncer hands out the one used last), or
/// the first is served by another backend on its next statement. Neither PostgreSQL nor a
/// session pooler ever does either: a backend serves one client for that client's life. Seen
/// once, that is certain; not seen, it is tried twice more, since a busy pooler may hand the
/// second client another idle connection (a pooler may listen on the server's own port, so
/// that the port tells nothing). Not seen at all, something still stands between when the
/// server listens on another port than the one connected to, or on TCP when platctl came over
/// a Unix socket: a proxy or a session pooler. All of it within the connect timeout.
async fn detect(
    first: &mut PgConnection,
    second: &mut PgConnection,
    options: &PgConnectOptions,
    opts: &ConnectOptions,
) -> std::result::Result<Found, sqlx::Error> {
    let seen = probe(first).await?;
    if opts.pooler != Pooler::Auto {
        return Ok(Found {
            version: seen.version,
            pooler: opts.pooler,
            detected: false,
        });
    }
    let between = match options.get_socket() {
        Some(_) => seen.port.is_some(),
        None => seen.port.as_deref() != Some(options.get_port().to_string().as_str()),
    };
    let mut shared = false;
    for _ in 0..3 {
        if probe(second).await?.pid == seen.pid || probe(first).await?.pid != seen.pid {
            shared = true;
            break;
        }
    }
    let pooler = match (shared, between) {
        (true, _) => Pooler::Transaction,
        (false, true) => Pooler::Session,
        (false, false) => Pooler::None,
    };
    Ok(Found {
        version: seen.version,
        pooler,
        detected: true,
    })
}

fn connect_error(target: &Target, timeout: Duration, err: sqlx::Error, origin: &str) -> Error {
    let Target {
        place, database, ..
    } = target;
    let (detail, hint) = if let Some(refused) = tls::refused_clear(&err) {
        refused
    } else {
        match &err {
            // The TLS tunnel's refusal: its cause in one line, and what to do.
            sqlx::Error::Database(db) if db.code().as_deref() == Some(tls::TUNNEL_REFUSAL) => {
                let hint = db
                    .try_downcast_ref::<sqlx::postgres::PgDatabaseError>()
                    .and_then(|pg| pg.hint())
                    .unwrap_or("check sslmode, sslrootcert, sslcert and sslkey");
                (
                    db.message().to_string(),
                    format!("{hint} (URL from {origin})"),
                )
            }
            sqlx::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => (
                "connection refused".to_string(),
                format!("is the server running and listening there? check {origin}"),
            ),
            sqlx::Error::Io(io) => (io.to_string(), format!("check {origin} and the network")),
            sqlx::Error::PoolTimedOut => (
                format!("no answer within {}s", timeout.as_secs()),
                "check the host, port and firewall; PLATCTL_CONNECT_TIMEOUT sets the wait"
                    .to_string(),
            ),
            sqlx::Error::Database(db) => {
                let message = db.message();
                let hint = match message.strip_prefix("unsupported startup parameter: ") {
                    // PgBouncer's words: PostgreSQL says "unrecognized configuration parameter".
                    Some(parameter) => format!(
                        "a connection pooler (PgBouncer) refuses the startup parameter \
                     `{parameter}`, which {origin} asks for: drop it from the URL, or add it to \
                     the pooler's ignore_startup_parameters"
                    ),
                    // invalid_catalog_name: platctl never creates the database it is given.
                    None if db.code().as_deref() == Some("3D000") => format!(
                        "create it first, as a role that may (CREATEDB): `createdb -O OWNER \
                     {database}`, or your provider's console; or fix the name in {origin}"
                    ),
                    None => format!("check the user, password and database name in {origin}"),
                };
                (message.to_string(), hint)
            }
            sqlx::Error::Tls(e) => (
                format!("TLS failed: {e}"),
                format!("check sslmode, sslrootcert, sslcert and sslkey in {origin}"),
            ),
            other => (other.to_string(), format!("check {origin}")),
        }
    };
    Error::new(
        ErrorKind::Connect,
        format!("cannot connect to PostgreSQL at {place} (database {database}): {detail}"),
    )
    .with_hint(hint)
}
