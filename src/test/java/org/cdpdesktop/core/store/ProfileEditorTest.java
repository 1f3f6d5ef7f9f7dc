package org.cdpdesktop.core.store;

import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.profile.ProfileFixtures;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.clean.FieldCleaner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileEditorTest {

    @TempDir
    Path folder;

    private Database database;
    private ProfileStore store;
    private ProfileEditor editor;
    private List<Profile> five;

    @BeforeEach
    void openStore() {
        database = Database.open(folder.resolve("cdp.db"));
        store = new ProfileStore(database);
        editor = new ProfileEditor(store, new FieldCleaner());
        five = ProfileFixtures.saveFive(store);
    }

    @AfterEach
    void closeStore() {
        database.close();
    }

    @Test
    void editsAreCleanedAsAnImportWouldCleanThem() {
        long ann = five.get(0).getId();

        ProfileEditor.Outcome outcome = editor.save(ann, Map.of(
                ProfileField.EMAIL, "  Ann.NEW@Example.org ", ProfileField.COUNTRY, "CA", ProfileField.INTERESTS, "Travel | Books"));

        assertThat(outcome.ok()).isTrue();
        Profile saved = store.findById(ann).orElseThrow();
        assertThat(saved.getEmail()).isEqualTo("ann.new@example.org");
        assertThat(saved.getCountry()).isEqualTo("Canada");
        assertThat(saved.getInterests()).containsExactly("travel", "books");
    }

    @Test
    void anInvalidEmailIsRefusedWithItsReasonAndNothingIsSaved() {
        long ann = five.get(0).getId();

        ProfileEditor.Outcome outcome = editor.save(ann, Map.of(ProfileField.EMAIL, "ann.lee@", ProfileField.CITY, "Ottawa"));

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.errors()).containsOnlyKeys(ProfileField.EMAIL);
        assertThat(outcome.errors().get(ProfileField.EMAIL)).contains("not a valid email");
        Profile unchanged = store.findById(ann).orElseThrow();
        assertThat(unchanged.getEmail()).isEqualTo("ann.lee@example.org");
        assertThat(unchanged.getCity()).isEqualTo("Toronto");
    }

    @Test
    void anEmailAnotherProfileHasIsRefused() {
        ProfileEditor.Outcome outcome = editor.save(five.get(0).getId(), Map.of(ProfileField.EMAIL, "BOB.STONE@gmail.com"));

        assertThat(outcome.errors().get(ProfileField.EMAIL)).contains("already has this email");
    }

    @Test
    void anImpossibleAgeIsRefusedAndABlankClearsTheField() {
        long bob = five.get(1).getId();

        assertThat(editor.save(bob, Map.of(ProfileField.AGE, "150")).errors().get(ProfileField.AGE)).contains("outside");
        assertThat(editor.save(bob, Map.of(ProfileField.AGE, " ")).ok()).isTrue();
        assertThat(store.findById(bob).orElseThrow().getAge()).isNull();
    }
}
