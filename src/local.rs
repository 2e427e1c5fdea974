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

/// The name of this `platctl serve` replica, once it is serving: named in the locks it takes
/// (a backup's), so that whoever is refused one is told which replica holds it.
static REPLICA: std::sync::OnceLock<String> = std::sync::OnceLock::new();

pub fn set_replica(name: &str) {
    let _ = REPLICA.set(name.to_string());
}

pub fn replica() -> Option<&'static str> {
    REPLICA.get().map(String::as_str)
}
