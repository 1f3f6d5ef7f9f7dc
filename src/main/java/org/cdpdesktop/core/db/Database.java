package org.cdpdesktop.core.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.j256.ormlite.support.ConnectionSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite store: one writer connection behind a lock (SQLite allows one writer at a time anyway)
 * and a small pool of reader connections that, thanks to WAL, read while the writer writes.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int READERS = 4;
    private static final int BUSY_TIMEOUT_MS = 10_000;
    /**
     * Full scans (contains-search, unindexed sorts, index builds after a bulk import) read the file through a memory
     * map instead of copying every page into the page cache: about a quarter faster on a million profiles. Address
     * space only; the OS pages the file in as it is read.
     */
    private static final long MMAP_BYTES = 4L << 30;
    private static final Pattern UNIQUE_VIOLATION = Pattern.compile("UNIQUE constraint failed: (\\w+)\\.(\\w+)");
    private static final Pattern NOT_NULL_VIOLATION = Pattern.compile("NOT NULL constraint failed: (\\w+)\\.(\\w+)");

    private final Path file;
    private final String url;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final ConnectionSource connectionSource = new StoreConnectionSource(this);
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

    private Database(Path file, Connection writer) {
        this.file = file;
        this.url = "jdbc:sqlite:" + file;
        this.writer = writer;
    }

    /** Opens (creating if needed) the database file and upgrades its schema to the latest version. */
    public static Database open(Path file) {
        return open(file, Migrations.latestVersion());
    }

    /** Opens the database at a given schema version; tests use it to build every earlier version. */
    public static Database open(Path file, int schemaVersion) {
        try {
            Connection writer = connect(file, false);
            Migrations.migrate(writer, schemaVersion);
            Database database = new Database(file, writer);
            for (int i = 0; i < READERS; i++) {
                database.readers.add(connect(file, true));
            }
            LOG.info("Opened {} at schema version {}", file, Migrations.currentVersion(writer));
            return database;
        } catch (SQLException e) {
            throw new StoreException("Cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        // Readers sort in memory: a deep LIMIT/OFFSET page sorts less than half as fast through temporary files. The
        // writer's big sorts are index builds after a bulk import, which run twice as fast through temporary files.
        config.setTempStore(readOnly ? SQLiteConfig.TempStore.MEMORY : SQLiteConfig.TempStore.FILE);
        config.setCacheSize(-64_000);
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(MMAP_BYTES));
        config.setReadOnly(readOnly);
        Connection connection = config.createConnection("jdbc:sqlite:" + file);
        RegexpFunction.register(connection);
        return connection;
    }

    public Path file() {
        return file;
    }

    public String url() {
        return url;
    }

    /** Runs {@code work} in one write transaction: all of it is committed, or none of it. */
    public <T> T write(SqlWork<T> work) {
        writeLock.lock();
        try {
            writer.setAutoCommit(false);
            try {
                T result = work.run(writer);
                writer.commit();
                fireChange();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(describe(e), e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Lends the writer connection for work that manages its own transactions, such as an import
     * that commits chunk by chunk. The connection is in auto-commit mode when lent and when returned.
     */
    public <T> T withWriter(SqlWork<T> work) {
        writeLock.lock();
        try {
            try {
                T result = work.run(writer);
                fireChange();
                return result;
            } finally {
                if (!writer.getAutoCommit()) {
                    writer.rollback();
                    writer.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new StoreException(describe(e), e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Called after every write through this database (import, edit, delete...), on the writer's thread,
     * so that views showing counts or pages know to refresh.
     */
    public Subscription onChange(Runnable listener) {
        changeListeners.add(listener);
        return () -> changeListeners.remove(listener);
    }

    /** Ends a listener's interest in store changes; closing it twice does nothing. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private void fireChange() {
        for (Runnable listener : changeListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("A database change listener failed", e);
            }
        }
    }

    /** Runs read-only {@code work} on a pooled reader connection. */
    public <T> T read(SqlWork<T> work) {
        Connection connection = borrowReader();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException(describe(e), e);
        } finally {
            returnReader(connection);
        }
    }

    /** ORMLite's view of this database: reads on the reader pool, writes on the one writer. */
    public ConnectionSource connectionSource() {
        return connectionSource;
    }

    Connection borrowReader() {
        Connection connection;
        try {
            connection = readers.poll(BUSY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for the database", e);
        }
        if (connection == null) {
            throw new StoreException("The database is busy; try again in a moment");
        }
        return connection;
    }

    void returnReader(Connection connection) {
        readers.add(connection);
    }

    Connection writer() {
        return writer;
    }

    ReentrantLock writeLock() {
        return writeLock;
    }

    public int schemaVersion() {
        return read(Migrations::currentVersion);
    }

    /**
     * The innermost SQLite message, worded for a person: ORMLite wraps it in a message that quotes the whole
     * statement, and a constraint name like {@code profile.email} means little to a user.
     */
    static String describe(SQLException failure) {
        Throwable innermost = failure;
        while (innermost.getCause() instanceof SQLException deeper) {
            innermost = deeper;
        }
        String message = innermost.getMessage() == null ? "" : innermost.getMessage();
        Matcher unique = UNIQUE_VIOLATION.matcher(message);
        if (unique.find()) {
            return "Another " + words(unique.group(1)) + " already has this " + words(unique.group(2));
        }
        Matcher notNull = NOT_NULL_VIOLATION.matcher(message);
        if (notNull.find()) {
            return "Every " + words(notNull.group(1)) + " needs a " + words(notNull.group(2));
        }
        return message.isEmpty() ? "Database error" : "Database error: " + message;
    }

    private static String words(String identifier) {
        return identifier.replace('_', ' ');
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            for (Connection reader : readers) {
                closeQuietly(reader);
            }
            readers.clear();
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing a database connection failed", e);
        }
    }
}
