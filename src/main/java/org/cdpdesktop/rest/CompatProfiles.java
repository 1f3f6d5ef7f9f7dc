package org.cdpdesktop.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdpdesktop.core.profile.Profile;
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

    static Map<String, Object> toJson(ProfileDetail detail) {
        Profile p = detail.profile();
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("cookie", p.getExternalId());
        user.put("email", p.getEmail());
        user.put("phone_number", p.getPhone());
        user.put("first_name", p.getFirstName());
        user.put("last_name", p.getLastName());
        user.put("city", p.getCity());
        user.put("state", p.getState());
        user.put("country", p.getCountry());
        user.put("postal_code", p.getPostalCode());
        user.put("age", p.getAge());
        user.put("gender", p.getGender());
        user.put("income", p.getIncome());
        user.put("education", p.getEducation());
        user.put("interests", p.getInterests() == null ? List.of() : p.getInterests());
        user.put("cohorts", detail.cohorts().stream().map(ProfileDetail.CohortAssignment::cohort).toList());
        user.put("segments", detail.segments());
        user.put("signup_date", p.getSignupDate());
        user.put("created_at", p.getCreatedAt());
        user.put("updated_at", p.getUpdatedAt());
        return user;
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
