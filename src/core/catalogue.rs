//! The permission catalogue and the default role matrix: the one source of truth. The seeding
//! migration (`0003_seed_roles_permissions`) writes the same grants, and a test proves it; the
//! README's matrix table is rendered from here, and a test keeps it current.

use std::collections::BTreeSet;

use crate::error::{Error, Result, suggestion};
use crate::text::quote;

pub use crate::proto::permission::{ACTIONS, Permission, RESOURCES};

/// The platform's content, what editors work on: the first six resources.
const CONTENT: &[&str] = RESOURCES.split_at(6).0;

/// Parse `resource:action` or `resource:*` into catalogue permissions. An unknown resource or
/// action is a usage error naming the closest valid values.
pub fn parse(text: &str) -> Result<Vec<Permission>> {
    let text = text.trim();
    let examples = "e.g. agents:create, api-keys:read, backups:*";
    let Some((resource, action)) = text.split_once(':') else {
        return Err(Error::usage(format!(
            "{} is not a permission: expected resource:action",
            quote(text)
        ))
        .with_hint(format!(
            "{examples}; `platctl permissions list` shows all 104"
        )));
    };
    let resource = resource.trim().to_ascii_lowercase();
    let action = action.trim().to_ascii_lowercase();
    let Some(resource) = RESOURCES.iter().find(|r| **r == resource) else {
        return Err(Error::usage(format!(
            "unknown resource {} in {}",
            quote(&resource),
            quote(text)
        ))
        .with_hint(format!(
            "{}; permissions look like {examples} (`platctl permissions list`)",
            suggestion(&resource, RESOURCES)
        )));
    };
    if action == "*" {
        return Ok(ACTIONS
            .iter()
            .map(|a| Permission {
                resource,
                action: a,
            })
            .collect());
    }
    match ACTIONS.iter().find(|a| **a == action) {
        Some(action) => Ok(vec![Permission { resource, action }]),
        None => Err(Error::usage(format!(
            "unknown action {} in {}",
            quote(&action),
            quote(text)
        ))
        .with_hint(format!(
            "{}; actions: {}, or * for all ({examples})",
            suggestion(&action, ACTIONS),
            ACTIONS.join(", ")
        ))),
    }
}

/// Parse a list of permissions (wildcards expanded), sorted and without duplicates.
pub fn parse_all<S: AsRef<str>>(texts: &[S]) -> Result<Vec<Permission>> {
    let mut out = BTreeSet::new();
    for text in texts {
        out.extend(parse(text.as_ref())?);
    }
    Ok(out.into_iter().collect())
}

/// Parse a list of permissions, each marked `true` when it was named explicitly (not through
/// `resource:*`). An explicit name wins over the same permission reached by a wildcard.
pub fn parse_marked<S: AsRef<str>>(texts: &[S]) -> Result<Vec<(Permission, bool)>> {
    let mut out: std::collections::BTreeMap<Permission, bool> = std::collections::BTreeMap::new();
    for text in texts {
        let explicit = !text.as_ref().trim().ends_with(":*");
        for p in parse(text.as_ref())? {
            let e = out.entry(p).or_insert(explicit);
            *e |= explicit;
        }
    }
    Ok(out.into_iter().collect())
}

/// A role every platform has.
#[derive(Debug, Clone, Copy)]
pub struct SystemRole {
    pub name: &'static str,
    pub level: i64,
    pub description: &'static str,
}

/// Highest first. A system role holds every permission of the system roles below it.
pub const SYSTEM_ROLES: [SystemRole; 4] = [
    SystemRole {
        name: "OWNER",
        level: 4,
        description: "Everything, including organization settings and backups",
    },
    SystemRole {
        name: "ADMIN",
        level: 3,
        description: "Manages members, roles, API keys and content",
    },
    SystemRole {
        name: "EDITOR",
        level: 2,
        description: "Creates and runs agents, workflows and knowledge bases",
    },
    SystemRole {
        name: "VIEWER",
        level: 1,
        description: "Reads the organization's content",
    },
];

