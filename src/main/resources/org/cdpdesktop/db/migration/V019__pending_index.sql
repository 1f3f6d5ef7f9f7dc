-- Schema version 19: filter and sort indexes that a bulk import dropped and left to be built after its commit, so
-- that its profiles can be browsed sooner. Recorded in the import's own transaction: a build cut short (the app
-- closed, the process killed) is resumed the next time the store is opened.
CREATE TABLE pending_index (
    name TEXT PRIMARY KEY,
    sql  TEXT NOT NULL
) WITHOUT ROWID;
