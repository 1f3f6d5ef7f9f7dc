package org.cdpdesktop.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reading request parameters and bodies defensively: every bad value is a 400 that names the parameter. */
final class Requests {

    private Requests() {
    }

    /** A whole-number query parameter in {@code [min, max]}, or {@code fallback} when absent. */
    static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("'" + name + "' must be a whole number, not '" + shorten(raw) + "'");
        }
        if (value < min || value > max) {
            throw ApiError.badRequest("'" + name + "' must be between " + min + " and " + max + ", not " + value);
        }
        return (int) value;
    }

    static boolean boolParam(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw ApiError.badRequest("'" + name + "' must be true or false, not '" + shorten(raw) + "'");
        };
    }

    /** The body parsed as JSON; malformed JSON, invalid UTF-8 and an oversize body all become 4xx. */
    static JsonNode json(Context ctx, ObjectMapper mapper) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw ApiError.badRequest("The request needs a JSON body");
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ApiError.badRequest("The request needs a JSON body");
            }
            return node;
        } catch (IOException e) {
            if (e instanceof com.fasterxml.jackson.core.JacksonException json) {
                throw new ApiError(400, "malformed JSON", json.getOriginalMessage());
            }
            throw new UncheckedIOException(e);
        }
    }

    static String shorten(String raw) {
        return raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
    }
}
