package org.cdpdesktop.core.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdpdesktop.core.db.StoreException;

/** The JSON text form of the profile's list and map columns ({@code interests}, {@code attributes}). */
public final class JsonColumns {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> LIST = new TypeReference<>() { };
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() { };

    private JsonColumns() {
    }

    public static String listToJson(Collection<String> values) {
        return write(values == null ? List.of() : values);
    }

    public static String mapToJson(Map<String, String> values) {
        return write(values == null ? Map.of() : new TreeMap<>(values));
    }

    public static List<String> jsonToList(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(json, LIST));
        } catch (JsonProcessingException e) {
            throw new StoreException("Unreadable interests column: " + e.getOriginalMessage(), e);
        }
    }

    public static Map<String, String> jsonToMap(String json) {
        if (json == null || json.isBlank()) {
            return new TreeMap<>();
        }
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new StoreException("Unreadable attributes column: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Lists and maps of strings always serialise", e);
        }
    }
}
