-- Schema version 18: what each snapshot was evaluated against, so that the snapshot after an import can re-evaluate
-- only the profiles imported since instead of the whole store. NULL in older rows: their next snapshot is a full one.
ALTER TABLE segment_snapshot ADD COLUMN rule_key TEXT;         -- digest of the rule's SQL and parameters, referenced rules inlined
ALTER TABLE segment_snapshot ADD COLUMN through_batch INTEGER; -- the newest import batch in the store when it was taken
ALTER TABLE segment_snapshot ADD COLUMN profiles INTEGER;      -- how many profiles the store held then
