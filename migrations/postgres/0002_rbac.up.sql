-- Role-based access control: roles hold permissions; a user holds one role per organization.
CREATE TABLE roles (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text NOT NULL,
    level       integer NOT NULL CHECK (level >= 0),
    description text NOT NULL DEFAULT '',
    is_system   boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX roles_name_lower_key ON roles (lower(name));

CREATE TABLE permissions (
    id       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    resource text NOT NULL,
    action   text NOT NULL,
    CONSTRAINT permissions_resource_action_key UNIQUE (resource, action)
);

-- Direct grants. A system role also holds every grant of the system roles below its level:
-- see the view role_effective_permissions.
CREATE TABLE role_permissions (
    role_id       uuid NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    permission_id uuid NOT NULL REFERENCES permissions (id) ON DELETE CASCADE,
    granted_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (role_id, permission_id)
);
CREATE INDEX role_permissions_permission_idx ON role_permissions (permission_id);

CREATE TABLE user_roles (
    user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    role_id         uuid NOT NULL REFERENCES roles (id) ON DELETE RESTRICT,
    granted_at      timestamptz NOT NULL DEFAULT now(),
    granted_by      uuid REFERENCES users (id) ON DELETE SET NULL,
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
