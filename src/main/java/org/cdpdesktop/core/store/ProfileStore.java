package org.cdpdesktop.core.store;

import org.cdpdesktop.core.profile.Profile;
import com.j256.ormlite.dao.Dao;
import com.j256.ormlite.dao.DaoManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.db.StoreException;

/** Single-profile reads and writes. Bulk paths (import, export, paging) use their own batched SQL. */
public final class ProfileStore {

    private final Database database;
    private final Dao<Profile, Long> profiles;

    public ProfileStore(Database database) {
        this.database = database;
        try {
            this.profiles = DaoManager.createDao(database.connectionSource(), Profile.class);
        } catch (SQLException e) {
            throw new StoreException("Cannot prepare the profile table: " + e.getMessage(), e);
        }
    }

    public long count() {
        return database.read(connection -> {
            try (var statement = connection.createStatement();
                 var result = statement.executeQuery("SELECT count(*) FROM profile")) {
                result.next();
                return result.getLong(1);
            }
        });
    }

    public Optional<Profile> findById(long id) {
        return query(() -> profiles.queryForId(id));
    }

    public Optional<Profile> findByExternalId(String externalId) {
        return query(() -> profiles.queryBuilder().where().eq("external_id", externalId).queryForFirst());
    }

    public Optional<Profile> findByEmail(String email) {
        return query(() -> profiles.queryBuilder().where().eq("email", email.toLowerCase(Locale.ROOT)).queryForFirst());
    }

    /** Inserts a new profile or updates an existing one, stamping its timestamps. */
    public Profile save(Profile profile) {
        String now = Instant.now().toString();
        if (profile.getCreatedAt() == null) {
            profile.setCreatedAt(now);
        }
        profile.setUpdatedAt(now);
        return database.write(connection -> {
            if (profile.getId() == null) {
                profiles.create(profile);
            } else {
                profiles.update(profile);
            }
            return profile;
        });
    }

    public boolean delete(long id) {
        return database.write(connection -> profiles.deleteById(id) == 1);
    }

    private Optional<Profile> query(OrmQuery query) {
        try {
            return Optional.ofNullable(query.run());
        } catch (SQLException e) {
            throw new StoreException("Database error: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface OrmQuery {
        Profile run() throws SQLException;
    }
}
