package org.cdpdesktop.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.cdpdesktop.core.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {

    @TempDir
    Path folder;

    @Test
    void aCreatedKeyVerifiesWithItsRoleAndOnlyItsSaltedHashIsStored() {
        try (Database database = Database.open(folder.resolve("cdp.db"))) {
            ApiKeys keys = new ApiKeys(database);
            CreatedApiKey created = keys.create("notebook", ApiRole.VIEWER);

            assertThat(keys.verify(created.key())).contains(ApiRole.VIEWER);
            String stored = database.read(connection -> {
                try (var rows = connection.createStatement().executeQuery("SELECT name || role || prefix || hex(salt) || hex(hash) FROM api_key")) {
                    rows.next();
                    return rows.getString(1);
                }
            });
            assertThat(stored).doesNotContain(created.key().substring(12));
            assertThat(keys.list()).singleElement().satisfies(key -> {
                assertThat(key.name()).isEqualTo("notebook");
                assertThat(key.role()).isEqualTo(ApiRole.VIEWER);
                assertThat(key.lastUsedAt()).isNotNull();
            });
        }
    }

    @Test
    void aKeyWithOneCharacterChangedOrFromAnotherStoreDoesNotVerify() {
        try (Database database = Database.open(folder.resolve("cdp.db"));
             Database other = Database.open(folder.resolve("other.db"))) {
            ApiKeys keys = new ApiKeys(database);
            String key = keys.create("a", ApiRole.ADMIN).key();
            String otherKey = new ApiKeys(other).create("a", ApiRole.ADMIN).key();
            char last = key.charAt(key.length() - 1);

            assertThat(keys.verify(key.substring(0, key.length() - 1) + (last == 'A' ? 'B' : 'A'))).isEmpty();
            assertThat(keys.verify(otherKey)).isEmpty();
            assertThat(keys.verify("")).isEmpty();
            assertThat(keys.verify(null)).isEmpty();
        }
    }

    @Test
    void aRevokedKeyStopsVerifyingAtOnce() {
        try (Database database = Database.open(folder.resolve("cdp.db"))) {
            ApiKeys keys = new ApiKeys(database);
            String key = keys.create("script", ApiRole.ADMIN).key();
            assertThat(keys.verify(key)).contains(ApiRole.ADMIN);

            assertThat(keys.revoke("script")).isTrue();

            assertThat(keys.verify(key)).isEmpty();
            assertThat(keys.revoke("script")).isFalse();
        }
    }

    @Test
    void namesAreUniqueAndPlain() {
        try (Database database = Database.open(folder.resolve("cdp.db"))) {
            ApiKeys keys = new ApiKeys(database);
            keys.create("dashboard", ApiRole.VIEWER);

            assertThatThrownBy(() -> keys.create("dashboard", ApiRole.ADMIN)).hasMessageContaining("already exists");
            assertThatThrownBy(() -> keys.create("../etc", ApiRole.ADMIN)).hasMessageContaining("key name");
            assertThatThrownBy(() -> ApiRole.parse("root")).hasMessageContaining("admin or viewer");
        }
    }
}
