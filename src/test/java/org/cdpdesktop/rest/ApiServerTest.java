package org.cdpdesktop.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authentication, CORS, limits and errors, over real HTTP. */
class ApiServerTest {

    @TempDir
    Path folder;

    private static final String ONE_PROFILE = "[{\"cookie\":\"c-1\",\"email\":\"ann@example.com\"}]";

    @Test
    void withoutAKeyEveryEndpointAnswers401AsJson() {
        try (ApiFixture api = new ApiFixture(folder)) {
            ApiFixture.Answer read = api.get("/api/stats", null);
            ApiFixture.Answer write = api.post("/ingest-single/bulk-json", null, ONE_PROFILE);

            assertThat(read.status()).isEqualTo(401);
            assertThat(read.json().get("error").asText()).isEqualTo("unauthorized");
            assertThat(read.json().get("detail").asText()).contains("Authorization: Bearer");
            assertThat(read.header("Content-Type")).startsWith("application/json");
            assertThat(write.status()).isEqualTo(401);
            assertThat(api.app.profiles().count()).isZero();
        }
    }

    @Test
    void aViewerKeyReadsButAWriteIs403() {
        try (ApiFixture api = new ApiFixture(folder)) {
            assertThat(api.get("/api/stats", api.viewerKey).status()).isEqualTo(200);

            ApiFixture.Answer write = api.post("/ingest-single/bulk-json", api.viewerKey, ONE_PROFILE);

            assertThat(write.status()).isEqualTo(403);
            assertThat(write.json().get("error").asText()).isEqualTo("forbidden");
            assertThat(api.app.profiles().count()).isZero();
        }
    }

    @Test
    void anAdminKeyReadsAndWritesSentEitherWay() {
        try (ApiFixture api = new ApiFixture(folder)) {
            assertThat(api.post("/ingest-single/bulk-json", api.adminKey, ONE_PROFILE).status()).isEqualTo(200);
            assertThat(api.send(api.request("/api/stats").header("X-API-Key", api.adminKey).build()).status()).isEqualTo(200);
            assertThat(api.get("/api/stats", api.adminKey).json().get("totalUsers").asLong()).isEqualTo(1);
        }
    }

    @Test
    void aWrongOrRevokedKeyIs401() {
        try (ApiFixture api = new ApiFixture(folder)) {
            assertThat(api.get("/api/stats", api.viewerKey + "x").status()).isEqualTo(401);
            assertThat(api.get("/api/stats", "not-a-key").status()).isEqualTo(401);
            assertThat(api.get("/api/stats", api.viewerKey).status()).isEqualTo(200);

            api.app.apiKeys().revoke("viewer");

            assertThat(api.get("/api/stats", api.viewerKey).status()).isEqualTo(401);
        }
    }

    @Test
    void anonymousReadLetsKeylessClientsReadButNotWrite() {
        try (ApiFixture api = new ApiFixture(folder, ApiConfig.defaults().withAnonymousRead(true))) {
            assertThat(api.get("/api/stats", null).status()).isEqualTo(200);
            assertThat(api.get("/api/users?limit=5", null).status()).isEqualTo(200);
            assertThat(api.post("/ingest-single/bulk-json", null, ONE_PROFILE).status()).isEqualTo(401);
            assertThat(api.post("/ingest-single/bulk-json", api.viewerKey, ONE_PROFILE).status()).isEqualTo(403);
            assertThat(api.post("/ingest-single/bulk-json", api.adminKey, ONE_PROFILE).status()).isEqualTo(200);
        }
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithTheOldDashboardsHeaders() {
        try (ApiFixture api = new ApiFixture(folder, ApiConfig.defaults().withCorsOrigins(List.of("http://localhost:3000")))) {
            ApiFixture.Answer preflight = api.send(api.request("/api/users?skip=0&limit=10")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "http://localhost:3000")
                    .header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", "content-type").build());

            assertThat(preflight.status()).isBetween(200, 204);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
            assertThat(preflight.header("Access-Control-Allow-Methods")).contains("GET").contains("POST");
            assertThat(preflight.header("Access-Control-Allow-Headers")).isEqualTo("content-type, authorization, x-api-key");

            ApiFixture.Answer read = api.send(api.request("/api/stats").header("Origin", "http://localhost:3000")
                    .header("X-API-Key", api.viewerKey).build());
            assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        }
    }

    @Test
    void aPreflightFromAnotherOriginIsRefusedWithoutCorsHeaders() {
        try (ApiFixture api = new ApiFixture(folder, ApiConfig.defaults().withCorsOrigins(List.of("http://localhost:3000")))) {
            ApiFixture.Answer preflight = api.send(api.request("/api/users")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "http://evil.example")
                    .header("Access-Control-Request-Method", "GET").build());

            assertThat(preflight.status()).isEqualTo(403);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
            assertThat(preflight.json().get("error").asText()).isEqualTo("origin not allowed");
            ApiFixture.Answer read = api.send(api.request("/api/stats").header("Origin", "http://evil.example")
                    .header("X-API-Key", api.viewerKey).build());
            assertThat(read.header("Access-Control-Allow-Origin")).isNull();
        }
    }

