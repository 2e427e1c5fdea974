DELETE FROM role_permissions;
DELETE FROM permissions;
DELETE FROM roles WHERE is_system = 1;
