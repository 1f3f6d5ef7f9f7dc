package org.cdpdesktop.core.export;

import com.fasterxml.jackson.core.JsonEncoding;
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
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.jobs.Job;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.profile.JsonColumns;
import org.cdpdesktop.core.profile.ProfileField;

/**
 * Writes profiles out, streaming from the store, so that an export of a million profiles needs no more memory
 * than one. JSON is an array of objects keyed by {@link ProfileField#key()} plus an {@code attributes} object and a
 * {@code cohorts} list; CSV has the same field columns, one column per custom attribute name and a
 * {@code cohorts} column (names joined by {@code |}). An import of either CSV export gives back every value.
 */
public final class ExportService {

    private static final int PROGRESS_EVERY = 1_000;
    private final Database database;

    public ExportService(Database database) {
        this.database = database;
    }

    /**
     * Exports the profiles matching {@code whereSql} (a boolean SQL expression over the profile alias {@code p}, with
     * {@code ?} for each of {@code parameters}; {@code null} = every profile) to {@code out}, written atomically.
     */
    public Job<ExportSummary> exportJob(ExportFormat format, Path out, String whereSql, List<Object> parameters) {
        return job(format, whereSql, parameters, "Export to " + out.getFileName(), context -> {
            Path temporary = Files.createTempFile(out.toAbsolutePath().getParent(), ".export", ".tmp");
            try {
                long count;
                try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                    count = write(format, writer, whereSql, parameters, context);
                }
                Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return count;
            } finally {
                Files.deleteIfExists(temporary);
            }
        }, out.toAbsolutePath().toString());
    }

    /** The same export to a stream the caller owns (the CLI's stdout); the stream is flushed, not closed. */
    public Job<ExportSummary> exportJob(ExportFormat format, Writer out, String whereSql, List<Object> parameters) {
        return job(format, whereSql, parameters, "Export", context -> {
            Writer buffered = new BufferedWriter(out, 1 << 16);
            long count = write(format, buffered, whereSql, parameters, context);
            buffered.flush();
            return count;
        }, null);
    }

    @FunctionalInterface
    private interface Body {
        long write(JobContext context) throws IOException;
    }

    private Job<ExportSummary> job(ExportFormat format, String whereSql, List<Object> parameters, String title, Body body, String file) {
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

    private long write(ExportFormat format, Writer writer, String whereSql, List<Object> parameters, JobContext context) {
        return database.read(connection -> {
            long total = count(connection, whereSql, parameters);
            try {
                return format == ExportFormat.JSON
                        ? writeJson(connection, writer, whereSql, parameters, context, total)
                        : writeCsv(connection, writer, whereSql, parameters, context, total);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the export: " + e.getMessage(), e);
            }
        });
    }

    private static String where(String whereSql) {
        return whereSql == null || whereSql.isBlank() ? "" : " WHERE (" + whereSql + ")";
    }

    private static long count(Connection connection, String whereSql, List<Object> parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM profile p" + where(whereSql))) {
            bind(query, parameters);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        if (parameters != null) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
        }
    }

    private static PreparedStatement profiles(Connection connection, String whereSql, List<Object> parameters) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (ProfileField field : ProfileField.values()) {
            sql.append("p.").append(field.column()).append(", ");
        }
        sql.append("p.attributes, (SELECT json_group_array(c.cohort) FROM profile_cohort c WHERE c.profile_id = p.id) FROM profile p")
                .append(where(whereSql)).append(" ORDER BY p.id");
        PreparedStatement statement = connection.prepareStatement(sql.toString());
        bind(statement, parameters);
        return statement;
    }

    private long writeJson(Connection connection, Writer writer, String whereSql, List<Object> parameters, JobContext context, long total)
            throws SQLException, IOException {
        long count = 0;
        try (JsonGenerator json = new JsonFactory().createGenerator(writer);
             PreparedStatement query = profiles(connection, whereSql, parameters);
             ResultSet result = query.executeQuery()) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.writeStartArray();
            while (result.next()) {
                json.writeStartObject();
                int column = 1;
                for (ProfileField field : ProfileField.values()) {
                    json.writeFieldName(field.key());
                    writeJsonValue(json, field, result, column++);
                }
                json.writeObjectFieldStart("attributes");
                for (Map.Entry<String, String> attribute : JsonColumns.jsonToMap(result.getString(column++)).entrySet()) {
                    json.writeStringField(attribute.getKey(), attribute.getValue());
                }
                json.writeEndObject();
                json.writeArrayFieldStart("cohorts");
                for (String cohort : JsonColumns.jsonToList(result.getString(column))) {
                    json.writeString(cohort);
                }
                json.writeEndArray();
                json.writeEndObject();
                progress(context, ++count, total);
            }
            json.writeEndArray();
        }
        return count;
    }

    private static void writeJsonValue(JsonGenerator json, ProfileField field, ResultSet result, int column) throws SQLException, IOException {
        if (result.getObject(column) == null) {
            json.writeNull();
            return;
        }
        switch (field.type()) {
            case INTEGER -> json.writeNumber(result.getLong(column));
            case DECIMAL -> json.writeNumber(result.getDouble(column));
            case LIST -> {
                json.writeStartArray();
                for (String item : JsonColumns.jsonToList(result.getString(column))) {
                    json.writeString(item);
                }
                json.writeEndArray();
            }
            default -> json.writeString(result.getString(column));
        }
    }

    private long writeCsv(Connection connection, Writer writer, String whereSql, List<Object> parameters, JobContext context, long total)
            throws SQLException, IOException {
        List<String> attributeNames = attributeNames(connection, whereSql, parameters);
        List<String> header = new ArrayList<>();
        for (ProfileField field : ProfileField.values()) {
            header.add(field.key());
        }
        header.addAll(attributeNames);
        header.add("cohorts");
        long count = 0;
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get());
        try (PreparedStatement query = profiles(connection, whereSql, parameters);
             ResultSet result = query.executeQuery()) {
            List<String> row = new ArrayList<>(header.size());
            while (result.next()) {
                row.clear();
                int column = 1;
                for (ProfileField field : ProfileField.values()) {
                    row.add(csvValue(field, result, column++));
                }
                Map<String, String> attributes = JsonColumns.jsonToMap(result.getString(column++));
                for (String name : attributeNames) {
                    row.add(attributes.get(name));
                }
                row.add(String.join("|", JsonColumns.jsonToList(result.getString(column))));
                csv.printRecord(row);
                progress(context, ++count, total);
            }
        }
        csv.flush();
        return count;
    }

    private static String csvValue(ProfileField field, ResultSet result, int column) throws SQLException {
        if (result.getObject(column) == null) {
            return null;
        }
        return switch (field.type()) {
            case INTEGER -> Long.toString(result.getLong(column));
            case DECIMAL -> formatNumber(result.getDouble(column));
            case LIST -> String.join("|", JsonColumns.jsonToList(result.getString(column)));
            default -> result.getString(column);
        };
    }

    private static String formatNumber(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static List<String> attributeNames(Connection connection, String whereSql, List<Object> parameters) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT DISTINCT a.key FROM profile p, json_each(p.attributes) a" + where(whereSql) + " ORDER BY a.key")) {
            bind(query, parameters);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
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
