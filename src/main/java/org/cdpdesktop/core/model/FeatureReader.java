package org.cdpdesktop.core.model;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.cdpdesktop.core.profile.JsonColumns;
import org.cdpdesktop.core.query.SqlFragment;

/**
 * Reads profiles as {@link FeatureRow}s. Labels come from imported cohorts only ({@code source = 'import'}), so a
 * model never learns from its own or another model's predictions.
 */
final class FeatureReader {

    /** Separates a profile's several imported cohorts in one column and in a multi-label row's label. */
    static final String SEPARATOR = "\u001f";
    private static final String COLUMNS = "p.id, p.interests, p.bio, p.attributes, p.age, p.income, p.gender, p.country, p.state, p.city, p.education";

    private final List<String> textFields;
    private final boolean needsAttributes;

    FeatureReader(List<String> textFields) {
        this.textFields = textFields;
        this.needsAttributes = textFields.stream().anyMatch(f -> f.startsWith(TrainingSpec.ATTRIBUTE_PREFIX));
    }

    /**
     * What a training read found: the rows with one label, those with several (labels joined by {@link #SEPARATOR}),
     * and the profiles without a label.
     */
    record Labelled(List<FeatureRow> rows, long withoutLabel, long withSeveralLabels, List<FeatureRow> several) {

        Labelled(List<FeatureRow> rows, long withoutLabel, long withSeveralLabels) {
            this(rows, withoutLabel, withSeveralLabels, List.of());
        }

        /** Every labelled row, with one label or several, in id order. */
        List<FeatureRow> all() {
            List<FeatureRow> all = new ArrayList<>(rows.size() + several.size());
            all.addAll(rows);
            all.addAll(several);
            all.sort(Comparator.comparingLong(FeatureRow::profileId));
            return all;
        }
    }

    /** The labels of a row: one, or several joined by {@link #SEPARATOR}. */
    static List<String> labels(FeatureRow row) {
        return row.label() == null ? List.of() : List.of(row.label().split(SEPARATOR));
    }

    Labelled labelled(Connection connection, TrainingSpec spec) throws SQLException {
        String label;
        List<Object> parameters = new ArrayList<>();
        switch (spec.labelKind()) {
            case COHORT -> label = "(SELECT group_concat(pc.cohort, '" + SEPARATOR + "') FROM profile_cohort pc"
                    + " WHERE pc.profile_id = p.id AND pc.source = 'import')";
            case FIELD -> label = "p." + spec.label().toLowerCase(Locale.ROOT);
            default -> {
                label = "json_extract(p.attributes, ?)";
                parameters.add("$.\"" + spec.label().replace("\"", "") + "\"");
            }
        }
        List<FeatureRow> rows = new ArrayList<>();
        List<FeatureRow> several = new ArrayList<>();
        long withoutLabel = 0;
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + ", " + label + " FROM profile p ORDER BY p.id")) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    String value = result.getString(12);
                    if (value == null || value.isBlank()) {
                        withoutLabel++;
                    } else if (value.contains(SEPARATOR)) {
                        several.add(row(result, String.join(SEPARATOR, new TreeSet<>(
                                Arrays.stream(value.split(SEPARATOR)).map(String::trim).filter(l -> !l.isEmpty()).toList()))));
                    } else {
                        rows.add(row(result, value.trim()));
                    }
                }
            }
        }
        return new Labelled(rows, withoutLabel, several.size(), several);
    }

    /** Streams every profile {@code where} selects (all when null), in id order, without labels. */
    long each(Connection connection, SqlFragment where, Consumer<FeatureRow> consumer) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM profile p" + (where == null ? "" : " WHERE " + where.sql()) + " ORDER BY p.id";
        long count = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (where != null) {
                for (int i = 0; i < where.parameters().size(); i++) {
                    statement.setObject(i + 1, where.parameters().get(i));
                }
            }
            statement.setFetchSize(1000);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    consumer.accept(row(result, null));
                    count++;
                }
            }
        }
        return count;
    }

    /** One profile by id, when it exists. */
    FeatureRow one(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM profile p WHERE p.id = ?")) {
            statement.setLong(1, id);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? row(result, null) : null;
            }
        }
    }

    private FeatureRow row(ResultSet result, String label) throws SQLException {
        Map<String, String> attributes = needsAttributes ? JsonColumns.jsonToMap(result.getString(4)) : Map.of();
        List<String> interests = textFields.contains("interests") ? JsonColumns.jsonToList(result.getString(2)) : List.of();
        String text = text(textFields, interests, result.getString(3), attributes);
        Map<String, Double> numbers = new HashMap<>(4);
        double age = result.getDouble(5);
        if (!result.wasNull()) {
            numbers.put("age", age);
        }
        double income = result.getDouble(6);
        if (!result.wasNull()) {
            numbers.put("income", income);
        }
        Map<String, String> nominals = new HashMap<>(8);
        String[] names = {"gender", "country", "state", "city", "education"};
        for (int i = 0; i < names.length; i++) {
            String value = result.getString(7 + i);
            if (value != null && !value.isBlank()) {
                nominals.put(names[i], value.trim());
            }
        }
        return new FeatureRow(result.getLong(1), text, numbers, nominals, label);
    }

    /**
     * The words a model reads from {@code textFields}, in their order: interests as single words, the bio as it is,
     * an {@code attr:NAME} field's value. Stored and sent profiles both come through here, so they read alike.
     */
    static String text(List<String> textFields, List<String> interests, String bio, Map<String, String> attributes) {
        StringBuilder text = new StringBuilder();
        for (String field : textFields) {
            if (field.equals("interests")) {
                text.append(FeatureSchema.listWords(interests));
            } else if (field.equals("bio")) {
                if (bio != null) {
                    text.append(bio).append(' ');
                }
            } else {
                String value = attributes.get(field.substring(TrainingSpec.ATTRIBUTE_PREFIX.length()));
                if (value != null) {
                    text.append(value).append(' ');
                }
            }
        }
        return text.toString();
    }
}
