package org.cdpdesktop.core.stream;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.cdpdesktop.core.ingest.ColumnMapping;
import org.cdpdesktop.core.ingest.DuplicatePolicy;
import org.cdpdesktop.core.ingest.ImportOptions;
import org.cdpdesktop.core.ingest.ImportService;
import org.cdpdesktop.core.ingest.ImportSummary;
import org.cdpdesktop.core.ingest.RecordBatch;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.jobs.JobListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer loop, run on one thread until {@link #stop()}: poll, parse, ingest a batch through the import pipeline
 * (cleaning, identity resolution, accounting, one transaction on the store's one writer), park what cannot be stored
 * as dead letters, and only then commit the offsets. A crash between the ingest and the commit replays the batch,
 * which is harmless: the same profile twice changes nothing, and a dead letter's offset is parked once.
 */
public final class StreamConsumer implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamConsumer.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    /**
     * How the loop batches and when it ends by itself.
     *
     * @param maxMessages   stop after this many messages, {@code 0} = never
     * @param idleTimeout   stop when no message came for this long, {@code null} = never
     * @param batchSize     the most messages ingested in one transaction while the consumer keeps up
     * @param pollRecords   the most messages one poll returns; a batch fills from several polls
     * @param linger        how long a batch waits for more messages before it is ingested
     * @param afterIngestEvery how often, at most, segment snapshots follow the ingested batches
     * @param backlogBatchSize the most messages in one transaction while a backlog lasts: batches double from
     *                      {@code batchSize} while each one fills and the lag is still larger, since every batch
     *                      costs a transaction, an import-history row and an offset commit
     */
    public record Options(long maxMessages, Duration idleTimeout, int batchSize, int pollRecords, Duration linger,
                          Duration afterIngestEvery, int backlogBatchSize) {

        public Options {
            if (batchSize < 1 || backlogBatchSize < batchSize) {
                throw new IllegalArgumentException("A batch holds at least one message, and a backlog batch at least a batch");
            }
        }

        /** Options whose batches do not grow with a backlog. */
        public Options(long maxMessages, Duration idleTimeout, int batchSize, int pollRecords, Duration linger,
                       Duration afterIngestEvery) {
            this(maxMessages, idleTimeout, batchSize, pollRecords, linger, afterIngestEvery, batchSize);
        }

        public static Options continuous() {
            return new Options(0, null, 5_000, 1_000, Duration.ofMillis(500), Duration.ofSeconds(30), 50_000);
        }

        public Options withLimits(long newMaxMessages, Duration newIdleTimeout) {
            return new Options(newMaxMessages, newIdleTimeout, batchSize, pollRecords, linger, afterIngestEvery, backlogBatchSize);
        }
    }

    /**
     * The most message bytes one batch holds, whatever its count: a backlog batch of messages near the size limit
     * ({@link MessageParser#MAX_MESSAGE_BYTES}) stops here rather than at its count.
     */
    static final long MAX_BATCH_BYTES = 32L * 1024 * 1024;

    private final StreamSettings settings;
    private final MessageParser parser;
    private final ColumnMapping preset;
    private final ImportService importer;
    private final DeadLetterStore deadLetters;
    private final Path rejectsFolder;
    private final Options options;
    private final Consumer<List<Long>> changedProfiles;
    private final ChangedProfiles changes;

    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
    private final Map<TopicPartition, Long> lag = new HashMap<>();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile StreamStatus status = StreamStatus.stopped();

    private long read;
    private long inserted;
    private long updated;
    private long duplicates;
    private long rejected;
    private long deadLettered;
    private double rate;
    private String lastError;
    private StreamState state = StreamState.CONNECTING;
    private long started;
    private long rateSampledAt;
    private long rateSampledRead;
    private long lastMessageAt;
    private long afterIngestAt;
    private ImportSummary pendingAfterIngest;
    private long batchSequence;
    private boolean connected;
    private long backoffMillis;
    private long batchLimit;

    /**
     * @param preset          the mapping of a CSV line's columns, or {@code null} to map by name
     * @param changedProfiles given the ids of the profiles each batch inserted or changed, for predicting their
     *                        cohorts; {@code null} when nothing listens
     */
    public StreamConsumer(StreamSettings settings, MessageParser parser, ColumnMapping preset, ImportService importer,
                          DeadLetterStore deadLetters, ChangedProfiles changes, Path rejectsFolder, Options options,
                          Consumer<List<Long>> changedProfiles) {
        this.settings = settings;
        this.parser = parser;
        this.preset = preset;
        this.importer = importer;
        this.deadLetters = deadLetters;
        this.changes = changes;
        this.rejectsFolder = rejectsFolder;
        this.options = options;
        this.changedProfiles = changedProfiles;
    }

    /** The latest snapshot; cheap, safe from any thread. */
    public StreamStatus status() {
        return status;
    }

    /** Asks the loop to finish the batch in hand, commit it and close; returns at once. */
    public void stop() {
        stopRequested.set(true);
        stopSignal.countDown();
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public void run() {
        batchLimit = options.batchSize();
        started = System.nanoTime();
        rateSampledAt = started;
        lastMessageAt = started;
        afterIngestAt = started;
        publish();
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(consumerConfig())) {
            consumer = kafka;
            if (stopRequested.get()) {
                return;
            }
            kafka.subscribe(settings.topics());
            loop(kafka);
            state = StreamState.STOPPING;
            publish();
            commitOnExit(kafka);
            kafka.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        } catch (KafkaException e) {
            fail(e);
        } catch (RuntimeException e) {
            LOG.error("The stream consumer stopped on an unexpected error", e);
            fail(e);
        } finally {
            consumer = null;
            runAfterIngest(true);
            if (state != StreamState.FAILED) {
                state = StreamState.STOPPED;
            }
            publish();
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(settings.clientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, settings.autoOffsetReset());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, options.pollRecords());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "cdp-desktop-" + settings.groupId());
        // A lost broker is retried at most every 10 s instead of every second.
        config.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10_000);
        return config;
    }

    private void loop(KafkaConsumer<byte[], byte[]> kafka) {
        while (!stopRequested.get()) {
            List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
            boolean stored = false;
            try {
                boolean full = collect(kafka, batch);
                if (!batch.isEmpty()) {
                    process(batch);
                    stored = true;
                    commit(kafka);
                }
                sizeNextBatch(full);
                recovered();
            } catch (WakeupException e) {
                // Only stop() wakes the consumer: the loop ends, and what was stored is committed on the way out.
            } catch (InterruptException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (CommitFailedException e) {
                // The group moved these partitions to another member, which re-reads from the last commit: harmless.
                LOG.info("Offsets not committed after a rebalance; another member replays them: {}", e.getMessage());
                uncommitted.clear();
            } catch (RetriableException e) {
                retryLater(kafka, stored ? List.of() : batch, e);
            } catch (KafkaException e) {
                throw e;
            } catch (RuntimeException e) {
                // The store refused the batch (busy, full disk...): nothing of it was kept, so it is read again later.
                retryLater(kafka, stored ? List.of() : batch, e);
            }
            if (batch.isEmpty() && idleLongEnough() || reachedMaxMessages()) {
                return;
            }
        }
    }

    private void recovered() {
        backoffMillis = 0;
        if (state == StreamState.BACKING_OFF) {
            state = StreamState.RUNNING;
            publish();
        }
    }

    /**
     * Polls until the batch is full (by count or bytes), the linger has passed since its first message, or nothing
     * comes; returns whether it filled.
     */
    private boolean collect(KafkaConsumer<byte[], byte[]> kafka, List<ConsumerRecord<byte[], byte[]>> batch) {
        long firstAt = 0;
        long room = room();
        long bytes = 0;
        while (batch.size() < room && bytes < MAX_BATCH_BYTES && !stopRequested.get()) {
            ConsumerRecords<byte[], byte[]> records = kafka.poll(POLL);
            observe(kafka);
            int added = 0;
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (batch.size() < room && bytes < MAX_BATCH_BYTES) {
                    batch.add(record);
                    bytes += record.value() == null ? 0 : record.value().length;
                    added++;
                }
            }
            if (added < records.count()) {
                rewindUnused(kafka, records, batch);
            }
            if (!records.isEmpty()) {
                lastMessageAt = System.nanoTime();
            }
            if (batch.isEmpty()) {
                return false;
            }
            if (firstAt == 0) {
                firstAt = System.nanoTime();
            }
            if (records.isEmpty() || System.nanoTime() - firstAt >= options.linger().toNanos()) {
                return false;
            }
        }
        return batch.size() >= room || bytes >= MAX_BATCH_BYTES;
    }

    /** A batch that filled while more than another batch waits doubles the next one, up to the backlog size. */
    private void sizeNextBatch(boolean filled) {
        long waiting = lag.values().stream().mapToLong(Long::longValue).sum();
        batchLimit = filled && waiting > batchLimit ? Math.min(batchLimit * 2, options.backlogBatchSize()) : options.batchSize();
    }

    private long room() {
        long room = batchLimit;
        if (options.maxMessages() > 0) {
            room = Math.min(room, options.maxMessages() - read);
        }
        return Math.max(room, 0);
    }

    /** Records polled beyond the batch's room are read again by the next poll, so none is skipped. */
    private static void rewindUnused(KafkaConsumer<byte[], byte[]> kafka, ConsumerRecords<byte[], byte[]> records,
                                     List<ConsumerRecord<byte[], byte[]>> batch) {
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
        }
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> polled = records.records(partition);
            long first = polled.get(0).offset();
            long resume = Math.max(first, next.getOrDefault(partition, first));
            if (resume <= polled.get(polled.size() - 1).offset()) {
                kafka.seek(partition, resume);
            }
        }
    }

    private void process(List<ConsumerRecord<byte[], byte[]>> batch) {
        List<RecordBatch.Entry> entries = new ArrayList<>(batch.size());
        List<DeadLetterStore.Parked> parked = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            ConsumerRecord<byte[], byte[]> record = batch.get(i);
            try {
                entries.add(new RecordBatch.Entry(i, parser.parse(record.value())));
            } catch (PoisonMessageException e) {
                parked.add(park(record, e.getMessage()));
            }
        }
        ImportSummary summary = null;
        if (!entries.isEmpty()) {
            String topic = batch.get(0).topic();
            RecordBatch records = RecordBatch.ofEntries(topic, "kafka", entries);
            ColumnMapping mapping = preset != null ? preset.appliedTo(records.headers()) : ColumnMapping.auto(records.headers());
            Path rejectsFile = rejectsFolder.resolve("kafka-" + safe(topic) + "-" + System.currentTimeMillis() + "-" + (++batchSequence) + ".rejects.csv");
            summary = importer.ingest(records, new ImportOptions(null, mapping, DuplicatePolicy.NEWEST, false, rejectsFile),
                    JobContext.create("Kafka " + topic, JobListener.NONE, new AtomicBoolean()));
            for (RecordBatch.Rejection rejection : records.rejections()) {
                parked.add(park(batch.get((int) rejection.position()), rejection.reason()));
            }
        }
        deadLetters.park(parked);
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            uncommitted.merge(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        read += batch.size();
        rejected += parked.size();
        deadLettered += parked.size();
        if (summary != null) {
            inserted += summary.inserted();
            updated += summary.updated();
            duplicates += summary.duplicates();
            afterBatch(summary);
        }
        state = StreamState.RUNNING;
        publish();
    }

    private void afterBatch(ImportSummary summary) {
        if (summary.inserted() + summary.updated() == 0) {
            return;
        }
        if (changedProfiles != null && settings.predict()) {
            try {
                changedProfiles.accept(changes.of(summary.batchId()));
            } catch (RuntimeException e) {
                // The profiles are stored; a failed prediction is logged and redone by the model's own batch predict.
                LOG.error("Predicting the cohorts of batch {} failed", summary.batchId(), e);
                lastError = "Predicting cohorts failed: " + e.getMessage();
            }
        }
        pendingAfterIngest = summary;
        runAfterIngest(false);
    }

    /** Segment snapshots follow the ingested batches as after an import, but at most every few seconds. */
    private void runAfterIngest(boolean now) {
        if (pendingAfterIngest == null) {
            return;
        }
        if (!now && System.nanoTime() - afterIngestAt < options.afterIngestEvery().toNanos()) {
            return;
        }
        try {
            importer.afterIngest(pendingAfterIngest);
        } catch (RuntimeException e) {
            LOG.error("Segment snapshots after the stream's batches failed", e);
        }
        pendingAfterIngest = null;
        afterIngestAt = System.nanoTime();
    }

    private static DeadLetterStore.Parked park(ConsumerRecord<byte[], byte[]> record, String reason) {
        return new DeadLetterStore.Parked(record.topic(), record.partition(), record.offset(), record.timestamp(), record.value(), reason);
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private void commit(KafkaConsumer<byte[], byte[]> kafka) {
        if (uncommitted.isEmpty()) {
            return;
        }
        kafka.commitSync(Map.copyOf(uncommitted), COMMIT_TIMEOUT);
        uncommitted.clear();
    }

    /** The last commit; a stop() that arrived after the loop ended leaves a wake-up behind, which must not cost it. */
    private void commitOnExit(KafkaConsumer<byte[], byte[]> kafka) {
        try {
            commit(kafka);
        } catch (WakeupException e) {
            commit(kafka);
        }
    }

    /** A batch not fully stored is read again from its first message once the error has passed. */
    private void rewind(KafkaConsumer<byte[], byte[]> kafka, List<ConsumerRecord<byte[], byte[]>> batch) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            first.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
        }
        first.forEach((partition, offset) -> {
            if (kafka.assignment().contains(partition)) {
                kafka.seek(partition, offset);
            }
        });
    }

    private void retryLater(KafkaConsumer<byte[], byte[]> kafka, List<ConsumerRecord<byte[], byte[]>> batch, RuntimeException e) {
        backoffMillis = backoffMillis == 0 ? 1_000 : Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
        lastError = describe(e);
        LOG.warn("Stream error, retrying in {} ms: {}", backoffMillis, lastError, e);
        state = StreamState.BACKING_OFF;
        publish();
        try {
            rewind(kafka, batch);
        } catch (RuntimeException seekFailed) {
            LOG.warn("Could not rewind to the failed batch; the group's committed offsets bring it back", seekFailed);
        }
        try {
            stopSignal.await(backoffMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            stopRequested.set(true);
        }
    }

    /** Lag and connection state after each poll, and the rate once a second. */
    private void observe(KafkaConsumer<byte[], byte[]> kafka) {
        for (TopicPartition partition : kafka.assignment()) {
            kafka.currentLag(partition).ifPresent(value -> lag.put(partition, value));
        }
        lag.keySet().retainAll(kafka.assignment());
        boolean brokerConnected = connectionCount(kafka) > 0;
        if (brokerConnected) {
            connected = true;
            if (state == StreamState.CONNECTING || state == StreamState.WAITING_FOR_BROKER) {
                state = StreamState.RUNNING;
            }
        } else if (connected && state == StreamState.RUNNING) {
            state = StreamState.WAITING_FOR_BROKER;
        }
        long now = System.nanoTime();
        if (now - rateSampledAt >= 1_000_000_000L) {
            rate = (read - rateSampledRead) / ((now - rateSampledAt) / 1e9);
            rateSampledAt = now;
            rateSampledRead = read;
            publish();
        }
    }

    private static double connectionCount(KafkaConsumer<byte[], byte[]> kafka) {
        for (Map.Entry<MetricName, ? extends Metric> metric : kafka.metrics().entrySet()) {
            if (metric.getKey().name().equals("connection-count") && metric.getKey().group().equals("consumer-metrics")) {
                Object value = metric.getValue().metricValue();
                return value instanceof Number number ? number.doubleValue() : 0;
            }
        }
        return 0;
    }

    private boolean idleLongEnough() {
        return options.idleTimeout() != null && System.nanoTime() - lastMessageAt >= options.idleTimeout().toNanos();
    }

    private boolean reachedMaxMessages() {
        return options.maxMessages() > 0 && read >= options.maxMessages();
    }

    private void fail(RuntimeException e) {
        lastError = describe(e);
        LOG.warn("The stream consumer stopped: {}", lastError, e);
        state = StreamState.FAILED;
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (e instanceof TimeoutException) {
            return "The broker did not answer in time (" + message + ")";
        }
        return message;
    }

    private void publish() {
        List<StreamStatus.PartitionLag> lags = lag.entrySet().stream()
                .map(entry -> new StreamStatus.PartitionLag(entry.getKey().topic(), entry.getKey().partition(), entry.getValue()))
                .sorted(Comparator.comparing(StreamStatus.PartitionLag::topic).thenComparingInt(StreamStatus.PartitionLag::partition))
                .toList();
        status = new StreamStatus(state, read, inserted, updated, duplicates, rejected, deadLettered, rate, lags, lastError,
                (System.nanoTime() - started) / 1e9);
    }
}
