package org.cdpdesktop.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortModelEndpointsTest {

    @TempDir
    Path folder;

    @Test
    void predictCohortOnAFreshDataFolderAnswersTheBundledModelsCohortsWithConfidenceAndTheTermsBehindThem() {
        try (ApiFixture api = new ApiFixture(folder)) {
            String active = api.app.cohortModels().registry().activeId().orElseThrow();

            ApiFixture.Answer answer = api.post("/predict-cohort", api.viewerKey, "{\"interests\":[\"travel\",\"hiking\",\"photography\"]}");

            assertThat(answer.status()).isEqualTo(200);
            JsonNode json = answer.json();
            assertThat(json.get("model").asText()).isEqualTo(active);
            assertThat(json.get("cohort").asText()).isNotBlank();
            JsonNode first = json.get("cohorts").get(0);
            assertThat(first.get("cohort").asText()).isEqualTo(json.get("cohort").asText());
            assertThat(first.get("confidence").asDouble()).isEqualTo(json.get("confidence").asDouble()).isBetween(0.0, 1.0);
            double total = 0;
            for (JsonNode cohort : json.get("cohorts")) {
                assertThat(cohort.get("confidence").asDouble()).isLessThanOrEqualTo(first.get("confidence").asDouble());
                total += cohort.get("confidence").asDouble();
            }
            assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
            assertThat(json.get("explanation")).isNotEmpty();
            assertThat(json.get("explanation").get(0).has("term")).isTrue();
            assertThat(json.get("explanation").get(0).has("weight")).isTrue();
            assertThat(json.get("assigned")).extracting(JsonNode::asText).containsExactly(json.get("cohort").asText());
            assertThat(first.get("terms")).isNotEmpty();
        }
    }

    @Test
    void predictCohortReadsAWholeProfileAndRefusesValuesOfTheWrongKind() {
        try (ApiFixture api = new ApiFixture(folder)) {
            ApiFixture.Answer profile = api.post("/predict-cohort", api.viewerKey,
                    "{\"email\":\"ann@example.com\",\"interests\":\"cooking|gardening\",\"bio\":\"Loves a quiet weekend at home\",\"age\":\"61\"}");
            ApiFixture.Answer empty = api.post("/predict-cohort", api.viewerKey, "{\"email\":\"ann@example.com\"}");
            ApiFixture.Answer wrong = api.post("/predict-cohort", api.viewerKey, "{\"interests\":{\"a\":1}}");
            ApiFixture.Answer badAge = api.post("/predict-cohort", api.viewerKey, "{\"interests\":[\"golf\"],\"age\":\"old\"}");

            assertThat(profile.status()).isEqualTo(200);
            assertThat(profile.json().get("cohort").asText()).isNotBlank();
            assertThat(empty.status()).isEqualTo(400);
            assertThat(empty.json().get("detail").asText()).contains("Nothing to predict from");
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.json().get("detail").asText()).contains("'interests'");
            assertThat(badAge.status()).isEqualTo(400);
            assertThat(badAge.json().get("detail").asText()).contains("'age' must be a number");
        }
    }

    @Test
    void bulkPredictAnswersEachProfileByItsIndexAndListsTheOnesItCannotRead() {
        try (ApiFixture api = new ApiFixture(folder)) {
            ApiFixture.Answer answer = api.post("/bulk-predict", api.viewerKey,
                    "[{\"interests\":[\"travel\"]},{\"interests\":[\"golf\"],\"income\":\"a lot\"},{\"interests\":[\"cooking\"]}]");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("predictions")).extracting(p -> p.get("index").asInt()).containsExactly(0, 2);
            assertThat(answer.json().get("predictions")).allSatisfy(p -> assertThat(p.get("cohort").asText()).isNotBlank());
            assertThat(answer.json().get("errors")).singleElement().satisfies(error -> {
                assertThat(error.get("index").asInt()).isEqualTo(1);
                assertThat(error.get("error").asText()).contains("'income'");
            });
        }
    }

    @Test
    void trainAnswersTheEvaluationAndTheNewModelCanBeListedActivatedEvaluatedAndExplained() {
        try (ApiFixture api = new ApiFixture(folder)) {
            StringBuilder csv = new StringBuilder("cookie,email,interests,cohort\n");
            for (int i = 0; i < 30; i++) {
                csv.append("t-").append(i).append(",t").append(i).append("@example.com,travel|hiking|camping,Explorers\n");
                csv.append("h-").append(i).append(",h").append(i).append("@example.com,cooking|knitting|gardening,Homebodies\n");
            }
            assertThat(api.upload("/bulk-ingest", api.adminKey, "labelled.csv", csv.toString(), null).status()).isEqualTo(200);

            ApiFixture.Answer train = api.post("/train", api.adminKey, "{}");

            assertThat(train.status()).isEqualTo(200);
            String version = train.json().get("version").asText();
            assertThat(train.json().get("trainingRows").asInt()).isEqualTo(60);
            assertThat(train.json().get("accuracy").asDouble()).isGreaterThan(0.9);
            assertThat(train.json().get("classes")).extracting(JsonNode::asText).containsExactly("Explorers", "Homebodies");
            assertThat(train.json().get("active").asBoolean()).isFalse();

            JsonNode models = api.get("/api/v1/models", api.viewerKey).json();
            assertThat(models).extracting(m -> m.get("version").asText()).contains(version);
            assertThat(api.post("/api/v1/models/" + version + "/activate", api.viewerKey, "").status()).isEqualTo(403);
            ApiFixture.Answer activated = api.post("/api/v1/models/" + version + "/activate", api.adminKey, "");
            assertThat(activated.json().get("active").asText()).isEqualTo(version);
            ApiFixture.Answer predicted = api.post("/predict-cohort", api.viewerKey, "{\"interests\":[\"camping\"]}");
            assertThat(predicted.json().get("model").asText()).isEqualTo(version);
            assertThat(predicted.json().get("cohort").asText()).isEqualTo("Explorers");
            assertThat(predicted.json().get("cohorts").get(0).get("terms")).extracting(JsonNode::asText).contains("camping");

            ApiFixture.Answer evaluation = api.get("/api/v1/models/" + version + "/evaluation", api.viewerKey);
            assertThat(evaluation.json().get("accuracy").asDouble()).isEqualTo(train.json().get("accuracy").asDouble());
            ApiFixture.Answer explain = api.get("/api/v1/models/" + version + "/explain", api.viewerKey);
            assertThat(explain.json().get("cohorts")).anySatisfy(cohort -> {
                assertThat(cohort.get("cohort").asText()).isEqualTo("Explorers");
                assertThat(cohort.get("positive")).extracting(term -> term.get("term").asText()).contains("camping");
            });
            assertThat(api.get("/api/v1/models/nope/evaluation", api.viewerKey).status()).isEqualTo(404);
            assertThat(api.post("/api/v1/models/nope/activate", api.adminKey, "").status()).isEqualTo(404);
        }
    }

    @Test
    void aMultiLabelModelAnswersEachCohortsThresholdAndGivesEveryCohortFromItsOwn() {
        try (ApiFixture api = new ApiFixture(folder)) {
            StringBuilder csv = new StringBuilder("cookie,interests,bio,cohort\n");
            for (int i = 0; i < 15; i++) {
                csv.append("t-").append(i).append(",Tech|Gadgets,I build robots,Tech Savvy\n");
                csv.append("f-").append(i).append(",Food|Cooking,I bake bread,Foodies\n");
                csv.append("b-").append(i).append(",Tech|Food,robots that bake bread,\"Tech Savvy|Foodies\"\n");
            }
            assertThat(api.upload("/bulk-ingest", api.adminKey, "several.csv", csv.toString(), null).status()).isEqualTo(200);

            ApiFixture.Answer train = api.post("/train", api.adminKey, "{}");

            assertThat(train.status()).isEqualTo(200);
            String version = train.json().get("version").asText();
            JsonNode thresholds = train.json().get("thresholds");
            assertThat(thresholds.get("Foodies").asDouble()).isBetween(0.0, 1.0);
            assertThat(thresholds.get("Tech Savvy").asDouble()).isBetween(0.0, 1.0);
            assertThat(train.json().get("perClassConfusion")).hasSize(2);
            JsonNode evaluation = api.get("/api/v1/models/" + version + "/evaluation", api.viewerKey).json();
            assertThat(evaluation.get("thresholds")).isEqualTo(thresholds);
            assertThat(evaluation.get("macroF1AtHalf").asDouble()).isEqualTo(train.json().get("macroF1AtHalf").asDouble());

            api.post("/api/v1/models/" + version + "/activate", api.adminKey, "");
            JsonNode predicted = api.post("/predict-cohort", api.viewerKey, "{\"interests\":[\"tech\",\"food\"],\"bio\":\"robots that bake bread\"}").json();

            assertThat(predicted.get("assigned")).extracting(JsonNode::asText).containsExactlyInAnyOrder("Tech Savvy", "Foodies");
            for (JsonNode cohort : predicted.get("cohorts")) {
                boolean given = cohort.get("confidence").asDouble() >= thresholds.get(cohort.get("cohort").asText()).asDouble();
                assertThat(predicted.get("assigned")).extracting(JsonNode::asText).as(cohort.toString()).matches(
                        assigned -> assigned.contains(cohort.get("cohort").asText()) == given);
            }
        }
    }
}
