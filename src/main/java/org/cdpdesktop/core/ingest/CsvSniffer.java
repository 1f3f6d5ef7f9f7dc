package org.cdpdesktop.core.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Guesses a CSV file's dialect from its first 64 KiB: the encoding, the delimiter among comma, semicolon, tab
 * and pipe (the one that splits the rows into the most consistent number of columns), the quote and escape
 * characters, how many preamble lines come before the table, and whether its first row is a header.
 */
public final class CsvSniffer {

    static final int SAMPLE_BYTES = 64 * 1024;
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final int SAMPLE_RECORDS = 60;
    private static final int MAX_PREAMBLE_RECORDS = 10;
    private static final Pattern LOOKS_LIKE_DATA = Pattern.compile(
            "[-+]?[$€£]?\\d[\\d,. ]*[kKmM%]?|\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}.*|[^@\\s]+@[^@\\s]+|true|false|TRUE|FALSE");

    private CsvSniffer() {
    }

    public static CsvDialect sniff(Path file) throws IOException {
        byte[] sample = new byte[SAMPLE_BYTES];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(sample, 0, SAMPLE_BYTES);
        }
        EncodingDetector.Detected detected = EncodingDetector.detect(sample, length);
        CsvDialect fallback = new CsvDialect(detected.charset(), detected.bom(), ',', '"', null, true, 0);
        if (length == 0 || detected.binary()) {
            return fallback;
        }
        String text = decode(sample, length, detected, length == SAMPLE_BYTES);
        char quote = quote(text);
        Character escape = escape(text, quote);
        Choice best = null;
        for (char delimiter : DELIMITERS) {
            Choice choice = score(text, delimiter, quote, escape);
            if (choice != null && (best == null || choice.better(best))) {
                best = choice;
            }
        }
        if (best == null) {
            return fallback;
        }
        return new CsvDialect(detected.charset(), detected.bom(), best.delimiter, quote, escape,
                looksLikeHeader(best.records), best.skipLines);
    }

    private static String decode(byte[] sample, int length, EncodingDetector.Detected detected, boolean truncated) {
        int bom = EncodingDetector.bomLength(sample, length, detected.charset());
        Charset charset = detected.charset();
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(sample, bom, length - bom)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            text = new String(sample, bom, length - bom, StandardCharsets.ISO_8859_1);
        }
        if (truncated) {
            int lastBreak = text.lastIndexOf('\n');
            if (lastBreak > 0) {
                text = text.substring(0, lastBreak + 1);
            }
        }
        return text;
    }

    /** A single quote is the quote character only when it wraps values more often than a double quote does. */
    private static char quote(String text) {
        int doubles = 0;
        int singles = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                char before = i == 0 ? '\n' : text.charAt(i - 1);
                if (before == '\n' || before == ',' || before == ';' || before == '\t' || before == '|') {
                    if (c == '"') {
                        doubles++;
                    } else {
                        singles++;
                    }
                }
            }
        }
        return singles > doubles * 2 && singles >= 2 ? '\'' : '"';
    }

    /** A backslash escapes quotes only when {@code \"} is more common than a doubled quote {@code ""}. */
    private static Character escape(String text, char quote) {
        String escaped = "\\" + quote;
        String doubled = "" + quote + quote;
        int escapes = count(text, escaped);
        int doubles = count(text, doubled);
        return escapes > 0 && escapes > doubles ? '\\' : null;
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            count++;
        }
        return count;
    }

    private record Choice(char delimiter, double consistency, int columns, int skipRecords, int skipLines, List<List<String>> records) {
        boolean better(Choice other) {
            if (Math.abs(consistency - other.consistency) > 0.05) {
                return consistency > other.consistency;
            }
            return columns > other.columns;
        }
    }

    /** How consistently {@code delimiter} splits the sample: the share of rows with the most common column count. */
    private static Choice score(String text, char delimiter, char quote, Character escape) {
        List<List<String>> records = new ArrayList<>();
        List<Long> linesAfter = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setQuote(quote).setEscape(escape)
                .setIgnoreEmptyLines(false).setTrailingData(true).setLenientEof(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                records.add(record.toList());
                linesAfter.add(parser.getCurrentLineNumber());
                if (records.size() >= SAMPLE_RECORDS) {
                    break;
                }
            }
        } catch (IOException | RuntimeException unparseable) {
            return null;
        }
        if (records.isEmpty()) {
            return null;
        }
        Map<Integer, Integer> counts = new HashMap<>();
        // Long samples are judged on their second half, clear of any preamble; short ones need every row.
        int tailStart = records.size() >= 20 ? records.size() / 2 : 0;
        for (List<String> record : records.subList(tailStart, records.size())) {
            counts.merge(record.size(), 1, Integer::sum);
        }
        int mode = counts.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
        if (mode < 2) {
            return null;
        }
        int skip = 0;
        while (skip < Math.min(MAX_PREAMBLE_RECORDS, records.size() - 1) && records.get(skip).size() != mode) {
            skip++;
        }
        List<List<String>> table = records.subList(skip, records.size());
        long consistent = table.stream().filter(record -> record.size() == mode).count();
        int skipLines = skip == 0 ? 0 : linesAfter.get(skip - 1).intValue();
        return new Choice(delimiter, (double) consistent / table.size(), mode, skip, skipLines, List.copyOf(table));
    }

    /**
     * The first row is a header when it has names and none of its values looks like data (a number, a date,
     * an email). Repeated and blank names still make a header: exports have them, and the reader renames them.
     */
    private static boolean looksLikeHeader(List<List<String>> records) {
        boolean named = false;
        for (String value : records.get(0)) {
            String name = value.strip();
            if (LOOKS_LIKE_DATA.matcher(name).matches()) {
                return false;
            }
            named |= !name.isEmpty();
        }
        return named;
    }
}
