-- Schema version 6: a profile can carry a cohort both as imported and as predicted. The key now includes the source,
-- so a prediction never overwrites an imported label (which stays the only training label) and the detail pane
-- can show both. Rows keep their values; the table is rebuilt because SQLite cannot change a primary key in place.
CREATE TABLE profile_cohort_v6 (
    profile_id    INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
    cohort        TEXT NOT NULL,
    confidence    REAL,
    model_version TEXT,
    source        TEXT NOT NULL,  -- import | model
    assigned_at   TEXT NOT NULL,
    PRIMARY KEY (profile_id, source, cohort)
) WITHOUT ROWID;
INSERT INTO profile_cohort_v6(profile_id, cohort, confidence, model_version, source, assigned_at)
SELECT profile_id, cohort, confidence, model_version, source, assigned_at FROM profile_cohort;
DROP TABLE profile_cohort;
ALTER TABLE profile_cohort_v6 RENAME TO profile_cohort;
CREATE INDEX profile_cohort_cohort_nocase ON profile_cohort(cohort COLLATE NOCASE, profile_id);
