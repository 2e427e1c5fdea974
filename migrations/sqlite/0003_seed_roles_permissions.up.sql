-- The four system roles, the 104 permissions (13 resources x 8 actions) and the default matrix.
-- Grants are direct: each role lists what it adds to the system roles below it.
-- The catalogue in src/core/catalogue.rs is the source of truth; a test checks this file
-- against it.
INSERT INTO roles (name, level, description, is_system) VALUES
    ('OWNER',  4, 'Everything, including organization settings and backups', true),
    ('ADMIN',  3, 'Manages members, roles, API keys and content', true),
    ('EDITOR', 2, 'Creates and runs agents, workflows and knowledge bases', true),
    ('VIEWER', 1, 'Reads the organization''s content', true);

WITH resources (resource) AS (VALUES
    ('agents'), ('workflows'), ('knowledge-base'), ('fine-tuning'), ('jobs'), ('files'),
    ('users'), ('organizations'), ('roles'), ('api-keys'), ('audit-logs'), ('backups'),
    ('settings')),
actions (action) AS (VALUES
    ('create'), ('read'), ('update'), ('delete'), ('execute'), ('export'), ('import'),
    ('manage'))
INSERT INTO permissions (resource, action)
SELECT resource, action FROM resources CROSS JOIN actions;

-- VIEWER: read the content and the directory.
INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p
  ON p.action = 'read'
 AND p.resource IN ('agents', 'workflows', 'knowledge-base', 'fine-tuning', 'jobs', 'files',
                    'users', 'organizations')
WHERE r.name = 'VIEWER';

-- EDITOR: work with the content.
INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p
  ON p.action IN ('create', 'update', 'execute', 'export', 'import')
 AND p.resource IN ('agents', 'workflows', 'knowledge-base', 'fine-tuning', 'jobs', 'files')
WHERE r.name = 'EDITOR';

-- ADMIN: delete content; run members, roles and keys; read the audit log; take backups.
INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p
  ON (p.action = 'delete'
      AND p.resource IN ('agents', 'workflows', 'knowledge-base', 'fine-tuning', 'jobs', 'files'))
  OR p.resource IN ('users', 'roles', 'api-keys')
  OR (p.resource = 'audit-logs' AND p.action IN ('read', 'export'))
  OR (p.resource = 'backups' AND p.action IN ('read', 'create', 'execute'))
  OR (p.resource = 'settings' AND p.action IN ('read', 'update'))
  OR (p.resource = 'organizations' AND p.action IN ('read', 'update'))
WHERE r.name = 'ADMIN'
  AND NOT EXISTS (
      SELECT 1 FROM role_permissions lower_rp JOIN roles lower_r ON lower_r.id = lower_rp.role_id
      WHERE lower_rp.permission_id = p.id AND lower_r.is_system AND lower_r.level < r.level);

-- OWNER: everything not already held below.
INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r CROSS JOIN permissions p
WHERE r.name = 'OWNER'
  AND NOT EXISTS (
      SELECT 1 FROM role_permissions lower_rp JOIN roles lower_r ON lower_r.id = lower_rp.role_id
      WHERE lower_rp.permission_id = p.id AND lower_r.is_system AND lower_r.level < r.level);
