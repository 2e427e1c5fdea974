//! Driver errors in platctl's words, below both drivers' files (which use them).

use super::tls;
use crate::error::{Error, ErrorKind};

/// Turn a driver error into ours: unique violations are conflicts, lost connections are
/// connection errors, everything else a database error that quotes the server's message.
pub fn from_sqlx(err: sqlx::Error) -> Error {
    match &err {
        sqlx::Error::Database(db) if is_sqlite_readonly(db.as_ref()) => Error::refused(
            "the SQLite database is read-only for this user, and this command changes it",
        )
        .with_hint(
            "run it as the owner of the database file, or make the file and its directory \
             writable (SQLite writes its -wal and -shm files beside it); commands that only \
             read work as they are",
        ),
        // The TLS tunnel could not reach the server: as a connection refused or cut off.
        sqlx::Error::Database(db) if db.code().as_deref() == Some(tls::TUNNEL_REFUSAL) => {
            Error::new(
                ErrorKind::Connect,
                format!("lost the connection to the database: {}", db.message()),
            )
        }
        // The server went away or would not take the session: class 08 (connection exception),
        // 57P01-57P05 (shutdown, crash, starting up, idle timeouts), 53300 (too many
        // connections). These are the connection's fate, not a refusal of the statement.
        sqlx::Error::Database(db)
            if db.code().is_some_and(|code| {
                code.starts_with("08") || code.starts_with("57P") || code == "53300"
            }) =>
        {
            Error::new(
                ErrorKind::Connect,
                format!("lost the connection to the database: {}", db.message()),
            )
            .with_hint("is the database running and accepting connections? run again when it is")
        }
        // lock_not_available: `database_lock_timeout` ran out.
        sqlx::Error::Database(db) if db.code().as_deref() == Some("55P03") => Error::new(
            ErrorKind::Database,
            format!(
                "the database refused the statement: {} (another session holds what it \
                 needs)",
                db.message()
            ),
        )
        .with_hint(LOCK_HINT),
        // query_canceled by `statement_timeout`.
        sqlx::Error::Database(db)
            if db.code().as_deref() == Some("57014")
                && db.message().contains("statement timeout") =>
        {
            Error::new(
                ErrorKind::Database,
                format!("the database refused the statement: {}", db.message()),
            )
            .with_hint(
                "it ran longer than database_statement_timeout \
                 (PLATCTL_DATABASE_STATEMENT_TIMEOUT, default 1h; 0 for no limit)",
            )
        }
        sqlx::Error::Database(db) => {
            let kind = if db.is_unique_violation() {
                ErrorKind::Conflict
            } else {
                ErrorKind::Database
            };
            let message = format!("the database refused the statement: {}", db.message());
            Error::new(kind, message)
        }
        sqlx::Error::Io(_) | sqlx::Error::Tls(_) | sqlx::Error::PoolTimedOut => {
            Error::new(ErrorKind::Connect, "lost the connection to the database").with_source(err)
        }
        sqlx::Error::PoolClosed | sqlx::Error::WorkerCrashed => {
            Error::new(ErrorKind::Connect, "the database connection closed").with_source(err)
        }
        _ => Error::new(ErrorKind::Database, "a database operation failed").with_source(err),
    }
}

/// What to do when a statement gave up waiting for a lock.
pub const LOCK_HINT: &str = "it waited database_lock_timeout (PLATCTL_DATABASE_LOCK_TIMEOUT, \
    default 30s) for a lock: find the session holding it in pg_stat_activity (an old \
    transaction, `idle in transaction`), end it or wait, and run again; nothing of this \
    statement's transaction was kept";

/// SQLITE_READONLY and its extended codes (`attempt to write a readonly database`).
fn is_sqlite_readonly(db: &dyn sqlx::error::DatabaseError) -> bool {
    db.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some()
        && db
            .code()
            .and_then(|code| code.parse::<i64>().ok())
            .is_some_and(|code| code & 0xff == 8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    /// A server's error as the driver hands it over: an SQLSTATE and a message.
    #[derive(Debug)]
    struct ServerSaid(&'static str, &'static str);

    impl std::fmt::Display for ServerSaid {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.1)
        }
    }

    impl std::error::Error for ServerSaid {}

    impl sqlx::error::DatabaseError for ServerSaid {
        fn message(&self) -> &str {
            self.1
        }
        fn code(&self) -> Option<Cow<'_, str>> {
            Some(Cow::Borrowed(self.0))
        }
        fn as_error(&self) -> &(dyn std::error::Error + Send + Sync + 'static) {
            self
        }
        fn as_error_mut(&mut self) -> &mut (dyn std::error::Error + Send + Sync + 'static) {
            self
        }
        fn into_error(self: Box<Self>) -> Box<dyn std::error::Error + Send + Sync + 'static> {
            self
        }
        fn kind(&self) -> sqlx::error::ErrorKind {
            sqlx::error::ErrorKind::Other
        }
    }

    fn ours(code: &'static str, message: &'static str) -> Error {
        from_sqlx(sqlx::Error::Database(Box::new(ServerSaid(code, message))))
    }

    #[test]
    fn a_server_going_away_is_a_lost_connection_not_a_refused_statement() {
        for (code, message) in [
            (
                "57P01",
                "terminating connection due to administrator command",
            ),
            ("57P03", "the database system is shutting down"),
            ("08006", "server closed the connection unexpectedly"),
            ("53300", "sorry, too many clients already"),
        ] {
            let err = ours(code, message);
            assert_eq!(err.kind(), ErrorKind::Connect, "{code}");
            assert_eq!(
                err.to_string(),
                format!("lost the connection to the database: {message}")
            );
        }
        let refused = ours("23502", "null value in column \"name\"");
        assert_eq!(refused.kind(), ErrorKind::Database);
        assert!(
            refused
                .to_string()
                .starts_with("the database refused the statement")
        );
    }
}
