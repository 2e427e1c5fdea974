//! How to connect: the options every connection of a process shares.

use std::str::FromStr;
use std::time::Duration;

/// What stands between platctl and PostgreSQL: the setting `database_pooler`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pooler {
    /// Found out at each connection (see `db::postgres`).
    Auto,
    /// PostgreSQL itself.
    None,
    /// A pooler in session mode, or a proxy: a server connection per client for the client's
    /// life, which to platctl is the same as none.
    Session,
    /// A pooler in transaction mode: a server connection per transaction.
    Transaction,
}

impl Pooler {
    pub const NAMES: &'static str = "auto, none, session or transaction";
}

impl FromStr for Pooler {
    type Err = String;
    fn from_str(text: &str) -> std::result::Result<Self, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(Pooler::Auto),
            "none" => Ok(Pooler::None),
            "session" => Ok(Pooler::Session),
            "transaction" => Ok(Pooler::Transaction),
            _ => Err(format!("expected {}", Pooler::NAMES)),
        }
    }
}

impl std::fmt::Display for Pooler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Pooler::Auto => "auto",
            Pooler::None => "none",
            Pooler::Session => "session",
            Pooler::Transaction => "transaction",
        })
    }
}

#[derive(Debug, Clone)]
pub struct ConnectOptions {
    /// Create a missing SQLite file (and its directory).
    pub create: bool,
    pub timeout: Duration,
    /// Where the URL came from, for hints: `DATABASE_URL`, `--into`, a profile's database_url.
    pub origin: String,
    /// What stands between platctl and PostgreSQL (`database_pooler`).
    pub pooler: Pooler,
    /// PostgreSQL itself, for what needs a session when the URL goes through a pooler in
    /// transaction mode (`database_direct_url`).
    pub direct: Option<String>,
    /// Where `direct` came from, for hints.
    pub direct_origin: String,
    /// How long a statement waits for a lock, and runs, on PostgreSQL (`database_lock_timeout`,
    /// `database_statement_timeout`; zero: no limit).
    pub lock_timeout: Duration,
    pub statement_timeout: Duration,
}

/// The defaults of `database_lock_timeout` and `database_statement_timeout` (the settings
/// table says the same; a test holds them together).
pub const DEFAULT_LOCK_TIMEOUT: Duration = Duration::from_secs(30);
pub const DEFAULT_STATEMENT_TIMEOUT: Duration = Duration::from_secs(3600);

impl ConnectOptions {
    /// Options for `origin`'s database, which nothing more is known of: no pooler declared
    /// (found out), no direct URL.
    pub fn plain(timeout: Duration, origin: impl Into<String>) -> ConnectOptions {
        ConnectOptions {
            create: false,
            timeout,
            origin: origin.into(),
            pooler: Pooler::Auto,
            direct: None,
            direct_origin: "DATABASE_DIRECT_URL".to_string(),
            lock_timeout: DEFAULT_LOCK_TIMEOUT,
            statement_timeout: DEFAULT_STATEMENT_TIMEOUT,
        }
    }

    /// The `SET` statements of the two timeouts, in milliseconds (`SET LOCAL` for one
    /// transaction, through a pooler in transaction mode).
    pub(super) fn timeouts_sql(&self, local: bool) -> String {
        let scope = if local { "SET LOCAL" } else { "SET" };
        let ms = |d: Duration| {
            u64::try_from(d.as_millis())
                .unwrap_or(u64::MAX)
                .min(i32::MAX as u64)
        };
        format!(
            "{scope} lock_timeout = {}; {scope} statement_timeout = {}",
            ms(self.lock_timeout),
            ms(self.statement_timeout)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pooler_names_read_back() {
        for p in [
            Pooler::Auto,
            Pooler::None,
            Pooler::Session,
            Pooler::Transaction,
        ] {
            assert_eq!(p.to_string().parse::<Pooler>(), Ok(p));
        }
        assert!("pgbouncer".parse::<Pooler>().is_err());
    }
}
