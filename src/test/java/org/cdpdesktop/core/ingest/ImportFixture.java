package org.cdpdesktop.core.ingest;

import org.cdpdesktop.core.clean.FieldCleaner;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cdpdesktop.core.DataDirectory;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.store.ProfileStore;

/** A data folder with a real store, and the import as the wizard runs it: detected dialect, default mapping. */
final class ImportFixture implements AutoCloseable {

    final Path folder;
    final DataDirectory data;
    final Database database;
    final ImportService importer;
    final ProfileStore profiles;

    ImportFixture(Path folder) {
        this(folder, ImportRun.KEY_INDEX_LIMIT);
    }

    /** {@code keyIndexLimit} 0 makes every import look identities up in the store, as a large store does. */
    ImportFixture(Path folder, long keyIndexLimit) {
        this.folder = folder;
        this.data = DataDirectory.open(folder.resolve("data"));
        this.database = Database.open(data.database());
        this.importer = new ImportService(database, data, new FieldCleaner(), keyIndexLimit);
        this.profiles = new ProfileStore(database);
    }

    Path csv(String name, String text) throws IOException {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    Path csv(String name, String text, Charset charset) throws IOException {
        return file(name, text.getBytes(charset));
    }

    Path file(String name, byte[] bytes) throws IOException {
        Path file = folder.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    ImportOptions options(Path file, DuplicatePolicy policy, boolean dryRun) throws IOException {
        CsvDialect dialect = CsvSniffer.sniff(file);
        ColumnMapping mapping = ColumnMapping.auto(CsvPreviewer.preview(file, dialect, 0).headers());
        return new ImportOptions(dialect, mapping, policy, dryRun, null);
    }

    ImportSummary importFile(Path file) throws Exception {
        return importFile(file, DuplicatePolicy.NEWEST);
    }

    ImportSummary importFile(Path file, DuplicatePolicy policy) throws Exception {
        return run(file, options(file, policy, false), new AtomicBoolean());
    }

    ImportSummary run(Path file, ImportOptions options, AtomicBoolean cancelled) throws Exception {
        ImportSummary summary = importer.importJob(file, options).run(JobContext.create("test", JobListener.NONE, cancelled));
        assertThat(summary.read()).as("every row accounted for")
                .isEqualTo(summary.inserted() + summary.updated() + summary.duplicates() + summary.rejected());
        return summary;
    }

    Profile profile(String externalId) {
        return profiles.findByExternalId(externalId).orElseThrow(() -> new AssertionError("no profile " + externalId));
    }

    long count(String sql) {
        return database.read(connection -> {
            try (var statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
                result.next();
                return result.getLong(1);
            }
        });
    }

    @Override
    public void close() {
        database.close();
    }
}
