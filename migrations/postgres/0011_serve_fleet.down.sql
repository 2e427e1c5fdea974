DROP TABLE auth_failures;
DROP TABLE rate_limit_buckets;
