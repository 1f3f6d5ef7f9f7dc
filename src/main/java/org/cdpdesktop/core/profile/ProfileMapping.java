package org.cdpdesktop.core.profile;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * THE mapping of a profile, the one every door uses: the GUI's tables and exports, the CLI's {@code profiles},
 * {@code export} and {@code segment members}, and the REST and Kafka paths. It reads a profile row from SQL in one
 * place ({@link #COLUMNS}, {@link #read}) and writes a profile in one JSON shape and one CSV layout.
 *
 * <p>JSON: {@code {"id": 7, "externalId": "...", "email": ..., "age": 30, ..., "interests": ["music"],
 * ..., "createdAt": ..., "updatedAt": ..., "attributes": {"tier": "gold"}, "cohorts": ["VIP"]}} - the store id, every
 * {@link ProfileField} by its {@link ProfileField#key()} in field order ({@code null} when absent; {@code age} a whole
 * number, {@code income} a number, {@code interests} an array), then the custom attributes as an object of strings
 * and the cohort names as an array.
 *
 * <p>CSV: a header of every field key, then one column per custom attribute name (the caller's list, usually every
 * name in the export), then {@code cohorts}; interests and cohorts joined by {@code |}, an empty cell for no value.
 * The store id is left out, so that importing the file gives back every profile as it was: an import reads a column
 * named {@code id} as the external id.
 */
public final class ProfileMapping {

    /** The list separator inside one CSV cell, as imports read it back. */
    public static final String LIST_SEPARATOR = "|";

    /** The columns {@link #read} expects, in order, over the table alias {@code p}; the cohort names come last. */
    public static final String COLUMNS = "p.id, "
            + Arrays.stream(ProfileField.values()).map(field -> "p." + field.column()).collect(Collectors.joining(", "))
            + ", p.attributes, p.import_batch_id,"
            + " (SELECT json_group_array(DISTINCT c.cohort) FROM profile_cohort c WHERE c.profile_id = p.id)";

    private static final ProfileField[] FIELDS = ProfileField.values();

    private ProfileMapping() {
    }

    /** The profile in the current row of a query that selected {@link #COLUMNS} first. */
    public static Profile read(ResultSet row) throws SQLException {
        Profile profile = new Profile();
        profile.setId(row.getLong(1));
        int column = 2;
        for (ProfileField field : FIELDS) {
            if (field.type() == ProfileField.FieldType.LIST) {
                // Kept as the stored JSON text: a listing or export parses it once, when it writes it out.
                profile.setInterestsJson(row.getString(column));
            } else {
                profile.set(field, value(row, column, field));
            }
            column++;
        }
        profile.setAttributesJson(row.getString(column++));
        long batch = row.getLong(column++);
        profile.setImportBatchId(row.wasNull() ? null : batch);
        profile.setCohorts(JsonColumns.jsonToList(row.getString(column)));
        return profile;
    }

    /** A scalar field's stored value in {@code column} of the current row: a whole number, a decimal or text; null when empty. */
    public static Object value(ResultSet row, int column, ProfileField field) throws SQLException {
        return switch (field.type()) {
            case INTEGER -> {
                int number = row.getInt(column);
                yield row.wasNull() ? null : number;
            }
            case DECIMAL -> {
                double number = row.getDouble(column);
                yield row.wasNull() ? null : number;
            }
            default -> row.getString(column);
        };
    }

    /** A field's value as text, the way tables and CSV show it: whole numbers without ".0", lists joined by {@code |}. */
    public static String text(Profile profile, ProfileField field) {
        Object value = profile.value(field);
        if (value instanceof Double number) {
            return formatNumber(number);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(LIST_SEPARATOR));
        }
        return value == null ? null : value.toString();
    }

    /** A number as people write it: {@code 52000} rather than {@code 52000.0}, fractions as they are. */
    public static String formatNumber(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    /** The profile as a JSON object (for Jackson callers that build a document). */
    public static ObjectNode toJson(Profile profile) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", profile.getId());
        for (ProfileField field : FIELDS) {
            Object value = profile.value(field);
            if (value == null) {
                json.putNull(field.key());
            } else if (value instanceof Integer number) {
                json.put(field.key(), number);
            } else if (value instanceof Double number) {
                json.put(field.key(), number);
            } else if (value instanceof List<?> list) {
                ArrayNode array = json.putArray(field.key());
                list.forEach(item -> array.add(String.valueOf(item)));
            } else {
                json.put(field.key(), value.toString());
            }
        }
        ObjectNode attributes = json.putObject("attributes");
        profile.getAttributes().forEach(attributes::put);
        ArrayNode cohorts = json.putArray("cohorts");
        profile.getCohorts().forEach(cohorts::add);
        return json;
    }

    /** Streams the same object as {@link #toJson} to a generator, for exports too large to build in memory. */
    public static void writeJson(JsonGenerator json, Profile profile) throws IOException {
        json.writeStartObject();
        json.writeFieldName("id");
        if (profile.getId() == null) {
            json.writeNull();
        } else {
            json.writeNumber(profile.getId());
        }
        for (ProfileField field : FIELDS) {
            json.writeFieldName(field.key());
            Object value = profile.value(field);
            if (value == null) {
                json.writeNull();
            } else if (value instanceof Integer number) {
                json.writeNumber(number);
            } else if (value instanceof Double number) {
                json.writeNumber(number);
            } else if (value instanceof List<?> list) {
                writeStrings(json, list);
            } else {
                json.writeString(value.toString());
            }
        }
        json.writeObjectFieldStart("attributes");
        for (Map.Entry<String, String> attribute : profile.getAttributes().entrySet()) {
            json.writeStringField(attribute.getKey(), attribute.getValue());
        }
        json.writeEndObject();
        json.writeFieldName("cohorts");
        writeStrings(json, profile.getCohorts());
        json.writeEndObject();
    }

    private static void writeStrings(JsonGenerator json, List<?> values) throws IOException {
        json.writeStartArray();
        for (Object item : values) {
            json.writeString(String.valueOf(item));
        }
        json.writeEndArray();
    }

    /** The CSV header for profiles with these custom attribute names. */
    public static List<String> csvHeader(Collection<String> attributeNames) {
        List<String> header = new ArrayList<>(FIELDS.length + attributeNames.size() + 1);
        for (ProfileField field : FIELDS) {
            header.add(field.key());
        }
        header.addAll(attributeNames);
        header.add("cohorts");
        return header;
    }

    /** The profile's CSV row under {@link #csvHeader} of the same attribute names. */
    public static List<String> csvRow(Profile profile, Collection<String> attributeNames) {
        List<String> row = new ArrayList<>(FIELDS.length + attributeNames.size() + 1);
        for (ProfileField field : FIELDS) {
            row.add(text(profile, field));
        }
        Map<String, String> attributes = profile.getAttributes();
        for (String name : attributeNames) {
            row.add(attributes.get(name));
        }
        row.add(String.join(LIST_SEPARATOR, profile.getCohorts()));
        return row;
    }
}
