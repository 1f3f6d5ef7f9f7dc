package org.cdpdesktop.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cdpdesktop.core.ingest.ColumnMapping;
import org.cdpdesktop.core.ingest.CsvPreviewer;
import org.cdpdesktop.core.ingest.CsvSniffer;
import org.cdpdesktop.core.ingest.DuplicatePolicy;
import org.cdpdesktop.core.ingest.ImportOptions;
import org.cdpdesktop.core.ingest.ImportSummary;
import org.cdpdesktop.core.ingest.SameProfile;
import org.cdpdesktop.core.ingest.TestWorkbooks;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.core.profile.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The old CDPapi service's endpoints answer with its shapes, so its clients keep working. */
class CompatRoutesTest {

    @TempDir
    Path folder;

    private static final String TWO_PROFILES = """
            [{"cookie":"c-1","email":"Ann@Example.com","phone_number":"+1 555 0100","age":34,"interests":["Travel","tech"],
              "cohorts":"Explorers","zip":"07302"},
             {"cookie":"c-2","email":"bob@example.com","age":"41","interests":"music|sports"}]""";

    @Test
    void statsAnswerTheOldKeysWithRealCounts() {
        try (ApiFixture api = new ApiFixture(folder)) {
            api.post("/ingest-single/bulk-json", api.adminKey, TWO_PROFILES);

            for (String path : List.of("/", "/api/stats")) {
                JsonNode stats = api.get(path, api.viewerKey).json();
                assertThat(stats.get("totalUsers").asLong()).isEqualTo(2);
                assertThat(stats.get("totalCohorts").asLong()).isEqualTo(1);
                assertThat(stats.get("totalSegments").asLong()).isEqualTo(api.app.segments().list().size());
                assertThat(stats.get("predictionsRun").isNumber()).isTrue();
            }
        }
    }

