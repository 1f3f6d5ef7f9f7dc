package org.cdpdesktop.core.stream;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.cdpdesktop.core.db.Database;

/** The dead-letter table: messages parked with their topic, partition, offset, payload (size-capped) and reason. */
public final class DeadLetterStore {

    /** Enough to see what went wrong; the full message stays in the topic at its offset. */
    public static final int MAX_PAYLOAD_CHARS = 16 * 1024;

    /** A message to park: its coordinates, bytes and the reason. */
    public record Parked(String topic, int partition, long offset, long timestamp, byte[] value, String reason) { }

    private final Database database;

    public DeadLetterStore(Database database) {
        this.database = database;
    }

    /** Parks messages in one transaction; a message parked before (a replay) is replaced, not repeated. */
    public void park(List<Parked> messages) {
        if (messages.isEmpty()) {
            return;
        }
        database.write(connection -> {
            insert(connection, messages);
            return null;
        });
    }

    private static void insert(Connection connection, List<Parked> messages) throws SQLException {
        String now = Instant.now().toString();
        try (PreparedStatement insert = connection.prepareStatement("INSERT OR REPLACE INTO dead_letter(topic, partition, \"offset\","
                + " message_time, payload, payload_size, truncated, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Parked message : messages) {
                byte[] value = message.value() == null ? new byte[0] : message.value();
                String text = new String(value, StandardCharsets.UTF_8);
                boolean truncated = text.length() > MAX_PAYLOAD_CHARS;
                insert.setString(1, message.topic());
                insert.setInt(2, message.partition());
                insert.setLong(3, message.offset());
                insert.setString(4, message.timestamp() >= 0 ? Instant.ofEpochMilli(message.timestamp()).toString() : null);
                insert.setString(5, truncated ? text.substring(0, MAX_PAYLOAD_CHARS) : text);
                insert.setInt(6, value.length);
                insert.setInt(7, truncated ? 1 : 0);
                insert.setString(8, message.reason());
                insert.setString(9, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public long count() {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM dead_letter");
                 ResultSet result = query.executeQuery()) {
                return result.next() ? result.getLong(1) : 0L;
            }
        });
    }

    /** The newest dead letters first, at most {@code limit}. */
    public List<DeadLetter> newest(int limit) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT id, topic, partition, \"offset\", message_time, payload,"
                    + " payload_size, truncated, reason, created_at FROM dead_letter ORDER BY id DESC LIMIT ?")) {
                query.setInt(1, limit);
                return rows(query);
            }
        });
    }

    public Optional<DeadLetter> get(long id) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT id, topic, partition, \"offset\", message_time, payload,"
                    + " payload_size, truncated, reason, created_at FROM dead_letter WHERE id = ?")) {
                query.setLong(1, id);
                return rows(query).stream().findFirst();
            }
        });
    }

    private static List<DeadLetter> rows(PreparedStatement query) throws SQLException {
        List<DeadLetter> letters = new ArrayList<>();
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                letters.add(new DeadLetter(result.getLong(1), result.getString(2), result.getInt(3), result.getLong(4), result.getString(5),
                        result.getString(6), result.getInt(7), result.getInt(8) != 0, result.getString(9), result.getString(10)));
            }
        }
        return letters;
    }

    /** Deletes the given dead letters; answers how many there were. */
    public int delete(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return database.write(connection -> {
            int deleted = 0;
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM dead_letter WHERE id = ?")) {
                for (long id : ids) {
                    delete.setLong(1, id);
                    deleted += delete.executeUpdate();
                }
            }
            return deleted;
        });
    }

    /** Gives a retried dead letter the reason it failed for this time. */
    void updateReason(long id, String reason) {
        database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE dead_letter SET reason = ?, created_at = ? WHERE id = ?")) {
                update.setString(1, reason);
                update.setString(2, Instant.now().toString());
                update.setLong(3, id);
                return update.executeUpdate();
            }
        });
    }
}
