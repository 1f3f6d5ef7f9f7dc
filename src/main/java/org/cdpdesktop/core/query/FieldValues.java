package org.cdpdesktop.core.query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.cdpdesktop.core.db.Database;

/** What the rule builder offers: custom attribute names and the commonest values of a field, read from the data. */
public final class FieldValues {

    /** Attribute names are discovered from this many recent profiles; a full scan of a million JSON objects is too slow to wait for. */
    static final int ATTRIBUTE_SAMPLE = 20_000;

    private final Database database;

    public FieldValues(Database database) {
        this.database = database;
    }

    /** Custom attribute names seen in the most recent profiles, sorted. */
    public List<String> attributeNames() {
        return strings("SELECT DISTINCT a.key FROM (SELECT attributes FROM profile ORDER BY id DESC LIMIT "
                + ATTRIBUTE_SAMPLE + ") p, json_each(p.attributes) a ORDER BY a.key COLLATE NOCASE LIMIT ?", null, 500);
    }

    /** The commonest values of {@code field}, most frequent first, at most {@code limit}. */
    public List<String> suggestions(FieldRef field, int limit) {
        return switch (field.kind()) {
            case PROFILE -> field.valueType() == ValueType.TEXT
                    ? strings("SELECT " + field.profileField().column() + " FROM profile WHERE "
                            + field.profileField().column() + " <> '' GROUP BY 1 ORDER BY count(*) DESC LIMIT ?", null, limit)
                    : List.of();
            case ATTRIBUTE -> strings("SELECT a.value FROM (SELECT attributes FROM profile ORDER BY id DESC LIMIT "
                    + ATTRIBUTE_SAMPLE + ") p, json_each(p.attributes) a WHERE a.key = ? AND a.value <> ''"
                    + " GROUP BY 1 ORDER BY count(*) DESC LIMIT ?", field.name(), limit);
            case INTEREST -> strings("SELECT interest FROM profile_interest GROUP BY 1 ORDER BY count(*) DESC LIMIT ?", null, limit);
            // A lookalike's cohort is offered as its segment (decision 12).
            case COHORT -> strings("SELECT cohort FROM profile_cohort WHERE source <> 'lookalike' GROUP BY 1 ORDER BY count(*) DESC LIMIT ?",
                    null, limit);
            case SEGMENT -> strings("SELECT name FROM segment ORDER BY name COLLATE NOCASE LIMIT ?", null, limit);
        };
    }

    private List<String> strings(String sql, String parameter, int limit) {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int index = 1;
                if (parameter != null) {
                    statement.setString(index++, parameter);
                }
                if (sql.endsWith("?")) {
                    statement.setInt(index, limit);
                }
                List<String> values = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        values.add(rows.getString(1));
                    }
                }
                return values;
            }
        });
    }
}
