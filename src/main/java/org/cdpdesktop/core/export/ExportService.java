package org.cdpdesktop.core.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.jobs.Job;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.profile.ProfileMapping;
import org.cdpdesktop.core.query.ProfileQuery;
import org.cdpdesktop.core.query.SqlFragment;
import org.cdpdesktop.core.store.ProfileBrowser;

/**
 * The one export job for every selection and format: the whole store, a filtered and sorted listing, a selection of
 * its rows, a segment's members. Profiles stream from the store in the listing's order, so that an export of a million
 * profiles needs no more memory than one, and are written in the one shape of {@link ProfileMapping}: JSON is an array
 * of its objects, CSV its layout with one column per custom attribute name in the export. A file is written to a
 * temporary file beside it and moved into place at the end, so a failed or cancelled export leaves no half file.
 */
public final class ExportService {

    private static final int PROGRESS_EVERY = 1_000;
    private final Database database;
    private final ProfileBrowser browser;

    public ExportService(Database database, ProfileBrowser browser) {
        this.database = database;
        this.browser = browser;
    }

    /** Exports every profile of {@code query}'s listing, in its order, to {@code out}. */
    public Job<ExportSummary> exportJob(ExportFormat format, Path out, ProfileQuery query) {
        return exportJob(format, out, query, null);
    }

    /**
     * Exports the rows of {@code query}'s listing that {@code selection} names (all of them when it is {@code null}),
     * in the listing's order, to {@code out}, written atomically.
     */
    public Job<ExportSummary> exportJob(ExportFormat format, Path out, ProfileQuery query, ProfileBrowser.Selection selection) {
        Rows rows = rows(query, selection);
        return job(format, "Export to " + out.getFileName(), context -> {
            Path folder = out.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, ".export", ".tmp");
            try {
                long count;
                try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                    count = write(format, writer, rows, context);
                }
                Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return count;
            } finally {
                Files.deleteIfExists(temporary);
            }
        }, out.toAbsolutePath().toString());
    }

    /** The same export of a whole listing to a stream the caller owns (the CLI's stdout); flushed, not closed. */
    public Job<ExportSummary> exportJob(ExportFormat format, Writer out, ProfileQuery query) {
        Rows rows = rows(query, null);
        return job(format, "Export", context -> {
            Writer buffered = new BufferedWriter(out, 1 << 16);
            long count = write(format, buffered, rows, context);
            buffered.flush();
            return count;
        }, null);
    }

    /** Which rows, as SQL over {@code profile p}: the condition and the order, each with its bound parameters. */
    private record Rows(SqlFragment where, SqlFragment orderBy) {
        List<Object> parameters() {
            List<Object> all = new ArrayList<>(where.parameters());
            all.addAll(orderBy.parameters());
            return all;
        }
    }

    private Rows rows(ProfileQuery query, ProfileBrowser.Selection selection) {
        SqlFragment where = selection == null ? browser.where(query) : browser.whereAnyOf(selection, query);
        return new Rows(where, browser.orderBy(query.sort()));
    }

    @FunctionalInterface
    private interface Body {
        long write(JobContext context) throws IOException;
    }

    private static Job<ExportSummary> job(ExportFormat format, String title, Body body, String file) {
        return new Job<>() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public ExportSummary run(JobContext context) throws Exception {
                long started = System.nanoTime();
                long count = body.write(context);
                return new ExportSummary(count, format.name().toLowerCase(Locale.ROOT), file, (System.nanoTime() - started) / 1e9);
            }
        };
    }

    private long write(ExportFormat format, Writer writer, Rows rows, JobContext context) {
        return database.read(connection -> {
            long total = count(connection, rows.where());
            try {
                return format == ExportFormat.JSON ? writeJson(connection, writer, rows, context, total)
                        : writeCsv(connection, writer, rows, context, total);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the export: " + e.getMessage(), e);
            }
        });
    }

    private static long count(Connection connection, SqlFragment where) throws SQLException {
        try (PreparedStatement query = prepare(connection, "SELECT count(*) FROM profile p WHERE " + where.sql(), where.parameters());
             ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    private static PreparedStatement profiles(Connection connection, Rows rows) throws SQLException {
        return prepare(connection, "SELECT " + ProfileMapping.COLUMNS + " FROM profile p WHERE " + rows.where().sql()
                + " ORDER BY " + rows.orderBy().sql(), rows.parameters());
    }

    private static long writeJson(Connection connection, Writer writer, Rows rows, JobContext context, long total)
            throws SQLException, IOException {
        long count = 0;
        try (JsonGenerator json = new JsonFactory().createGenerator(writer);
             PreparedStatement query = profiles(connection, rows);
             ResultSet result = query.executeQuery()) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.writeStartArray();
            while (result.next()) {
                ProfileMapping.writeJson(json, ProfileMapping.read(result));
                progress(context, ++count, total);
            }
            json.writeEndArray();
        }
        return count;
    }

    private static long writeCsv(Connection connection, Writer writer, Rows rows, JobContext context, long total)
            throws SQLException, IOException {
        List<String> attributeNames = attributeNames(connection, rows.where());
        List<String> header = ProfileMapping.csvHeader(attributeNames);
        long count = 0;
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get());
        try (PreparedStatement query = profiles(connection, rows);
             ResultSet result = query.executeQuery()) {
            while (result.next()) {
                csv.printRecord(ProfileMapping.csvRow(ProfileMapping.read(result), attributeNames));
                progress(context, ++count, total);
            }
        }
        csv.flush();
        return count;
    }

    private static List<String> attributeNames(Connection connection, SqlFragment where) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = prepare(connection,
                "SELECT DISTINCT a.key FROM profile p, json_each(p.attributes) a WHERE " + where.sql() + " ORDER BY a.key",
                where.parameters());
             ResultSet result = query.executeQuery()) {
            while (result.next()) {
                names.add(result.getString(1));
            }
        }
        return names;
    }

    private static void progress(JobContext context, long done, long total) {
        if (done % PROGRESS_EVERY == 0) {
            context.throwIfCancelled();
            context.progress(done, total, "profiles");
        }
    }
}
