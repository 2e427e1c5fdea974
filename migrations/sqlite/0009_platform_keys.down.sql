DROP TABLE api_key_deliveries;
DROP TABLE api_key_rotations;
DROP TABLE platform_keys;
