-- Schema version 8: Kafka messages the stream could not store (not JSON, wrong shape, invalid values, too large),
-- kept with where they came from and why, until the user retries or deletes them. One row per message: a replay
-- of the same offset replaces its row instead of adding another.
CREATE TABLE dead_letter (
    id           INTEGER PRIMARY KEY,
    topic        TEXT NOT NULL,
    partition    INTEGER NOT NULL,
    "offset"     INTEGER NOT NULL,
    message_time TEXT,
    payload      TEXT NOT NULL,
    payload_size INTEGER NOT NULL,
    truncated    INTEGER NOT NULL DEFAULT 0,
    reason       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    UNIQUE (topic, partition, "offset")
);
