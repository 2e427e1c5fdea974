DROP TABLE audit_seals;
DROP TABLE audit_logs;
