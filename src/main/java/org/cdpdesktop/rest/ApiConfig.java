package org.cdpdesktop.rest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * How the local REST API listens: secure by default (loopback only, keys required, no CORS).
 *
 * @param port           0 picks a free port
 * @param corsOrigins    browser origins allowed to call the API; empty turns CORS off
 * @param anonymousRead  lets clients without a key read, from this computer only (the old dashboard sends no key)
 * @param maxBodyBytes   largest JSON body accepted
 * @param maxUploadBytes largest CSV upload accepted
 */
public record ApiConfig(int port, String bindAddress, List<String> corsOrigins, boolean anonymousRead, long maxBodyBytes,
                        long maxUploadBytes) {

    public static final int DEFAULT_PORT = 8000;
    public static final String LOOPBACK = "127.0.0.1";
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 512L * 1024 * 1024;

    public ApiConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("A port is 0 to 65535, not " + port);
        }
        bindAddress = bindAddress == null || bindAddress.isBlank() ? LOOPBACK : bindAddress.strip();
        corsOrigins = corsOrigins == null ? List.of() : corsOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).distinct().toList();
        for (String origin : corsOrigins) {
            if (!origin.matches("https?://[^/\\s]+") && !origin.equals("*")) {
                throw new IllegalArgumentException("An allowed origin is scheme://host[:port] without a path, like http://localhost:3000, not '"
                        + origin + "'");
            }
        }
        if (maxBodyBytes <= 0 || maxUploadBytes <= 0) {
            throw new IllegalArgumentException("Size limits must be positive");
        }
    }

    public static ApiConfig defaults() {
        return new ApiConfig(DEFAULT_PORT, LOOPBACK, List.of(), false, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_UPLOAD_BYTES);
    }

    public ApiConfig withPort(int newPort) {
        return new ApiConfig(newPort, bindAddress, corsOrigins, anonymousRead, maxBodyBytes, maxUploadBytes);
    }

    public ApiConfig withBindAddress(String address) {
        return new ApiConfig(port, address, corsOrigins, anonymousRead, maxBodyBytes, maxUploadBytes);
    }

    public ApiConfig withCorsOrigins(List<String> origins) {
        return new ApiConfig(port, bindAddress, origins, anonymousRead, maxBodyBytes, maxUploadBytes);
    }

    public ApiConfig withAnonymousRead(boolean allowed) {
        return new ApiConfig(port, bindAddress, corsOrigins, allowed, maxBodyBytes, maxUploadBytes);
    }

    public ApiConfig withLimits(long bodyBytes, long uploadBytes) {
        return new ApiConfig(port, bindAddress, corsOrigins, anonymousRead, bodyBytes, uploadBytes);
    }

    /** Whether only this computer can reach the port; anything else deserves a warning. */
    public boolean loopbackOnly() {
        try {
            return InetAddress.getByName(bindAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
