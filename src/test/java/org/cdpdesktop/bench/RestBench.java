package org.cdpdesktop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cdpdesktop.App;
import org.cdpdesktop.core.access.ApiRole;
import org.cdpdesktop.core.ingest.ColumnMapping;
import org.cdpdesktop.core.ingest.CsvDialect;
import org.cdpdesktop.core.ingest.CsvPreviewer;
import org.cdpdesktop.core.ingest.CsvSniffer;
import org.cdpdesktop.core.ingest.DuplicatePolicy;
import org.cdpdesktop.core.ingest.ImportOptions;
import org.cdpdesktop.core.ingest.ImportSummary;
import org.cdpdesktop.core.ingest.RecordBatch;
import org.cdpdesktop.core.jobs.Job;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.core.jobs.JobRunner;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.query.ProfileQuery;
import org.cdpdesktop.core.sample.SampleDataGenerator;
import org.cdpdesktop.rest.ApiConfig;
import org.cdpdesktop.rest.ApiServer;
import org.cdpdesktop.rest.ModelEndpoints;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The REST API's speed against the same work through the core services without HTTP, in the same run:
 * single-profile upserts from {@value #CLIENTS} concurrent clients (each request one profile, as a sign-up form sends
 * it), against the same single-record batches given to the import service by 8 threads; the HTTP round trip alone
 * ({@code GET /docs}); and {@code GET /api/users?limit=100} on a 1,000,000-row store ({@code generate --rows 1000000
 * --seed 42} imported by the import job, kept in {@code target/bench/rest-store} for the next run), against the same
 * page, segment names and count read through the core services. Writes
 * {@code target/bench/rest.md}. Run: {@code mvn -Pbench test -Dtest=RestBench}.
 */
@Tag("bench")
class RestBench {

    private static final int CLIENTS = 8;
    private static final int UPSERTS_PER_CLIENT = 500;
    private static final int ROUNDS = 3;
    /** {@code -Drest.bench.rows=50000} lists a smaller store while developing; the recorded figure is on 1,000,000. */
    private static final int ROWS = Integer.getInteger("rest.bench.rows", 1_000_000);
    private static final int READS = 300;
    private static final Path FOLDER = Path.of("target", "bench");

    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final StringBuilder report = new StringBuilder();
    private double lastCpuMicros;

    @Test
    void upsertsAndListingsOverHttpAgainstTheCoreAlone() throws Exception {
        Files.createDirectories(FOLDER);
        report.append("| Measure | Through the core, no HTTP | Over HTTP |\n|---|---:|---:|\n");
        upserts();
        listings();
        Files.writeString(FOLDER.resolve("rest.md"), report.toString());
        System.out.println(report);
    }

