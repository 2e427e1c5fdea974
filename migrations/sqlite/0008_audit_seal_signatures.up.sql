-- Seals learn the newest row time of their range (prune takes a sealed range whole, once all
-- of it is old enough) and carry an optional Ed25519 signature with the id of its key. One
-- seal per starting id: two seal runs can never both cover the same rows.
ALTER TABLE audit_seals ADD COLUMN newest_at TEXT;
ALTER TABLE audit_seals ADD COLUMN signature TEXT;
ALTER TABLE audit_seals ADD COLUMN key_id TEXT;
CREATE UNIQUE INDEX audit_seals_first_id_idx ON audit_seals (first_id);

-- What `audit prune` deleted, so that `audit verify` reports pruned seals as pruned rather
-- than as tampering: every seal up to `sealed_through` (a seal id) lost its rows on purpose.
CREATE TABLE audit_prunes (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    finished_at    TEXT,
    cutoff         TEXT NOT NULL,
    sealed_through INTEGER,
    row_count      INTEGER NOT NULL DEFAULT 0,
    first_id       INTEGER,
    last_id        INTEGER,
    actor          TEXT NOT NULL DEFAULT ''
);
