package org.cdpdesktop.core.store;

import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileMapping;
import com.j256.ormlite.dao.Dao;
import com.j256.ormlite.dao.DaoManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.db.StoreException;

/** Single-profile reads (through {@link ProfileMapping}, with cohorts) and writes (ORMLite). Bulk paths batch their own SQL. */
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
        return find("p.id = ?", id);
    }

    public Optional<Profile> findByExternalId(String externalId) {
        return find("p.external_id = ?", externalId);
    }

    public Optional<Profile> findByEmail(String email) {
        return find("p.email = ?", email.toLowerCase(Locale.ROOT));
    }

    private Optional<Profile> find(String condition, Object key) {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + ProfileMapping.COLUMNS + " FROM profile p WHERE " + condition)) {
                statement.setObject(1, key);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(ProfileMapping.read(row)) : Optional.empty();
                }
            }
        });
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
            // No import batch records this change; segment snapshots that follow imports find it here.
            try (PreparedStatement edited = connection.prepareStatement("INSERT INTO profile_edit(profile_id, after_batch)"
                    + " VALUES (?, (SELECT coalesce(max(id), 0) FROM import_batch))"
                    + " ON CONFLICT(profile_id) DO UPDATE SET after_batch = excluded.after_batch")) {
                edited.setLong(1, profile.getId());
                edited.executeUpdate();
            }
            return profile;
        });
    }

    public boolean delete(long id) {
        return database.write(connection -> profiles.deleteById(id) == 1);
    }
}
