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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdpdesktop.core.clean.FieldCleaner;
import org.cdpdesktop.core.jobs.JobContext;

/**
 * Imports a {@link RecordBatch} of at most one chunk (a REST request, the requests committed together, a small Kafka
 * batch) on the writer's own thread, in the connection's current transaction: the same mapping, cleaning
 * ({@link RowCleaner}), identity resolution ({@link IdentityResolver}), writing ({@link ProfileWriter}), accounting,
 * history row and rejects file as {@link ImportRun}, without what only a file needs.
 *
 * <p>A file import cleans on a reader thread so that cleaning overlaps writing; a batch of one chunk is wholly cleaned
 * before its first row is written either way, so the thread only costs. What stays the same from batch to batch is
 * kept: the prepared statements ({@link StatementCache}) and the mapping applied to the batch's columns.
 */
final class RecordBatchImport {

    /** Larger batches go through {@link ImportRun}, whose reader thread then overlaps cleaning one chunk with writing another. */
    static final int MAX_ROWS = ImportRun.CHUNK_ROWS;
    private static final int KEPT_MAPPINGS = 64;

    private final FieldCleaner fieldCleaner;
    private StatementCache statements;
    private final Map<MappingKey, AppliedMapping> mappings = new LinkedHashMap<>(KEPT_MAPPINGS * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<MappingKey, AppliedMapping> eldest) {
            return size() > KEPT_MAPPINGS;
        }
    };

    /**
     * A mapping by identity: callers that send many batches keep their mapping object, and hashing a mapping's every
     * target took longer than importing a one-profile batch.
     */
    private record MappingKey(ColumnMapping mapping, List<String> headers) {
        @Override
        public boolean equals(Object other) {
            return other instanceof MappingKey key && key.mapping == mapping && key.headers.equals(headers);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(mapping) + headers.hashCode();
        }
    }

    private record AppliedMapping(ColumnMapping mapping, String json) { }

    RecordBatchImport(FieldCleaner fieldCleaner) {
        this.fieldCleaner = fieldCleaner;
    }

    /** Runs under the store's writer lock, on its writer connection; the caller commits or rolls back, then times it. */
    ImportSummary run(Connection writer, RecordBatch batch, ImportOptions options, JobContext context, Path rejectsFile)
            throws IOException, SQLException {
        if (statements == null || !statements.serves(writer)) {
            statements = new StatementCache(writer);
        }
        Connection connection = statements.connection();
        AppliedMapping mapping = applied(options.mapping(), batch.headers());
        String now = Instant.now().toString();
        RejectsFile rejects = new RejectsFile(rejectsFile);
        try (RecordSource source = batch.opener().open(rejects)) {
            RowCleaner cleaner = new RowCleaner(fieldCleaner, mapping.mapping(), source.headers());
            List<CleanRow> rows = new ArrayList<>(batch.size());
            long read = 0;
            for (RecordSource.Row row = source.next(); row != null; row = source.next()) {
                read++;
                CleanRow clean = cleaner.clean(source, row);
                if (clean != null) {
                    rows.add(clean);
                }
            }
            context.throwIfCancelled();
            long batchId = insertBatch(connection, batch, mapping.json(), now);
            IdentityResolver identities = new IdentityResolver(connection, options.onDuplicate(), batchId);
            identities.prepare(false, 0);
            ResolvedChunk resolved = identities.resolve(rows);
            if (!rows.isEmpty()) {
                new ProfileWriter(connection, batchId, now).write(resolved);
            }
            rejects.close();
            long rejected = cleaner.rejected();
            String rejectsPath = rejected > 0 ? rejects.path().toString() : null;
            finishBatch(connection, batchId, read, resolved, rejected, rejectsPath);
            return new ImportSummary(options.dryRun() ? 0 : batchId, batch.name(), read, resolved.inserted(), resolved.updated(),
                    resolved.duplicates(), rejected, rejectsPath, 0, 0, options.dryRun(), cleaner.report());
        } catch (IOException | SQLException | RuntimeException e) {
            rejects.discard(e);
            throw e;
        }
    }

    private AppliedMapping applied(ColumnMapping mapping, List<String> headers) {
        return mappings.computeIfAbsent(new MappingKey(mapping, headers), key -> {
            ColumnMapping applied = mapping.appliedTo(headers);
            applied.validate();
            return new AppliedMapping(applied, MappingJson.toJson(applied));
        });
    }

    private static long insertBatch(Connection connection, RecordBatch batch, String mapping, String now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO import_batch(source, file_name, started_at, status,"
                + " mapping) VALUES (?, ?, ?, 'running', ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, batch.kind());
            insert.setString(2, batch.name());
            insert.setString(3, now);
            insert.setString(4, mapping);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void finishBatch(Connection connection, long batchId, long read, ResolvedChunk resolved, long rejected,
                                    String rejectsPath) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE import_batch SET finished_at = ?, status = 'completed',"
                + " read_count = ?, inserted = ?, updated = ?, duplicates = ?, rejected = ?, rejects_file = ? WHERE id = ?")) {
            update.setString(1, Instant.now().toString());
            update.setLong(2, read);
            update.setLong(3, resolved.inserted());
            update.setLong(4, resolved.updated());
            update.setLong(5, resolved.duplicates());
            update.setLong(6, rejected);
            update.setString(7, rejectsPath);
            update.setLong(8, batchId);
            update.executeUpdate();
        }
    }
}
