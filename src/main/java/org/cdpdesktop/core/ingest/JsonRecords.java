package org.cdpdesktop.core.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object as a record of named text values, the same for JSON documents and JSON Lines: nested objects
 * become dotted names ({@code loyalty.tier}), a list of plain values is joined with {@code |} (which the cleaner
 * splits back exactly for list fields), any other list is kept as its JSON text, numbers keep their digits without
 * float artefacts ({@code 1.25E5} is {@code 125000}), and {@code null} is no value. Parsing is bounded: values over
 * 8 MiB and nesting deeper than 64 levels stop the read instead of filling the memory.
 */
final class JsonRecords {

    static final int MAX_NESTING = 64;
    static final int MAX_STRING_CHARS = 8 << 20;
    static final ObjectMapper MAPPER = mapper();
    private static final ObjectReader WHOLE = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonRecords() {
    }

    private static ObjectMapper mapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(MAX_STRING_CHARS)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // The source digests the file to its end for the checksum, so it closes the file itself.
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    /** {@code text} as one JSON value; text after it (a second object on the same line) is an error. */
    static JsonNode readWhole(String text) throws JsonProcessingException {
        return WHOLE.readTree(text);
    }

    /** Whether {@code text} is one whole JSON object. */
    static boolean isObject(String text) {
        try {
            return readWhole(text).isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /**
     * The object's values by flattened name, in the object's order.
     *
     * @throws IllegalArgumentException when two values flatten to one name ({@code "a.b"} beside {@code "a": {"b"}})
     */
    static Map<String, String> flatten(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        flatten("", object, values);
        return values;
    }

    private static void flatten(String prefix, JsonNode object, Map<String, String> values) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = prefix + field.getKey().strip();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(name + ".", value, values);
            } else if (values.containsKey(name)) {
                throw new IllegalArgumentException("the name '" + name + "' appears twice once nested objects are flattened");
            } else {
                String text = text(value);
                if (text != null) {
                    values.put(name, text);
                } else {
                    values.putIfAbsent(name, null);
                }
            }
        }
    }

    private static String text(JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (JsonNode item : value) {
                if (item.isContainerNode()) {
                    return value.toString();
                }
                String text = text(item);
                if (text != null && !text.isBlank()) {
                    joined.append(joined.length() == 0 ? "" : "|").append(text);
                }
            }
            return joined.toString();
        }
        if (value.isFloatingPointNumber()) {
            return value.decimalValue().stripTrailingZeros().toPlainString();
        }
        return value.asText();
    }
}
