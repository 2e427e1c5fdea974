ALTER TABLE audit_prunes DROP COLUMN key_id;
ALTER TABLE audit_prunes DROP COLUMN signature;
ALTER TABLE audit_prunes DROP COLUMN digest;
ALTER TABLE audit_prunes DROP COLUMN prev_digest;
ALTER TABLE audit_prunes DROP COLUMN sealed_last;
ALTER TABLE audit_prunes DROP COLUMN head_seal_id;
