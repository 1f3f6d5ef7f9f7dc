package org.cdpdesktop.core.stream;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.cdpdesktop.core.Settings;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.ingest.ColumnMapping;
import org.cdpdesktop.core.ingest.DuplicatePolicy;
import org.cdpdesktop.core.ingest.ImportOptions;
import org.cdpdesktop.core.ingest.ImportService;
import org.cdpdesktop.core.ingest.ImportSummary;
import org.cdpdesktop.core.ingest.MappingPresets;
import org.cdpdesktop.core.ingest.RecordBatch;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.jobs.JobListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background Kafka consumer the Stream screen controls: at most one at a time, on its own thread, stopped cleanly
 * (its last batch stored and committed) on {@link #close()}. Also the connection test and the dead letters' retry.
 */
public final class StreamService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamService.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final ImportService importer;
    private final MappingPresets presets;
    private final Settings appSettings;
    private final Path rejectsFolder;
    private final DeadLetterStore deadLetters;
    private final ChangedProfiles changes;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kafka-stream");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> LOG.error("Uncaught failure in {}", t.getName(), e));
        return thread;
    });

    private volatile StreamSettings settings;
    private volatile Consumer<List<Long>> changedProfiles;
    private StreamConsumer running;
    private Future<?> runningTask;

    public StreamService(Database database, ImportService importer, MappingPresets presets, Settings appSettings, Path rejectsFolder) {
        this.importer = importer;
        this.presets = presets;
        this.appSettings = appSettings;
        this.rejectsFolder = rejectsFolder;
        this.deadLetters = new DeadLetterStore(database);
        this.changes = new ChangedProfiles(database);
        this.settings = StreamSettings.load(appSettings);
    }

    /** The settings in use: the saved ones, with the secrets typed in this session. */
    public StreamSettings settings() {
        return settings;
    }

    /** Keeps the settings for this session and saves them, except the secrets, for the next. */
    public void saveSettings(StreamSettings newSettings) {
        settings = newSettings;
        newSettings.save(appSettings);
    }

    /**
     * Where the ids of profiles each consumed batch inserted or changed go when the settings ask for predictions;
     * the composition root points it at the active cohort model.
     */
    public void onChangedProfiles(Consumer<List<Long>> listener) {
        this.changedProfiles = listener;
    }

    /** Whether predictions on ingest can run: something listens for changed profiles. */
    public boolean canPredict() {
        return changedProfiles != null;
    }

    public DeadLetterStore deadLetters() {
        return deadLetters;
    }

    /** A consumer for these settings, to run on the caller's thread (the command line does). */
    public StreamConsumer consumer(StreamSettings streamSettings, StreamConsumer.Options options) {
        String problem = streamSettings.problem();
        if (problem != null) {
            throw new StreamException(problem);
        }
        ColumnMapping preset = streamSettings.format() == MessageFormat.CSV_LINE ? loadPreset(streamSettings.preset()) : null;
        return new StreamConsumer(streamSettings, parser(streamSettings, preset), preset, importer, deadLetters, changes,
                rejectsFolder, options, changedProfiles);
    }

    private ColumnMapping loadPreset(String name) {
        try {
            return presets.load(name);
        } catch (IllegalArgumentException e) {
            throw new StreamException(e.getMessage(), e);
        }
    }

    private static MessageParser parser(StreamSettings streamSettings, ColumnMapping preset) {
        return preset != null ? MessageParser.csv(new ArrayList<>(preset.targets().keySet())) : MessageParser.json(streamSettings.format());
    }

    /** Starts consuming in the background with the settings in use; refused while a consumer runs. */
    public synchronized void start() {
        if (isRunning()) {
            throw new StreamException("The stream is already running");
        }
        running = consumer(settings, StreamConsumer.Options.continuous());
        runningTask = executor.submit(running);
        LOG.info("Stream started: {}", settings);
    }

    public synchronized boolean isRunning() {
        return runningTask != null && !runningTask.isDone();
    }

    /** Asks the running consumer to store and commit its batch in hand and stop; returns at once. */
    public synchronized void stop() {
        if (running != null) {
            running.stop();
        }
    }

    /** The running (or last) consumer's state and counters. */
    public synchronized StreamStatus status() {
        return running == null ? StreamStatus.stopped() : running.status();
    }

    /** Lists the broker's topics and their partitions: proves the address, the security settings and the login. */
    public List<TopicInfo> testConnection(StreamSettings streamSettings) {
        String problem = streamSettings.problem();
        if (problem != null) {
            throw new StreamException(problem);
        }
        Map<String, Object> config = new HashMap<>(streamSettings.clientConfig());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "cdp-desktop-test");
        try (Admin admin = Admin.create(config)) {
            Set<String> names = admin.listTopics(new ListTopicsOptions().timeoutMs((int) ADMIN_TIMEOUT.toMillis())).names()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, TopicDescription> descriptions = names.isEmpty() ? Map.of()
                    : admin.describeTopics(names).allTopicNames().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return descriptions.values().stream()
                    .map(description -> new TopicInfo(description.name(), description.partitions().size()))
                    .sorted(Comparator.comparing(TopicInfo::name))
                    .toList();
        } catch (ExecutionException e) {
            throw new StreamException("Cannot list the topics of " + streamSettings.bootstrapServers() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new StreamException("No answer from " + streamSettings.bootstrapServers() + " within " + ADMIN_TIMEOUT.toSeconds()
                    + " s: is the broker running and reachable?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamException("Connection test interrupted", e);
        } catch (KafkaException e) {
            throw new StreamException("Cannot connect to " + streamSettings.bootstrapServers() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs a dead letter through the pipeline again with the settings in use (e.g. after fixing the preset). Stored:
     * the dead letter is deleted; refused again: it stays, with the new reason. Answers whether it was stored.
     */
    public boolean retry(long deadLetterId) {
        DeadLetter letter = deadLetters.get(deadLetterId)
                .orElseThrow(() -> new StreamException("Dead letter " + deadLetterId + " no longer exists"));
        if (letter.truncated()) {
            deadLetters.updateReason(deadLetterId, "Only the first " + DeadLetterStore.MAX_PAYLOAD_CHARS
                    + " characters were kept; replay the message from offset " + letter.offset() + " of the topic instead");
            return false;
        }
        ColumnMapping preset = settings.format() == MessageFormat.CSV_LINE ? loadPreset(settings.preset()) : null;
        Map<String, String> values;
        try {
            values = parser(settings, preset).parse(letter.payload().getBytes(StandardCharsets.UTF_8));
        } catch (PoisonMessageException e) {
            deadLetters.updateReason(deadLetterId, e.getMessage());
            return false;
        }
        RecordBatch batch = RecordBatch.of(letter.topic(), "kafka", List.of(values));
        ColumnMapping mapping = preset != null ? preset.appliedTo(batch.headers()) : ColumnMapping.auto(batch.headers());
        ImportSummary summary = importer.ingest(batch, new ImportOptions(null, mapping, DuplicatePolicy.NEWEST, false,
                rejectsFolder.resolve("kafka-retry-" + deadLetterId + "-" + System.currentTimeMillis() + ".rejects.csv")),
                JobContext.create("Retry dead letter " + deadLetterId, JobListener.NONE, new AtomicBoolean()));
        if (summary.rejected() > 0) {
            deadLetters.updateReason(deadLetterId, batch.rejections().get(0).reason());
            return false;
        }
        deadLetters.delete(List.of(deadLetterId));
        importer.afterIngest(summary);
        return true;
    }

    /** Stops the consumer, waiting for its last batch to be stored and committed. */
    @Override
    public void close() {
        Future<?> task;
        synchronized (this) {
            stop();
            task = runningTask;
        }
        if (task != null) {
            try {
                task.get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                LOG.warn("The stream consumer did not stop within {} s; its uncommitted batch is read again next time", STOP_TIMEOUT.toSeconds());
            } catch (ExecutionException e) {
                LOG.warn("The stream consumer ended with an error", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        executor.shutdownNow();
    }
}
