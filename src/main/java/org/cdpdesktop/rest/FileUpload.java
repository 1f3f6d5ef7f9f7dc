package org.cdpdesktop.rest;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.cdpdesktop.core.ingest.ColumnMapping;
import org.cdpdesktop.core.ingest.DuplicatePolicy;
import org.cdpdesktop.core.ingest.ImportException;
import org.cdpdesktop.core.ingest.ImportOptions;
import org.cdpdesktop.core.ingest.ImportService;
import org.cdpdesktop.core.ingest.ImportSummary;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.core.jobs.JobRunner;

/**
 * A file uploaded as the multipart field {@code file}, imported as a job through the import pipeline whatever its
 * format (CSV, Excel, JSON, JSON Lines: detected from the content), with {@code dry_run} as a query or form field.
 */
final class FileUpload {

    private static final Pattern SAFE_FILE_NAME = Pattern.compile("[\\p{L}\\p{N} ._()+-]{1,200}");

    private final ImportService importer;
    private final JobRunner jobs;

    FileUpload(ImportService importer, JobRunner jobs) {
        this.importer = importer;
        this.jobs = jobs;
    }

    ImportSummary importFrom(Context ctx) throws IOException, InterruptedException {
        UploadedFile upload = ctx.uploadedFile("file");
        if (upload == null) {
            throw ApiError.badRequest("Send the file (CSV, Excel .xlsx or .xls, JSON or JSON Lines) as a multipart form field named 'file'");
        }
        String fileName = safeFileName(upload.filename());
        boolean dryRun = Requests.boolParam(Optional.ofNullable(ctx.queryParam("dry_run")).orElse(ctx.formParam("dry_run")), "dry_run");
        Path folder = Files.createTempDirectory("cdp-upload");
        Path file = folder.resolve(fileName);
        try {
            try (InputStream in = upload.content()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.size(file) == 0) {
                throw ApiError.badRequest("The uploaded file '" + fileName + "' is empty");
            }
            // The import detects the format by content and maps the columns it finds by their names, as the CLI does
            // without a preset; an empty mapping asks for exactly that.
            ImportOptions options = new ImportOptions(null, new ColumnMapping(new LinkedHashMap<>(), null), DuplicatePolicy.NEWEST, dryRun, null);
            return jobs.submit(importer.importJob(file, options), JobListener.NONE).outcome().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ImportException unreadable) {
                throw ApiError.badRequest(unreadable.getMessage());
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        }
    }

    static String safeFileName(String given) {
        String name = given == null ? "" : given.strip();
        if (name.isEmpty()) {
            return "upload";
        }
        if (name.contains("/") || name.contains("\\") || name.contains("..") || !SAFE_FILE_NAME.matcher(name).matches()) {
            throw ApiError.badRequest("The upload's file name '" + Requests.shorten(name)
                    + "' is not a plain file name (letters, digits, spaces and . _ ( ) + - only)");
        }
        return name;
    }
}
