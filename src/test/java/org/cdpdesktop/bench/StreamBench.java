package org.cdpdesktop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.cdpdesktop.App;
import org.cdpdesktop.core.ingest.ColumnMapping;
import org.cdpdesktop.core.ingest.DuplicatePolicy;
import org.cdpdesktop.core.ingest.ImportOptions;
import org.cdpdesktop.core.ingest.ImportSummary;
import org.cdpdesktop.core.ingest.RecordBatch;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.core.stream.MessageFormat;
import org.cdpdesktop.core.stream.MessageParser;
import org.cdpdesktop.core.stream.ProfileProducer;
import org.cdpdesktop.core.stream.StreamConsumer;
import org.cdpdesktop.core.stream.StreamSettings;
import org.cdpdesktop.core.stream.StreamStatus;
import org.cdpdesktop.core.stream.TestBroker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The stream against the import pipeline, in one run on the same 1,000,000 small JSON profiles: consumed from a
 * 3-partition topic of the in-process broker into an empty store and again into the store that holds them (all
 * updates), against the import pipeline reading the same profiles from a JSON Lines file (parsed and flattened by the
 * same parser, ingested in chunks of 50,000) into an empty store and again. A bare kafka-clients consumer that only
 * deserialises the topic shows what Kafka itself costs. Writes {@code target/bench/stream.md}.
 * Run: {@code mvn -Pbench test -Dtest=StreamBench} ({@code -Dbench.profiles=N} for another count).
 */
@Tag("bench")
class StreamBench {

    private static final int PROFILES = Integer.getInteger("bench.profiles", 1_000_000);
    private static final int CHUNK = 50_000;
    private static final Path FOLDER = Path.of("target", "bench", "stream");

    @Test
    void consumesAMillionProfilesAgainstTheImportPipeline() throws Exception {
        deleteRecursively(FOLDER);
        Files.createDirectories(FOLDER);
        Path file = FOLDER.resolve("profiles-1m.jsonl");
        writeProfiles(file);
        TestBroker broker = TestBroker.get();
        String topic = broker.newTopic("bench", 3);
        StreamSettings settings = StreamSettings.plain(broker.bootstrap(), List.of(topic), "bench-1", "earliest");
        long producedAt = System.nanoTime();
        assertThat(ProfileProducer.sendFile(settings, topic, file, sent -> { })).isEqualTo(PROFILES);
        double produceSeconds = (System.nanoTime() - producedAt) / 1e9;

        double bare = bareConsumer(broker.bootstrap(), topic);
        double importInsert;
        double importUpdate;
        StreamStatus insert;
        StreamStatus update;
        // Import, stream, stream, import: a machine that gets busier or quieter during the run weighs on both alike.
        try (App importing = App.open(FOLDER.resolve("import")); App streaming = App.open(FOLDER.resolve("stream"))) {
            importInsert = importFile(importing, file, true);
            insert = consume(streaming, settings);
            assertThat(insert.inserted()).isEqualTo(PROFILES);
            update = consume(streaming, StreamSettings.plain(broker.bootstrap(), List.of(topic), "bench-2", "earliest"));
            assertThat(update.updated()).isEqualTo(PROFILES);
            assertThat(streaming.profiles().count()).isEqualTo(PROFILES);
            importUpdate = importFile(importing, file, false);
        }

        double insertRate = PROFILES / insert.seconds();
        double updateRate = PROFILES / update.seconds();
        String report = String.format(Locale.ROOT, """
                | %,d small JSON profiles | Seconds | Profiles/s | Stream ÷ import |
                |---|---:|---:|---:|
                | Bare kafka-clients consumer, deserialise only (3 partitions) | %.1f | %,.0f | |
                | Import pipeline from JSON Lines, empty store, snapshot after it (baseline) | %.1f | %,.0f | |
                | **Stream: consume + clean + resolve + upsert, empty store** | %.1f | %,.0f | **%.2f** |
                | Import pipeline from JSON Lines, all updates, snapshot after it (baseline) | %.1f | %,.0f | |
                | **Stream: consume + clean + resolve + upsert, all updates** | %.1f | %,.0f | **%.2f** |

                Producing the topic from the file (setup, not measured against anything): %.1f s.
                """, PROFILES, bare, PROFILES / bare, importInsert, PROFILES / importInsert, insert.seconds(), insertRate,
                insertRate / (PROFILES / importInsert), importUpdate, PROFILES / importUpdate, update.seconds(), updateRate,
                updateRate / (PROFILES / importUpdate), produceSeconds);
        Files.writeString(FOLDER.resolve("..").resolve("stream.md"), report);
        System.out.println(report);
    }

    private static void writeProfiles(Path file) throws Exception {
        Random random = new Random(42);
        String[] countries = {"US", "Canada", "DE", "France", "GB", "Japan"};
        String[] interests = {"tech", "travel", "sports", "music", "books", "food", "fitness"};
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < PROFILES; i++) {
                writer.write(String.format(Locale.ROOT,
                        "{\"cookie\":\"k-%d\",\"email\":\"customer%d@example.com\",\"age\":%d,\"country\":\"%s\",\"interests\":[\"%s\",\"%s\"]}%n",
                        i, i, 18 + random.nextInt(60), countries[random.nextInt(countries.length)],
                        interests[random.nextInt(interests.length)], interests[random.nextInt(interests.length)]));
            }
        }
    }

    private static double bareConsumer(String bootstrap, String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-bare", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        long started = System.nanoTime();
        long read = 0;
        long bytes = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (read < PROFILES && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    bytes += record.value().length();
                    read++;
                }
            }
        }
        assertThat(read).isEqualTo(PROFILES);
        assertThat(bytes).isPositive();
        return (System.nanoTime() - started) / 1e9;
    }

    /**
     * The file through the import pipeline: parsed and flattened as the stream does, ingested in chunks, then the
     * segment snapshot that follows every import, as the stream takes one after its last batch.
     */
    private static double importFile(App app, Path file, boolean empty) throws Exception {
        MessageParser parser = MessageParser.json(MessageFormat.LEGACY_JSON);
        long started = System.nanoTime();
        long inserted = 0;
        long updated = 0;
        ImportSummary last = null;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Map<String, String>> chunk = new ArrayList<>(CHUNK);
            String line;
            while ((line = reader.readLine()) != null) {
                chunk.add(parser.parse(line.getBytes(StandardCharsets.UTF_8)));
                if (chunk.size() == CHUNK) {
                    last = ingest(app, file, chunk);
                    inserted += last.inserted();
                    updated += last.updated();
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                last = ingest(app, file, chunk);
                inserted += last.inserted();
                updated += last.updated();
            }
        }
        app.importer().afterIngest(last);
        assertThat(empty ? inserted : updated).isEqualTo(PROFILES);
        return (System.nanoTime() - started) / 1e9;
    }

    private static ImportSummary ingest(App app, Path file, List<Map<String, String>> chunk) {
        RecordBatch batch = RecordBatch.of(file.getFileName().toString(), "jsonl", chunk);
        return app.importer().ingest(batch, new ImportOptions(null, ColumnMapping.auto(batch.headers()), DuplicatePolicy.NEWEST, false, null),
                JobContext.create("bench", JobListener.NONE, new AtomicBoolean()));
    }

    private static StreamStatus consume(App app, StreamSettings settings) {
        StreamConsumer consumer = app.stream().consumer(settings, StreamConsumer.Options.continuous().withLimits(PROFILES, Duration.ofSeconds(60)));
        consumer.run();
        StreamStatus status = consumer.status();
        assertThat(status.read()).isEqualTo(PROFILES);
        return status;
    }

    private static void deleteRecursively(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
