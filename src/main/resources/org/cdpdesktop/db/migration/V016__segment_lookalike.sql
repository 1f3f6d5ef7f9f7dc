-- Schema version 16: lookalike audiences. A lookalike segment's members are the profiles its model scored highest,
-- kept as scored cohorts (source 'lookalike', confidence = score) that the segment's rule selects; this table
-- remembers how they were chosen: the seed segment, the model, the threshold and what the model measured.
CREATE TABLE segment_lookalike (
    segment_id    INTEGER PRIMARY KEY REFERENCES segment(id) ON DELETE CASCADE,
    cohort        TEXT NOT NULL UNIQUE,
    seed_segment  TEXT NOT NULL,
    model_id      TEXT NOT NULL,
    random_seed   INTEGER NOT NULL,
    requested     TEXT NOT NULL,  -- size N | min-score S
    threshold     REAL NOT NULL,  -- the lowest score taken
    size          INTEGER NOT NULL,
    scored        INTEGER NOT NULL,
    auc           REAL,
    excluded      TEXT NOT NULL,  -- JSON array of the fields the seed's rule tests, left out of the model
    drivers       TEXT NOT NULL,  -- JSON array of {term, weight}, strongest first
    created_at    TEXT NOT NULL
);

-- Deleting the segment deletes its lookalike row, and with it the scored cohort its rule selected.
CREATE TRIGGER segment_lookalike_members_go_with_it AFTER DELETE ON segment_lookalike
BEGIN
    DELETE FROM profile_cohort WHERE source = 'lookalike' AND cohort = OLD.cohort;
END;
