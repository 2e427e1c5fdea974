-- What the replicas of `platctl serve` on this database share (PLATCTL_RATE_LIMIT_STORE =
-- database, the default on PostgreSQL): request quotas and failed authentications, counted
-- once for the fleet. UNLOGGED: never written to the WAL nor sent to standbys, and emptied by
-- a crash of the server — limits then start afresh, which loses nothing worth keeping.

-- A quota per key (`key <uuid>`) or per address (`address <ip>`), as GCRA keeps it: `tat` is
-- the moment (microseconds since the epoch, the database's clock) at which the quota is whole
-- again; `granted` and `at` are what the last claim got, and when (read back by the claimant).
CREATE UNLOGGED TABLE rate_limit_buckets (
    bucket  text PRIMARY KEY,
    tat     bigint NOT NULL,
    granted bigint NOT NULL,
    at      bigint NOT NULL
);

-- Tries at authenticating by client address: the times of its last few failures (at most the
-- limit, newest first), and of the keys being looked at now (each counted from before its
-- look-up until it is found good or bad, so that keys sent at once cannot outrun the count).
CREATE UNLOGGED TABLE auth_failures (
    address inet PRIMARY KEY,
    times   timestamptz[] NOT NULL,
    pending timestamptz[] NOT NULL
);
