-- Role-based access control: roles hold permissions; a user holds one role per organization.
CREATE TABLE roles (
    id          TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    name        TEXT NOT NULL,
    level       INTEGER NOT NULL CHECK (level >= 0),
    description TEXT NOT NULL DEFAULT '',
    is_system   INTEGER NOT NULL DEFAULT 0 CHECK (is_system IN (0, 1)),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX roles_name_lower_key ON roles (lower(name));

CREATE TABLE permissions (
    id       TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    resource TEXT NOT NULL,
    action   TEXT NOT NULL,
    CONSTRAINT permissions_resource_action_key UNIQUE (resource, action)
);

-- Direct grants. A system role also holds every grant of the system roles below its level:
-- see the view role_effective_permissions.
CREATE TABLE role_permissions (
    role_id       TEXT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    permission_id TEXT NOT NULL REFERENCES permissions (id) ON DELETE CASCADE,
    granted_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (role_id, permission_id)
);
CREATE INDEX role_permissions_permission_idx ON role_permissions (permission_id);

CREATE TABLE user_roles (
    user_id         TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    role_id         TEXT NOT NULL REFERENCES roles (id) ON DELETE RESTRICT,
    granted_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    granted_by      TEXT REFERENCES users (id) ON DELETE SET NULL,
    PRIMARY KEY (user_id, organization_id)
);
CREATE INDEX user_roles_organization_idx ON user_roles (organization_id);
CREATE INDEX user_roles_role_idx ON user_roles (role_id);

-- Every permission a role holds, and the role that grants it (itself, or a lower system role).
CREATE VIEW role_effective_permissions AS
SELECT r.id AS role_id, rp.permission_id, src.id AS granted_via_role_id
FROM roles r
JOIN roles src
  ON src.id = r.id OR (r.is_system AND src.is_system AND src.level < r.level)
JOIN role_permissions rp ON rp.role_id = src.id;
