package org.cdpdesktop.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken input, hand-picked and random, never gets a 5xx or a stack trace: always a JSON 4xx. */
class BadInputFuzzTest {

    @TempDir
    Path folder;

    private static final List<String> WRITE_PATHS = List.of("/ingest-single/bulk-json", "/api/v1/profiles", "/api/v1/segments",
            "/segment-user", "/ingest-single/bulk-json%20ingest");

    private static final List<String> BAD_BODIES = List.of("", "{", "[", "nul", "[1,2", "\"text\"", "123", "[null]", "[[1]]", "[true]",
            "[{\"cookie\":{\"a\":1}}]", "[{\"cookie\":[{\"a\":1}]}]", "[{\"age\":1e400,\"cookie\":\"c\"}]",
            "[{\"age\":" + "9".repeat(5000) + "}]", "[".repeat(5000) + "]".repeat(5000), "{\"name\":null,\"rule\":\"age >\"}",
            "{\"name\":\"" + "n".repeat(500) + "\",\"rule\":\"age > 1\"}", "[{\"" + "k".repeat(1000) + "\":\"v\"}]",
            "[{\"cookie\":\"c\\u0000\",\"email\":\"a@b.c\\u0007\"}]", "{\"name\":\"s\",\"rule\":\"" + "(".repeat(3000) + "\"}");

    private static final List<String> BAD_QUERIES = List.of("/api/users?skip=-1", "/api/users?limit=abc", "/api/users?limit=1e3",
            "/api/users?skip=99999999999999999999", "/api/users?limit=%00", "/api/users?limit=10001", "/api/user?cookie=",
            "/api/user?email=%27%20OR%201%3D1", "/api/cohort/users?cohort=%00", "/api/cohort/users?cohort=x&offset=-5",
            "/api/v1/profiles/..%2F..%2Fetc%2Fpasswd", "/api/v1/profiles/-1", "/api/v1/profiles/99999999999999999999999",
            "/api/v1/segments/abc", "/api/v1/segments/0/members?limit=-1", "/api/v1/profiles?sort=%3BDROP%20TABLE%20profile",
            "/api/v1/profiles?filter=" + URLEncoder.encode("((((((", StandardCharsets.UTF_8),
            "/api/v1/profiles?filter=" + URLEncoder.encode("' OR 1=1 --", StandardCharsets.UTF_8),
            "/api/v1/profiles?filter=" + URLEncoder.encode("age > " + "1".repeat(400), StandardCharsets.UTF_8),
            "/api/v1/profiles?filter=" + "x".repeat(30_000), "/api/v1/cohorts/%2e%2e/members", "/../../etc/passwd", "/docs/../openapi.json");

    private static void assertClientError(ApiFixture.Answer answer, String what) {
        assertThat(answer.status()).as(what + " -> " + answer.body()).isBetween(200, 499);
        if (answer.status() >= 400 && answer.header("Content-Type") != null && answer.header("Content-Type").contains("json")) {
            assertThat(answer.json().has("error")).as(what).isTrue();
        }
        assertThat(answer.body()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void handPickedBadBodiesAndQueriesAreAnsweredWith4xx() {
        try (ApiFixture api = new ApiFixture(folder)) {
            for (String path : WRITE_PATHS) {
                for (String body : BAD_BODIES) {
                    assertClientError(api.post(path, api.adminKey, body), path + " " + body.substring(0, Math.min(60, body.length())));
                }
                assertClientError(api.postBytes(path, api.adminKey, new byte[] {'[', '{', '"', 'a', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}', ']'}),
                        path + " invalid UTF-8");
            }
            for (String query : BAD_QUERIES) {
                assertClientError(api.get(query, api.adminKey), query.substring(0, Math.min(80, query.length())));
            }
        }
    }

    @Test
    void randomBodiesAndQueryValuesAreAnsweredWith4xx() {
        Random random = new Random(13);
        try (ApiFixture api = new ApiFixture(folder)) {
            for (int i = 0; i < 150; i++) {
                byte[] body = new byte[random.nextInt(300)];
                random.nextBytes(body);
                String path = WRITE_PATHS.get(random.nextInt(WRITE_PATHS.size()));
                assertClientError(api.postBytes(path, api.adminKey, body), path + " random bytes #" + i);
            }
            List<String> reads = new ArrayList<>(List.of("/api/users?skip=", "/api/users?limit=", "/api/user?cookie=", "/api/cohort/users?cohort=",
                    "/api/v1/profiles?sort=", "/api/v1/profiles?filter=", "/api/v1/profiles?search=", "/api/v1/segments/", "/api/v1/profiles/"));
            for (int i = 0; i < 150; i++) {
                StringBuilder value = new StringBuilder();
                for (int c = random.nextInt(40); c > 0; c--) {
                    value.append((char) (random.nextInt(0x2FF) + 1));
                }
                String path = reads.get(random.nextInt(reads.size())) + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
                assertClientError(api.get(path, api.adminKey), path);
            }
        }
    }
}
