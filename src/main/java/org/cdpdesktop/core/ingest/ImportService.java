package org.cdpdesktop.core.ingest;

import org.cdpdesktop.core.clean.FieldCleaner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.cdpdesktop.core.DataDirectory;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.jobs.Job;
import org.cdpdesktop.core.jobs.JobCancelledException;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.jobs.JobListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports customer files (CSV, Excel, JSON, JSON Lines) into the profile store, one transaction per file, and keeps the import history.
 * Built once by the App; the wizard and the CLI run the same {@link #importJob} job.
 */
public final class ImportService {

    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);
    private static final DateTimeFormatter REJECTS_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final Database database;
    private final DataDirectory dataDirectory;
    private final FieldCleaner cleaner;
    private final long keyIndexLimit;
    private final RecordBatchImport batchImport;
    private final List<Consumer<ImportSummary>> importedListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<UndoSummary>> undoneListeners = new CopyOnWriteArrayList<>();

    public ImportService(Database database, DataDirectory dataDirectory, FieldCleaner cleaner) {
        this(database, dataDirectory, cleaner, ImportRun.KEY_INDEX_LIMIT);
    }

    /** With a chosen store size above which identities are looked up in the store rather than in memory. */
    ImportService(Database database, DataDirectory dataDirectory, FieldCleaner cleaner, long keyIndexLimit) {
        this.database = database;
        this.dataDirectory = dataDirectory;
        this.cleaner = cleaner;
        this.keyIndexLimit = keyIndexLimit;
        this.batchImport = new RecordBatchImport(cleaner);
    }

    /**
     * The import of one file of any supported format (detected by content, see {@link FileFormat}) as a job: progress in rows with rows/s and ETA, cancellable between chunks.
     * A failure or a cancel rolls everything back and is recorded in the history as {@code failed} or {@code cancelled}.
     */
    public Job<ImportSummary> importJob(Path file, ImportOptions options) {
        return new Job<>() {
            @Override
            public String title() {
                return (options.dryRun() ? "Dry run of " : "Import ") + file.getFileName();
            }

            @Override
            public ImportSummary run(JobContext context) throws Exception {
                FileFormat format;
                try {
                    format = FileFormat.detect(file);
                } catch (ImportException e) {
                    recordFailure(file.getFileName().toString(), "file", Instant.now().toString(), "failed", options);
                    throw e;
                }
                CsvDialect dialect = format != FileFormat.CSV ? null : options.dialect() != null ? options.dialect() : CsvSniffer.sniff(file);
                ImportSummary summary = importSource(rejects -> ImportFiles.open(file, format, dialect, options.sheet(), options.headerRow(),
                        rejects), file.getFileName().toString(), format.key(), options, context);
                return options.dryRun() ? summary : afterImport(summary, context);
            }
        };
    }

    /**
     * Imports records that are already in memory (a REST request, a Kafka batch) in one transaction, through the same
     * mapping, cleaning, identity resolution, accounting and rejects file as a CSV import; the batch then knows its
     * rejected records. It does not run the work that follows an import ({@link #onImported}): a caller that ingests
     * many small batches decides how often that runs, through {@link #afterIngest}.
     */
    public ImportSummary ingest(RecordBatch batch, ImportOptions options, JobContext context) {
        if (batch.size() <= RecordBatchImport.MAX_ROWS) {
            return importSource((connection, rejectsFile) -> batchImport.run(connection, batch, options, context, rejectsFile),
                    batch.name(), batch.kind(), options, context);
        }
        return importSource(batch.opener(), batch.name(), batch.kind(), options, context);
    }

    /**
     * Runs the work that follows an import (segment snapshots) for batches ingested with {@link #ingest}; returns the
     * summary, with a warning if that work failed.
     */
    public ImportSummary afterIngest(ImportSummary summary) {
        return afterImport(summary, JobContext.create("After " + summary.file(), JobListener.NONE, new AtomicBoolean()));
    }

    /**
     * Work that follows every committed import, whichever door started it (segment snapshots); it runs inside the
     * import job, after the commit, so the job ends when the store is fully up to date.
     */
    public void onImported(Consumer<ImportSummary> listener) {
        importedListeners.add(listener);
    }

    /** What undoing a completed import would remove and keep, for the confirmation; refuses an import that cannot be undone. */
    public UndoPreview undoPreview(long batchId) {
        return new ImportUndo(database).preview(batchId);
    }

    /**
     * Undoing a completed import as a job: every profile it created is removed and the history marks it {@code undone},
     * in one transaction (a cancel or a failure changes nothing); profiles it only updated are kept and listed.
     */
    public Job<UndoSummary> undoJob(long batchId) {
        return new Job<>() {
            @Override
            public String title() {
                return "Undo import " + batchId;
            }

            @Override
            public UndoSummary run(JobContext context) {
                UndoSummary summary = new ImportUndo(database).undo(batchId, context);
                context.message("Updating segments");
                UndoSummary result = summary;
                for (Consumer<UndoSummary> listener : undoneListeners) {
                    try {
                        listener.accept(summary);
                    } catch (Throwable e) {
                        // The undo is committed and stays so, as an import does (see afterImport).
                        LOG.error("Work after undoing import {} failed", batchId, e);
                        result = summary.withWarning("The undo is saved, but updating the segments afterwards failed (" + describe(e)
                                + "). Take a snapshot on the Segments screen to bring them up to date.");
                    }
                }
                return result;
            }
        };
    }

    /** Work that follows every committed undo, as {@link #onImported} follows every import (segment snapshots). */
    public void onUndone(Consumer<UndoSummary> listener) {
        undoneListeners.add(listener);
    }

    /**
     * The import itself is committed and stays so whatever becomes of the work that follows it, which the next import
     * or a snapshot on demand redoes. So any failure there, an {@link Error} such as running out of memory included
     * (the work's own data is then unreachable and the heap usable again), becomes the summary's warning rather than
     * a failed import.
     */
    private ImportSummary afterImport(ImportSummary summary, JobContext context) {
        long started = System.nanoTime();
        context.message("Updating segments");
        ImportSummary result = summary;
        for (Consumer<ImportSummary> listener : importedListeners) {
            try {
                listener.accept(summary);
            } catch (Throwable e) {
                LOG.error("Work after importing {} failed", summary.file(), e);
                result = summary.withWarning("The import is saved, but updating the segments afterwards failed ("
                        + describe(e) + "). Take a snapshot on the Segments screen or import again to bring them up to date.");
            }
        }
        LOG.info("After importing {}: afterImport={}s", summary.file(), String.format(Locale.ROOT, "%.3f", (System.nanoTime() - started) / 1e9));
        return result;
    }

    private static String describe(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "not enough memory";
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private ImportSummary importSource(RecordSource.Opener source, String name, String kind, ImportOptions options, JobContext context) {
        return importSource((connection, rejectsFile) -> new ImportRun(connection, source, options, context, cleaner, rejectsFile,
                keyIndexLimit).run(), name, kind, options, context);
    }

    /** One import on the writer connection, in its current transaction. */
    private interface Run {
        ImportSummary run(Connection connection, Path rejectsFile) throws IOException, SQLException;
    }

    private ImportSummary importSource(Run run, String name, String kind, ImportOptions options, JobContext context) {
        long started = System.nanoTime();
        String startedAt = Instant.now().toString();
        Path rejectsFile = options.rejectsFile() != null ? options.rejectsFile()
                : unused(dataDirectory.rejects(), baseName(name) + "-" + LocalDateTime.now().format(REJECTS_STAMP));
        try {
            return database.withWriter(connection -> {
                connection.setAutoCommit(false);
                ImportSummary summary;
                try {
                    summary = run.run(connection, rejectsFile);
                } catch (IOException e) {
                    throw new ImportException(name + ": " + e.getMessage(), e);
                }
                long committing = System.nanoTime();
                if (options.dryRun()) {
                    connection.rollback();
                } else {
                    context.message("Saving");
                    connection.commit();
                    LOG.info("Committed {}: commit={}s", name, String.format(Locale.ROOT, "%.3f", (System.nanoTime() - committing) / 1e9));
                }
                connection.setAutoCommit(true);
                return summary.timedFrom(started);
            });
        } catch (JobCancelledException e) {
            recordFailure(name, kind, startedAt, "cancelled", options);
            throw e;
        } catch (RuntimeException e) {
            recordFailure(name, kind, startedAt, "failed", options);
            throw e;
        }
    }

    /** A failed or cancelled import changed nothing, but the history says it was tried. */
    private void recordFailure(String name, String kind, String startedAt, String status, ImportOptions options) {
        if (options.dryRun()) {
            return;
        }
        try {
            database.write(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO import_batch(source, file_name, started_at,"
                        + " finished_at, status, mapping) VALUES (?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, kind);
                    insert.setString(2, name);
                    insert.setString(3, startedAt);
                    insert.setString(4, Instant.now().toString());
                    insert.setString(5, status);
                    insert.setString(6, MappingJson.toJson(options.mapping()));
                    return insert.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not record the {} import of {} in the history", status, name, e);
        }
    }

    /** Files of one name in two formats ({@code customers.csv}, {@code customers.json}) imported in one second keep both rejects. */
    private static Path unused(Path folder, String stem) {
        Path file = folder.resolve(stem + ".rejects.csv");
        for (int n = 2; Files.exists(file); n++) {
            file = folder.resolve(stem + "-" + n + ".rejects.csv");
        }
        return file;
    }

    private static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Every import tried, newest first. */
    public List<ImportBatchRecord> history() {
        return database.read(connection -> {
            List<ImportBatchRecord> records = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT id, source, file_name, checksum, started_at, finished_at,"
                    + " status, read_count, inserted, updated, duplicates, rejected, rejects_file, mapping FROM import_batch"
                    + " ORDER BY started_at DESC, id DESC");
                 ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    records.add(new ImportBatchRecord(result.getLong(1), result.getString(2), result.getString(3), result.getString(4),
                            result.getString(5), result.getString(6), result.getString(7), result.getLong(8), result.getLong(9),
                            result.getLong(10), result.getLong(11), result.getLong(12), result.getString(13), result.getString(14)));
                }
            }
            return records;
        });
    }
}
