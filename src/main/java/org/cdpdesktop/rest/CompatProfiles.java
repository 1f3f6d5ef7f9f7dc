package org.cdpdesktop.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileMapping;
import org.cdpdesktop.core.store.ProfileDetail;

/**
 * The old CDPapi service's profile shape, in one place: snake_case keys ({@code cookie}, {@code phone_number}) and
 * interests, cohorts and segments as arrays, as its clients parse them; and its JSON input read as import records.
 */
final class CompatProfiles {

    static final int MAX_KEYS = 200;
    static final int MAX_KEY_LENGTH = 100;

    private CompatProfiles() {
    }

    /**
     * The core's one profile JSON ({@link ProfileMapping#toJson}) under the old service's names: {@code externalId} is
     * {@code cookie}, {@code phone} is {@code phone_number}, every other key in snake_case; plus the segments.
     */
    static ObjectNode toJson(ProfileDetail detail) {
        return toJson(detail.profile(), detail.segments());
    }

    static ObjectNode toJson(Profile profile, List<String> segmentNames) {
        ObjectNode core = ProfileMapping.toJson(profile);
        ObjectNode user = JsonNodeFactory.instance.objectNode();
        core.fields().forEachRemaining(field -> user.set(oldName(field.getKey()), field.getValue()));
        ArrayNode segments = user.putArray("segments");
        segmentNames.forEach(segments::add);
        return user;
    }

    private static String oldName(String key) {
        return switch (key) {
            case "externalId" -> "cookie";
            case "phone" -> "phone_number";
            default -> key.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        };
    }

    /**
     * One JSON object as an import record (column name to text). Numbers keep their written digits, arrays of plain
     * values become a {@code |}-separated list; nested objects are refused with the key's name.
     */
    static Map<String, String> toRecord(JsonNode object) {
        if (!object.isObject()) {
            throw ApiError.badRequest("Each profile must be a JSON object, not " + kind(object));
        }
        if (object.size() > MAX_KEYS) {
            throw ApiError.badRequest("A profile has at most " + MAX_KEYS + " keys, not " + object.size());
        }
        Map<String, String> record = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey().strip();
            if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
                throw ApiError.badRequest("A key is 1 to " + MAX_KEY_LENGTH + " characters, not '" + Requests.shorten(key) + "'");
            }
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                for (JsonNode item : value) {
                    if (!item.isValueNode()) {
                        throw ApiError.badRequest("'" + key + "' must be a list of plain values, not a list holding " + kind(item));
                    }
                    if (!item.isNull()) {
                        items.add(text(item));
                    }
                }
                record.put(key, String.join("|", items));
            } else if (value.isValueNode()) {
                record.put(key, text(value));
            } else {
                throw ApiError.badRequest("'" + key + "' must be a plain value or a list, not " + kind(value));
            }
        }
        return record;
    }

    private static String text(JsonNode value) {
        if (value.isNumber()) {
            BigDecimal number = value.decimalValue();
            return number.stripTrailingZeros().scale() <= 0 ? number.toBigInteger().toString() : number.toPlainString();
        }
        return value.asText();
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "a list";
            case STRING -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true/false";
            default -> "null";
        };
    }
}
