package org.cdpdesktop.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
 * Profiles sent as JSON go through the import pipeline, on the store's one writer, like any CSV import.
 *
 * <p>Requests that arrive while the writer is busy are committed together (group commit): the request that finds
 * the writer free writes every request queued behind it as one batch, in one transaction, and hands each its own
 * records' outcome. One transaction per request would spend most of its time committing. A batch that fails fails
 * every request in it, and nothing of it is stored.
 *
 * <p>The work that follows an import (segment snapshots) would cost far more than one profile's upsert, so it runs
 * once, {@link #AFTER_INGEST_DELAY_SECONDS} seconds after a burst of requests, not after each one.
 */
final class ProfileIngest implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileIngest.class);
    static final long AFTER_INGEST_DELAY_SECONDS = 5;
    /** The most records one group commit takes, so a queue never grows one transaction without bound. */
    static final int MAX_GROUP_RECORDS = 5_000;
    private static final int KEPT_MAPPINGS = 64;

    private final ImportService importer;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rest-after-ingest");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<ImportSummary> pending = new AtomicReference<>();
    private final Object queueLock = new Object();
    private final List<Request> queue = new ArrayList<>();
    private boolean writing;
    /** Clients send the same keys request after request; guessing a mapping from them takes longer than storing a profile. */
    private final Map<List<String>, ColumnMapping> mappings = new LinkedHashMap<>(KEPT_MAPPINGS * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<String>, ColumnMapping> eldest) {
            return size() > KEPT_MAPPINGS;
        }
    };

    ProfileIngest(ImportService importer) {
        this.importer = importer;
    }

    /**
     * What became of one request's records: how many were read and which were rejected (positions from 1 within the
     * request), and the summary of the batch they were written in, which may hold other requests' records too.
     */
    record Outcome(int read, List<RecordBatch.Rejection> rejections, ImportSummary batch) {
        int stored() {
            return read - rejections.size();
        }
    }

    private record Request(List<Map<String, String>> records, CompletableFuture<Outcome> outcome) { }

    Outcome ingest(String name, List<Map<String, String>> records, boolean dryRun) {
        if (dryRun || records.size() >= MAX_GROUP_RECORDS) {
            RecordBatch batch = RecordBatch.of(name, "rest", records);
            ImportSummary summary = write(batch, dryRun);
            return new Outcome(records.size(), batch.rejections(), summary);
        }
        Request mine = new Request(records, new CompletableFuture<>());
        boolean lead;
        synchronized (queueLock) {
            queue.add(mine);
            lead = !writing;
            writing = true;
        }
        if (lead) {
            writeQueued();
        }
        try {
            return mine.outcome().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /** Writes group after group until no request is waiting; the requests that queued meanwhile wait for it. */
    private void writeQueued() {
        while (true) {
            List<Request> group = new ArrayList<>();
            synchronized (queueLock) {
                int records = 0;
                while (!queue.isEmpty() && (group.isEmpty() || records + queue.get(0).records().size() <= MAX_GROUP_RECORDS)) {
                    Request next = queue.remove(0);
                    records += next.records().size();
                    group.add(next);
                }
                if (group.isEmpty()) {
                    writing = false;
                    return;
                }
            }
            writeGroup(group);
        }
    }

    private void writeGroup(List<Request> group) {
        List<Map<String, String>> records = new ArrayList<>();
        for (Request request : group) {
            records.addAll(request.records());
        }
        RecordBatch batch = RecordBatch.of("bulk-json", "rest", records);
        ImportSummary summary;
        try {
            summary = write(batch, false);
        } catch (RuntimeException e) {
            group.forEach(request -> request.outcome().completeExceptionally(e));
            return;
        }
        List<RecordBatch.Rejection> rejections = batch.rejections();
        long first = 1;
        for (Request request : group) {
            long last = first + request.records().size() - 1;
            List<RecordBatch.Rejection> own = new ArrayList<>();
            for (RecordBatch.Rejection rejection : rejections) {
                if (rejection.position() >= first && rejection.position() <= last) {
                    own.add(new RecordBatch.Rejection(rejection.position() - first + 1, rejection.reason()));
                }
            }
            request.outcome().complete(new Outcome(request.records().size(), own, summary));
            first = last + 1;
        }
    }

    private ImportSummary write(RecordBatch batch, boolean dryRun) {
        ColumnMapping mapping;
        synchronized (mappings) {
            mapping = mappings.computeIfAbsent(batch.headers(), ColumnMapping::auto);
        }
        ImportOptions options = new ImportOptions(null, mapping, DuplicatePolicy.NEWEST, dryRun, null);
        ImportSummary summary = importer.ingest(batch, options, JobContext.create("REST " + batch.name(), JobListener.NONE, new AtomicBoolean()));
        if (!dryRun && summary.inserted() + summary.updated() + summary.duplicates() > 0 && pending.getAndSet(summary) == null) {
            later.schedule(this::afterIngest, AFTER_INGEST_DELAY_SECONDS, TimeUnit.SECONDS);
        }
        return summary;
    }

    private void afterIngest() {
        ImportSummary summary = pending.getAndSet(null);
        if (summary != null) {
            try {
                importer.afterIngest(summary);
            } catch (RuntimeException e) {
                LOG.error("Updating segments after REST ingests failed", e);
            }
        }
    }

    @Override
    public void close() {
        later.shutdownNow();
        afterIngest();
    }
}
