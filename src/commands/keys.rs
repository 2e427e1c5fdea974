use std::sync::atomic::{AtomicBool, Ordering};

use super::Ctx;
use crate::cli::KeysCommand;
use crate::error::{Error, ErrorKind, ExitStatus, Result};
use crate::output::Format;
use crate::proto::{
    ConfirmKey, CreateKey, CreatedKey, DeleteKey, ListKeys, RevokeKey, RotateKey, RotatedKey,
    ShowKey, Verdict, VerifyKey, Whoami,
};

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
                platform,
            } => {
                let organization = match platform {
                    true => None,
                    false => {
                        org.or_else(|| ctx.settings.default_org.as_ref().map(|(o, _)| o.clone()))
                    }
                };
                let req = CreateKey {
                    organization,
                    name,
                    scopes,
                    expires_in,
                    expires_at,
                    test,
                    platform,
                };
                let shown = AtomicBool::new(false);
                let deliver = |created: &CreatedKey| reveal(ctx, created, created, &shown);
                let created = backend
                    .create_key(req, &deliver)
                    .await
                    .map_err(|e| not_saved(e, &shown))?;
                confirm(&backend, &created).await?;
                printer.warn("this is the only time the key is shown: store it now");
            }
            KeysCommand::List {
                org,
                platform,
                created_by,
                all,
            } => {
                let keys = backend
                    .send(ListKeys {
                        organization: org,
                        platform,
                        created_by,
                        all,
                    })
                    .await?;
                let empty = if all {
                    "No API keys."
                } else {
                    "No active API keys (--all shows revoked and expired ones, and those of \
                     disabled users)."
                };
                printer.list(&keys, empty)?;
            }
            KeysCommand::Show { id } => printer.object(&backend.send(ShowKey { id }).await?)?,
            KeysCommand::Confirm { id } => {
                let out = backend.send(ConfirmKey { id }).await?;
                let message = if out.changed {
                    format!(
                        "Confirmed {} ({}): it keeps its expiry.",
                        out.item.prefix, out.item.name
                    )
                } else {
                    format!("{} needed no confirmation.", out.item.prefix)
                };
                printer.done(&out, message)?;
            }
            KeysCommand::Revoke { id, reason } => {
                let out = backend.send(RevokeKey { id, reason }).await?;
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
                // Name the key before asking — when the caller may read it: the deletion
                // itself decides whether they may delete.
                let question = match backend.send(ShowKey { id: id.clone() }).await {
                    Ok(key) => format!(
                        "Delete the API key {} ({}, {})? It stops working and its record goes",
                        key.prefix,
                        key.name,
                        key.organization
                            .as_deref()
                            .unwrap_or(crate::proto::PLATFORM_KEY_SHOWN)
                    ),
                    Err(e) if e.kind() == ErrorKind::Forbidden => {
                        format!("Delete the API key {id}? It stops working and its record goes")
                    }
                    Err(e) => return Err(e),
                };
                printer.confirm(&question)?;
                let key = backend.send(DeleteKey { id }).await?;
                printer.done(
                    &key,
                    format!("Deleted the API key {} ({}).", key.prefix, key.name),
                )?;
            }
            KeysCommand::Rotate { id, grace } => {
                let shown = AtomicBool::new(false);
                let deliver = |rotated: &RotatedKey| reveal(ctx, &rotated.new, rotated, &shown);
                let rotated = backend
                    .rotate_key(RotateKey { id, grace }, &deliver)
                    .await
                    .map_err(|e| not_saved(e, &shown))?;
                confirm(&backend, &rotated.new).await?;
                printer.warn("this is the only time the new key is shown: store it now");
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
            KeysCommand::Whoami => {
                let me = backend.send(Whoami {}).await?;
                match printer.format() {
                    Format::Table => printer.object(&for_people(me))?,
                    _ => printer.object(&me)?,
                }
            }
            KeysCommand::Verify => {
                let key = verify_input.unwrap_or_default();
                let v = backend.send(VerifyKey { key }).await?;
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

/// A new key is shown once: people get its details and the key alone on the last line; with
/// -q just the key (for `KEY=$(platctl -q keys create ...)`); programs get `data` as JSON. The
/// key is kept only if this succeeds: a key written nowhere (a full disk, a closed pipe,
/// /dev/null) would be active and lost, so its creation is rolled back.
fn reveal<T: serde::Serialize>(
    ctx: &Ctx<'_>,
    created: &CreatedKey,
    data: &T,
    shown: &AtomicBool,
) -> Result<()> {
    if stdout_is_dev_null() {
        return Err(Error::refused(
            "standard output is /dev/null (or was closed): the new key would be lost, so it \
             was not created",
        )
        .with_hint("run it with the output going to a terminal, a file or a pipe that keeps it"));
    }
    let printer = ctx.printer;
    let written = printer.reveal(&created.key, created, data);
    // The error must not read as a closed pipe (which ends a listing quietly, exit 0).
    written.map_err(|e| {
        Error::new(
            ErrorKind::Io,
            format!(
                "the new key could not be written to standard output ({}), so it was not \
                 created: nothing was saved",
                e.causes().first().map_or(e.message(), String::as_str)
            ),
        )
    })?;
    shown.store(true, Ordering::SeqCst);
    Ok(())
}

/// A key made over the admin API (`--server`) expires unless its caller confirms having it:
/// now that it is out, confirm it. Failing that, say until when the key shown works.
async fn confirm(backend: &crate::backend::Backend, created: &CreatedKey) -> Result<()> {
    let Some(by) = created.confirm_by else {
        return Ok(());
    };
    backend
        .send(ConfirmKey {
            id: created.id.to_string(),
        })
        .await
        .map(|_| ())
        .map_err(|e| {
            Error::new(
                e.kind(),
                format!(
                    "the key shown above works only until {}: confirming that it was received \
                     failed: {}",
                    by.format("%Y-%m-%d %H:%M:%S UTC"),
                    e.message()
                ),
            )
            .with_hint(format!(
                "confirm it before then: `platctl keys confirm {}`",
                created.id
            ))
        })
}

/// An error after the key was shown means it was not saved: say so, or someone keeps a key
/// that does not work.
fn not_saved(e: Error, shown: &AtomicBool) -> Error {
    if !shown.load(Ordering::SeqCst) {
        return e;
    }
    let message = format!(
        "the key shown above was NOT saved and does not work: {}",
        e.message()
    );
    Error::new(e.kind(), message).with_hint("run the command again")
}

/// Rust reopens a closed stdout on /dev/null at start-up; either way what goes there is lost.
fn stdout_is_dev_null() -> bool {
    use std::os::unix::fs::MetadataExt;
    match (
        std::fs::metadata("/dev/stdout"),
        std::fs::metadata("/dev/null"),
    ) {
        (Ok(out), Ok(null)) => out.rdev() == null.rdev() && out.ino() == null.ino(),
        _ => false,
    }
}

/// `keys whoami` for people: the key on one line of its own words, not as a nested document.
fn for_people(me: crate::proto::Identity) -> serde_json::Value {
    let key = me.key.map(|k| {
        let owner = match &k.organization {
            Some(org) => format!("in {org}"),
            None => "platform key".to_string(),
        };
        let expires = k.expires_at.map_or("never expires".to_string(), |t| {
            format!("expires {}", t.format("%Y-%m-%d %H:%M UTC"))
        });
        format!(
            "{} ({}), {owner}, {}, scopes {}, {expires}",
            k.prefix,
            k.name,
            serde_json::to_value(k.status)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            k.scopes.join(",")
        )
    });
    serde_json::json!({
        "principal": me.principal,
        "actor": me.actor,
        "key": key,
        "roles": me.roles,
    })
}
