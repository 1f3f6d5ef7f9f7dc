-- Schema version 3: indexes the profiles filter bar and its case-insensitive text comparisons need.
-- Filters compare text with COLLATE NOCASE ("canada" finds "Canada"), which a BINARY index cannot serve, so the
-- country, city and cohort indexes are rebuilt with NOCASE rather than added next to the old ones: the import,
-- which maintains every index, keeps the same number of them. Gender is the one new index: without it, counting
-- one gender reads every profile row. See docs/benchmarks.md, "Profiles and dashboard".
DROP INDEX profile_country_age;
CREATE INDEX profile_country_age ON profile(country COLLATE NOCASE, age);
DROP INDEX profile_city;
CREATE INDEX profile_city ON profile(city COLLATE NOCASE);
CREATE INDEX profile_gender ON profile(gender COLLATE NOCASE);
DROP INDEX profile_cohort_cohort;
CREATE INDEX profile_cohort_cohort ON profile_cohort(cohort COLLATE NOCASE);
-- Emails are unique where present. SQLite's UNIQUE already lets any number of rows have no email, so a full index
-- keeps the same rule, and unlike the partial one it can order the whole table by email.
DROP INDEX profile_email;
CREATE UNIQUE INDEX profile_email ON profile(email);
