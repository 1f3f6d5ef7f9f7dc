package org.cdpdesktop.core.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.cdpdesktop.core.profile.JsonColumns;
import org.cdpdesktop.core.profile.ProfileField;

/**
 * Writes a resolved chunk with batched prepared statements: deletes the profiles merged away (their cohorts move to the
 * survivor), updates the changed stored profiles (and, while a bulk load has the interest triggers away, adds the rows
 * of the interests they gained), inserts the new ones under the import's batch, records which stored profiles the
 * import updated (for undo), and adds the imported cohorts.
 */
final class ProfileWriter {

    private final Connection connection;
    private final long batchId;
    private final String now;
    private final DeferredIndexes indexes;
    private String batchStarted;

    /** {@code batchId} must name an {@code import_batch} row: new profiles take their timestamps from it. */
    ProfileWriter(Connection connection, long batchId, String now) {
        this(connection, batchId, now, new DeferredIndexes(connection, 0));
    }

    /** As above, telling {@code indexes} which stored profiles' interests change while its triggers may be away. */
    ProfileWriter(Connection connection, long batchId, String now, DeferredIndexes indexes) {
        this.connection = connection;
        this.batchId = batchId;
        this.now = now;
        this.indexes = indexes;
    }

    void write(ResolvedChunk chunk) throws SQLException {
        if (!chunk.merged().isEmpty()) {
            try (PreparedStatement moveCohorts = connection.prepareStatement(
                         "UPDATE OR IGNORE profile_cohort SET profile_id = ? WHERE profile_id = ?");
                 PreparedStatement delete = connection.prepareStatement("DELETE FROM profile WHERE id = ?")) {
                for (ResolvedChunk.Merged loser : chunk.merged()) {
                    moveCohorts.setLong(1, loser.into());
                    moveCohorts.setLong(2, loser.stored());
                    moveCohorts.addBatch();
                    delete.setLong(1, loser.stored());
                    delete.addBatch();
                }
                moveCohorts.executeBatch();
                delete.executeBatch();
            }
        }
        List<Draft> changed = new ArrayList<>();
        List<Draft> cohortOwners = new ArrayList<>();
        for (Draft draft : chunk.byId().values()) {
            if (draft.deleted) {
                continue;
            }
            if (draft.inDatabase && draft.dirty) {
                changed.add(draft);
            }
            if (!draft.newCohorts.isEmpty()) {
                cohortOwners.add(draft);
            }
        }
        if (!changed.isEmpty()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE profile SET external_id = ?, email = ?, phone = ?,"
                    + " first_name = ?, last_name = ?, age = ?, gender = ?, city = ?, state = ?, country = ?, postal_code = ?,"
                    + " income = ?, education = ?, bio = ?, signup_date = ?, interests = coalesce(?, '[]'), attributes = coalesce(?, '{}'),"
                + " updated_at = ? WHERE id = ?")) {
                for (Draft draft : changed) {
                    int next = bindValues(update, draft, 1);
                    update.setString(next, now);
                    update.setLong(next + 1, draft.id);
                    update.addBatch();
                    draft.dirty = false;
                }
                update.executeBatch();
            }
            indexes.interestsAdded(changed);
        }
        // Binding a string costs far more than SQLite's work on it, so values the same for every row are not bound:
        // the batch id is this import's own number, and the timestamps are the batch row's, read once and written as
        // literals (quotes doubled) rather than joined in for every row.
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO profile(external_id, email, phone, first_name,"
                + " last_name, age, gender, city, state, country, postal_code, income, education, bio, signup_date, interests,"
                + " attributes, id, import_batch_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
                + " coalesce(?, '[]'), coalesce(?, '{}'), ?, " + batchId + ", '" + batchStarted() + "', '" + batchStarted() + "')")) {
            for (Draft draft : chunk.created()) {
                if (draft.deleted) {
                    continue;
                }
                int next = bindValues(insert, draft, 1);
                insert.setLong(next, draft.id);
                insert.addBatch();
                draft.inDatabase = true;
                draft.dirty = false;
            }
            insert.executeBatch();
        }
        recordUpdatedProfiles(chunk.firstUpdated());
        if (!cohortOwners.isEmpty()) {
            try (PreparedStatement cohort = connection.prepareStatement("INSERT OR IGNORE INTO profile_cohort(profile_id, cohort,"
                    + " source, assigned_at) VALUES (?, ?, 'import', ?)")) {
                for (Draft draft : cohortOwners) {
                    for (String name : draft.newCohorts) {
                        cohort.setLong(1, draft.id);
                        cohort.setString(2, name);
                        cohort.setString(3, now);
                        cohort.addBatch();
                    }
                    draft.newCohorts.clear();
                }
                cohort.executeBatch();
            }
        }
    }

    private String batchStarted() throws SQLException {
        if (batchStarted == null) {
            try (PreparedStatement query = connection.prepareStatement("SELECT started_at FROM import_batch WHERE id = ?")) {
                query.setLong(1, batchId);
                try (ResultSet result = query.executeQuery()) {
                    if (!result.next()) {
                        throw new SQLException("No import batch " + batchId);
                    }
                    batchStarted = result.getString(1).replace("'", "''");
                }
            }
        }
        return batchStarted;
    }

    private static int bindValues(PreparedStatement statement, Draft draft, int first) throws SQLException {
        int index = first;
        for (ProfileField field : Draft.STORED) {
            Object value = draft.values[field.ordinal()];
            if (value == null) {
                statement.setNull(index, field.type() == ProfileField.FieldType.INTEGER ? Types.INTEGER
                        : field.type() == ProfileField.FieldType.DECIMAL ? Types.REAL : Types.VARCHAR);
            } else if (value instanceof Integer number) {
                statement.setInt(index, number);
            } else if (value instanceof Double number) {
                statement.setDouble(index, number);
            } else {
                statement.setString(index, (String) value);
            }
            index++;
        }
        statement.setString(index++, draft.rowInterestsJson != null ? draft.rowInterestsJson
                : draft.interests.isEmpty() ? null : JsonColumns.listToJson(draft.interests));
        statement.setString(index++, draft.rowAttributesJson != null ? draft.rowAttributesJson
                : draft.attributes.isEmpty() ? null : JsonColumns.mapToJson(draft.attributes));
        return index;
    }

    private void recordUpdatedProfiles(List<Draft> firstUpdated) throws SQLException {
        try (PreparedStatement record = connection.prepareStatement(
                "INSERT OR IGNORE INTO profile_import(profile_id, batch_id, action, at) VALUES (?, ?, 'updated', ?)")) {
            boolean any = false;
            for (Draft draft : firstUpdated) {
                if (!draft.deleted) {
                    record.setLong(1, draft.id);
                    record.setLong(2, batchId);
                    record.setString(3, now);
                    record.addBatch();
                    any = true;
                }
            }
            if (any) {
                record.executeBatch();
            }
        }
    }
}
