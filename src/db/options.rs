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
}

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
        }
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
