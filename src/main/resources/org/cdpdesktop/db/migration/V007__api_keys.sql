-- Schema version 7: keys for the local REST API. Only a salted SHA-256 of each key is kept; the key itself is shown
-- once when it is created. The prefix (the key's first characters) finds the row without trying every hash.
CREATE TABLE api_key (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    role        TEXT NOT NULL CHECK (role IN ('admin', 'viewer')),
    prefix      TEXT NOT NULL,
    salt        BLOB NOT NULL,
    hash        BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    last_used_at TEXT
);
CREATE INDEX api_key_prefix ON api_key(prefix);
