package org.cdpdesktop.core.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.jobs.JobContext;

/**
 * Undoes a completed import: removes every profile it created (their cohorts, interests and segment memberships go
 * with them) and marks the batch {@code undone}, in one transaction. Profiles it only updated are kept as they are,
 * since the values they had before are not kept; they are listed instead. Profiles the import merged into another
 * one were deleted by it and are not brought back.
 */
final class ImportUndo {

    static final int LISTED = 1_000;
    static final String UNDONE = "undone";
    private static final int CHUNK = 2_000;

    private final Database database;

    ImportUndo(Database database) {
        this.database = database;
    }

    UndoPreview preview(long batchId) {
        return database.read(connection -> preview(connection, batchId));
    }

    UndoSummary undo(long batchId, JobContext context) {
        long started = System.nanoTime();
        return database.write(connection -> {
            UndoPreview preview = preview(connection, batchId);
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM profile WHERE import_batch_id = ? ORDER BY id")) {
                select.setLong(1, batchId);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        ids.add(result.getLong(1));
                    }
                }
            }
            context.progress(0, ids.size(), "Removing the profiles " + preview.fileName() + " created");
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM profile WHERE id = ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    delete.setLong(1, ids.get(i));
                    delete.addBatch();
                    if ((i + 1) % CHUNK == 0 || i + 1 == ids.size()) {
                        delete.executeBatch();
                        context.throwIfCancelled();
                        context.progress(i + 1, ids.size(), "Removing the profiles " + preview.fileName() + " created");
                    }
                }
            }
            try (PreparedStatement mark = connection.prepareStatement("UPDATE import_batch SET status = '" + UNDONE + "' WHERE id = ?")) {
                mark.setLong(1, batchId);
                mark.executeUpdate();
            }
            return new UndoSummary(batchId, preview.fileName(), ids.size(), preview.createdLaterUpdated(), preview.updated(),
                    preview.updatedExternalIds(), (System.nanoTime() - started) / 1e9, null);
        });
    }

    private static UndoPreview preview(Connection connection, long batchId) throws SQLException {
        String fileName;
        String startedAt;
        try (PreparedStatement batch = connection.prepareStatement("SELECT file_name, started_at, status FROM import_batch WHERE id = ?")) {
            batch.setLong(1, batchId);
            try (ResultSet result = batch.executeQuery()) {
                if (!result.next()) {
                    throw new ImportException("There is no import " + batchId + " in the history");
                }
                fileName = result.getString(1);
                startedAt = result.getString(2);
                String status = result.getString(3);
                if (UNDONE.equals(status)) {
                    throw new ImportException("The import of " + fileName + " (" + batchId + ") was already undone");
                }
                if (!"completed".equals(status)) {
                    throw new ImportException("The import of " + fileName + " (" + batchId + ") is " + status
                            + " and changed nothing, so there is nothing to undo");
                }
            }
        }
        long created = count(connection, "SELECT count(*) FROM profile WHERE import_batch_id = ?", batchId);
        long laterUpdated = count(connection, "SELECT count(*) FROM profile p WHERE p.import_batch_id = ?1 AND EXISTS"
                + " (SELECT 1 FROM profile_import i WHERE i.profile_id = p.id AND i.batch_id > ?1)", batchId);
        long updated = count(connection, "SELECT count(*) FROM profile_import WHERE batch_id = ? AND action = 'updated'", batchId);
        List<String> updatedIds = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT p.external_id FROM profile_import i JOIN profile p"
                + " ON p.id = i.profile_id WHERE i.batch_id = ? AND i.action = 'updated' ORDER BY p.id LIMIT " + LISTED)) {
            select.setLong(1, batchId);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    updatedIds.add(result.getString(1));
                }
            }
        }
        return new UndoPreview(batchId, fileName, startedAt, created, laterUpdated, updated, updatedIds);
    }

    private static long count(Connection connection, String sql, long batchId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, batchId);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
