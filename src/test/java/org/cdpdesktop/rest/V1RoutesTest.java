package org.cdpdesktop.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cdpdesktop.core.ingest.SameProfile;
import org.cdpdesktop.core.ingest.TestWorkbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The versioned API over real HTTP, in the core's own JSON shapes. */
class V1RoutesTest {

    @TempDir
    Path folder;

    private static final String PEOPLE = """
            [{"externalId":"c-1","email":"ann@example.com","age":34,"country":"CA","interests":["travel"],"income":"$90k"},
             {"externalId":"c-2","email":"bob@example.com","age":22,"country":"US","interests":"music"},
             {"externalId":"c-3","email":"cy@example.com","age":51,"country":"Canada"}]""";

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static ApiFixture.Answer put(ApiFixture api, String path, String key, String body) {
        return api.send(api.request(path).header("X-API-Key", key).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static ApiFixture.Answer delete(ApiFixture api, String path, String key) {
        return api.send(api.request(path).header("X-API-Key", key).DELETE().build());
    }

    @Test
    void anUpsertStoresTheSameProfileAsAJsonFileImportDoes() throws Exception {
        String fromFile = SameProfile.storedFromJsonFile(folder.resolve("file"));
        try (ApiFixture api = new ApiFixture(folder.resolve("rest"))) {
            JsonNode upserted = put(api, "/api/v1/profiles", api.adminKey, SameProfile.JSON).json();

            assertThat(upserted.get("stored").asInt()).isEqualTo(1);
            assertThat(SameProfile.stored(api.app.profiles().findByExternalId("c-42").orElseThrow())).isEqualTo(fromFile);
        }
    }

    @Test
    void profilesAreUpsertedThenListedWithFilterSortAndPaging() {
        try (ApiFixture api = new ApiFixture(folder)) {
            JsonNode upserted = put(api, "/api/v1/profiles", api.adminKey, PEOPLE).json();
            assertThat(upserted.get("stored").asInt()).isEqualTo(3);
            assertThat(upserted.get("batch").get("inserted").asInt()).isEqualTo(3);

            JsonNode page = api.get("/api/v1/profiles?filter=" + encode("country = \"Canada\"") + "&sort=-age&limit=1", api.viewerKey).json();

            assertThat(page.get("total").asInt()).isEqualTo(2);
            assertThat(page.get("profiles")).singleElement().satisfies(profile -> {
                assertThat(profile.get("externalId").asText()).isEqualTo("c-3");
                assertThat(profile.get("country").asText()).isEqualTo("Canada");
            });
            JsonNode ann = api.get("/api/v1/profiles?search=ann", api.viewerKey).json().get("profiles").get(0);
            assertThat(ann.get("income").asDouble()).isEqualTo(90_000);
            assertThat(api.get("/api/v1/profiles/" + ann.get("id").asLong(), api.viewerKey).json().get("segments").isArray()).isTrue();
        }
    }

    @Test
    void aFilterThatDoesNotParseIs400WithItsPosition() {
        try (ApiFixture api = new ApiFixture(folder)) {
            ApiFixture.Answer answer = api.get("/api/v1/profiles?filter=" + encode("age >>> 3"), api.viewerKey);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().get("detail").asText()).containsIgnoringCase("position");
        }
    }

    @Test
    void aProfileIsDeletedByAnAdminAndThenNotFound() {
        try (ApiFixture api = new ApiFixture(folder)) {
            put(api, "/api/v1/profiles", api.adminKey, "{\"externalId\":\"c-9\",\"email\":\"z@example.com\"}");
            long id = api.app.profiles().findByExternalId("c-9").orElseThrow().getId();

            assertThat(delete(api, "/api/v1/profiles/" + id, api.viewerKey).status()).isEqualTo(403);
            assertThat(delete(api, "/api/v1/profiles/" + id, api.adminKey).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/profiles/" + id, api.viewerKey).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/profiles/abc", api.viewerKey).status()).isEqualTo(400);
        }
    }

