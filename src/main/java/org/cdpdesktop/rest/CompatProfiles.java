package org.cdpdesktop.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cdpdesktop.core.ingest.JsonFlattener;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileMapping;
import org.cdpdesktop.core.store.ProfileDetail;

/**
 * The old CDPapi service's profile shape, in one place: snake_case keys ({@code cookie}, {@code phone_number}) and
 * interests, cohorts and segments as arrays, as its clients parse them; and its JSON input read as import records.
 */
final class CompatProfiles {

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

    /** One JSON object as an import record, flattened as a JSON file's or a Kafka message's ({@link JsonFlattener}). */
    static Map<String, String> toRecord(JsonNode object) {
        try {
            return JsonFlattener.flatten(object);
        } catch (JsonFlattener.RefusedException e) {
            String reason = e.getMessage();
            throw ApiError.badRequest(Character.toUpperCase(reason.charAt(0)) + reason.substring(1));
        }
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
