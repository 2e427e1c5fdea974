-- A prune record becomes a link of the seal chain, so that it is evidence too: it chains to
-- the chain's head when it was made (the newest seal, `head_seal_id`, or a prune record made
-- after it), the next seal chains to it, and it is signed with the seals' key. Its digest
-- covers what it claims: every seal up to `sealed_through`, whose last entry is
-- `sealed_last`, lost its entries on purpose (for `cutoff`).
ALTER TABLE audit_prunes ADD COLUMN head_seal_id bigint;
ALTER TABLE audit_prunes ADD COLUMN sealed_last bigint;
ALTER TABLE audit_prunes ADD COLUMN prev_digest text;
ALTER TABLE audit_prunes ADD COLUMN digest text;
ALTER TABLE audit_prunes ADD COLUMN signature text;
ALTER TABLE audit_prunes ADD COLUMN key_id text;
