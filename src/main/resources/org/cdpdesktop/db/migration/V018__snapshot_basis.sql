-- Schema version 18: what each snapshot was evaluated against, so that the snapshot after an import can re-evaluate
-- only the profiles imported since instead of the whole store. NULL in older rows: their next snapshot is a full one.
ALTER TABLE segment_snapshot ADD COLUMN rule_key TEXT;         -- digest of the rule's SQL and parameters, referenced rules inlined
ALTER TABLE segment_snapshot ADD COLUMN through_batch INTEGER; -- the newest import batch in the store when it was taken
ALTER TABLE segment_snapshot ADD COLUMN profiles INTEGER;      -- how many profiles the store held then

-- Profiles edited one by one (the profile editor, the store cleaner), which no import batch records: the snapshot
-- after the next import re-tests those edited since the newest batch it saw (after_batch: the newest batch then).
CREATE TABLE profile_edit (
    profile_id  INTEGER PRIMARY KEY REFERENCES profile(id) ON DELETE CASCADE,
    after_batch INTEGER NOT NULL
);
CREATE INDEX profile_edit_after_batch ON profile_edit(after_batch);
