-- Platform keys: keys of the admin API for platform-wide operations (migrations, backups,
-- organizations, users, the role catalogue), made only by the operator with the database.
-- Kept apart from api_keys, which the platform's own application reads: it never accepts one.
CREATE TABLE platform_keys (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name           text NOT NULL,
    prefix         text NOT NULL,
    key_hash       text NOT NULL,
    scopes         text[] NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz,
    last_used_at   timestamptz,
    revoked_at     timestamptz,
    revoked_reason text,
    CONSTRAINT platform_keys_key_hash_key UNIQUE (key_hash),
    CONSTRAINT platform_keys_key_hash_hex CHECK (key_hash ~ '^[0-9a-f]{64}$')
);

-- A key is rotated at most once: its successor, one row per rotated key.
CREATE TABLE api_key_rotations (
    key_id       uuid PRIMARY KEY,
    successor_id uuid NOT NULL,
    rotated_at   timestamptz NOT NULL DEFAULT now()
);

-- A key made over the admin API until its caller confirms it has it: it expires at
-- confirm_by unless confirmed, when it takes the expiry asked for (expires_at, none: never).
CREATE TABLE api_key_deliveries (
    key_id     uuid PRIMARY KEY,
    confirm_by timestamptz NOT NULL,
    expires_at timestamptz
);
