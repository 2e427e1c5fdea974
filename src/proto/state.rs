//! A health check's state: below both the checks ([`super::health`]) and the error kind that
//! carries one ([`super::error`]).

use serde::{Deserialize, Serialize};

/// A check's state, in the order Nagios ranks them for the overall state: any CRITICAL makes
/// it CRITICAL, then any UNKNOWN, then any WARNING.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum HealthState {
    Ok,
    Warning,
    Critical,
    Unknown,
}

impl HealthState {
    /// The plugin exit code: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
    pub fn code(self) -> u8 {
        match self {
            HealthState::Ok => 0,
            HealthState::Warning => 1,
            HealthState::Critical => 2,
            HealthState::Unknown => 3,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            HealthState::Ok => "OK",
            HealthState::Warning => "WARNING",
            HealthState::Critical => "CRITICAL",
            HealthState::Unknown => "UNKNOWN",
        }
    }

    fn rank(self) -> u8 {
        match self {
            HealthState::Ok => 0,
            HealthState::Warning => 1,
            HealthState::Unknown => 2,
            HealthState::Critical => 3,
        }
    }

    /// The worse of two states.
    pub fn worst(self, other: HealthState) -> HealthState {
        if other.rank() > self.rank() {
            other
        } else {
            self
        }
    }
}
