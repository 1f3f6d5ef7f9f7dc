package org.cdpdesktop.core.segment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.query.FieldKind;
import org.cdpdesktop.core.query.Group;
import org.cdpdesktop.core.query.Leaf;
import org.cdpdesktop.core.query.Not;
import org.cdpdesktop.core.query.RuleSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The segment table: reading saved segments, checking names, and refusing changes that would break another's rule. */
final class SegmentTable {

    static final String SEGMENT_COLUMNS = "id, name, rule, description, builtin, created_at, updated_at";
    private static final Logger LOG = LoggerFactory.getLogger(SegmentTable.class);

    private SegmentTable() {
    }

    static void refuseIfReferenced(Connection connection, Segment segment, String action) throws SQLException {
        for (Segment other : listSegments(connection)) {
            if (other.id() != segment.id() && references(parseOrNull(other), segment.name())) {
                throw new IllegalArgumentException("Segment \"" + segment.name() + "\" cannot be " + action
                        + " because the rule of \"" + other.name() + "\" refers to it");
            }
        }
    }

    static Condition parseOrNull(Segment segment) {
        try {
            return segment.rule();
        } catch (RuleSyntaxException e) {
            LOG.warn("Segment {} has an unreadable rule: {}", segment.name(), e.getMessage());
            return null;
        }
    }

    static boolean references(Condition condition, String name) {
        if (condition instanceof Group group) {
            return group.children().stream().anyMatch(child -> references(child, name));
        }
        if (condition instanceof Not not) {
            return references(not.child(), name);
        }
        return condition instanceof Leaf leaf && leaf.field().kind() == FieldKind.SEGMENT
                && leaf.values().stream().anyMatch(value -> value.equalsIgnoreCase(name));
    }

    static String checkName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("A segment needs a name");
        }
        if (clean.length() > SegmentService.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("A segment name can have at most " + SegmentService.MAX_NAME_LENGTH + " characters");
        }
        return clean;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static List<Segment> listSegments(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + SEGMENT_COLUMNS + " FROM segment ORDER BY name COLLATE NOCASE")) {
            List<Segment> segments = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    segments.add(segment(rows));
                }
            }
            return segments;
        }
    }

    static Optional<Segment> findByName(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + SEGMENT_COLUMNS + " FROM segment WHERE name = ? COLLATE NOCASE")) {
            statement.setString(1, name.strip());
            return first(statement);
        }
    }

    static Segment findById(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + SEGMENT_COLUMNS + " FROM segment WHERE id = ?")) {
            statement.setLong(1, id);
            return first(statement).orElseThrow(() -> new IllegalArgumentException("No segment with id " + id));
        }
    }

    static Optional<Segment> first(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(segment(rows)) : Optional.empty();
        }
    }

    static Segment segment(ResultSet row) throws SQLException {
        return new Segment(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getInt(5) == 1,
                row.getString(6), row.getString(7));
    }
}
