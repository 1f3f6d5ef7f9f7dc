package org.cdpdesktop.core.ingest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.cdpdesktop.core.profile.ProfileField;

/** Cleaned rows and a running batch, for testing the import's parts after cleaning. */
final class CleanRows {

    static final String BATCH_STARTED = "2026-11-30T10:00:00Z";

    private CleanRows() {
    }

    static CleanRow row(long line, String externalId, String email, String city) {
        return row(line, externalId, email, city, List.of(), List.of());
    }

    static CleanRow row(long line, String externalId, String email, String city, List<String> interests, List<String> cohorts) {
        Object[] values = new Object[Draft.FIELD_COUNT];
        values[ProfileField.EXTERNAL_ID.ordinal()] = externalId;
        values[ProfileField.EMAIL.ordinal()] = email;
        values[ProfileField.CITY.ordinal()] = city;
        return new CleanRow(line, values, interests, Map.of(), cohorts, null, null);
    }

    /** An {@code import_batch} row in the running state, as an import starts with. */
    static long runningBatch(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO import_batch(file_name, started_at, status) VALUES ('test', '" + BATCH_STARTED
                    + "', 'running')");
            try (ResultSet result = statement.executeQuery("SELECT last_insert_rowid()")) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
