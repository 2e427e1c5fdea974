use super::Ctx;
use crate::cli::RolesCommand;
use crate::error::{ExitStatus, Result};
use crate::output::Format;
use crate::proto::permission::{ACTIONS, RESOURCES};
use crate::proto::{
    AssignRole, CreateRole, DeleteRole, Grant, GrantChange, ListRoles, RevokePermissions,
    RoleDetail, ShowRole, Unassign,
};

pub async fn run(ctx: &Ctx<'_>, cmd: RolesCommand) -> Result<ExitStatus> {
    let backend = ctx.backend().await?;
    let printer = ctx.printer;
    let result = async {
        match cmd {
            RolesCommand::List => printer.list(&backend.send(ListRoles {}).await?, "No roles."),
            RolesCommand::Show { role } => {
                let detail = backend.send(ShowRole { name: role.clone() }).await?;
                if printer.format() == Format::Table {
                    show_matrix(ctx, &detail)
                } else {
                    printer.list(&detail.permissions, "")
                }
            }
            RolesCommand::Create {
                name,
                level,
                from,
                description,
            } => {
                let req = CreateRole {
                    name,
                    level,
                    from,
                    description,
                };
                let role = backend.send(req).await?;
                printer.done(
                    &role,
                    format!(
                        "Created the role {} (level {}) with {} permission{}.",
                        role.name,
                        role.level,
                        role.permissions,
                        plural(role.permissions)
                    ),
                )
            }
            RolesCommand::Delete { role, force } => {
                let detail = backend.send(ShowRole { name: role.clone() }).await?;
                let members = detail.role.members;
                let question = if members > 0 && force {
                    format!(
                        "Delete the role {} and remove it from the {members} user{} who hold it?",
                        detail.role.name,
                        plural(members)
                    )
                } else {
                    format!("Delete the role {}?", detail.role.name)
                };
                if !detail.role.is_system && (members == 0 || force) {
                    printer.confirm(&question)?;
                }
                let deleted = backend
                    .send(DeleteRole {
                        name: role.clone(),
                        force,
                    })
                    .await?;
                let extra = if deleted.unassigned > 0 {
                    format!(
                        " ({} assignment{} removed)",
                        deleted.unassigned,
                        plural(deleted.unassigned)
                    )
                } else {
                    String::new()
                };
                printer.done(
                    &deleted,
                    format!("Deleted the role {}{extra}.", deleted.role.name),
                )
            }
            RolesCommand::Grant { role, permissions } => {
                let change = backend
                    .send(Grant {
                        name: role.clone(),
                        permissions,
                    })
                    .await?;
                printer.done(&change, describe(&change, "Granted", "to", "already holds"))
            }
            RolesCommand::Revoke { role, permissions } => {
                let change = backend
                    .send(RevokePermissions {
                        name: role.clone(),
                        permissions,
                    })
                    .await?;
                printer.done(
                    &change,
                    describe(&change, "Revoked", "from", "does not hold"),
                )
            }
            RolesCommand::Assign { user, org, role } => {
                let req = AssignRole {
                    user,
                    organization: org,
                    role,
                };
                let a = backend.send(req).await?;
                let role = a.role.clone().unwrap_or_default();
                let message = match (&a.previous_role, a.changed) {
                    (_, false) => format!(
                        "{} already holds {role} in {}; nothing changed.",
                        a.user, a.organization
                    ),
                    (Some(prev), true) => format!(
                        "{} is now {role} in {} (was {prev}).",
                        a.user, a.organization
                    ),
                    (None, true) => format!("{} is now {role} in {}.", a.user, a.organization),
                };
                printer.done(&a, message)
            }
            RolesCommand::Unassign { user, org } => {
                let a = backend
                    .send(Unassign {
                        user: user.clone(),
                        organization: org.clone(),
                    })
                    .await?;
                printer.done(
                    &a,
                    format!(
                        "{} no longer holds {} in {}.",
                        a.user,
                        a.previous_role.clone().unwrap_or_default(),
                        a.organization
                    ),
                )
            }
        }
    }
    .await;
    backend.close().await;
    result.map(|()| ExitStatus::Success)
}

fn plural(n: i64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn describe(change: &GrantChange, verb: &str, preposition: &str, already: &str) -> String {
    let mut out = String::new();
    if !change.changed.is_empty() {
        out.push_str(&format!(
            "{verb} {} {preposition} {}.",
            change.changed.join(", "),
            change.role
        ));
    }
    if !change.unchanged.is_empty() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&format!(
            "{} {already} {}.",
            change.role,
            change.unchanged.join(", ")
        ));
    }
    if !change.inherited.is_empty() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&format!(
            "Kept, because {} inherits them: {}.",
            change.role,
            change.inherited.join(", ")
        ));
    }
    if change.changed.is_empty() {
        out.push_str(" Nothing changed.");
    }
    out
}

/// The 13 x 8 matrix: ✓ granted to the role, (✓) inherited from a lower system role.
fn show_matrix(ctx: &Ctx<'_>, detail: &RoleDetail) -> Result<()> {
    let role = &detail.role;
    let inherited = detail.permissions.iter().filter(|p| p.inherited).count();
    ctx.printer.line(format!(
        "{} — level {}{}, {} permission{} ({} inherited). {}",
        role.name,
        role.level,
        if role.is_system { ", system role" } else { "" },
        role.permissions,
        plural(role.permissions),
        inherited,
        role.description
    ))?;
    let mut header = vec!["resource"];
    header.extend(ACTIONS);
    let mut rows: Vec<Vec<String>> = RESOURCES
        .iter()
        .map(|resource| {
            let mut row = vec![resource.to_string()];
            for action in ACTIONS {
                let cell = detail
                    .permissions
                    .iter()
                    .find(|p| p.resource == *resource && p.action == action)
                    .map(|p| if p.inherited { "(✓)" } else { "✓" })
                    .unwrap_or("");
                row.push(cell.to_string());
            }
            row
        })
        .collect();
    // Permissions outside the catalogue (added by the platform) are listed after it.
    for p in &detail.permissions {
        if !RESOURCES.contains(&p.resource.as_str()) || !ACTIONS.contains(&p.action.as_str()) {
            rows.push(vec![p.permission.clone()]);
        }
    }
    ctx.printer.grid(
        &header,
        &rows,
        &format!(
            "✓ granted to {}   (✓) inherited from a lower system role",
            role.name
        ),
    )
}
