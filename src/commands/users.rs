use super::Ctx;
use crate::cli::UsersCommand;
use crate::error::{ErrorKind, ExitStatus, Result};
use crate::proto::{CreateUser, DisableUser, EnableUser, ListKeys, ListUsers, UserChange};

pub async fn run(ctx: &Ctx<'_>, cmd: UsersCommand) -> Result<ExitStatus> {
    let backend = ctx.backend().await?;
    let printer = ctx.printer;
    let result = async {
        match cmd {
            UsersCommand::Create { email, name } => {
                let user = backend.send(CreateUser { email, name }).await?;
                printer.done(&user, format!("Created the user {}.", user.email))
            }
            UsersCommand::List { org } => {
                let users = backend.send(ListUsers { organization: org }).await?;
                printer.list(&users, "No users.")
            }
            UsersCommand::Disable { email } => {
                // Name what stops working before asking — when the caller may read it: the
                // disabling itself decides whether they may disable.
                let keys = match backend
                    .send(ListKeys {
                        organization: None,
                        platform: false,
                        created_by: Some(email.clone()),
                        all: false,
                    })
                    .await
                {
                    Ok(keys) => Some(keys),
                    Err(e) if matches!(e.kind(), ErrorKind::Forbidden | ErrorKind::NotFound) => {
                        None
                    }
                    Err(e) => return Err(e),
                };
                let question = match keys {
                    None => format!(
                        "Disable {email}? Every permission check will deny them, and their keys \
                         stop working"
                    ),
                    Some(keys) if keys.is_empty() => {
                        format!("Disable {email}? Every permission check will deny them")
                    }
                    Some(keys) => format!(
                        "Disable {email}? Every permission check will deny them, and {} \
                         working: {}",
                        their_keys(keys.len(), "stops", "stop"),
                        describe_keys(&keys)
                    ),
                };
                printer.confirm(&question)?;
                let out = backend.send(DisableUser { email }).await?;
                let message = if !out.changed {
                    format!("{} was already disabled.", out.user.email)
                } else if out.keys.is_empty() {
                    format!(
                        "Disabled {}: every permission check now denies them.",
                        out.user.email
                    )
                } else {
                    format!(
                        "Disabled {}: every permission check now denies them, and {} \
                         working: {}.",
                        out.user.email,
                        their_keys(out.keys.len(), "stopped", "stopped"),
                        describe_keys(&out.keys)
                    )
                };
                printer.done(&out, message)
            }
            UsersCommand::Enable { email } => {
                let out = backend.send(EnableUser { email }).await?;
                printer.done(&out, enabled_message(&out))
            }
        }
    }
    .await;
    backend.close().await;
    result.map(|()| ExitStatus::Success)
}

fn enabled_message(out: &UserChange) -> String {
    if !out.changed {
        format!("{} is not disabled; nothing changed.", out.user.email)
    } else if out.keys.is_empty() {
        format!("Enabled {}: their roles apply again.", out.user.email)
    } else {
        format!(
            "Enabled {}: their roles apply again, and {} again: {}.",
            out.user.email,
            their_keys(out.keys.len(), "works", "work"),
            describe_keys(&out.keys)
        )
    }
}

/// "their API key stops" or "their 3 API keys stop".
fn their_keys(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("their API key {one}")
    } else {
        format!("their {n} API keys {many}")
    }
}

/// `sk_live_AbCd (ci, acme), ...`: the first few keys, for people.
fn describe_keys(keys: &[crate::proto::ApiKey]) -> String {
    let mut shown: Vec<String> = keys
        .iter()
        .take(5)
        .map(|k| {
            let org = k
                .organization
                .as_deref()
                .unwrap_or(crate::proto::PLATFORM_KEY_SHOWN);
            format!("{} ({}, {org})", k.prefix, k.name)
        })
        .collect();
    if keys.len() > 5 {
        shown.push(format!("and {} more", keys.len() - 5));
    }
    shown.join(", ")
}
