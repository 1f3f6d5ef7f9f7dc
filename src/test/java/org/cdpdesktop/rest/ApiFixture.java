package org.cdpdesktop.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.cdpdesktop.App;
import org.cdpdesktop.core.access.ApiRole;

/** A real store and a real API server on an ephemeral loopback port, called over real HTTP. */
final class ApiFixture implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final App app;
    final ApiServer server;
    final URI url;
    final String adminKey;
    final String viewerKey;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiFixture(Path folder, ApiConfig config) {
        this.app = App.open(folder);
        this.adminKey = app.apiKeys().create("admin", ApiRole.ADMIN).key();
        this.viewerKey = app.apiKeys().create("viewer", ApiRole.VIEWER).key();
        this.server = new ApiServer(app, ModelEndpoints.UNAVAILABLE);
        this.url = server.start(config.withPort(0));
    }

    ApiFixture(Path folder) {
        this(folder, ApiConfig.defaults());
    }

    record Answer(int status, String body, HttpResponse<String> response) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60));
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Answer get(String path, String key) {
        HttpRequest.Builder request = request(path).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request.build());
    }

    Answer post(String path, String key, String json) {
        return postBytes(path, key, json.getBytes(StandardCharsets.UTF_8));
    }

    Answer postBytes(String path, String key, byte[] body) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return send(request.build());
    }

    /** A multipart/form-data upload as a browser's FormData sends it. */
    Answer upload(String path, String key, String fileName, String csv, String dryRunField) {
        String boundary = "----cdp" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (dryRunField != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"dry_run\"\r\n\r\n" + dryRunField + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-API-Key", key).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    @Override
    public void close() {
        server.close();
        app.close();
    }
}
