package org.cdpdesktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.cdpdesktop.App;
import org.cdpdesktop.core.stream.TestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code produce} and {@code consume} against a real broker: the CLI round trip the README shows. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StreamCommandsTest {


    @TempDir
    Path folder;

    private final TestBroker broker = TestBroker.get();

    private CliRun run(String... args) {
        return CliRun.in(folder.resolve("data"), args);
    }

    private Path file(String name, String text) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void profilesProducedFromCsvAndJsonLinesAreConsumedWithPoisonParked() throws Exception {
        String topic = broker.newTopic("cli", 3);
        Path csv = file("people.csv", "cookie,email,zip,loyalty\nc-1,ann@example.com,07302,gold\nc-2,bob@example.com,10001,\n");
        Path jsonl = file("more.jsonl", "{\"cookie\":\"c-3\",\"email\":\"cy@example.com\",\"interests\":[\"tech\"]}\n\n"
                + "{\"cookie\":\"c-1\",\"email\":\"ann@example.com\",\"zip\":\"07302\",\"loyalty\":\"gold\"}\nnot json\n");

        CliRun sentCsv = run("produce", "--bootstrap", broker.bootstrap(), "--topic", topic, csv.toString());
        CliRun sentJsonl = run("produce", "--bootstrap", broker.bootstrap(), "--topic", topic, jsonl.toString());
        CliRun consumed = run("consume", "--bootstrap", broker.bootstrap(), "--topic", topic, "--group", "cli-1", "--from-beginning",
                "--max-messages", "5", "--idle-timeout", "30");

        assertThat(sentCsv.exitCode()).as(sentCsv.err()).isZero();
        assertThat(sentCsv.json().get("sent").asLong()).isEqualTo(2);
        assertThat(sentJsonl.json().get("sent").asLong()).isEqualTo(3);
        assertThat(consumed.exitCode()).as(consumed.err()).isZero();
        JsonNode summary = consumed.json();
        assertThat(summary.get("read").asLong()).isEqualTo(5);
        assertThat(summary.get("inserted").asLong() + summary.get("updated").asLong() + summary.get("duplicates").asLong())
                .as("c-1 twice is one profile").isEqualTo(4);
        assertThat(summary.get("rejected").asLong()).isEqualTo(1);
        assertThat(summary.get("deadLettered").asLong()).isEqualTo(1);
        assertThat(summary.has("seconds")).isTrue();
        assertThat(summary.has("messagesPerSecond")).isTrue();
        try (App app = App.open(folder.resolve("data"))) {
            assertThat(app.profiles().count()).isEqualTo(3);
            assertThat(app.profiles().findByExternalId("c-1").orElseThrow().getPostalCode()).isEqualTo("07302");
            assertThat(app.profiles().findByExternalId("c-1").orElseThrow().getAttributes()).containsEntry("loyalty", "gold");
            assertThat(app.stream().deadLetters().newest(5)).singleElement().satisfies(letter -> assertThat(letter.payload()).isEqualTo("not json"));
        }
    }

    @Test
    void consumeEndsAfterTheIdleTimeoutWithNothingRead() throws Exception {
        String topic = broker.newTopic("idle", 1);

        CliRun consumed = run("consume", "--bootstrap", broker.bootstrap(), "--topic", topic, "--idle-timeout", "1");

        assertThat(consumed.exitCode()).as(consumed.err()).isZero();
        assertThat(consumed.json().get("read").asLong()).isZero();
    }

    @Test
    void aBootstrapThatIsNotHostAndPortIsAUsageError() {
        CliRun result = run("produce", "--bootstrap", "localhost", "--topic", "t", folder.resolve("x.csv").toString());

        assertThat(result.exitCode()).isEqualTo(RootCommand.EXIT_USAGE);
        assertThat(result.err()).contains("Bootstrap server \"localhost\" is not HOST:PORT");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void consumeWithPredictStoresTheActiveModelsCohortForEveryConsumedProfile() throws Exception {
        String topic = broker.newTopic("predict", 1);
        Path jsonl = file("people.jsonl", "{\"cookie\":\"p-1\",\"email\":\"pia@example.com\",\"interests\":[\"travel\",\"hiking\"]}\n"
                + "{\"cookie\":\"p-2\",\"email\":\"pat@example.com\",\"interests\":[\"cooking\"],\"cohort\":\"Homebodies\"}\n");
        run("produce", "--bootstrap", broker.bootstrap(), "--topic", topic, jsonl.toString());

        CliRun consumed = run("consume", "--bootstrap", broker.bootstrap(), "--topic", topic, "--group", "predict-1", "--from-beginning",
                "--predict", "--max-messages", "2", "--idle-timeout", "30");

        assertThat(consumed.exitCode()).as(consumed.err()).isZero();
        assertThat(consumed.json().get("inserted").asLong()).isEqualTo(2);
        try (App app = App.open(folder.resolve("data"))) {
            String model = app.cohortModels().registry().activeId().orElseThrow();
            long predicted = app.database().read(connection -> {
                try (var query = connection.prepareStatement("SELECT count(DISTINCT profile_id) FROM profile_cohort WHERE source = 'model'"
                        + " AND model_version = ? AND confidence > 0")) {
                    query.setString(1, model);
                    try (var result = query.executeQuery()) {
                        return result.next() ? result.getLong(1) : 0L;
                    }
                }
            });
            assertThat(predicted).isEqualTo(2);
        }
    }

    @Test
    void predictingWithoutAnActiveCohortModelIsRefusedBeforeConsuming() throws Exception {
        try (App app = App.open(folder.resolve("data"))) {
            Files.delete(app.dataDirectory().models().resolve("active"));
        }

        CliRun result = run("consume", "--bootstrap", broker.bootstrap(), "--topic", "t", "--predict", "--idle-timeout", "1");

        assertThat(result.exitCode()).isEqualTo(RootCommand.EXIT_FAILURE);
        assertThat(result.err()).contains("error: Predicting on ingest needs an active cohort model");
    }
}
