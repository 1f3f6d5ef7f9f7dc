package org.cdpdesktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void createPrintsTheKeyOnceAndListNeverShowsIt() throws Exception {
        CliRun created = CliRun.of("--data-dir", folder.toString(), "apikey", "create", "--role", "viewer", "--name", "notebook");
        CliRun listed = CliRun.of("--data-dir", folder.toString(), "apikey", "list");

        assertThat(created.exitCode()).isZero();
        JsonNode key = JSON.readTree(created.out());
        assertThat(key.get("role").asText()).isEqualTo("viewer");
        assertThat(key.get("key").asText()).startsWith("cdp_");
        assertThat(listed.out()).contains("notebook").doesNotContain(key.get("key").asText());
    }

    @Test
    void revokeRemovesTheKeyAndAnUnknownNameFails() {
        CliRun.of("--data-dir", folder.toString(), "apikey", "create", "--role", "admin", "--name", "ci");

        assertThat(CliRun.of("--data-dir", folder.toString(), "apikey", "revoke", "ci").exitCode()).isZero();
        CliRun again = CliRun.of("--data-dir", folder.toString(), "apikey", "revoke", "ci");
        assertThat(again.exitCode()).isEqualTo(RootCommand.EXIT_FAILURE);
        assertThat(again.err()).contains("No API key named 'ci'");
        assertThat(CliRun.of("--data-dir", folder.toString(), "apikey", "create", "--role", "root", "--name", "x").exitCode())
                .isEqualTo(RootCommand.EXIT_USAGE);
    }

    @Test
    void servePrintsItsUrlAndAnswersWithTheKeyUntilStopped() throws Exception {
        String key = JSON.readTree(CliRun.of("--data-dir", folder.toString(), "apikey", "create", "--role", "viewer", "--name", "n").out())
                .get("key").asText();
        StringWriter out = new StringWriter();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> serving = thread.submit(() -> RootCommand.execute(new String[] {"--data-dir", folder.toString(), "serve", "--port", "0"},
                    dataDirectory -> { }, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!out.toString().contains("url") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            String url = JSON.readTree(out.toString()).get("url").asText();
            assertThat(url).startsWith("http://127.0.0.1:");

            HttpResponse<String> stats = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/api/stats"))
                    .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(stats.statusCode()).isEqualTo(200);
            assertThat(stats.body()).contains("\"totalUsers\":0");
            thread.shutdownNow();
            assertThat(serving.get(30, TimeUnit.SECONDS)).isZero();
        } finally {
            thread.shutdownNow();
        }
    }
}
