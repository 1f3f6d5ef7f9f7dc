package org.cdpdesktop.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdpdesktop.core.ingest.CleanRows.row;
import static org.cdpdesktop.core.ingest.CleanRows.runningBatch;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.cdpdesktop.core.profile.ProfileField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every case runs with the in-memory key index (bulk source) and with store look-ups (a few records, or a large store). */
class IdentityResolverTest {

    @TempDir
    Path folder;
    private ImportFixture store;

    @BeforeEach
    void seed() throws Exception {
        store = new ImportFixture(folder);
        store.importFile(store.csv("seed.csv", "id,email,city\nA,a@x.com,Oslo\nB,b@x.com,Rome\n"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private IdentityResolver resolver(Connection connection, boolean bulk) throws SQLException {
        IdentityResolver resolver = new IdentityResolver(connection, DuplicatePolicy.NEWEST, runningBatch(connection));
        resolver.prepare(bulk, ImportRun.KEY_INDEX_LIMIT);
        return resolver;
    }

    @ParameterizedTest(name = "key index {0}")
    @ValueSource(booleans = {true, false})
    void storedKeysUpdateNewKeysCreateAndRepeatsAreDuplicates(boolean bulk) {
        ResolvedChunk chunk = store.database.write(connection -> {
            IdentityResolver resolver = resolver(connection, bulk);
            assertThat(resolver.usesKeyIndex()).isEqualTo(bulk);
            return resolver.resolve(List.of(row(2, "A", null, "Bergen"), row(3, "C", "c@x.com", "Lima"), row(4, null, "a@x.com", null)));
        });

        assertThat(chunk.updated()).isEqualTo(1);
        assertThat(chunk.inserted()).isEqualTo(1);
        assertThat(chunk.duplicates()).isEqualTo(1);
        assertThat(chunk.created()).singleElement().satisfies(created -> {
            assertThat(created.id).isEqualTo(3);
            assertThat(created.externalId()).isEqualTo("C");
        });
        assertThat(chunk.firstUpdated()).singleElement().satisfies(updated -> {
            assertThat(updated.id).isEqualTo(1);
            assertThat(updated.values[ProfileField.CITY.ordinal()]).isEqualTo("Bergen");
            assertThat(updated.dirty).isTrue();
        });
    }

    @ParameterizedTest(name = "key index {0}")
    @ValueSource(booleans = {true, false})
    void aRowNamingTwoStoredProfilesMergesTheNewerIntoTheOlder(boolean bulk) {
        ResolvedChunk chunk = store.database.write(connection -> resolver(connection, bulk).resolve(List.of(row(2, "A", "b@x.com", null))));

        assertThat(chunk.merged()).containsExactly(new ResolvedChunk.Merged(2, 1));
        Draft survivor = chunk.byId().get(1L);
        assertThat(survivor.email()).isEqualTo("b@x.com");
        assertThat(survivor.attributes).containsEntry(Draft.OTHER_EXTERNAL_IDS, "B").containsEntry(Draft.OTHER_EMAILS, "a@x.com");
        assertThat(chunk.byId().get(2L).deleted).isTrue();
        assertThat(chunk.updated()).isEqualTo(1);
    }

    @ParameterizedTest(name = "key index {0}")
    @ValueSource(booleans = {true, false})
    void aMergedProfilesKeyStaysAnAliasOfTheSurvivorInLaterChunks(boolean bulk) {
        ResolvedChunk later = store.database.write(connection -> {
            IdentityResolver resolver = resolver(connection, bulk);
            resolver.resolve(List.of(row(2, "A", "b@x.com", null)));
            return resolver.resolve(List.of(row(3, "B", null, "Paris")));
        });

        assertThat(later.inserted()).isZero();
        assertThat(later.duplicates()).isEqualTo(1);
        assertThat(later.byId()).containsOnlyKeys(1L);
        assertThat(later.byId().get(1L).attributes).containsEntry(Draft.OTHER_EXTERNAL_IDS, "B");
    }

    @Test
    void aRowWithoutExternalIdGetsOneNamedAfterTheBatchAndLine() {
        long[] batch = new long[1];
        ResolvedChunk chunk = store.database.write(connection -> {
            IdentityResolver resolver = new IdentityResolver(connection, DuplicatePolicy.NEWEST, batch[0] = runningBatch(connection));
            resolver.prepare(true, ImportRun.KEY_INDEX_LIMIT);
            return resolver.resolve(List.of(row(7, null, "new@x.com", null)));
        });

        assertThat(chunk.created()).singleElement().satisfies(created -> assertThat(created.externalId()).isEqualTo("gen-" + batch[0] + "-7"));
    }

    @Test
    void aStoreAboveTheKeyIndexLimitIsLookedUpInstead() {
        boolean usesKeyIndex = store.database.write(connection -> {
            IdentityResolver resolver = new IdentityResolver(connection, DuplicatePolicy.NEWEST, runningBatch(connection));
            resolver.prepare(true, 1);
            return resolver.usesKeyIndex();
        });

        assertThat(usesKeyIndex).isFalse();
    }

    @Test
    void aSmallSourceIntoAnEmptyStoreResolvesInMemory() {
        boolean usesKeyIndex = store.database.write(connection -> {
            try (var statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM profile");
            }
            IdentityResolver resolver = new IdentityResolver(connection, DuplicatePolicy.NEWEST, runningBatch(connection));
            resolver.prepare(false, ImportRun.KEY_INDEX_LIMIT);
            return resolver.usesKeyIndex();
        });

        assertThat(usesKeyIndex).isTrue();
    }
}
