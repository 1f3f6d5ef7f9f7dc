package org.cdpdesktop.gui.importer;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The first rows of a rejects file as the summary's table shows them, with the file's own header
 * (line, reason, raw line); the total counts every row, so the table can say how many it leaves out.
 */
public record RejectedRows(List<String> headers, List<List<String>> rows, long total) {

    public static final int SHOWN_ROWS = 1_000;

    public static RejectedRows read(Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            List<List<String>> rows = new ArrayList<>();
            long total = 0;
            for (CSVRecord record : parser) {
                total++;
                if (rows.size() < SHOWN_ROWS) {
                    rows.add(record.toList());
                }
            }
            return new RejectedRows(parser.getHeaderNames(), rows, total);
        }
    }
}
