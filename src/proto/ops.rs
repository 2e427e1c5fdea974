//! Every operation of the platform, the permission it needs and where it applies: one table,
//! from which the core's authorization, the README's table and the admin API's routes are
//! derived.
//!
//! Who may run an operation:
//! - the operator with the database itself (no `--as`): everything;
//! - a **platform key** (made only by the operator with the database): every operation its
//!   scopes include, anywhere — remote mode's way to the operator's power;
//! - an **organization key**: an operation of [`Reach::Organization`] or [`Reach::Either`],
//!   inside its own organization only, when its scopes include the permission, it is valid
//!   (not revoked or expired, its creator not disabled) and its creator (when a user made it)
//!   still holds the permission there. Never an operation of [`Reach::Platform`], whatever
//!   its scopes;
//! - a platform user (`--as EMAIL`): when their role grants the permission in the
//!   organization the operation concerns — or, for an operation on the whole platform, in
//!   every organization, since it touches all of them.

use super::permission::Permission;

/// Where an operation applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// One organization: named (`--org`), the caller's own, or that of the object it names.
    Organization,
    /// The whole platform — organizations, users, the role catalogue, migrations, backups,
    /// the platform's own audit entries, settings: never an organization key.
    Platform,
    /// One organization when one is named, else every organization the caller may read
    /// (listings and audit reads).
    Either,
}

impl Reach {
    /// As the README's table says it.
    pub fn describe(self) -> &'static str {
        match self {
            Reach::Organization => "organization",
            Reach::Platform => "platform",
            Reach::Either => "organization, or platform without `--org`",
        }
    }
}

macro_rules! operations {
    ($($op:ident: $command:literal needs $resource:literal : $action:literal in $reach:ident;)*) => {
        /// An operation of the platform.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Op {
            $($op,)*
        }

        impl Op {
            /// Every operation, in the order of the table.
            pub const ALL: &'static [Op] = &[$(Op::$op,)*];

            /// The command that runs it.
            pub fn command(self) -> &'static str {
                match self {
                    $(Op::$op => $command,)*
                }
            }

            /// The permission it needs.
            pub fn permission(self) -> Permission {
                match self {
                    $(Op::$op => Permission { resource: $resource, action: $action },)*
                }
            }

            /// Where it applies.
            pub fn reach(self) -> Reach {
                match self {
                    $(Op::$op => Reach::$reach,)*
                }
            }
        }
    };
}

operations! {
    MigrateStatus: "migrate status" needs "settings":"read" in Platform;
    MigrateRun: "migrate run" needs "settings":"manage" in Platform;
    MigrateRevert: "migrate revert" needs "settings":"manage" in Platform;
    MigrateVerify: "migrate verify" needs "settings":"read" in Platform;
    MigrateAccept: "migrate verify --accept" needs "settings":"manage" in Platform;
    OrgsCreate: "orgs create" needs "organizations":"create" in Platform;
    OrgsList: "orgs list" needs "organizations":"read" in Platform;
    UsersCreate: "users create" needs "users":"create" in Platform;
    UsersList: "users list" needs "users":"read" in Either;
    UsersDisable: "users disable" needs "users":"update" in Platform;
    UsersEnable: "users enable" needs "users":"update" in Platform;
    RolesList: "roles list" needs "roles":"read" in Platform;
    RolesShow: "roles show" needs "roles":"read" in Platform;
    RolesCreate: "roles create" needs "roles":"manage" in Platform;
    RolesDelete: "roles delete" needs "roles":"manage" in Platform;
    RolesGrant: "roles grant" needs "roles":"manage" in Platform;
    RolesRevoke: "roles revoke" needs "roles":"manage" in Platform;
    RolesAssign: "roles assign" needs "roles":"manage" in Organization;
    RolesUnassign: "roles unassign" needs "roles":"manage" in Organization;
    PermissionsList: "permissions list" needs "roles":"read" in Platform;
    PermissionsCheck: "permissions check" needs "roles":"read" in Organization;
    KeysCreate: "keys create" needs "api-keys":"create" in Organization;
    KeysConfirm: "keys confirm" needs "api-keys":"create" in Organization;
    KeysList: "keys list" needs "api-keys":"read" in Either;
    KeysShow: "keys show" needs "api-keys":"read" in Organization;
    KeysRevoke: "keys revoke" needs "api-keys":"delete" in Organization;
    KeysDelete: "keys delete" needs "api-keys":"delete" in Organization;
    KeysRotate: "keys rotate" needs "api-keys":"update" in Organization;
    KeysVerify: "keys verify" needs "api-keys":"read" in Organization;
    KeysWhoami: "keys whoami" needs "api-keys":"read" in Either;
    BackupRun: "backup run" needs "backups":"create" in Platform;
    BackupList: "backup list" needs "backups":"read" in Platform;
    BackupShow: "backup show" needs "backups":"read" in Platform;
    BackupVerify: "backup verify" needs "backups":"execute" in Platform;
    BackupRestore: "backup restore" needs "backups":"manage" in Platform;
    BackupPrune: "backup prune" needs "backups":"delete" in Platform;
    AuditQuery: "audit query" needs "audit-logs":"read" in Either;
    AuditTail: "audit tail" needs "audit-logs":"read" in Either;
    AuditStats: "audit stats" needs "audit-logs":"read" in Either;
    AuditExport: "audit export" needs "audit-logs":"export" in Either;
    AuditPrune: "audit prune" needs "audit-logs":"delete" in Platform;
    AuditSeal: "audit seal" needs "audit-logs":"manage" in Platform;
    AuditVerify: "audit verify" needs "audit-logs":"read" in Platform;
    Health: "health" needs "settings":"read" in Platform;
    EmailTemplates: "email templates" needs "settings":"read" in Platform;
    EmailPreview: "email preview" needs "settings":"read" in Platform;
    EmailTest: "email test" needs "settings":"update" in Platform;
}

/// Who is acting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// The operator with the database itself (no `--as`): everything.
    Operator,
    /// A platform user (`--as EMAIL`): what their roles grant.
    User(String),
    /// An API key (the admin API's callers): a platform key what its scopes grant; an
    /// organization key what its scopes and its creator's role grant, in its organization.
    Key(String),
}

/// The table as Markdown (for the README): command, permission, where it applies.
pub fn markdown_table() -> String {
    let mut out = String::from("| command | permission | applies to |\n| --- | --- | --- |\n");
    for op in Op::ALL {
        out.push_str(&format!(
            "| `{}` | `{}` | {} |\n",
            op.command(),
            op.permission(),
            op.reach().describe()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_needs_a_permission_of_the_catalogue() {
        for op in Op::ALL {
            let p = op.permission();
            assert!(
                Permission::find(p.resource, p.action).is_some(),
                "{op:?} needs {p}, which is not in the catalogue"
            );
        }
    }
}
