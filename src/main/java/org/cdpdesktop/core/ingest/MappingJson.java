package org.cdpdesktop.core.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import org.cdpdesktop.core.profile.ProfileField;

/**
 * The JSON form of a {@link ColumnMapping}, shared by presets and the import history:
 * {@code {"columns":[{"source":"cookie","kind":"field","field":"externalId","format":null},...],"cohortColumn":"cohort"}}.
 */
final class MappingJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MappingJson() {
    }

    static ObjectNode toNode(ColumnMapping mapping) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode columns = root.putArray("columns");
        mapping.targets().forEach((source, target) -> {
            ObjectNode column = columns.addObject();
            column.put("source", source);
            column.put("kind", target.kind().name().toLowerCase(Locale.ROOT));
            if (target.field() != null) {
                column.put("field", target.field().key());
            }
            if (target.attributeName() != null) {
                column.put("attribute", target.attributeName());
            }
            if (target.format() != null) {
                column.put("format", target.format());
            }
        });
        root.put("cohortColumn", mapping.cohortColumn());
        return root;
    }

    static String toJson(ColumnMapping mapping) {
        try {
            return JSON.writeValueAsString(toNode(mapping));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A mapping always serialises", e);
        }
    }

    /** Reads a mapping back; {@code what} names the source in error messages (e.g. "preset 'CRM'"). */
    static ColumnMapping fromNode(JsonNode root, String what) {
        JsonNode columns = root.path("columns");
        if (!columns.isArray()) {
            throw new IllegalArgumentException(what + " has no list of columns");
        }
        LinkedHashMap<String, ColumnTarget> targets = new LinkedHashMap<>();
        for (JsonNode column : columns) {
            String source = column.path("source").asText("");
            if (source.isEmpty()) {
                throw new IllegalArgumentException(what + " has a column without a source name");
            }
            String kind = column.path("kind").asText("");
            ColumnTarget target = switch (kind) {
                case "field" -> ColumnTarget.field(ProfileField.byName(column.path("field").asText(""))
                        .orElseThrow(() -> new IllegalArgumentException(what + ": column '" + source + "' names an unknown field '"
                                + column.path("field").asText("") + "'")));
                case "attribute" -> ColumnTarget.attribute(column.path("attribute").asText(source));
                case "skip" -> ColumnTarget.skip();
                default -> throw new IllegalArgumentException(what + ": column '" + source + "' has an unknown kind '" + kind + "'");
            };
            JsonNode format = column.get("format");
            targets.put(source, format == null || format.isNull() ? target : target.withFormat(format.asText()));
        }
        JsonNode cohort = root.get("cohortColumn");
        return new ColumnMapping(targets, cohort == null || cohort.isNull() ? null : cohort.asText());
    }

    static ColumnMapping fromJson(String json, String what) {
        try {
            return fromNode(JSON.readTree(json), what);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static ObjectMapper mapper() {
        return JSON;
    }
}
