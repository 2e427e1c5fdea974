-- Platform keys: keys of the admin API for platform-wide operations (migrations, backups,
-- organizations, users, the role catalogue), made only by the operator with the database.
-- Kept apart from api_keys, which the platform's own application reads: it never accepts one.
-- scopes is a JSON array of "resource:action" strings.
CREATE TABLE platform_keys (
    id             TEXT PRIMARY KEY NOT NULL,
    name           TEXT NOT NULL,
    prefix         TEXT NOT NULL,
    key_hash       TEXT NOT NULL,
    scopes         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scopes)),
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    expires_at     TEXT,
    last_used_at   TEXT,
    revoked_at     TEXT,
    revoked_reason TEXT,
    CONSTRAINT platform_keys_key_hash_key UNIQUE (key_hash),
    CONSTRAINT platform_keys_key_hash_hex
        CHECK (length(key_hash) = 64 AND key_hash NOT GLOB '*[^0-9a-f]*')
);

-- A key is rotated at most once: its successor, one row per rotated key.
CREATE TABLE api_key_rotations (
    key_id       TEXT PRIMARY KEY NOT NULL,
    successor_id TEXT NOT NULL,
    rotated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- A key made over the admin API until its caller confirms it has it: it expires at
-- confirm_by unless confirmed, when it takes the expiry asked for (expires_at, none: never).
CREATE TABLE api_key_deliveries (
    key_id     TEXT PRIMARY KEY NOT NULL,
    confirm_by TEXT NOT NULL,
    expires_at TEXT
);
