-- On PostgreSQL, the replicas of `platctl serve` share their request quotas and failed
-- authentications in these tables. A SQLite file has one server at a time, which keeps them
-- in its own memory (PLATCTL_RATE_LIMIT_STORE = process): the tables exist so that both
-- databases have the same schema versions, and stay empty.
CREATE TABLE rate_limit_buckets (
    bucket  TEXT PRIMARY KEY NOT NULL,
    tat     INTEGER NOT NULL,
    granted INTEGER NOT NULL,
    at      INTEGER NOT NULL
);

CREATE TABLE auth_failures (
    address TEXT PRIMARY KEY NOT NULL,
    times   TEXT NOT NULL,
    pending TEXT NOT NULL
);
