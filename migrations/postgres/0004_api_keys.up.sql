-- API keys: only the SHA-256 of the key (lowercase hex) and a display prefix are stored.
CREATE TABLE api_keys (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name            text NOT NULL,
    prefix          text NOT NULL,
    key_hash        text NOT NULL,
    scopes          text[] NOT NULL DEFAULT '{}',
    created_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz,
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    revoked_reason  text,
    CONSTRAINT api_keys_key_hash_key UNIQUE (key_hash),
    CONSTRAINT api_keys_key_hash_hex CHECK (key_hash ~ '^[0-9a-f]{64}$')
);
CREATE INDEX api_keys_organization_idx ON api_keys (organization_id, created_at);
