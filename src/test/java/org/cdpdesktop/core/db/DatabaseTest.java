package org.cdpdesktop.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path temp;
    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(temp.resolve("cdp.db"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void connectionsUseWalWithForeignKeysAndABusyTimeout() {
        assertThat(pragma("journal_mode")).isEqualTo("wal");
        assertThat(pragma("foreign_keys")).isEqualTo("1");
        assertThat(Integer.parseInt(pragma("busy_timeout"))).isGreaterThanOrEqualTo(5000);
    }

    @Test
    void failedWriteRollsBackEverythingItDid() {
        assertThatThrownBy(() -> database.write(connection -> {
            insertBatch(connection, "first.csv");
            insertBatch(connection, null);  // violates NOT NULL
            return null;
        })).isInstanceOf(StoreException.class).hasMessage("Every import batch needs a file name");

        assertThat(batchCount()).isZero();
    }

    @Test
    void readersSeeOnlyCommittedDataWhileTheWriterWorks() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> write = writer.submit(() -> database.write(connection -> {
                insertBatch(connection, "pending.csv");
                written.countDown();
                await(checked);
                return null;
            }));
            await(written);
            assertThat(batchCount()).isZero();
            checked.countDown();
            write.get(10, TimeUnit.SECONDS);
        } finally {
            writer.shutdownNow();
        }
        assertThat(batchCount()).isEqualTo(1);
    }

    @Test
    void changeListenersHearCommittedWritesOnly() {
        AtomicInteger changes = new AtomicInteger();
        database.onChange(changes::incrementAndGet);

        database.write(connection -> insertBatch(connection, "a.csv"));
        assertThatThrownBy(() -> database.write(connection -> insertBatch(connection, null)));

        assertThat(changes).hasValue(1);
    }

    @Test
    void readerConnectionsRefuseWrites() {
        assertThatThrownBy(() -> database.read(connection -> insertBatch(connection, "sneaky.csv")))
                .isInstanceOf(StoreException.class);
        assertThat(batchCount()).isZero();
    }

    private String pragma(String name) {
        return database.read(connection -> {
            try (var statement = connection.createStatement(); var result = statement.executeQuery("PRAGMA " + name)) {
                result.next();
                return result.getString(1);
            }
        });
    }

    private long batchCount() {
        return database.read(connection -> {
            try (var statement = connection.createStatement();
                 var result = statement.executeQuery("SELECT count(*) FROM import_batch")) {
                result.next();
                return result.getLong(1);
            }
        });
    }

    private static int insertBatch(Connection connection, String fileName) throws SQLException {
        try (var insert = connection.prepareStatement(
                "INSERT INTO import_batch(file_name, started_at, status) VALUES (?, '2026-01-01T00:00:00Z', 'done')")) {
            insert.setString(1, fileName);
            return insert.executeUpdate();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
