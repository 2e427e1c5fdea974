-- Fine-tuning: datasets, the jobs that train on them, and the models they produce.
CREATE TABLE fine_tuning_datasets (
    id              TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    description     TEXT,
    format          TEXT NOT NULL DEFAULT 'jsonl' CHECK (format IN ('jsonl', 'csv', 'parquet')),
    storage_uri     TEXT NOT NULL,
    size_bytes      INTEGER NOT NULL DEFAULT 0,
    row_count       INTEGER,
    created_by      TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT fine_tuning_datasets_name_key UNIQUE (organization_id, name)
);

CREATE TABLE fine_tuning_jobs (
    id              TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    dataset_id      TEXT NOT NULL REFERENCES fine_tuning_datasets (id) ON DELETE RESTRICT,
    job_id          TEXT REFERENCES jobs (id) ON DELETE SET NULL,
    base_model      TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'queued'
                    CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    hyperparameters TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(hyperparameters)),
    metrics         TEXT CHECK (metrics IS NULL OR json_valid(metrics)),
    error           TEXT,
    created_by      TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    started_at      TEXT,
    finished_at     TEXT
);
CREATE INDEX fine_tuning_jobs_organization_idx ON fine_tuning_jobs (organization_id, created_at);

CREATE TABLE fine_tuned_models (
    id                 TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    organization_id    TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    fine_tuning_job_id TEXT REFERENCES fine_tuning_jobs (id) ON DELETE SET NULL,
    name               TEXT NOT NULL,
    base_model         TEXT NOT NULL,
    artifact_uri       TEXT,
    status             TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
    created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT fine_tuned_models_name_key UNIQUE (organization_id, name)
);
