package org.cdpdesktop.core.profile;

import org.cdpdesktop.core.store.ProfileStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cdpdesktop.core.db.Database;

/** Builds small, known stores for tests: profiles through the real store, history rows through plain SQL. */
public final class ProfileFixtures {

    private ProfileFixtures() {
    }

    public static Profile profile(String externalId, String email, String firstName, String lastName, Integer age,
                                  String country, String city, Double income, List<String> interests) {
        Profile profile = new Profile();
        profile.setExternalId(externalId);
        profile.setEmail(email);
        profile.setFirstName(firstName);
        profile.setLastName(lastName);
        profile.setAge(age);
        profile.setCountry(country);
        profile.setCity(city);
        profile.setIncome(income);
        profile.setInterests(interests);
        return profile;
    }

    /** Five customers with distinct names, ages, places and interests, saved in this order (ids 1 to 5). */
    public static List<Profile> saveFive(ProfileStore store) {
        Profile ann = profile("ck_a", "ann.lee@example.org", "Ann", "Lee", 29, "Canada", "Toronto", 82_000.0, List.of("travel", "food"));
        ann.setGender("Female");
        ann.setAttributes(Map.of("tier", "gold"));
        Profile bob = profile("ck_b", "bob.stone@gmail.com", "Bob", "Stone", 41, "United States", "Austin", 120_000.0, List.of("tech"));
        bob.setGender("Male");
        bob.setAttributes(Map.of("tier", "silver"));
        Profile cho = profile("ck_c", "cho.kim@example.org", "Cho", "Kim", 33, "Canada", "Vancouver", 64_000.0, List.of("travel", "music"));
        cho.setGender("Female");
        cho.setAttributes(Map.of("tier", "bronze"));
        Profile dev = profile("ck_d", "dev.patel@outlook.com", "Dev", "Patel", 25, "India", "Mumbai", 30_000.0, List.of("travel"));
        dev.setGender("Male");
        Profile eve = profile("ck_e", "eve.marsh@example.org", "Eve", "Marsh", 58, "Canada", "Toronto", 150_000.0, List.of("finance"));
        eve.setGender("Female");
        eve.setAttributes(Map.of("tier", "gold"));
        return List.of(store.save(ann), store.save(bob), store.save(cho), store.save(dev), store.save(eve));
    }

    /**
     * {@code count} customers whose phones, states and tiers repeat in differing cycles, in mixed case and sometimes
     * missing, so that sorting by them gives long runs of ties; two in three live in Canada. Saved through the real
     * store in this order (ids 1 to {@code count}).
     */
    public static List<Profile> saveMany(ProfileStore store, int count) {
        String[] phones = {"4165550100", "6045550123", null, "2125550142", "4165550100", "+442079460018", "6045550123"};
        String[] states = {"ON", "bc", "on", null, "QC", "Bc"};
        String[] tiers = {"gold", "Silver", null, "GOLD", "bronze"};
        List<Profile> saved = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Profile profile = profile("many_" + i, "customer" + i + "@example.org", "First" + i, "Last" + i, 18 + i % 60,
                    i % 3 == 2 ? "United States" : "Canada", "Toronto", 40_000.0 + i, List.of("travel"));
            profile.setPhone(phones[i % phones.length]);
            profile.setState(states[i % states.length]);
            String tier = tiers[i % tiers.length];
            profile.setAttributes(tier == null ? Map.of() : Map.of("tier", tier));
            saved.add(store.save(profile));
        }
        return saved;
    }

    /** Records an import of {@code fileName} that inserted the given profiles, as the importer would. */
    public static long recordImport(Database database, String fileName, String at, long... profileIds) {
        return recordBatch(database, fileName, at, "UPDATE profile SET import_batch_id = ?1 WHERE id = ?2", profileIds);
    }

    /** Records an import of {@code fileName} that updated the given, already stored profiles. */
    public static long recordUpdate(Database database, String fileName, String at, long... profileIds) {
        return recordBatch(database, fileName, at,
                "INSERT INTO profile_import(batch_id, profile_id, action, at) VALUES (?1, ?2, 'updated', '" + at + "')", profileIds);
    }

    private static long recordBatch(Database database, String fileName, String at, String touchSql, long... profileIds) {
        return database.write(connection -> {
            long batch;
            try (var insert = connection.prepareStatement("""
                    INSERT INTO import_batch(file_name, started_at, finished_at, status, read_count, inserted)
                    VALUES (?, ?, ?, 'finished', ?, ?)""", java.sql.Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, fileName);
                insert.setString(2, at);
                insert.setString(3, at);
                insert.setInt(4, profileIds.length);
                insert.setInt(5, profileIds.length);
                insert.executeUpdate();
                try (var keys = insert.getGeneratedKeys()) {
                    keys.next();
                    batch = keys.getLong(1);
                }
            }
            try (var touch = connection.prepareStatement(touchSql)) {
                for (long id : profileIds) {
                    touch.setLong(1, batch);
                    touch.setLong(2, id);
                    touch.addBatch();
                }
                touch.executeBatch();
            }
            return batch;
        });
    }

    public static void assignCohort(Database database, long profileId, String cohort, Double confidence, String modelVersion) {
        database.write(connection -> {
            try (var insert = connection.prepareStatement("""
                    INSERT INTO profile_cohort(profile_id, cohort, confidence, model_version, source, assigned_at)
                    VALUES (?, ?, ?, ?, ?, '2026-01-02T00:00:00Z')""")) {
                insert.setLong(1, profileId);
                insert.setString(2, cohort);
                insert.setObject(3, confidence);
                insert.setString(4, modelVersion);
                insert.setString(5, modelVersion == null ? "import" : "model");
                return insert.executeUpdate();
            }
        });
    }

    /** A segment with the given members, as the segment evaluator would leave it. */
    public static void segment(Database database, String name, long... members) {
        database.write(connection -> {
            long id;
            try (var insert = connection.prepareStatement(
                    "INSERT INTO segment(name, rule, created_at, updated_at) VALUES (?, 'age > 0', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
                    java.sql.Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, name);
                insert.executeUpdate();
                try (var keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (var member = connection.prepareStatement("INSERT INTO segment_member(segment_id, profile_id) VALUES (?, ?)")) {
                for (long profile : members) {
                    member.setLong(1, id);
                    member.setLong(2, profile);
                    member.addBatch();
                }
                member.executeBatch();
            }
            return id;
        });
    }
}