    @Test
    void segmentsAreCreatedCountedListedChangedAndDeleted() {
        try (ApiFixture api = new ApiFixture(folder)) {
            put(api, "/api/v1/profiles", api.adminKey, PEOPLE);
            ApiFixture.Answer created = api.post("/api/v1/segments", api.adminKey,
                    "{\"name\":\"Canadians\",\"rule\":\"country = \\\"Canada\\\"\",\"description\":\"north\"}");
            assertThat(created.status()).isEqualTo(201);
            long id = created.json().get("id").asLong();

            assertThat(api.get("/api/v1/segments/" + id + "/count", api.viewerKey).json().get("count").asInt()).isEqualTo(2);
            assertThat(api.get("/api/v1/segments/" + id + "/members?limit=10", api.viewerKey).json().get("profiles")).hasSize(2);
            assertThat(api.get("/api/v1/segments", api.viewerKey).json()).anySatisfy(s -> assertThat(s.get("name").asText()).isEqualTo("Canadians"));
            assertThat(put(api, "/api/v1/segments/" + id, api.adminKey, "{\"name\":\"Older Canadians\",\"rule\":\"country = \\\"Canada\\\" AND age > 40\"}")
                    .json().get("rule").asText()).contains("age > 40");
            assertThat(api.post("/api/v1/segments/snapshots", api.adminKey, "{}").status()).isEqualTo(200);
            assertThat(api.get("/api/v1/segments/" + id + "/snapshots", api.viewerKey).json()).isNotEmpty();
            assertThat(delete(api, "/api/v1/segments/" + id, api.adminKey).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/segments/" + id, api.viewerKey).status()).isEqualTo(404);
            assertThat(api.post("/api/v1/segments", api.adminKey, "{\"name\":\"x\",\"rule\":42}").status()).isEqualTo(400);
        }
    }

    @Test
    void cohortsImportsStatsAndModelsAnswer() {
        try (ApiFixture api = new ApiFixture(folder)) {
            put(api, "/api/v1/profiles", api.adminKey, "[{\"externalId\":\"c-1\",\"cohorts\":\"Explorers\"}]");

            assertThat(api.get("/api/v1/cohorts", api.viewerKey).json().get(0).get("cohort").asText()).isEqualTo("Explorers");
            assertThat(api.get("/api/v1/cohorts/explorers/members", api.viewerKey).json().get("profiles")).hasSize(1);
            assertThat(api.get("/api/v1/cohorts/nobody/members", api.viewerKey).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/imports", api.viewerKey).json()).isNotEmpty();
            assertThat(api.get("/api/v1/stats", api.viewerKey).json().get("profileCount").asInt()).isEqualTo(1);
            assertThat(api.get("/api/v1/models", api.viewerKey).json()).singleElement()
                    .satisfies(model -> assertThat(model.get("active").asBoolean()).isTrue());
        }
    }

    @Test
    void anUploadedJsonLinesFileOrWorkbookIsImportedThroughTheImportsEndpoint() throws Exception {
        try (ApiFixture api = new ApiFixture(folder)) {
            ApiFixture.Answer lines = api.upload("/api/v1/imports", api.adminKey, "people.jsonl",
                    "{\"cookie\":\"l-1\",\"email\":\"lee@example.com\",\"zip\":\"07302\"}\nnot json\n", null);
            byte[] workbook = Files.readAllBytes(TestWorkbooks.customers(folder.resolve("book.xlsx")));
            ApiFixture.Answer excel = api.upload("/api/v1/imports?dry_run=true", api.adminKey, "book.xlsx", workbook, null);

            assertThat(lines.status()).isEqualTo(201);
            assertThat(lines.json().get("read").asInt()).isEqualTo(2);
            assertThat(lines.json().get("inserted").asInt()).isEqualTo(1);
            assertThat(lines.json().get("rejected").asInt()).isEqualTo(1);
            assertThat(api.app.profiles().findByExternalId("l-1").orElseThrow().getPostalCode()).isEqualTo("07302");
            assertThat(excel.status()).isEqualTo(201);
            assertThat(excel.json().get("dryRun").asBoolean()).isTrue();
            assertThat(excel.json().get("inserted").asInt()).isPositive();
            assertThat(api.app.profiles().findByExternalId("c-1")).isEmpty();
            assertThat(api.upload("/api/v1/imports", api.viewerKey, "people.jsonl", "{}", null).status()).isEqualTo(403);
        }
    }

    @Test
    void openApiDocumentsEveryEndpointAndSwaggerUiLoadsItsAssetsFromThisServer() {
        try (ApiFixture api = new ApiFixture(folder)) {
            JsonNode spec = api.get("/openapi.json", null).json();
            ApiFixture.Answer docs = api.get("/docs", null);

            assertThat(spec.get("openapi").asText()).startsWith("3.");
            assertThat(spec.get("paths").fieldNames()).toIterable().contains("/", "/api/stats", "/bulk-ingest", "/ingest-single/bulk-json",
                    "/ingest-single/bulk-json ingest", "/api/users", "/api/user", "/api/cohort/users", "/predict-cohort", "/bulk-predict",
                    "/train", "/segment-user", "/api/v1/profiles", "/api/v1/profiles/{id}", "/api/v1/segments/{id}/members",
                    "/api/v1/models/{version}/explain", "/api/v1/imports");
            spec.get("paths").forEach(item -> item.forEach(operation ->
                    assertThat(operation.get("responses").elements().next().toString()).contains("example")));
            assertThat(docs.status()).isEqualTo(200);
            assertThat(docs.body()).doesNotContain("https://").doesNotContain("http://");
            assertThat(docs.body()).contains(Docs.SWAGGER_UI + "/swagger-ui-bundle.js");
            for (String asset : new String[] {"/swagger-ui-bundle.js", "/swagger-ui.css", "/swagger-ui-standalone-preset.js"}) {
                assertThat(api.get(Docs.SWAGGER_UI + asset, null).status()).as(asset).isEqualTo(200);
            }
        }
    }
}
