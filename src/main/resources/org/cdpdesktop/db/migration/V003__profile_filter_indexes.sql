-- Schema version 3: indexes the profiles filter bar and sort need.
-- Filters compare text with COLLATE NOCASE ("canada" finds "Canada"), which a BINARY index cannot serve. Version 4
-- creates the NOCASE indexes on country and age, city and cohort that segment rules need too; the BINARY ones they
-- replace are dropped here, so the import, which maintains every index, does not pay for both.
DROP INDEX profile_country_age;
DROP INDEX profile_city;
DROP INDEX profile_cohort_cohort;
-- Without this index, counting one gender reads every profile row. See docs/benchmarks.md, "Profiles and dashboard".
CREATE INDEX profile_gender ON profile(gender COLLATE NOCASE);
-- Emails are unique where present. SQLite's UNIQUE already lets any number of rows have no email, so a full index
-- keeps the same rule, and unlike the partial one it can order the whole table by email.
DROP INDEX profile_email;
CREATE UNIQUE INDEX profile_email ON profile(email);
