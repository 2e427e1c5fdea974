//! Every operation of the platform and the permission it needs: one table, from which the
//! core's authorization, the README's table (and later the admin API's routes) are derived.
//!
//! Who may run an operation:
//! - the operator with the database itself (no `--as`): everything;
//! - a platform user (`--as EMAIL`): when their role grants the permission in the organization
//!   the operation concerns — or, for an operation on the whole platform (migrations, backups,
//!   organizations, users, roles), in every organization, since it touches all of them;
//! - an API key: when its scopes include the permission, it is valid (not revoked or expired,
//!   its creator not disabled), and its creator still holds the permission as above.

use super::permission::Permission;

macro_rules! operations {
    ($($op:ident: $command:literal needs $resource:literal : $action:literal;)*) => {
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
        }
    };
}

operations! {
    MigrateStatus: "migrate status" needs "settings":"read";
    MigrateRun: "migrate run" needs "settings":"manage";
    MigrateRevert: "migrate revert" needs "settings":"manage";
    MigrateVerify: "migrate verify" needs "settings":"read";
    MigrateAccept: "migrate accept" needs "settings":"manage";
    OrgsCreate: "orgs create" needs "organizations":"create";
    OrgsList: "orgs list" needs "organizations":"read";
    UsersCreate: "users create" needs "users":"create";
    UsersList: "users list" needs "users":"read";
    UsersDisable: "users disable" needs "users":"update";
    UsersEnable: "users enable" needs "users":"update";
    RolesList: "roles list" needs "roles":"read";
    RolesShow: "roles show" needs "roles":"read";
    RolesCreate: "roles create" needs "roles":"manage";
    RolesDelete: "roles delete" needs "roles":"manage";
    RolesGrant: "roles grant" needs "roles":"manage";
    RolesRevoke: "roles revoke" needs "roles":"manage";
    RolesAssign: "roles assign" needs "roles":"manage";
    RolesUnassign: "roles unassign" needs "roles":"manage";
    PermissionsList: "permissions list" needs "roles":"read";
    PermissionsCheck: "permissions check" needs "roles":"read";
    KeysCreate: "keys create" needs "api-keys":"create";
    KeysList: "keys list" needs "api-keys":"read";
    KeysShow: "keys show" needs "api-keys":"read";
    KeysRevoke: "keys revoke" needs "api-keys":"delete";
    KeysDelete: "keys delete" needs "api-keys":"delete";
    KeysRotate: "keys rotate" needs "api-keys":"update";
    KeysVerify: "keys verify" needs "api-keys":"read";
    BackupRun: "backup run" needs "backups":"create";
    BackupList: "backup list" needs "backups":"read";
    BackupShow: "backup show" needs "backups":"read";
    BackupVerify: "backup verify" needs "backups":"execute";
    BackupRestore: "backup restore" needs "backups":"manage";
    BackupPrune: "backup prune" needs "backups":"delete";
    AuditQuery: "audit query" needs "audit-logs":"read";
    AuditTail: "audit tail" needs "audit-logs":"read";
    AuditStats: "audit stats" needs "audit-logs":"read";
    AuditExport: "audit export" needs "audit-logs":"export";
    AuditPrune: "audit prune" needs "audit-logs":"delete";
    AuditSeal: "audit seal" needs "audit-logs":"manage";
    AuditVerify: "audit verify" needs "audit-logs":"read";
    Health: "health" needs "settings":"read";
    EmailTemplates: "email templates" needs "settings":"read";
    EmailPreview: "email preview" needs "settings":"read";
    EmailTest: "email test" needs "settings":"update";
}

/// Who is acting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// The operator with the database itself (no `--as`): everything.
    Operator,
    /// A platform user (`--as EMAIL`): what their roles grant.
    User(String),
    /// An API key (the admin API's callers): what its scopes and its creator's roles grant.
    Key(String),
}

/// The table as Markdown (for the README): command, permission.
pub fn markdown_table() -> String {
    let mut out = String::from("| command | permission |\n| --- | --- |\n");
    for op in Op::ALL {
        out.push_str(&format!("| `{}` | `{}` |\n", op.command(), op.permission()));
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