    @Test
    void bulkJsonCleansAndStoresProfilesAlsoUnderTheOldSpellingOfItsPath() {
        try (ApiFixture api = new ApiFixture(folder)) {
            ApiFixture.Answer answer = api.post("/ingest-single/bulk-json%20ingest", api.adminKey, TWO_PROFILES);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("status").asText()).isEqualTo("success");
            assertThat(answer.json().get("records_processed").asInt()).isEqualTo(2);
            assertThat(answer.json().get("errors")).isEmpty();
            JsonNode ann = api.get("/api/user?cookie=c-1", api.viewerKey).json().get("user_profile");
            assertThat(ann.get("email").asText()).isEqualTo("ann@example.com");
            assertThat(ann.get("age").asInt()).isEqualTo(34);
            assertThat(ann.get("interests")).extracting(JsonNode::asText).containsExactly("travel", "tech");
            assertThat(ann.get("cohorts")).extracting(JsonNode::asText).containsExactly("Explorers");
            JsonNode bob = api.get("/api/user?email=BOB@example.com", api.viewerKey).json().get("user_profile");
            assertThat(bob.get("age").asInt()).isEqualTo(41);
            assertThat(bob.get("interests")).extracting(JsonNode::asText).containsExactly("music", "sports");
            assertThat(ann.get("postal_code").asText()).isEqualTo("07302");
        }
    }

    @Test
    void bulkJsonReportsEachRefusedRecordByIndexAndStoresTheRest() {
        try (ApiFixture api = new ApiFixture(folder)) {
            ApiFixture.Answer answer = api.post("/ingest-single/bulk-json", api.adminKey, """
                    [{"cookie":"c-1","email":"ann@example.com"},
                     {"cookie":"c-2","address":{"street":"Main"},"address.street":"Elm"},
                     {"email":"not-an-email","city":"Austin"},
                     42]""");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("records_processed").asInt()).isEqualTo(1);
            JsonNode errors = answer.json().get("errors");
            assertThat(errors).extracting(error -> error.get("index").asInt()).containsExactly(1, 2, 3);
            assertThat(errors.get(0).get("error").asText()).isEqualTo("The name 'address.street' appears twice once nested objects are flattened");
            assertThat(errors.get(1).get("error").asText()).contains("not-an-email");
            assertThat(errors.get(2).get("error").asText()).isEqualTo("A profile must be a JSON object, not a number");
            assertThat(api.app.profiles().count()).isEqualTo(1);
        }
    }

    @Test
    void bulkJsonStoresTheSameProfileAsAJsonFileImportDoes() throws Exception {
        String fromFile = SameProfile.storedFromJsonFile(folder.resolve("file"));
        try (ApiFixture api = new ApiFixture(folder.resolve("rest"))) {
            ApiFixture.Answer answer = api.post("/ingest-single/bulk-json", api.adminKey, "[" + SameProfile.JSON + "]");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("errors")).isEmpty();
            assertThat(SameProfile.stored(api.app.profiles().findByExternalId("c-42").orElseThrow())).isEqualTo(fromFile);
        }
    }

    @Test
    void bulkJsonThatIsNotAListIs400() {
        try (ApiFixture api = new ApiFixture(folder)) {
            ApiFixture.Answer answer = api.post("/ingest-single/bulk-json", api.adminKey, "{\"cookie\":\"c-1\"}");

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().get("detail").asText()).contains("list of profiles");
        }
    }

    @Test
    void bulkIngestImportsAnUploadedCsvWithItsAccountingAndFailedLog() {
        try (ApiFixture api = new ApiFixture(folder)) {
            ApiFixture.Answer answer = api.upload("/bulk-ingest", api.adminKey, "customers.csv",
                    "cookie,email,zip\nc-1,ann@example.com,07302\nc-2,bob@example.com,10001\n,broken,1\n", null);

            assertThat(answer.status()).isEqualTo(200);
            JsonNode summary = answer.json().get("summary");
            assertThat(summary.get("total").asInt()).isEqualTo(3);
            assertThat(summary.get("success").asInt()).isEqualTo(2);
            assertThat(summary.get("failed").asInt()).isEqualTo(1);
            assertThat(summary.get("dry_run").asBoolean()).isFalse();
            assertThat(answer.json().get("failed_log")).singleElement().satisfies(entry -> {
                assertThat(entry.get("line").asInt()).isEqualTo(4);
                assertThat(entry.get("reason").asText()).isNotBlank();
            });
            assertThat(answer.json().get("inserted").asInt()).isEqualTo(2);
            assertThat(api.app.importer().history()).anySatisfy(batch -> assertThat(batch.fileName()).isEqualTo("customers.csv"));
            assertThat(api.app.profiles().findByExternalId("c-1").orElseThrow().getPostalCode()).isEqualTo("07302");
        }
    }

    @Test
    void bulkIngestImportsAnUploadedJsonFileAndAnExcelWorkbook() throws Exception {
        try (ApiFixture api = new ApiFixture(folder)) {
            ApiFixture.Answer json = api.upload("/bulk-ingest", api.adminKey, "customers.json",
                    "[{\"cookie\":\"j-1\",\"email\":\"jo@example.com\",\"zip\":\"07302\",\"interests\":[\"travel\",\"tech\"]},"
                            + "{\"cookie\":\"j-2\",\"email\":\"jay@example.com\"}]", null);
            byte[] workbook = Files.readAllBytes(TestWorkbooks.customers(folder.resolve("book.xlsx")));
            ApiFixture.Answer excel = api.upload("/bulk-ingest", api.adminKey, "customers.xlsx", workbook, null);

            assertThat(json.status()).isEqualTo(200);
            assertThat(json.json().get("inserted").asInt()).isEqualTo(2);
            assertThat(api.app.profiles().findByExternalId("j-1").orElseThrow().getPostalCode()).isEqualTo("07302");
            assertThat(api.app.profiles().findByExternalId("j-1").orElseThrow().getInterests()).containsExactly("travel", "tech");
            assertThat(excel.status()).isEqualTo(200);
            assertThat(excel.json().get("summary").get("failed").asInt()).isZero();
            assertThat(excel.json().get("inserted").asInt()).isPositive();
            assertThat(api.app.profiles().findByExternalId("c-1").orElseThrow().getPostalCode()).isEqualTo("07302");
            assertThat(api.app.importer().history()).extracting(batch -> batch.fileName()).contains("customers.json", "customers.xlsx");
        }
    }

    @Test
    void bulkIngestAnswersAFileItCannotReadWith400AndWhy() {
        try (ApiFixture api = new ApiFixture(folder)) {
            ApiFixture.Answer answer = api.upload("/bulk-ingest", api.adminKey, "book.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0}, null);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().get("detail").asText()).isNotBlank();
            assertThat(api.app.profiles().count()).isZero();
        }
    }

    @Test
    void bulkIngestDryRunAsAFormFieldOrAQueryParameterStoresNothing() {
        try (ApiFixture api = new ApiFixture(folder)) {
            ApiFixture.Answer form = api.upload("/bulk-ingest", api.adminKey, "a.csv", "cookie,email\nc-1,ann@example.com\n", "true");
            ApiFixture.Answer query = api.upload("/bulk-ingest?dry_run=true", api.adminKey, "a.csv", "cookie,email\nc-1,ann@example.com\n", null);

            assertThat(form.json().get("summary").get("dry_run").asBoolean()).isTrue();
            assertThat(form.json().get("summary").get("success").asInt()).isEqualTo(1);
            assertThat(query.json().get("summary").get("dry_run").asBoolean()).isTrue();
            assertThat(api.app.profiles().count()).isZero();
        }
    }

    @Test
    void bulkIngestRefusesAFileNameThatClimbsOutOfItsFolder() {
        try (ApiFixture api = new ApiFixture(folder)) {
            ApiFixture.Answer answer = api.upload("/bulk-ingest", api.adminKey, "../../evil.csv", "cookie\nc-1\n", null);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().get("detail").asText()).contains("not a plain file name");
            assertThat(api.app.profiles().count()).isZero();
            assertThat(api.upload("/bulk-ingest", api.adminKey, "x.csv", "", null).status()).isEqualTo(400);
        }
    }

    @Test
    void usersArePagedWithSkipAndLimitAndBadPagingIs400() {
        try (ApiFixture api = new ApiFixture(folder)) {
            api.post("/ingest-single/bulk-json", api.adminKey, TWO_PROFILES);

            JsonNode page = api.get("/api/users?skip=1&limit=1", api.viewerKey).json();

            assertThat(page.get("total").asInt()).isEqualTo(2);
            assertThat(page.get("users")).singleElement().satisfies(user -> {
                assertThat(user.get("cookie").asText()).isEqualTo("c-2");
                assertThat(user.get("interests").isArray()).isTrue();
                assertThat(user.get("cohorts").isArray()).isTrue();
                assertThat(user.get("segments").isArray()).isTrue();
            });
            assertThat(api.get("/api/users", api.viewerKey).json().get("users")).hasSize(2);
            assertThat(api.get("/api/users?skip=-1", api.viewerKey).status()).isEqualTo(400);
            assertThat(api.get("/api/users?limit=ten", api.viewerKey).json().get("detail").asText()).contains("'limit'");
            assertThat(api.get("/api/users?limit=99999999999999999999", api.viewerKey).status()).isEqualTo(400);
        }
    }

    @Test
    void userNeedsACookieOrEmailAndAnUnknownOneIs404() {
        try (ApiFixture api = new ApiFixture(folder)) {
            assertThat(api.get("/api/user", api.viewerKey).status()).isEqualTo(400);
            ApiFixture.Answer missing = api.get("/api/user?cookie=nobody", api.viewerKey);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().get("error").asText()).isEqualTo("not found");
        }
    }

    @Test
    void cohortUsersListsMembersAndRefusesAMissingOrUnknownCohort() {
        try (ApiFixture api = new ApiFixture(folder)) {
            api.post("/ingest-single/bulk-json", api.adminKey, TWO_PROFILES);

            JsonNode members = api.get("/api/cohort/users?cohort=explorers&limit=10&offset=0", api.viewerKey).json();

            assertThat(members.get("cohort").asText()).isEqualTo("Explorers");
            assertThat(members.get("users")).extracting(user -> user.get("cookie").asText()).containsExactly("c-1");
            assertThat(api.get("/api/cohort/users", api.viewerKey).status()).isEqualTo(400);
            assertThat(api.get("/api/cohort/users?cohort=Nobody", api.viewerKey).status()).isEqualTo(404);
        }
    }

    @Test
    void cleanUsersBringsValuesStoredAroundTheCleanerToTheirCleanForm() {
        try (ApiFixture api = new ApiFixture(folder)) {
            api.post("/ingest-single/bulk-json", api.adminKey, TWO_PROFILES);
            api.app.database().write(connection -> connection.createStatement()
                    .executeUpdate("UPDATE profile SET email = '  BOB@EXAMPLE.COM ', country = 'usa' WHERE external_id = 'c-2'"));

            ApiFixture.Answer answer = api.get("/clean-users", api.adminKey);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("message").asText()).contains("Cleaned 2 profiles").contains("2 values in 1 profiles changed");
            Profile bob = api.app.profiles().findByExternalId("c-2").orElseThrow();
            assertThat(bob.getEmail()).isEqualTo("bob@example.com");
            assertThat(bob.getCountry()).isEqualTo("United States");
            assertThat(api.get("/clean-users", api.viewerKey).status()).isEqualTo(403);
        }
    }

    @Test
    void segmentUserAnswersTheSegmentsOfAStoredProfile() {
        try (ApiFixture api = new ApiFixture(folder)) {
            api.post("/ingest-single/bulk-json", api.adminKey, TWO_PROFILES);
            api.app.segments().snapshotAll("test");

            ApiFixture.Answer answer = api.post("/segment-user", api.viewerKey, "{\"email\":\"ANN@example.com\"}");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("cookie").asText()).isEqualTo("c-1");
            assertThat(answer.json().get("segments")).isNotEmpty().extracting(JsonNode::asText)
                    .containsExactlyInAnyOrderElementsOf(api.app.profileBrowser().detail(
                            api.app.profiles().findByExternalId("c-1").orElseThrow().getId()).orElseThrow().segments());
            assertThat(api.post("/segment-user", api.viewerKey, "{\"cookie\":\"nobody\"}").status()).isEqualTo(404);
            assertThat(api.post("/segment-user", api.viewerKey, "{\"city\":\"Austin\"}").status()).isEqualTo(400);
        }
    }

    @Test
    void modelEndpointsSay503NoModelWhileNoModelIsActiveAndTrainingWithoutLabelsIsRefused() throws Exception {
        try (ApiFixture api = new ApiFixture(folder)) {
            Files.delete(api.app.dataDirectory().models().resolve("active"));

            ApiFixture.Answer predict = api.post("/predict-cohort", api.viewerKey, "{\"interests\":[\"travel\"]}");
            ApiFixture.Answer bulk = api.post("/bulk-predict", api.viewerKey, "[{\"interests\":[\"travel\"]}]");
            ApiFixture.Answer train = api.post("/train", api.adminKey, "{}");

            assertThat(predict.status()).isEqualTo(503);
            assertThat(predict.json().get("error").asText()).isEqualTo("no model");
            assertThat(predict.json().get("detail").asText()).contains("activate");
            assertThat(bulk.status()).isEqualTo(503);
            assertThat(train.status()).isEqualTo(409);
            assertThat(train.json().get("detail").asText()).isNotBlank();
            assertThat(api.post("/train", api.viewerKey, "{}").status()).isEqualTo(403);
        }
    }

    @Test
    void restWritesDuringACsvImportAreSerialisedAndNeverSeeALockedDatabase() throws Exception {
        try (ApiFixture api = new ApiFixture(folder)) {
            StringBuilder csv = new StringBuilder("cookie,email\n");
            for (int i = 0; i < 20_000; i++) {
                csv.append("f-").append(i).append(",f").append(i).append("@example.com\n");
            }
            Path file = Files.writeString(folder.resolve("big.csv"), csv);
            var dialect = CsvSniffer.sniff(file);
            ImportOptions options = new ImportOptions(dialect, ColumnMapping.auto(CsvPreviewer.preview(file, dialect, 0).headers()),
                    DuplicatePolicy.NEWEST, false, null);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            try {
                Future<ImportSummary> csvImport = api.app.jobs().submit(api.app.importer().importJob(file, options), JobListener.NONE).outcome();
                List<Future<ApiFixture.Answer>> writes = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    String body = "[{\"cookie\":\"r-" + i + "\",\"email\":\"r" + i + "@example.com\"}]";
                    writes.add(clients.submit(() -> api.post("/ingest-single/bulk-json", api.adminKey, body)));
                }
                for (Future<ApiFixture.Answer> write : writes) {
                    ApiFixture.Answer answer = write.get(120, TimeUnit.SECONDS);
                    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                    assertThat(answer.body()).doesNotContainIgnoringCase("locked");
                }
                assertThat(csvImport.get(120, TimeUnit.SECONDS).inserted()).isEqualTo(20_000);
            } finally {
                clients.shutdownNow();
            }
            assertThat(api.app.profiles().count()).isEqualTo(20_040);
        }
    }
}
