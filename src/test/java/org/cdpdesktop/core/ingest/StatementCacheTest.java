package org.cdpdesktop.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementCacheTest {

    @TempDir
    Path folder;

    private Connection open() throws Exception {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("cache.db"));
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE t(v INTEGER)");
        }
        return connection;
    }

    private static long count(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SELECT count(*) FROM t")) {
            result.next();
            return result.getLong(1);
        }
    }

    @Test
    void aStatementClosedByItsUserIsLentAgainWithoutTheBatchLeftInIt() throws Exception {
        try (Connection connection = open()) {
            StatementCache cache = new StatementCache(connection);
            PreparedStatement first = cache.connection().prepareStatement("INSERT INTO t(v) VALUES (?)");
            first.setInt(1, 1);
            first.addBatch();
            first.close();

            PreparedStatement again = cache.connection().prepareStatement("INSERT INTO t(v) VALUES (?)");
            again.setInt(1, 2);
            again.addBatch();
            again.executeBatch();

            assertThat(again).isSameAs(first);
            assertThat(again.isClosed()).isFalse();
            assertThat(count(connection)).isEqualTo(1);
        }
    }

    @Test
    void beyondTheStatementsItKeepsTheLeastRecentlyUsedIsFinalisedAndPreparedAnewWhenAskedFor() throws Exception {
        try (Connection connection = open()) {
            StatementCache cache = new StatementCache(connection);
            PreparedStatement oldest = cache.connection().prepareStatement("SELECT 0");
            for (int i = 1; i <= StatementCache.KEPT; i++) {
                cache.connection().prepareStatement("SELECT " + i).close();
            }

            PreparedStatement again = cache.connection().prepareStatement("SELECT 0");

            assertThat(oldest.isClosed()).isTrue();
            assertThat(again).isNotSameAs(oldest);
            try (ResultSet result = again.executeQuery()) {
                assertThat(result.next()).isTrue();
                assertThat(result.getInt(1)).isZero();
            }
        }
    }
}
