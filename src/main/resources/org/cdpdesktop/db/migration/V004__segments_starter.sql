-- Schema version 4: case-insensitive indexes for the filters segment rules use most, and the starter segments.

-- Rules compare text case-insensitively (country = "us" finds "US"); these indexes serve those comparisons.
CREATE INDEX profile_country_age_nocase ON profile(country COLLATE NOCASE, age);
CREATE INDEX profile_city_nocase ON profile(city COLLATE NOCASE);
CREATE INDEX profile_cohort_cohort_nocase ON profile_cohort(cohort COLLATE NOCASE, profile_id);

-- Starter segments: the old service's hard-coded segments as editable rules. Seeded once, only into an
-- empty table, so a starter segment the user deletes stays deleted.
CREATE TEMP TABLE starter(name TEXT, rule TEXT, description TEXT);
INSERT INTO starter(name, rule, description) VALUES
('Elite', 'income >= 200000', 'Income of 200,000 or more'),
('Luxury', 'income >= 150000', 'Income of 150,000 or more'),
('High spender', 'income >= 100000', 'Income of 100,000 or more'),
('Budget shopper', 'income < 30000', 'Income under 30,000'),
('Techie', 'interests in ("tech", "technology", "gadgets", "programming", "coding")', 'Interested in technology'),
('Gamer', 'interests in ("gaming", "games", "video games", "esports")', 'Interested in games'),
('Traveler', 'interests in ("travel", "traveling", "travelling", "adventure")', 'Interested in travel'),
('Learner', 'interests in ("education", "books", "learning", "reading", "courses")', 'Interested in learning'),
('Investor', 'interests in ("investing", "finance", "stocks", "crypto")', 'Interested in investing and finance'),
('Health conscious', 'interests in ("health", "fitness", "wellness", "yoga", "nutrition")', 'Interested in health and fitness'),
('Academic', 'education in ("Master''s", "PhD", "Doctorate", "MBA")', 'Holds a postgraduate degree'),
('Student', 'education in ("High School", "Some College") AND age < 25', 'Still studying: school or some college, under 25'),
('Global user', 'country is not empty AND country not in ("United States", "US", "USA")', 'Lives outside the United States'),
('Urban consumer', 'city in ("New York", "Los Angeles", "San Francisco", "Chicago", "Seattle", "Miami", "Toronto", "Vancouver", "London", "Paris", "Berlin", "Tokyo", "Sydney", "Mumbai", "São Paulo")', 'Lives in a large city'),
('Senior', 'age >= 65', 'Aged 65 or over');

INSERT INTO segment(name, rule, description, builtin, created_at, updated_at)
SELECT name, rule, description, 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM starter
WHERE NOT EXISTS (SELECT 1 FROM segment);

DROP TABLE starter;
