package org.cdpdesktop.core.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.cdpdesktop.core.db.Database;

/**
 * Keys for the local REST API, stored as a salted SHA-256 of the key. A key carries 256 random bits, so a fast hash
 * is enough (no password stretching needed); the salt keeps two stores from sharing hashes. Keys that verified once
 * are remembered in memory, so a busy client costs no database read per request; revoking forgets them.
 */
public final class ApiKeys {

    public static final int MAX_NAME_LENGTH = 100;
    private static final String KEY_START = "cdp_";
    private static final int PREFIX_LENGTH = KEY_START.length() + 8;
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._@-]{1," + MAX_NAME_LENGTH + "}");

    private final Database database;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(String name, ApiRole role) { }

    public ApiKeys(Database database) {
        this.database = database;
    }

    /** Creates a key under a new name; the returned secret is never stored. */
    public CreatedApiKey create(String name, ApiRole role) {
        String trimmed = name == null ? "" : name.trim();
        if (!NAME.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("A key name is 1 to " + MAX_NAME_LENGTH
                    + " letters, digits, spaces or . _ @ -, not '" + name + "'");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = KEY_START + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String createdAt = Instant.now().toString();
        String prefix = key.substring(0, PREFIX_LENGTH);
        database.write(connection -> {
            if (exists(connection, trimmed)) {
                throw new IllegalArgumentException("A key named '" + trimmed + "' already exists");
            }
            try (var insert = connection.prepareStatement(
                    "INSERT INTO api_key(name, role, prefix, salt, hash, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, trimmed);
                insert.setString(2, role.key());
                insert.setString(3, prefix);
                insert.setBytes(4, salt);
                insert.setBytes(5, hash(salt, key));
                insert.setString(6, createdAt);
                insert.executeUpdate();
            }
            return null;
        });
        return new CreatedApiKey(new ApiKey(trimmed, role, prefix, createdAt, null), key);
    }

    public List<ApiKey> list() {
        return database.read(connection -> {
            List<ApiKey> keys = new ArrayList<>();
            try (var statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT name, role, prefix, created_at, last_used_at FROM api_key ORDER BY name")) {
                while (rows.next()) {
                    keys.add(new ApiKey(rows.getString(1), ApiRole.parse(rows.getString(2)), rows.getString(3), rows.getString(4),
                            rows.getString(5)));
                }
            }
            return keys;
        });
    }

    /** Revokes the key of that name; answers whether there was one. */
    public boolean revoke(String name) {
        boolean removed = database.write(connection -> {
            try (var delete = connection.prepareStatement("DELETE FROM api_key WHERE name = ?")) {
                delete.setString(1, name == null ? "" : name.trim());
                return delete.executeUpdate() > 0;
            }
        });
        if (removed) {
            verified.clear();
        }
        return removed;
    }

    /** The role of a presented key, or empty when it is not a key of this store. */
    public Optional<ApiRole> verify(String key) {
        if (key == null || key.length() < PREFIX_LENGTH || key.length() > 200 || !key.startsWith(KEY_START)) {
            return Optional.empty();
        }
        Verified known = verified.get(key);
        if (known != null) {
            return Optional.of(known.role());
        }
        Optional<Verified> found = database.read(connection -> {
            try (var select = connection.prepareStatement("SELECT name, role, salt, hash FROM api_key WHERE prefix = ?")) {
                select.setString(1, key.substring(0, PREFIX_LENGTH));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        if (MessageDigest.isEqual(rows.getBytes(4), hash(rows.getBytes(3), key))) {
                            return Optional.of(new Verified(rows.getString(1), ApiRole.parse(rows.getString(2))));
                        }
                    }
                }
            }
            return Optional.<Verified>empty();
        });
        found.ifPresent(match -> {
            verified.put(key, match);
            markUsed(match.name());
        });
        return found.map(Verified::role);
    }

    private void markUsed(String name) {
        database.write(connection -> {
            try (var update = connection.prepareStatement("UPDATE api_key SET last_used_at = ? WHERE name = ?")) {
                update.setString(1, Instant.now().toString());
                update.setString(2, name);
                return update.executeUpdate();
            }
        });
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (var select = connection.prepareStatement("SELECT 1 FROM api_key WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static byte[] hash(byte[] salt, String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest.digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
