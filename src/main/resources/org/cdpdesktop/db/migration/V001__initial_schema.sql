-- Schema version 1. Timestamps are ISO-8601 UTC text, dates ISO-8601 text: they sort and compare as text.

CREATE TABLE schema_history (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
);

-- One row per import run, whatever the path (CSV, REST, Kafka).
CREATE TABLE import_batch (
    id           INTEGER PRIMARY KEY,
    source       TEXT NOT NULL DEFAULT 'csv',
    file_name    TEXT NOT NULL,
    checksum     TEXT,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    status       TEXT NOT NULL,
    read_count   INTEGER NOT NULL DEFAULT 0,
    inserted     INTEGER NOT NULL DEFAULT 0,
    updated      INTEGER NOT NULL DEFAULT 0,
    duplicates   INTEGER NOT NULL DEFAULT 0,
    rejected     INTEGER NOT NULL DEFAULT 0,
    rejects_file TEXT,
    mapping      TEXT
);
CREATE INDEX import_batch_started ON import_batch(started_at);

CREATE TABLE profile (
    id              INTEGER PRIMARY KEY,
    external_id     TEXT NOT NULL,
    email           TEXT,
    phone           TEXT,
    first_name      TEXT,
    last_name       TEXT,
    age             INTEGER,
    gender          TEXT,
    city            TEXT,
    state           TEXT,
    country         TEXT,
    postal_code     TEXT,
    income          REAL,
    education       TEXT,
    interests       TEXT NOT NULL DEFAULT '[]',  -- JSON array of lowercase strings; profile_interest indexes it
    bio             TEXT,
    signup_date     TEXT,
    attributes      TEXT NOT NULL DEFAULT '{}',  -- JSON object: every source column without a profile field
    import_batch_id INTEGER REFERENCES import_batch(id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
-- Identity: one profile per external id and per (lower-cased) email.
CREATE UNIQUE INDEX profile_external_id ON profile(external_id);
CREATE UNIQUE INDEX profile_email ON profile(email) WHERE email IS NOT NULL;
CREATE INDEX profile_country_age ON profile(country, age);
CREATE INDEX profile_age ON profile(age);
CREATE INDEX profile_income ON profile(income);
CREATE INDEX profile_city ON profile(city);
CREATE INDEX profile_created ON profile(created_at);
CREATE INDEX profile_signup ON profile(signup_date);
CREATE INDEX profile_batch ON profile(import_batch_id);

-- The interests list as rows, so "interested in X" is an index lookup rather than a scan.
-- Kept in step with profile.interests by the triggers below, whichever path writes the profile.
CREATE TABLE profile_interest (
    interest   TEXT NOT NULL,
    profile_id INTEGER NOT NULL,
    PRIMARY KEY (interest, profile_id)
) WITHOUT ROWID;

CREATE TRIGGER profile_interest_insert AFTER INSERT ON profile
BEGIN
    INSERT OR IGNORE INTO profile_interest(interest, profile_id)
    SELECT value, NEW.id FROM json_each(NEW.interests);
END;

CREATE TRIGGER profile_interest_update AFTER UPDATE OF interests ON profile
WHEN OLD.interests IS NOT NEW.interests
BEGIN
    DELETE FROM profile_interest
    WHERE profile_id = OLD.id AND interest IN (SELECT value FROM json_each(OLD.interests));
    INSERT OR IGNORE INTO profile_interest(interest, profile_id)
    SELECT value, NEW.id FROM json_each(NEW.interests);
END;

CREATE TRIGGER profile_interest_delete AFTER DELETE ON profile
BEGIN
    DELETE FROM profile_interest
    WHERE profile_id = OLD.id AND interest IN (SELECT value FROM json_each(OLD.interests));
END;

-- Which import batches touched a profile, and how.
CREATE TABLE profile_import (
    profile_id INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
    batch_id   INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
    action     TEXT NOT NULL,  -- inserted | updated
    at         TEXT NOT NULL,
    PRIMARY KEY (profile_id, batch_id)
) WITHOUT ROWID;
CREATE INDEX profile_import_batch ON profile_import(batch_id);

-- Cohorts: imported from a cohort column (source 'import') or predicted by a model (source 'model').
CREATE TABLE profile_cohort (
    profile_id    INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
    cohort        TEXT NOT NULL,
    confidence    REAL,
    model_version TEXT,
    source        TEXT NOT NULL,
    assigned_at   TEXT NOT NULL,
    PRIMARY KEY (profile_id, cohort)
) WITHOUT ROWID;
CREATE INDEX profile_cohort_cohort ON profile_cohort(cohort);

CREATE TABLE segment (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    rule        TEXT NOT NULL,
    description TEXT,
    builtin     INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- Memberships as of the last evaluation of each segment.
CREATE TABLE segment_member (
    segment_id INTEGER NOT NULL REFERENCES segment(id) ON DELETE CASCADE,
    profile_id INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
    PRIMARY KEY (segment_id, profile_id)
) WITHOUT ROWID;
CREATE INDEX segment_member_profile ON segment_member(profile_id);

CREATE TABLE segment_snapshot (
    id         INTEGER PRIMARY KEY,
    segment_id INTEGER NOT NULL REFERENCES segment(id) ON DELETE CASCADE,
    taken_at   TEXT NOT NULL,
    reason     TEXT NOT NULL,  -- import | prediction | manual
    size       INTEGER NOT NULL,
    members    BLOB            -- profile ids, delta-encoded and compressed
);
CREATE INDEX segment_snapshot_segment ON segment_snapshot(segment_id, taken_at);

CREATE TABLE model (
    id         INTEGER PRIMARY KEY,
    version    TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    algorithm  TEXT NOT NULL,
    created_at TEXT NOT NULL,
    metrics    TEXT,           -- JSON
    file       TEXT NOT NULL,
    active     INTEGER NOT NULL DEFAULT 0
);
