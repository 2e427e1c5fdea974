//! Facts of the machine platctl runs on: the clock and the operator.

use chrono::{DateTime, SubsecRound, Utc};

/// The clock, the only one (`clippy.toml` refuses the others). Timestamps are kept to the
/// microsecond (PostgreSQL's precision).
#[allow(clippy::disallowed_methods)]
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

/// The operator running platctl, as `os-user@host`: the actor of changes made without `--as`.
pub fn operator() -> String {
    let user = whoami::username()
        .ok()
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "unknown".into());
    let host = whoami::hostname().unwrap_or_else(|_| "localhost".into());
    format!("{user}@{host}")
}
