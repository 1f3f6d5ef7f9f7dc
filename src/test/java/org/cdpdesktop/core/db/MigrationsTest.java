package org.cdpdesktop.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MigrationsTest {

    @TempDir
    Path temp;

    static Stream<Integer> earlierVersions() {
        return IntStream.range(0, Migrations.latestVersion()).boxed();
    }

    @Test
    void emptyFileIsMigratedToTheLatestVersion() {
        try (Database database = Database.open(temp.resolve("fresh.db"))) {
            assertThat(database.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(historyVersions(database)).containsExactlyElementsOf(
                    Migrations.ALL.stream().map(Migration::version).toList());
        }
    }

    @ParameterizedTest(name = "from schema version {0}")
    @MethodSource("earlierVersions")
    void everyEarlierVersionUpgradesToTheSameSchemaAsAFreshDatabase(int startVersion) throws SQLException {
        Path upgraded = temp.resolve("from-" + startVersion + ".db");
        Database.open(upgraded, startVersion).close();
        try (Database database = Database.open(upgraded)) {
            assertThat(database.schemaVersion()).isEqualTo(Migrations.latestVersion());
        }
        Path fresh = temp.resolve("fresh.db");
        Database.open(fresh).close();

        assertThat(schema(upgraded)).isEqualTo(schema(fresh));
    }

    @Test
    void version5KeepsOnlyTheHistoryThatProfileRowsDoNotAlreadyHold() throws SQLException {
        Path file = temp.resolve("v4.db");
        Database.open(file, 4).close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             var statement = connection.createStatement()) {
            statement.executeUpdate("""
                    INSERT INTO import_batch(id, file_name, started_at, status) VALUES (1, 'a.csv', 't1', 'completed'),
                        (2, 'b.csv', 't2', 'completed');
                    INSERT INTO profile(id, external_id, import_batch_id, created_at, updated_at) VALUES (1, 'x', 1, 't1', 't2'),
                        (2, 'y', NULL, 't1', 't1');
                    INSERT INTO profile_import(profile_id, batch_id, action, at) VALUES (1, 1, 'inserted', 't1'),
                        (1, 2, 'updated', 't2'), (2, 1, 'inserted', 't1');""");
        }

        Database.open(file).close();

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT profile_id, batch_id, action FROM profile_import ORDER BY 1, 2")) {
            List<String> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(result.getLong(1) + "/" + result.getLong(2) + "/" + result.getString(3));
            }
            assertThat(rows).containsExactly("1/2/updated", "2/1/inserted");
        }
    }

    @Test
    void reopeningAnUpToDateDatabaseChangesNothing() throws SQLException {
        Path file = temp.resolve("twice.db");
        Database.open(file).close();
        List<String> before = schema(file);

        try (Database database = Database.open(file)) {
            assertThat(historyVersions(database)).hasSize(Migrations.ALL.size());
        }
        assertThat(schema(file)).isEqualTo(before);
    }

    @Test
    void databaseFromANewerAppIsRefusedWithAClearMessage() throws SQLException {
        Path file = temp.resolve("newer.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             var statement = connection.createStatement()) {
            statement.executeUpdate("PRAGMA user_version = " + (Migrations.latestVersion() + 1));
        }

        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("newer CDP Desktop");
    }

    private static List<Integer> historyVersions(Database database) {
        return database.read(connection -> {
            List<Integer> versions = new ArrayList<>();
            try (var statement = connection.createStatement();
                 var result = statement.executeQuery("SELECT version FROM schema_history ORDER BY version")) {
                while (result.next()) {
                    versions.add(result.getInt(1));
                }
            }
            return versions;
        });
    }

    /** Every table, index and trigger definition, so two databases can be compared. */
    private static List<String> schema(Path file) throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             var statement = connection.createStatement();
             var result = statement.executeQuery(
                     "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name")) {
            while (result.next()) {
                definitions.add(result.getString(1));
            }
        }
        return definitions;
    }
}
