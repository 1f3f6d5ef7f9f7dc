package org.cdpdesktop.core.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the first rows of a file with a dialect, as the import will read them, and says what looks wrong. */
public final class CsvPreviewer {

    private static final int MAX_PROBLEMS = 20;

    private CsvPreviewer() {
    }

    /** The headers (generated {@code column_1..N} when the dialect has no header row), up to {@code maxRows} rows, and problems. */
    public static CsvPreview preview(Path file, CsvDialect dialect, int maxRows) throws IOException {
        List<String> problems = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        try (CsvSource source = CsvSource.open(file, dialect, (line, reason, raw) -> { })) {
            problems.addAll(source.headerProblems());
            if (source.headers().isEmpty()) {
                problems.add("The file is empty");
                return new CsvPreview(List.of(), List.of(), problems);
            }
            RecordSource.Row row;
            while (rows.size() < maxRows && (row = source.next()) != null) {
                rows.add(Arrays.asList(row.values()));
                if (row.problem() != null && problems.size() < MAX_PROBLEMS) {
                    problems.add("Line " + row.line() + ": " + row.problem() + "; this row will be rejected");
                }
                if (hasReplacementCharacter(row.values()) && problems.size() < MAX_PROBLEMS) {
                    problems.add("Line " + row.line() + ": some characters are not valid " + dialect.encoding().displayName()
                            + "; try another encoding");
                }
            }
            if (rows.isEmpty() && dialect.header()) {
                problems.add("The file has a header row but no data rows");
            }
            if (source.headers().size() == 1 && !rows.isEmpty()) {
                problems.add("Every row has a single column; is the delimiter right?");
            }
            return new CsvPreview(source.headers(), rows, problems);
        } catch (ImportException e) {
            problems.add(e.getMessage());
            return new CsvPreview(List.of(), rows, problems);
        }
    }

    private static boolean hasReplacementCharacter(String[] values) {
        for (String value : values) {
            if (value.indexOf('\uFFFD') >= 0) {
                return true;
            }
        }
        return false;
    }
}
