package org.cdpdesktop.rest;

/** A refusal with its HTTP status, answered as {@code {"error":..,"detail":..}}. */
final class ApiError extends RuntimeException {

    private final int status;
    private final String error;

    ApiError(int status, String error, String detail) {
        super(detail);
        this.status = status;
        this.error = error;
    }

    static ApiError badRequest(String detail) {
        return new ApiError(400, "bad request", detail);
    }

    static ApiError notFound(String detail) {
        return new ApiError(404, "not found", detail);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }
}
