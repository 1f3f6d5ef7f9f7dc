package org.cdpdesktop.core.db;

import com.j256.ormlite.db.DatabaseType;
import com.j256.ormlite.jdbc.JdbcDatabaseConnection;
import com.j256.ormlite.jdbc.db.SqliteDatabaseType;
import com.j256.ormlite.support.ConnectionSource;
import com.j256.ormlite.support.DatabaseConnection;
import java.sql.Connection;

/**
 * Lets ORMLite DAOs share the {@link Database}'s connections: reads borrow a pooled reader, writes take the
 * writer lock for as long as ORMLite holds the connection. A thread that already holds the writer (inside
 * {@link Database#write}) reads through it too, so it sees its own uncommitted changes.
 */
final class StoreConnectionSource implements ConnectionSource {

    private static final DatabaseType SQLITE = new SqliteDatabaseType();

    private final Database database;

    StoreConnectionSource(Database database) {
        this.database = database;
    }

    @Override
    public DatabaseConnection getReadOnlyConnection(String tableName) {
        if (database.writeLock().isHeldByCurrentThread()) {
            return getReadWriteConnection(tableName);
        }
        return new ReaderConnection(database.borrowReader());
    }

    @Override
    public DatabaseConnection getReadWriteConnection(String tableName) {
        database.writeLock().lock();
        return new JdbcDatabaseConnection(database.writer());
    }

    @Override
    public void releaseConnection(DatabaseConnection connection) {
        if (connection instanceof ReaderConnection reader) {
            database.returnReader(reader.getUnderlyingConnection());
        } else {
            database.writeLock().unlock();
        }
    }

    @Override
    public boolean saveSpecialConnection(DatabaseConnection connection) {
        return false;
    }

    @Override
    public void clearSpecialConnection(DatabaseConnection connection) {
        // Transactions go through Database.write, never through ORMLite's special connections.
    }

    @Override
    public DatabaseConnection getSpecialConnection(String tableName) {
        return null;
    }

    @Override
    public void closeQuietly() {
        // The Database owns and closes the connections.
    }

    @Override
    public void close() {
        // The Database owns and closes the connections.
    }

    @Override
    public DatabaseType getDatabaseType() {
        return SQLITE;
    }

    @Override
    public boolean isOpen(String tableName) {
        return true;
    }

    @Override
    public boolean isSingleConnection(String tableName) {
        return false;
    }

    private static final class ReaderConnection extends JdbcDatabaseConnection {
        ReaderConnection(Connection connection) {
            super(connection);
        }
    }
}