fn grants(resources: &[&str], actions: &[&str]) -> BTreeSet<Permission> {
    resources
        .iter()
        .flat_map(|r| actions.iter().filter_map(move |a| Permission::find(r, a)))
        .collect()
}

/// What each system role holds in the default matrix, inheritance included.
pub fn default_effective(role: &str) -> BTreeSet<Permission> {
    match role {
        "VIEWER" => {
            let mut readers = CONTENT.to_vec();
            readers.extend(["users", "organizations"]);
            grants(&readers, &["read"])
        }
        "EDITOR" => {
            let mut set = default_effective("VIEWER");
            set.extend(grants(
                CONTENT,
                &["create", "update", "execute", "export", "import"],
            ));
            set
        }
        "ADMIN" => {
            let mut set = default_effective("EDITOR");
            set.extend(grants(CONTENT, &["delete"]));
            set.extend(grants(&["users", "roles", "api-keys"], &ACTIONS));
            set.extend(grants(&["audit-logs"], &["read", "export"]));
            set.extend(grants(&["backups"], &["read", "create", "execute"]));
            set.extend(grants(&["settings", "organizations"], &["read", "update"]));
            set
        }
        "OWNER" => Permission::all().collect(),
        _ => BTreeSet::new(),
    }
}

/// The direct grants of a system role in the default matrix: what it adds to the roles below.
pub fn default_direct(role: &str) -> BTreeSet<Permission> {
    let below: BTreeSet<Permission> = SYSTEM_ROLES
        .iter()
        .filter(|r| {
            SYSTEM_ROLES
                .iter()
                .any(|x| x.name == role && r.level < x.level)
        })
        .flat_map(|r| default_effective(r.name))
        .collect();
    default_effective(role)
        .difference(&below)
        .copied()
        .collect()
}

/// The default matrix as a Markdown table (for the README): the lowest system role that holds
/// each permission.
pub fn markdown_matrix() -> String {
    let mut out = String::from("| resource |");
    for action in ACTIONS {
        out.push_str(&format!(" {action} |"));
    }
    out.push_str("\n| --- |");
    out.push_str(&" --- |".repeat(ACTIONS.len()));
    out.push('\n');
    for resource in RESOURCES {
        out.push_str(&format!("| {resource} |"));
        for action in ACTIONS {
            let p = Permission::find(resource, action);
            let lowest = SYSTEM_ROLES
                .iter()
                .rev()
                .find(|r| p.is_some_and(|p| default_effective(r.name).contains(&p)))
                .map(|r| r.name)
                .unwrap_or("");
            out.push_str(&format!(" {lowest} |"));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_has_104_permissions() {
        assert_eq!(Permission::all().count(), 104);
        assert_eq!(default_effective("OWNER").len(), 104);
    }

    #[test]
    fn higher_system_roles_hold_everything_below() {
        for pair in SYSTEM_ROLES.windows(2) {
            let (high, low) = (
                default_effective(pair[0].name),
                default_effective(pair[1].name),
            );
            assert!(
                low.is_subset(&high),
                "{} lacks some of {}",
                pair[0].name,
                pair[1].name
            );
        }
        assert_eq!(default_effective("VIEWER").len(), 8);
        assert_eq!(default_effective("EDITOR").len(), 38);
        assert_eq!(default_effective("ADMIN").len(), 75);
    }

    #[test]
    fn wildcards_and_typos() {
        assert_eq!(parse("backups:*").map(|p| p.len()).ok(), Some(8));
        assert_eq!(
            parse("Agents:Create").ok(),
            Some(vec![Permission {
                resource: "agents",
                action: "create"
            }])
        );
        let err = parse("agent:create")
            .err()
            .map(|e| e.hint().unwrap_or("").to_string());
        assert!(err.is_some_and(|h| h.contains("agents")));
        let err = parse("agents:creat")
            .err()
            .map(|e| e.hint().unwrap_or("").to_string());
        assert!(err.is_some_and(|h| h.contains("create")));
        assert!(parse("agents").is_err());
    }
}