    private void upserts() throws Exception {
        Path store = Files.createTempDirectory(FOLDER, "rest-upserts");
        try (App app = App.open(store); ApiServer server = new ApiServer(app, ModelEndpoints.UNAVAILABLE)) {
            String key = app.apiKeys().create("bench", ApiRole.ADMIN).key();
            URI url = URI.create(server.start(ApiConfig.defaults().withPort(0)) + "/ingest-single/bulk-json");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            double[] core = new double[ROUNDS];
            double[] rest = new double[ROUNDS];
            double[] coreCpu = new double[ROUNDS];
            double[] restCpu = new double[ROUNDS];
            // Round 0 warms the JIT up for both paths and is not reported; then the two take turns, so that a change in
            // the machine's load during the run falls on both.
            for (int round = 0; round <= ROUNDS; round++) {
                String prefix = "r" + round;
                double coreRate = rate(client -> {
                    for (int i = 0; i < UPSERTS_PER_CLIENT; i++) {
                        RecordBatch batch = RecordBatch.of("core", "rest", List.of(record(prefix + "core", client, i)));
                        app.importer().ingest(batch, new ImportOptions(null, ColumnMapping.auto(batch.headers()), DuplicatePolicy.NEWEST, false,
                                null), JobContext.create("bench", JobListener.NONE, new AtomicBoolean()));
                    }
                });
                double coreMicros = lastCpuMicros;
                double restRate = rate(client -> {
                    for (int i = 0; i < UPSERTS_PER_CLIENT; i++) {
                        Map<String, String> profile = record(prefix + "http", client, i);
                        String body = "[{\"cookie\":\"" + profile.get("cookie") + "\",\"email\":\"" + profile.get("email")
                                + "\",\"age\":34,\"interests\":\"travel|tech\",\"city\":\"Austin\"}]";
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url).header("X-API-Key", key)
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertThat(answer.statusCode()).isEqualTo(200);
                    }
                });
                if (round > 0) {
                    core[round - 1] = coreRate;
                    rest[round - 1] = restRate;
                    coreCpu[round - 1] = coreMicros;
                    restCpu[round - 1] = lastCpuMicros;
                }
            }
            assertThat(app.profiles().count()).isEqualTo(2L * (ROUNDS + 1) * CLIENTS * UPSERTS_PER_CLIENT);
            long transactions = app.importer().history().stream().filter(batch -> batch.fileName().equals("bulk-json")).count();
            URI docs = URI.create(server.url().orElseThrow() + "/docs");
            double roundTrips = rate(client -> {
                for (int i = 0; i < UPSERTS_PER_CLIENT; i++) {
                    assertThat(http.send(HttpRequest.newBuilder(docs).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
                }
            });
            report.append(String.format(Locale.ROOT, "| Single-profile upserts, %d clients, median of %d rounds (profiles/s) | %.0f | %.0f |%n",
                    CLIENTS, ROUNDS, percentile(core, 50), percentile(rest, 50)));
            report.append(String.format(Locale.ROOT, "| The same: CPU time of the whole process per profile, clients included, median (µs) | %.0f | %.0f |%n",
                    percentile(coreCpu, 50), percentile(restCpu, 50)));
            report.append(String.format(Locale.ROOT, "| HTTP upserts written per transaction (group commit), mean | | %.1f |%n",
                    (double) (ROUNDS + 1) * CLIENTS * UPSERTS_PER_CLIENT / transactions));
            report.append(String.format(Locale.ROOT, "| The HTTP round trip alone: GET /docs, a fixed page, %d clients (requests/s) | | %.0f |%n",
                    CLIENTS, roundTrips));
            report.append(String.format(Locale.ROOT, "| The same: CPU time per request (µs) | | %.0f |%n", lastCpuMicros));
            System.out.println("Upsert rounds, core: " + Arrays.toString(core) + " " + Arrays.toString(coreCpu) + ", HTTP: "
                    + Arrays.toString(rest) + " " + Arrays.toString(restCpu));
        }
    }

    private static Map<String, String> record(String kind, int client, int i) {
        return Map.of("cookie", kind + "-" + client + "-" + i, "email", kind + client + "x" + i + "@example.com", "age", "34",
                "interests", "travel|tech", "city", "Austin");
    }

    private interface Client {
        void run(int client) throws Exception;
    }

    /**
     * Profiles per second with {@value #CLIENTS} clients each making {@value #UPSERTS_PER_CLIENT} upserts; the process's
     * CPU time per profile goes to {@link #lastCpuMicros}, a figure that a busy machine changes less than the rate.
     */
    private double rate(Client work) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            long cpu = CPU.getProcessCpuTime();
            long started = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    work.run(client);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            lastCpuMicros = (CPU.getProcessCpuTime() - cpu) / 1e3 / (CLIENTS * UPSERTS_PER_CLIENT);
            return CLIENTS * UPSERTS_PER_CLIENT / seconds;
        } finally {
            clients.shutdownNow();
        }
    }

    private void listings() throws Exception {
        try (App app = App.open(FOLDER.resolve(ROWS == 1_000_000 ? "rest-store" : "rest-store-" + ROWS)); ApiServer server = new ApiServer(app, ModelEndpoints.UNAVAILABLE)) {
            if (app.profiles().count() < ROWS * 9L / 10) {
                build(app);
            }
            double[] core = new double[READS];
            for (int i = 0; i < READS; i++) {
                long started = System.nanoTime();
                List<Profile> page = app.profileBrowser().page(ProfileQuery.ALL, 0, 100);
                app.profileBrowser().segmentNames(page.stream().map(Profile::getId).toList());
                app.profiles().count();
                core[i] = (System.nanoTime() - started) / 1e6;
            }
            String key = app.apiKeys().list().isEmpty() ? app.apiKeys().create("bench", ApiRole.VIEWER).key()
                    : recreateKey(app);
            URI url = URI.create(server.start(ApiConfig.defaults().withPort(0)) + "/api/users?limit=100");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            double[] rest = new double[READS];
            for (int i = 0; i < READS; i++) {
                long started = System.nanoTime();
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url).header("X-API-Key", key).build(),
                        HttpResponse.BodyHandlers.ofString());
                rest[i] = (System.nanoTime() - started) / 1e6;
                assertThat(answer.statusCode()).isEqualTo(200);
            }
            report.append(String.format(Locale.ROOT, "| GET /api/users?limit=100 on %,d profiles, median (ms) | %.1f | %.1f |%n",
                    app.profiles().count(), percentile(core, 50), percentile(rest, 50)));
            report.append(String.format(Locale.ROOT, "| GET /api/users?limit=100, p99 (ms) | %.1f | %.1f |%n", percentile(core, 99), percentile(rest, 99)));
        }
    }

    private static String recreateKey(App app) {
        app.apiKeys().revoke("bench");
        return app.apiKeys().create("bench", ApiRole.VIEWER).key();
    }

    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static void build(App app) throws Exception {
        Path file = FOLDER.resolve(ROWS == 1_000_000 ? "customers-1m.csv" : "customers-" + ROWS + ".csv");
        if (!Files.exists(file)) {
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                SampleDataGenerator.write(writer, ROWS, 42);
            }
        }
        CsvDialect dialect = CsvSniffer.sniff(file);
        List<String> headers = CsvPreviewer.preview(file, dialect, 0).headers();
        Job<ImportSummary> job = app.importer().importJob(file, new ImportOptions(dialect, ColumnMapping.auto(headers), DuplicatePolicy.NEWEST, false, null));
        JobRunner.runHere(job, JobRunner.foregroundHandle(job), JobListener.NONE);
    }
}
