package org.cdpdesktop.core.store;

import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.db.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {

    @TempDir
    Path temp;
    private Database database;
    private ProfileStore store;

    @BeforeEach
    void open() {
        database = Database.open(temp.resolve("cdp.db"));
        store = new ProfileStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void savedProfileReadsBackWithEveryFieldIntact() {
        Profile saved = store.save(profile("ck_1", "ana@example.org", List.of("travel", "music"), Map.of("zip", "07302")));
        saved.setPostalCode("07302");
        store.save(saved);

        Profile found = store.findById(saved.getId()).orElseThrow();

        assertThat(found.getExternalId()).isEqualTo("ck_1");
        assertThat(found.getPostalCode()).isEqualTo("07302");
        assertThat(found.getInterests()).containsExactly("travel", "music");
        assertThat(found.getAttributes()).containsEntry("zip", "07302");
        assertThat(found.getCreatedAt()).isNotBlank();
        assertThat(found.getUpdatedAt()).isGreaterThanOrEqualTo(found.getCreatedAt());
        assertThat(store.findByEmail("ANA@example.org")).contains(found);
        assertThat(store.findByExternalId("ck_1")).contains(found);
    }

    @Test
    void interestIndexFollowsInsertUpdateAndDelete() {
        Profile ana = store.save(profile("ck_1", "ana@example.org", List.of("travel", "music"), Map.of()));
        store.save(profile("ck_2", "bo@example.org", List.of("music"), Map.of()));
        assertThat(interestRows()).containsExactly("music:1", "music:2", "travel:1");

        ana.setInterests(List.of("tech"));
        store.save(ana);
        assertThat(interestRows()).containsExactly("music:2", "tech:1");

        store.delete(ana.getId());
        assertThat(interestRows()).containsExactly("music:2");
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void secondProfileWithTheSameEmailIsRefused() {
        store.save(profile("ck_1", "ana@example.org", List.of(), Map.of()));

        assertThatThrownBy(() -> store.save(profile("ck_2", "ana@example.org", List.of(), Map.of())))
                .isInstanceOf(StoreException.class)
                .hasMessage("Another profile already has this email");
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void fieldValuesAreShownAsText() {
        Profile ana = profile("ck_1", "ana@example.org", List.of("travel", "music"), Map.of());
        ana.setIncome(52000.0);
        ana.setAge(34);

        assertThat(ana.get(ProfileField.INCOME)).isEqualTo("52000");
        assertThat(ana.get(ProfileField.AGE)).isEqualTo("34");
        assertThat(ana.get(ProfileField.INTERESTS)).isEqualTo("travel|music");
        assertThat(ana.get(ProfileField.LAST_NAME)).isNull();
    }

    private List<String> interestRows() {
        return database.read(connection -> {
            List<String> rows = new ArrayList<>();
            try (var statement = connection.createStatement();
                 var result = statement.executeQuery("SELECT interest, profile_id FROM profile_interest ORDER BY 1, 2")) {
                while (result.next()) {
                    rows.add(result.getString(1) + ":" + result.getLong(2));
                }
            }
            return rows;
        });
    }

    private static Profile profile(String externalId, String email, List<String> interests, Map<String, String> attributes) {
        Profile profile = new Profile();
        profile.setExternalId(externalId);
        profile.setEmail(email);
        profile.setInterests(interests);
        profile.setAttributes(attributes);
        return profile;
    }
}
