-- The audit log. Rows are never updated (a trigger refuses it); pruning is the only delete.
-- Actor, organization and key ids carry no foreign keys: the record outlives what it names.
CREATE TABLE audit_logs (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    occurred_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    actor_user_id    TEXT,
    actor_api_key_id TEXT,
    actor            TEXT NOT NULL DEFAULT '',
    organization_id  TEXT,
    action           TEXT NOT NULL,
    resource_type    TEXT,
    resource_id      TEXT,
    ip               TEXT,
    user_agent       TEXT,
    metadata         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata))
);
CREATE INDEX audit_logs_user_time_idx ON audit_logs (actor_user_id, occurred_at);
CREATE INDEX audit_logs_organization_time_idx ON audit_logs (organization_id, occurred_at);
CREATE INDEX audit_logs_action_time_idx ON audit_logs (action, occurred_at);
CREATE INDEX audit_logs_time_idx ON audit_logs (occurred_at);

CREATE TRIGGER audit_logs_no_update BEFORE UPDATE ON audit_logs
BEGIN
    SELECT RAISE(ABORT, 'audit_logs rows are never updated');
END;

-- Seals chain SHA-256 digests over ranges of audit rows, so that `platctl audit verify` can
-- prove no sealed row was changed or removed.
CREATE TABLE audit_seals (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    sealed_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    first_id    INTEGER NOT NULL,
    last_id     INTEGER NOT NULL,
    row_count   INTEGER NOT NULL,
    prev_digest TEXT,
    digest      TEXT NOT NULL,
    actor       TEXT NOT NULL DEFAULT ''
);
