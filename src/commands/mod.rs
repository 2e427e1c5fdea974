//! One module per command group. A command takes the resolved settings, a backend and the
//! printer; it calls the backend and hands typed results to the printer. No SQL, no HTTP.

pub mod audit;
pub mod backup;
pub mod config;
pub mod email;
pub mod health;
pub mod init;
pub mod keys;
pub mod migrate;
pub mod orgs;
pub mod permissions;
pub mod roles;
pub mod serve;
pub mod users;

use crate::backend::Backend;
use crate::connect;
use crate::error::Result;
use crate::output::Printer;
use crate::settings::Settings;

/// What every command receives.
pub struct Ctx<'a> {
    pub settings: &'a Settings,
    pub printer: &'a Printer,
}

impl Ctx<'_> {
    /// The backend named by the settings; the database must exist.
    pub async fn backend(&self) -> Result<Backend> {
        connect::open(self.settings, false).await
    }

    /// The backend, creating a missing SQLite file (init, migrate run).
    pub async fn backend_creating(&self) -> Result<Backend> {
        connect::open(self.settings, true).await
    }
}
