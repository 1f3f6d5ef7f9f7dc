package org.cdpdesktop.core.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cdpdesktop.core.clean.FieldCleaner;
import org.cdpdesktop.core.jobs.JobContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One import on the writer connection, inside one transaction: a reader thread streams and cleans the rows
 * ({@link RowCleaner}) in chunks while this thread resolves each chunk's identities ({@link IdentityResolver}) and
 * writes it ({@link ProfileWriter}); indexes may be rebuilt at the end ({@link DeferredIndexes}) and rejected rows go
 * to a {@link RejectsFile}. This class keeps the accounting, {@code read = inserted + updated + duplicates + rejected},
 * and the import history's batch row. Nothing is committed until the last row is in, so a failure or a cancel leaves
 * the store exactly as it was.
 */
final class ImportRun {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRun.class);

    static final int CHUNK_ROWS = 2_000;
    private static final int QUEUED_CHUNKS = 4;
    /**
     * Above this many stored profiles the key index (about 64 bytes a profile once the file's keys join it) would crowd
     * a 256 MiB heap; keys are then looked up in the store's unique indexes, a chunk at a time.
     */
    static final long KEY_INDEX_LIMIT = 1_000_000;

    private final Connection connection;
    private final RecordSource.Opener opener;
    private final ImportOptions options;
    private final JobContext context;
    private final FieldCleaner fieldCleaner;
    private final RejectsFile rejects;
    private final long keyIndexLimit;

    private String sourceName;
    private ColumnMapping mapping;
    private RowCleaner cleaner;
    private IdentityResolver identities;
    private ProfileWriter writer;
    private DeferredIndexes indexes;
    private long batchId;
    private String now;
    private final ImportPhases phases = new ImportPhases();

    /** Written by the reader thread only; read by the writer once the reader's last chunk has arrived. */
    private volatile long read;
    private long inserted;
    private long updated;
    private long duplicates;

    ImportRun(Connection connection, RecordSource.Opener source, ImportOptions options, JobContext context, FieldCleaner cleaner,
              Path rejectsFile, long keyIndexLimit) {
        this.keyIndexLimit = keyIndexLimit;
        this.connection = connection;
        this.opener = source;
        this.options = options;
        this.context = context;
        this.fieldCleaner = cleaner;
        this.rejects = new RejectsFile(rejectsFile);
    }

    /** Runs the import in the connection's current transaction; the caller commits or rolls back, then times it. */
    ImportSummary run() throws IOException, SQLException {
        now = Instant.now().toString();
        long started = System.nanoTime();
        try (RecordSource source = opener.open(rejects)) {
            sourceName = source.name();
            List<String> headers = source.headers();
            mapping = options.mapping().appliedTo(headers);
            mapping.validate();
            cleaner = new RowCleaner(fieldCleaner, mapping, headers);
            batchId = insertBatch(source.kind());
            identities = new IdentityResolver(connection, options.onDuplicate(), batchId);
            identities.prepare(source.isBulk(), keyIndexLimit);
            indexes = new DeferredIndexes(connection, identities.maxIdBefore(), phases);
            writer = new ProfileWriter(connection, batchId, now, indexes);
            indexes.drop(identities.usesKeyIndex() && DeferredIndexes.worthDeferring(source.sizeInBytes(), identities.maxIdBefore()));
            phases.add("open", System.nanoTime() - started);
            started = System.nanoTime();
            readAndWrite(source);
            phases.add("pipeline", System.nanoTime() - started);
            context.throwIfCancelled();
            context.progress(read, read, "Finishing");
            if (indexes.indexesDropped()) {
                context.message("Indexing");
            }
            indexes.restore();
            rejects.close();
            finishBatch(source.checksum());
            LOG.info("Imported {} ({} rows): {}", sourceName, read, phases);
        } catch (IOException | SQLException | RuntimeException e) {
            rejects.discard(e);
            throw e;
        }
        long rejected = cleaner.rejected();
        return new ImportSummary(options.dryRun() ? 0 : batchId, sourceName, read, inserted, updated, duplicates,
                rejected, rejected > 0 ? rejects.path().toString() : null, 0, 0, options.dryRun(), cleaner.report());
    }

    /** Cleaned rows of one chunk, with how far the reader had got; {@code failure} ends the stream early. */
    private record Chunk(List<CleanRow> rows, long readSoFar, double fractionRead, boolean last, Throwable failure) { }

    /**
     * Parsing and cleaning run on a second thread while this one writes, so the CPU work of reading the file
     * overlaps SQLite's; a small bounded queue keeps memory flat whichever side is slower.
     */
    private void readAndWrite(RecordSource source) throws IOException, SQLException {
        BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService readerThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "import-reader");
            thread.setDaemon(true);
            return thread;
        });
        long writerCpu = ImportPhases.threadCpu();
        try {
            readerThread.execute(() -> produce(source, queue, stop));
            while (true) {
                Chunk chunk = take(queue);
                if (chunk.failure() != null) {
                    rethrow(chunk.failure());
                }
                writeChunk(chunk.rows());
                if (chunk.last()) {
                    return;
                }
                context.throwIfCancelled();
                double fraction = chunk.fractionRead();
                long done = chunk.readSoFar();
                context.progress(done, fraction > 0 ? Math.max(done, (long) (done / fraction)) : -1, sourceName);
            }
        } finally {
            phases.add("writerCpu", ImportPhases.threadCpu() - writerCpu);
            stop.set(true);
            queue.clear();
            readerThread.shutdownNow();
            awaitTermination(readerThread);
        }
    }

    private void produce(RecordSource source, BlockingQueue<Chunk> queue, AtomicBoolean stop) {
        long readerCpu = ImportPhases.threadCpu();
        try {
            List<CleanRow> rows = new ArrayList<>(CHUNK_ROWS);
            RecordSource.Row row;
            while ((row = source.next()) != null) {
                read++;
                CleanRow clean = cleaner.clean(source, row);
                if (clean != null) {
                    rows.add(clean);
                }
                if (read % CHUNK_ROWS == 0) {
                    if (!offer(queue, new Chunk(rows, read, source.fractionRead(), false, null), stop)) {
                        return;
                    }
                    rows = new ArrayList<>(CHUNK_ROWS);
                }
            }
            source.finish();
            offer(queue, new Chunk(rows, read, 1, true, null), stop);
        } catch (IOException | RuntimeException | Error e) {
            offer(queue, new Chunk(List.of(), read, 0, true, e), stop);
        } finally {
            phases.add("readerCpu", ImportPhases.threadCpu() - readerCpu);
        }
    }

    private void writeChunk(List<CleanRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        ResolvedChunk resolved = identities.resolve(rows);
        inserted += resolved.inserted();
        updated += resolved.updated();
        duplicates += resolved.duplicates();
        writer.write(resolved);
    }

    private boolean offer(BlockingQueue<Chunk> queue, Chunk chunk, AtomicBoolean stop) {
        long started = System.nanoTime();
        try {
            while (!stop.get()) {
                if (queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            phases.add("readerBlocked", System.nanoTime() - started);
        }
    }

    private Chunk take(BlockingQueue<Chunk> queue) {
        long started = System.nanoTime();
        try {
            while (true) {
                Chunk chunk = queue.poll(100, TimeUnit.MILLISECONDS);
                if (chunk != null) {
                    return chunk;
                }
                context.throwIfCancelled();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportException("The import of " + sourceName + " was interrupted", e);
        } finally {
            phases.add("writerWaiting", System.nanoTime() - started);
        }
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw (Error) failure;
    }

    private static void awaitTermination(ExecutorService executor) {
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long insertBatch(String kind) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO import_batch(source, file_name, started_at, status,"
                + " mapping) VALUES (?, ?, ?, 'running', ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, kind);
            insert.setString(2, sourceName);
            insert.setString(3, now);
            insert.setString(4, MappingJson.toJson(mapping));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void finishBatch(String checksum) throws SQLException {
        long rejected = cleaner.rejected();
        try (PreparedStatement update = connection.prepareStatement("UPDATE import_batch SET checksum = ?, finished_at = ?,"
                + " status = 'completed', read_count = ?, inserted = ?, updated = ?, duplicates = ?, rejected = ?, rejects_file = ?"
                + " WHERE id = ?")) {
            update.setString(1, checksum);
            update.setString(2, Instant.now().toString());
            update.setLong(3, read);
            update.setLong(4, inserted);
            update.setLong(5, updated);
            update.setLong(6, duplicates);
            update.setLong(7, rejected);
            update.setString(8, rejected > 0 ? rejects.path().toString() : null);
            update.setLong(9, batchId);
            update.executeUpdate();
        }
    }
}
