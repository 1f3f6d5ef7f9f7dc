package org.cdpdesktop.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A profile's values read from a JSON body already parsed into maps and lists, refusing a value of the wrong kind by name. */
final class ProfileValues {

    private static final Pattern LIST_SEPARATORS = Pattern.compile("[|,;]");

    private ProfileValues() {
    }

    /** A list of text, or one text split at {@code | , ;}; empty when absent. */
    static List<String> list(Object value, String key) {
        List<String> values = new ArrayList<>();
        if (value == null) {
            return values;
        }
        if (value instanceof String text) {
            for (String part : LIST_SEPARATORS.split(text)) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
            return values;
        }
        if (value instanceof List<?> items) {
            for (Object item : items) {
                String text = text(item, key);
                if (text != null && !text.isBlank()) {
                    values.add(text.strip());
                }
            }
            return values;
        }
        throw ApiError.badRequest("'" + key + "' must be a list of text or one text, not " + kind(value));
    }

    /** Text or a number as text; null when absent. */
    static String text(Object value, String key) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        throw ApiError.badRequest("'" + key + "' must be text, not " + kind(value));
    }

    /** A number, or text that is one; null when absent or blank. */
    static Double number(Object value, String key) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String text) {
            if (text.isBlank()) {
                return null;
            }
            try {
                return Double.valueOf(text.strip());
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("'" + key + "' must be a number, not '" + Requests.shorten(text) + "'");
            }
        }
        throw ApiError.badRequest("'" + key + "' must be a number, not " + kind(value));
    }

    /** An object of text or number values; empty when absent. */
    static Map<String, String> attributes(Object value) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (value == null) {
            return attributes;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw ApiError.badRequest("'attributes' must be an object, not " + kind(value));
        }
        map.forEach((name, attribute) -> {
            String text = text(attribute, "attributes." + name);
            if (text != null) {
                attributes.put(String.valueOf(name), text);
            }
        });
        return attributes;
    }

    private static String kind(Object value) {
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "a list";
        }
        return value instanceof Boolean ? "true or false" : "that value";
    }
}
