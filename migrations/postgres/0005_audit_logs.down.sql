DROP TABLE audit_seals;
DROP TABLE audit_logs;
DROP FUNCTION audit_logs_refuse_update();
