package org.cdpdesktop.rest;

import com.fasterxml.jackson.core.JacksonException;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place a failure becomes an HTTP status and a {@code {"error":..,"detail":..}} body; stack traces go to the log only. */
final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    record Answer(int status, Map<String, Object> body) { }

    private ApiErrors() {
    }

    static Answer answer(Throwable failure) {
        if (failure instanceof ApiError error) {
            return of(error.status(), error.error(), error.getMessage());
        }
        if (failure instanceof HttpResponseException http) {
            int status = http.getStatus();
            return switch (status) {
                case 404 -> of(404, "not found", "No endpoint " + http.getMessage().replaceFirst("^Endpoint ", "").replaceFirst(" not found$", "")
                        + "; the endpoints are listed at /docs");
                case 413 -> of(413, "too large", "The request body is larger than this server accepts");
                case 405 -> of(405, "method not allowed", http.getMessage());
                default -> of(status, status >= 500 ? "internal error" : "bad request", http.getMessage());
            };
        }
        Throwable cause = rootOf(failure, JacksonException.class);
        if (cause instanceof JacksonException json) {
            return of(400, "malformed JSON", json.getOriginalMessage());
        }
        String multipart = multipartProblem(failure);
        if (multipart != null) {
            return of(413, "too large", multipart);
        }
        if (failure instanceof IllegalArgumentException) {
            return of(400, "bad request", failure.getMessage());
        }
        LOG.error("REST request failed", failure);
        return of(500, "internal error", describe(failure));
    }

    static Answer of(int status, String error, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("detail", detail == null ? error : detail);
        return new Answer(status, body);
    }

    /** Jetty reports an oversize multipart upload as an IllegalStateException somewhere in the cause chain. */
    private static String multipartProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (t instanceof IllegalStateException && message != null && message.contains("exceeds max")) {
                return "The upload is larger than this server accepts (" + message + ")";
            }
        }
        return null;
    }

    private static Throwable rootOf(Throwable failure, Class<?> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static String describe(Throwable failure) {
        Throwable shown = failure;
        while (shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        return shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage().replace('\n', ' ');
    }
}