    @Test
    void corsIsOffByDefault() {
        try (ApiFixture api = new ApiFixture(folder)) {
            ApiFixture.Answer preflight = api.send(api.request("/api/users")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "http://localhost:3000")
                    .header("Access-Control-Request-Method", "GET").build());

            assertThat(preflight.status()).isEqualTo(403);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        }
    }

    @Test
    void anUnknownRouteIsA404InJson() {
        try (ApiFixture api = new ApiFixture(folder)) {
            ApiFixture.Answer answer = api.get("/no/such/thing", api.adminKey);

            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.json().get("error").asText()).isEqualTo("not found");
            assertThat(answer.json().get("detail").asText()).contains("/no/such/thing");
        }
    }

    @Test
    void aBodyOverTheLimitIs413AndStoresNothing() {
        try (ApiFixture api = new ApiFixture(folder, ApiConfig.defaults().withLimits(1024, 4096))) {
            String big = "[{\"cookie\":\"c-1\",\"bio\":\"" + "x".repeat(5000) + "\"}]";

            ApiFixture.Answer answer = api.post("/ingest-single/bulk-json", api.adminKey, big);

            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.json().get("error").asText()).isEqualTo("too large");
            assertThat(api.app.profiles().count()).isZero();
        }
    }

    @Test
    void anUploadOverTheLimitIs413() {
        try (ApiFixture api = new ApiFixture(folder, ApiConfig.defaults().withLimits(1024, 2048))) {
            ApiFixture.Answer answer = api.upload("/bulk-ingest", api.adminKey, "big.csv",
                    "cookie,email\n" + "c-1,a@example.com\n".repeat(500), null);

            assertThat(answer.status()).isEqualTo(413);
            assertThat(api.app.profiles().count()).isZero();
        }
    }

    @Test
    void malformedJsonAndInvalidUtf8Are400() {
        try (ApiFixture api = new ApiFixture(folder)) {
            ApiFixture.Answer malformed = api.post("/ingest-single/bulk-json", api.adminKey, "[{\"cookie\":");
            ApiFixture.Answer badBytes = api.postBytes("/ingest-single/bulk-json", api.adminKey,
                    new byte[] {'[', '{', '"', 'c', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', ']'});

            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.json().get("error").asText()).isEqualTo("malformed JSON");
            assertThat(badBytes.status()).isEqualTo(400);
        }
    }

    @Test
    void aSecondServerOnTheSamePortIsRefusedWithItsReason() {
        try (ApiFixture api = new ApiFixture(folder); ApiServer second = new ApiServer(api.app, ModelEndpoints.UNAVAILABLE)) {
            assertThatThrownBy(() -> second.start(ApiConfig.defaults().withPort(api.url.getPort())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Cannot listen on 127.0.0.1:" + api.url.getPort());
        }
    }

    @Test
    void theRequestLogKeepsMethodPathStatusAndTime() {
        try (ApiFixture api = new ApiFixture(folder)) {
            api.get("/api/stats?secret=ann@example.com", api.viewerKey);

            assertThat(api.server.log().entries()).anySatisfy(entry -> {
                assertThat(entry.method()).isEqualTo("GET");
                assertThat(entry.path()).isEqualTo("/api/stats");
                assertThat(entry.status()).isEqualTo(200);
                assertThat(entry.millis()).isPositive();
            });
        }
    }

    @Test
    void configRefusesAnOriginWithAPath() {
        assertThatThrownBy(() -> ApiConfig.defaults().withCorsOrigins(List.of("http://localhost:3000/app")))
                .hasMessageContaining("without a path");
        assertThat(ApiConfig.defaults().loopbackOnly()).isTrue();
        assertThat(ApiConfig.defaults().withBindAddress("0.0.0.0").loopbackOnly()).isFalse();
    }
}
