DROP TABLE audit_prunes;
DROP INDEX audit_seals_first_id_idx;
ALTER TABLE audit_seals DROP COLUMN key_id;
ALTER TABLE audit_seals DROP COLUMN signature;
ALTER TABLE audit_seals DROP COLUMN newest_at;
