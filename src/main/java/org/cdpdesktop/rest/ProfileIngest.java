package org.cdpdesktop.rest;

import java.util.List;
import java.util.Map;
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
 * Profiles sent as JSON go through the import pipeline, on the store's one writer, like any CSV import. The work
 * that follows an import (segment snapshots) would cost far more than one profile's upsert, so it runs at most
 * once per {@link #AFTER_INGEST_DELAY_SECONDS} after a burst of requests, not after each one.
 */
final class ProfileIngest implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileIngest.class);
    static final long AFTER_INGEST_DELAY_SECONDS = 5;

    private final ImportService importer;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rest-after-ingest");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<ImportSummary> pending = new AtomicReference<>();

    ProfileIngest(ImportService importer) {
        this.importer = importer;
    }

    record Outcome(ImportSummary summary, List<RecordBatch.Rejection> rejections) { }

    Outcome ingest(String name, List<Map<String, String>> records, boolean dryRun) {
        RecordBatch batch = RecordBatch.of(name, "rest", records);
        ImportOptions options = new ImportOptions(null, ColumnMapping.auto(batch.headers()), DuplicatePolicy.NEWEST, dryRun, null);
        ImportSummary summary = importer.ingest(batch, options, JobContext.create("REST " + name, JobListener.NONE, new AtomicBoolean()));
        if (!dryRun && summary.inserted() + summary.updated() + summary.duplicates() > 0 && pending.getAndSet(summary) == null) {
            later.schedule(this::afterIngest, AFTER_INGEST_DELAY_SECONDS, TimeUnit.SECONDS);
        }
        return new Outcome(summary, batch.rejections());
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
