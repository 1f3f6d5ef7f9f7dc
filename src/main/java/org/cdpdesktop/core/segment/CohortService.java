package org.cdpdesktop.core.segment;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileMapping;

/** Cohorts profiles carry (imported today, predicted later): sizes and members, like the old {@code /api/cohort/users}. */
public final class CohortService {

    private final Database database;

    public CohortService(Database database) {
        this.database = database;
    }

    /** Every cohort with its size, largest first. */
    public List<CohortSize> cohorts() {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT cohort, count(*) FROM profile_cohort GROUP BY cohort ORDER BY count(*) DESC, cohort")) {
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
                    + " WHERE pc.cohort = ? COLLATE NOCASE) ORDER BY p.id LIMIT ? OFFSET ?")) {
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

    /** How many cohort assignments a model made (the rest were imported as given). */
    public long predictedCount() {
        return database.read(connection -> {
            try (var statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM profile_cohort WHERE model_version IS NOT NULL")) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        });
    }
}
