use super::Ctx;
use crate::cli::PermissionsCommand;
use crate::error::{ExitStatus, Result};
use crate::proto::{CheckPermission, ListPermissions};

pub async fn run(ctx: &Ctx<'_>, cmd: PermissionsCommand) -> Result<ExitStatus> {
    let backend = ctx.backend().await?;
    let printer = ctx.printer;
    let result = async {
        match cmd {
            PermissionsCommand::List { resource } => {
                let list = backend.send(ListPermissions { resource }).await?;
                printer.list(&list, "No permissions.")?;
                Ok(ExitStatus::Success)
            }
            PermissionsCommand::Check {
                user,
                org,
                permission,
            } => {
                let req = CheckPermission {
                    user,
                    organization: org,
                    permission,
                };
                let check = backend.send(req).await?;
                let verdict = if check.allowed { "allowed" } else { "denied" };
                printer.done(
                    &check,
                    format!(
                        "{verdict}: {} {} {} in {}: {}",
                        check.user,
                        if check.allowed {
                            "has"
                        } else {
                            "does not have"
                        },
                        check.permission,
                        check.organization,
                        check.reason
                    ),
                )?;
                Ok(if check.allowed {
                    ExitStatus::Success
                } else {
                    ExitStatus::Failure
                })
            }
        }
    }
    .await;
    backend.close().await;
    result
}
