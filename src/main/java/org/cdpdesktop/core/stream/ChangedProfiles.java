package org.cdpdesktop.core.stream;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.cdpdesktop.core.db.Database;

/** The profiles one import batch inserted or updated, e.g. for the cohort model to predict them. */
public final class ChangedProfiles {

    private final Database database;

    public ChangedProfiles(Database database) {
        this.database = database;
    }

    public List<Long> of(long batchId) {
        return database.read(connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT id FROM profile WHERE import_batch_id = ?"
                    + " UNION SELECT profile_id FROM profile_import WHERE batch_id = ? ORDER BY 1")) {
                query.setLong(1, batchId);
                query.setLong(2, batchId);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        ids.add(result.getLong(1));
                    }
                }
            }
            return ids;
        });
    }
}
