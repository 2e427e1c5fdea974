use serde::Serialize;

use super::Ctx;
use crate::cli::ConfigCommand;
use crate::error::{ExitStatus, Result};
use crate::output::Format;
use crate::settings;

#[derive(Serialize)]
struct ConfigPath {
    config_file: String,
    exists: bool,
}

pub async fn run(ctx: &Ctx<'_>, cmd: ConfigCommand) -> Result<ExitStatus> {
    let s = ctx.settings;
    match cmd {
        ConfigCommand::Show => ctx.printer.list(&s.entries(), "")?,
        ConfigCommand::Path => {
            let path = s.config_file.display().to_string();
            if ctx.printer.format() == Format::Table {
                ctx.printer.raw(&format!("{path}\n"))?;
            } else {
                ctx.printer.object(&ConfigPath {
                    config_file: path,
                    exists: s.config_exists,
                })?;
            }
        }
        ConfigCommand::Profiles => {
            let profiles = settings::profile_entries(s)?;
            ctx.printer.list(
                &profiles,
                "no profiles are defined; `platctl init` writes a config file with one",
            )?;
        }
    }
    Ok(ExitStatus::Success)
}
