-- API keys: only the SHA-256 of the key (lowercase hex) and a display prefix are stored.
-- scopes is a JSON array of "resource:action" strings.
CREATE TABLE api_keys (
    id              TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    prefix          TEXT NOT NULL,
    key_hash        TEXT NOT NULL,
    scopes          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scopes)),
    created_by      TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    expires_at      TEXT,
    last_used_at    TEXT,
    revoked_at      TEXT,
    revoked_reason  TEXT,
    CONSTRAINT api_keys_key_hash_key UNIQUE (key_hash),
    CONSTRAINT api_keys_key_hash_hex
        CHECK (length(key_hash) = 64 AND key_hash NOT GLOB '*[^0-9a-f]*')
);
CREATE INDEX api_keys_organization_idx ON api_keys (organization_id, created_at);
