//! The permission catalogue's public types: `resource:action` over a fixed set of resources and
//! actions (104 permissions). The default role matrix and parsing live in the core.

use std::fmt;

pub const RESOURCES: [&str; 13] = [
    "agents",
    "workflows",
    "knowledge-base",
    "fine-tuning",
    "jobs",
    "files",
    "users",
    "organizations",
    "roles",
    "api-keys",
    "audit-logs",
    "backups",
    "settings",
];

pub const ACTIONS: [&str; 8] = [
    "create", "read", "update", "delete", "execute", "export", "import", "manage",
];

/// A `resource:action` permission from the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Permission {
    pub resource: &'static str,
    pub action: &'static str,
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.resource, self.action)
    }
}

impl Permission {
    /// Every permission, resource-major, in catalogue order.
    pub fn all() -> impl Iterator<Item = Permission> {
        RESOURCES.iter().flat_map(|r| {
            ACTIONS.iter().map(move |a| Permission {
                resource: r,
                action: a,
            })
        })
    }

    /// The catalogue's own copy of `resource` and `action`, if both exist.
    pub fn find(resource: &str, action: &str) -> Option<Permission> {
        let resource = RESOURCES.iter().find(|r| **r == resource)?;
        let action = ACTIONS.iter().find(|a| **a == action)?;
        Some(Permission { resource, action })
    }
}
