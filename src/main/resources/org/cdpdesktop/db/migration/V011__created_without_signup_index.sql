-- Schema version 11: the dashboard charts sign-ups by the profile's own signup date and, for a profile without one,
-- by when it entered the store. This partial index lets those fallback counts read an index instead of every row.
CREATE INDEX profile_created_without_signup ON profile(created_at) WHERE signup_date IS NULL;
