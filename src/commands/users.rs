use super::Ctx;
use crate::cli::UsersCommand;
use crate::error::{ExitStatus, Result};
use crate::proto::CreateUser;

pub async fn run(ctx: &Ctx<'_>, cmd: UsersCommand) -> Result<ExitStatus> {
    let backend = ctx.backend().await?;
    let printer = ctx.printer;
    let result = async {
        match cmd {
            UsersCommand::Create { email, name } => {
                let user = backend.create_user(&CreateUser { email, name }).await?;
                printer.done(&user, format!("Created the user {}.", user.email))
            }
            UsersCommand::List { org } => {
                let users = backend.list_users(org.as_deref()).await?;
                printer.list(&users, "No users.")
            }
            UsersCommand::Disable { email } => {
                let out = backend.disable_user(&email).await?;
                let message = if out.changed {
                    format!(
                        "Disabled {}: every permission check now denies them.",
                        out.item.email
                    )
                } else {
                    format!("{} was already disabled.", out.item.email)
                };
                printer.done(&out, message)
            }
        }
    }
    .await;
    backend.close().await;
    result.map(|()| ExitStatus::Success)
}
