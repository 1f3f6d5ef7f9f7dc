package org.cdpdesktop.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one way a JSON profile becomes import columns, whichever door it came through (a JSON or JSON Lines file, a Kafka
 * message, a REST request), so the same profile lands the same:
 * <ul>
 *   <li>nested objects become dotted names ({@code {"loyalty":{"tier":"gold"}}} is {@code loyalty.tier});</li>
 *   <li>numbers are plain decimal text without float artefacts: {@code 1.25E5} is {@code 125000}, {@code 0.1} stays
 *       {@code 0.1}, {@code 34.0} is {@code 34};</li>
 *   <li>booleans are {@code true} / {@code false}, {@code null} is a blank value;</li>
 *   <li>a list of plain values is joined with {@code |}, the separator the cleaner splits interests and cohorts at (null
 *       and blank items left out); a list holding objects or lists is kept as its JSON text, so nothing is lost;</li>
 *   <li>key names are trimmed.</li>
 * </ul>
 * A record is refused, with a reason naming the key, when it nests deeper than {@value #MAX_DEPTH} objects, has more than
 * {@value #MAX_FIELDS} values, a name longer than {@value #MAX_NAME_CHARS} characters or a blank one, a value longer than
 * {@value #MAX_VALUE_CHARS} characters, a number of more than {@value #MAX_NUMBER_DIGITS} digits, or two values that
 * flatten to one name ({@code "a.b"} beside {@code "a":{"b":1}}).
 */
public final class JsonFlattener {

    public static final int MAX_DEPTH = 16;
    public static final int MAX_FIELDS = 1_000;
    public static final int MAX_NAME_CHARS = 200;
    /** As long as a CSV field may be. */
    public static final int MAX_VALUE_CHARS = CsvSource.MAX_FIELD_CHARS;
    /** A number's plain text is built only below this, so {@code 1e999999999} cannot ask for a billion digits. */
    public static final int MAX_NUMBER_DIGITS = 1_000;

    /** Why a JSON record cannot be read as import columns; the message names the key and reads as a reject reason. */
    public static final class RefusedException extends IllegalArgumentException {
        RefusedException(String message) {
            super(message);
        }
    }

    private JsonFlattener() {
    }

    /**
     * The object's values by flattened name, in the object's order.
     *
     * @throws RefusedException when the record breaks one of the limits, with the reason
     */
    public static Map<String, String> flatten(JsonNode object) {
        if (object == null || !object.isObject()) {
            throw new RefusedException("a profile must be a JSON object, not " + kind(object));
        }
        Map<String, String> values = new LinkedHashMap<>();
        flatten("", object, values, 1);
        return values;
    }

    private static void flatten(String prefix, JsonNode object, Map<String, String> values, int depth) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey().strip();
            String name = prefix + key;
            if (key.isEmpty()) {
                throw new RefusedException("a key " + (prefix.isEmpty() ? "" : "inside '" + shorten(prefix.substring(0, prefix.length() - 1)) + "' ")
                        + "is blank");
            }
            if (name.length() > MAX_NAME_CHARS) {
                throw new RefusedException("the name '" + shorten(name) + "' is longer than " + MAX_NAME_CHARS + " characters");
            }
            JsonNode value = field.getValue();
            if (value.isObject()) {
                if (depth >= MAX_DEPTH) {
                    throw new RefusedException("'" + shorten(name) + "' is nested deeper than " + MAX_DEPTH + " levels");
                }
                flatten(name + ".", value, values, depth + 1);
                continue;
            }
            if (values.containsKey(name)) {
                throw new RefusedException("the name '" + shorten(name) + "' appears twice once nested objects are flattened");
            }
            if (values.size() == MAX_FIELDS) {
                throw new RefusedException("a profile has at most " + MAX_FIELDS + " values");
            }
            String text = text(name, value);
            if (text.length() > MAX_VALUE_CHARS) {
                throw new RefusedException("the value of '" + shorten(name) + "' is longer than " + MAX_VALUE_CHARS + " characters");
            }
            values.put(name, text);
        }
    }

    private static String text(String name, JsonNode value) {
        if (value.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (JsonNode item : value) {
                if (item.isContainerNode()) {
                    return value.toString();
                }
                String text = text(name, item);
                if (!text.isBlank()) {
                    joined.append(joined.isEmpty() ? "" : "|").append(text);
                }
            }
            return joined.toString();
        }
        if (value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isNumber()) {
            return number(name, value);
        }
        return value.asText();
    }

    /**
     * Plain digits: a double as its shortest decimal form (what was written, not its binary approximation), trailing
     * zeros of a fraction dropped, never an exponent.
     */
    private static String number(String name, JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        BigDecimal decimal = value.isBigDecimal() ? value.decimalValue()
                : value.isFloat() ? new BigDecimal(Float.toString(value.floatValue()))
                : BigDecimal.valueOf(value.doubleValue());
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (Math.abs((long) stripped.scale()) > MAX_NUMBER_DIGITS || stripped.precision() > MAX_NUMBER_DIGITS) {
            throw new RefusedException("the number of '" + shorten(name) + "' has more than " + MAX_NUMBER_DIGITS + " digits");
        }
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case STRING -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true/false";
            default -> "an object";
        };
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
