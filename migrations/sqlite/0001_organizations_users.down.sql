DROP TABLE users;
DROP TABLE organizations;
