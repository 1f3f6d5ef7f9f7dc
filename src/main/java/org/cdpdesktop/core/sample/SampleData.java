package org.cdpdesktop.core.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.cdpdesktop.core.Settings;
import org.cdpdesktop.core.ingest.ImportBatchRecord;
import org.cdpdesktop.core.ingest.ImportService;
import org.cdpdesktop.core.ingest.ImportSummary;
import org.cdpdesktop.core.ingest.SniffedFile;
import org.cdpdesktop.core.jobs.Job;
import org.cdpdesktop.core.jobs.JobContext;

/**
 * The customer file bundled inside the application, offered on first start so a new user sees a populated
 * store at once. It is the repository's {@code sample-data/customers.csv}, made by {@link SampleDataGenerator}.
 */
public final class SampleData {

    public static final String FILE_NAME = "customers.csv";
    private static final String RESOURCE = "/org/cdpdesktop/sample/" + FILE_NAME;
    private static final String BATCH_SETTING = "sample-data.batch";

    private SampleData() {
    }

    /**
     * Copies the bundled file into {@code directory} (created if needed) and returns its path, so that it can be
     * imported like any file the user chose; an import streams from disk and records the file's name.
     */
    public static Path extractTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(FILE_NAME);
        try (InputStream bundled = SampleData.class.getResourceAsStream(RESOURCE)) {
            if (bundled == null) {
                throw new IOException("The sample data is missing from this build (" + RESOURCE + ")");
            }
            Files.copy(bundled, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** Whether the sample was offered (or loaded) in this data folder, so first start offers it once only. */
    public static boolean offered(Settings settings) {
        return settings.getBoolean(Settings.SAMPLE_DATA_OFFERED);
    }

    public static void markOffered(Settings settings) {
        settings.set(Settings.SAMPLE_DATA_OFFERED, "true");
    }

    /** Whether the sample customers are in the store: their import completed and has not been undone. */
    public static boolean loaded(Settings settings, List<ImportBatchRecord> history) {
        Optional<String> batch = settings.get(BATCH_SETTING);
        return batch.isPresent() && history.stream()
                .anyMatch(record -> String.valueOf(record.id()).equals(batch.get()) && record.status().equals("completed"));
    }

    /**
     * Extracts the sample into {@code directory} and imports it exactly as the wizard would with every default
     * left alone: detected format, automatic column mapping, newest values win. Records the import, so that
     * {@link #loaded} knows the sample is in and the first-start offer is not made again.
     */
    public static Job<ImportSummary> importJob(ImportService importer, Path directory, Settings settings) {
        return new Job<>() {
            @Override
            public String title() {
                return "Load sample data";
            }

            @Override
            public ImportSummary run(JobContext context) throws Exception {
                Path file = extractTo(directory);
                ImportSummary summary = importer.importJob(file, SniffedFile.of(file).defaultOptions()).run(context);
                markOffered(settings);
                settings.set(BATCH_SETTING, String.valueOf(summary.batchId()));
                return summary;
            }
        };
    }
}
