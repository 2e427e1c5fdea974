use super::Ctx;
use crate::cli::KeysCommand;
use crate::error::{ExitStatus, Result};
use crate::output::Format;
use crate::proto::{CreateKey, CreatedKey, Expiry, ListKeys, Verdict};

pub async fn run(ctx: &Ctx<'_>, cmd: KeysCommand) -> Result<ExitStatus> {
    // Read the key before connecting, so a prompt is not held up by the network.
    let verify_input = match &cmd {
        KeysCommand::Verify => Some(ctx.printer.read_secret("API key")?),
        _ => None,
    };
    let backend = ctx.backend().await?;
    let printer = ctx.printer;
    let result = async {
        match cmd {
            KeysCommand::Create {
                org,
                name,
                scopes,
                expires_in,
                expires_at,
                test,
            } => {
                let expires = match (expires_in, expires_at) {
                    (Some(d), _) => Some(Expiry::In(d)),
                    (None, Some(t)) => Some(Expiry::At(t)),
                    (None, None) => None,
                };
                let organization =
                    org.or_else(|| ctx.settings.default_org.as_ref().map(|(o, _)| o.clone()));
                let req = CreateKey {
                    organization,
                    name,
                    scopes,
                    expires,
                    test,
                };
                let created = backend.create_key(&req).await?;
                show_once(ctx, &created, &created)?;
            }
            KeysCommand::List { org, all } => {
                let keys = backend
                    .list_keys(&ListKeys {
                        organization: org,
                        all,
                    })
                    .await?;
                let empty = if all {
                    "No API keys."
                } else {
                    "No active API keys (--all shows revoked and expired ones)."
                };
                printer.list(&keys, empty)?;
            }
            KeysCommand::Show { id } => printer.object(&backend.show_key(&id).await?)?,
            KeysCommand::Revoke { id, reason } => {
                let out = backend.revoke_key(&id, reason.as_deref()).await?;
                let message = if out.changed {
                    format!(
                        "Revoked {} ({}): it no longer works.",
                        out.item.prefix, out.item.name
                    )
                } else {
                    format!("{} was already revoked.", out.item.prefix)
                };
                printer.done(&out, message)?;
            }
            KeysCommand::Delete { id } => {
                let key = backend.show_key(&id).await?;
                printer.confirm(&format!(
                    "Delete the API key {} ({}, {})? It stops working and its record goes",
                    key.prefix, key.name, key.organization
                ))?;
                let key = backend.delete_key(&key.id.to_string()).await?;
                printer.done(
                    &key,
                    format!("Deleted the API key {} ({}).", key.prefix, key.name),
                )?;
            }
            KeysCommand::Rotate { id, grace } => {
                let rotated = backend.rotate_key(&id, grace).await?;
                show_once(ctx, &rotated.new, &rotated)?;
                let until = rotated
                    .old
                    .expires_at
                    .map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
                    .unwrap_or_else(|| "further notice".into());
                printer.note(format!(
                    "The old key {} keeps working until {until}.",
                    rotated.old.prefix
                ));
            }
            KeysCommand::Verify => {
                let key = verify_input.unwrap_or_default();
                let v = backend.verify_key(&key).await?;
                if printer.format() == Format::Table {
                    if !printer.is_quiet() {
                        printer.object(&v)?;
                    }
                } else {
                    printer.object(&v)?;
                }
                return Ok(if v.status == Verdict::Valid {
                    ExitStatus::Success
                } else {
                    ExitStatus::Failure
                });
            }
        }
        Ok(ExitStatus::Success)
    }
    .await;
    backend.close().await;
    result
}

/// A new key is shown once. People get the details and a reminder; with -q just the key
/// (for `KEY=$(platctl -q keys create ...)`); programs get `data` as JSON.
fn show_once<T: serde::Serialize>(ctx: &Ctx<'_>, created: &CreatedKey, data: &T) -> Result<()> {
    let printer = ctx.printer;
    match printer.format() {
        Format::Table if printer.is_quiet() => printer.raw(&format!("{}\n", created.key)),
        Format::Table => {
            printer.object(created)?;
            printer.warn("this is the only time the key is shown: store it now");
            Ok(())
        }
        _ => printer.object(data),
    }
}
