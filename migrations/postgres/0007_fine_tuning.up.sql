-- Fine-tuning: datasets, the jobs that train on them, and the models they produce.
CREATE TABLE fine_tuning_datasets (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name            text NOT NULL,
    description     text,
    format          text NOT NULL DEFAULT 'jsonl' CHECK (format IN ('jsonl', 'csv', 'parquet')),
    storage_uri     text NOT NULL,
    size_bytes      bigint NOT NULL DEFAULT 0,
    row_count       bigint,
    created_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT fine_tuning_datasets_name_key UNIQUE (organization_id, name)
);

CREATE TABLE fine_tuning_jobs (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    dataset_id      uuid NOT NULL REFERENCES fine_tuning_datasets (id) ON DELETE RESTRICT,
    job_id          uuid REFERENCES jobs (id) ON DELETE SET NULL,
    base_model      text NOT NULL,
    status          text NOT NULL DEFAULT 'queued'
                    CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    hyperparameters jsonb NOT NULL DEFAULT '{}',
    metrics         jsonb,
    error           text,
    created_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    finished_at     timestamptz
);
CREATE INDEX fine_tuning_jobs_organization_idx ON fine_tuning_jobs (organization_id, created_at);

CREATE TABLE fine_tuned_models (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id    uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    fine_tuning_job_id uuid REFERENCES fine_tuning_jobs (id) ON DELETE SET NULL,
    name               text NOT NULL,
    base_model         text NOT NULL,
    artifact_uri       text,
    status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
    created_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT fine_tuned_models_name_key UNIQUE (organization_id, name)
);
