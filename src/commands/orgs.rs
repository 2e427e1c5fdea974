use super::Ctx;
use crate::cli::OrgsCommand;
use crate::error::{ExitStatus, Result};
use crate::proto::{CreateOrganization, ListOrganizations};

pub async fn run(ctx: &Ctx<'_>, cmd: OrgsCommand) -> Result<ExitStatus> {
    let backend = ctx.backend().await?;
    let result = match cmd {
        OrgsCommand::Create { slug, name } => {
            let req = CreateOrganization { slug, name };
            match backend.send(req).await {
                Ok(org) => ctx.printer.done(
                    &org,
                    format!("Created the organization `{}` ({}).", org.slug, org.name),
                ),
                Err(e) => Err(e),
            }
        }
        OrgsCommand::List => match backend.send(ListOrganizations {}).await {
            Ok(orgs) => ctx.printer.list(
                &orgs,
                "No organizations yet; create one with `platctl orgs create SLUG`.",
            ),
            Err(e) => Err(e),
        },
    };
    backend.close().await;
    result.map(|()| ExitStatus::Success)
}
