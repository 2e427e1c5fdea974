//! `platctl serve`: the admin API over the database of the settings, until SIGTERM or Ctrl-C.

use super::Ctx;
use crate::cli::ServeArgs;
use crate::error::{ExitStatus, Result};

pub async fn run(ctx: &Ctx<'_>, args: ServeArgs) -> Result<ExitStatus> {
    crate::connect::serve(ctx.settings, &args).await?;
    Ok(ExitStatus::Success)
}
