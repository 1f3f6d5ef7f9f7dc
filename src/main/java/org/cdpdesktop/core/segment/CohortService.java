package org.cdpdesktop.core.segment;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileMapping;

/**
 * Cohorts profiles carry, imported or predicted: sizes and members, like the old {@code /api/cohort/users}. A
 * lookalike's members are stored as a cohort too, but they are its segment's members and listed as such (decision 12),
 * so they are left out here.
 */
public final class CohortService {

    private final Database database;

    public CohortService(Database database) {
        this.database = database;
    }

    /**
     * Every cohort with its size in profiles, largest first. A profile with the same cohort both imported and
     * predicted counts once, and names that differ only in case are one cohort, as {@link #members} finds them.
     */
    public List<CohortSize> cohorts() {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT min(cohort), count(DISTINCT profile_id) AS size"
                    + " FROM profile_cohort WHERE source <> '" + Lookalikes.SOURCE + "' GROUP BY cohort COLLATE NOCASE ORDER BY size DESC, 1")) {
                List<CohortSize> sizes = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        sizes.add(new CohortSize(rows.getString(1), rows.getLong(2)));
                    }
                }
                return sizes;
            }
        });
    }

    /** A page of the profiles in {@code cohort} (case-insensitive), in id order. */
    public List<Profile> members(String cohort, int limit, int offset) {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + ProfileMapping.COLUMNS
                    + " FROM profile p WHERE p.id IN (SELECT pc.profile_id FROM profile_cohort pc"
                    + " WHERE pc.cohort = ? COLLATE NOCASE AND pc.source <> '" + Lookalikes.SOURCE + "') ORDER BY p.id LIMIT ? OFFSET ?")) {
                statement.setString(1, cohort);
                statement.setInt(2, limit);
                statement.setInt(3, offset);
                List<Profile> page = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        page.add(ProfileMapping.read(rows));
                    }
                }
                return page;
            }
        });
    }

    /** How many cohort assignments a cohort model made (the rest were imported as given). */
    public long predictedCount() {
        return database.read(connection -> {
            try (var statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM profile_cohort WHERE model_version IS NOT NULL AND source <> '" + Lookalikes.SOURCE + "'")) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        });
    }
}
