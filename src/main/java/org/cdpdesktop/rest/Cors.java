package org.cdpdesktop.rest;

import io.javalin.http.Context;
import java.util.List;

/**
 * CORS for an allow-list of origins; none means off. Hand-written rather than Javalin's plugin because the old
 * dashboard needs a fixed {@code Access-Control-Allow-Headers} answer and a refused origin must get a clear 403.
 */
final class Cors {

    private final List<String> origins;

    Cors(List<String> origins) {
        this.origins = origins;
    }

    private boolean allowed(String origin) {
        return origin != null && (origins.contains(origin) || origins.contains("*"));
    }

    void addHeaders(Context ctx) {
        String origin = ctx.header("Origin");
        if (allowed(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Vary", "Origin");
        }
    }

    void preflight(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || ctx.header("Access-Control-Request-Method") == null) {
            ctx.header("Allow", ApiServer.ALLOWED_METHODS);
            ctx.status(204);
            return;
        }
        if (!allowed(origin)) {
            throw new ApiError(403, "origin not allowed", "The origin " + Requests.shorten(origin)
                    + " is not in this API's allowed origins");
        }
        ctx.header("Access-Control-Allow-Methods", ApiServer.ALLOWED_METHODS);
        ctx.header("Access-Control-Allow-Headers", ApiServer.ALLOWED_HEADERS);
        ctx.header("Access-Control-Max-Age", "600");
        ctx.status(204);
    }
}
