package org.cdpdesktop.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.cdpdesktop.core.profile.Profile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identity resolution when the store is too large for the in-memory key index: keys are looked up in the store. */
class StoreLookupIdentityTest {

    @TempDir
    Path folder;
    private ImportFixture store;

    @BeforeEach
    void open() {
        store = new ImportFixture(folder, 0);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void rowsMatchStoredProfilesByIdOrEmailAndLinkTwoTransitively() throws Exception {
        store.importFile(store.csv("seed.csv", "id,email,city\nA,a@x.com,Oslo\nB,b@x.com,Rome\n"));
        ImportSummary summary = store.importFile(store.csv("next.csv", "id,email,age\nA,,30\nC,B@X.COM,40\nA,b@x.com,31\nD,d@x.com,50\n"));
        assertThat(summary.updated()).isEqualTo(2);
        assertThat(summary.duplicates()).isEqualTo(1);
        assertThat(summary.inserted()).isEqualTo(1);
        assertThat(store.profiles.count()).isEqualTo(2);
        Profile merged = store.profile("A");
        assertThat(merged.getEmail()).isEqualTo("b@x.com");
        assertThat(merged.getAge()).isEqualTo(31);
        assertThat(merged.getAttributes()).containsEntry("other_external_ids", "B|C");
    }
}
