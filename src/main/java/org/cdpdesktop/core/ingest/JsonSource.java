package org.cdpdesktop.core.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Customer records in a JSON document (an array of objects, one object, or objects one after another) or in JSON Lines
 * (one object per line), read with Jackson's streaming parser one record at a time, so memory stays flat however
 * large the file. The columns are every flattened name any record uses, in first-seen order, found by a first pass
 * over the file; a record without a column has a blank value there. A record that is not an object is a rejected row;
 * in JSON Lines, so is a line that is not valid JSON, while the rest of the file is imported. A JSON Lines row is named
 * by its line; a document's record by its number in the document (from 1), as minified JSON has all on one line.
 * Broken JSON in a document stops the import with its line and column: past it, nothing can be read reliably.
 */
final class JsonSource implements RecordSource {

    static final int MAX_LINE_CHARS = CsvSource.MAX_RECORD_CHARS;
    private static final int MAX_RAW_CHARS = 10_000;

    private final Path file;
    private final boolean lines;
    private final RejectSink rejects;
    private final List<String> headers;
    private final Map<String, Integer> columns = new HashMap<>();
    private final FileInput input;
    private final Records records;
    private String lastRaw;

    private JsonSource(Path file, boolean lines, RejectSink rejects, long scanRecords) throws IOException {
        this.file = file;
        this.lines = lines;
        this.rejects = rejects;
        this.headers = readHeaders(scanRecords);
        for (int i = 0; i < headers.size(); i++) {
            columns.put(headers.get(i), i);
        }
        this.input = FileInput.open(file);
        try {
            this.records = records(input);
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    /** A JSON document, or JSON Lines when {@code lines}; {@code rejects} receives rejected records with their JSON text. */
    static JsonSource open(Path file, boolean lines, RejectSink rejects) throws IOException {
        return new JsonSource(file, lines, rejects, Long.MAX_VALUE);
    }

    /**
     * For a preview: the columns of the first {@code scanRecords} records only, so a large file shows at once; the
     * import reads them all, and a column first met later is mapped by default (kept as a custom attribute).
     */
    static JsonSource openForPreview(Path file, boolean lines, long scanRecords) throws IOException {
        return new JsonSource(file, lines, (line, reason, raw) -> { }, scanRecords);
    }

    private Records records(InputStream in) throws IOException {
        return lines ? new LineRecords(in) : new DocumentRecords(in);
    }

    private List<String> readHeaders(long scanRecords) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        try (FileInput scan = FileInput.open(file); Records all = records(scan)) {
            Item item;
            for (long scanned = 0; scanned < scanRecords && (item = all.next()) != null; scanned++) {
                if (item.node() == null) {
                    continue;
                }
                try {
                    names.addAll(JsonFlattener.flatten(item.node()).keySet());
                } catch (JsonFlattener.RefusedException e) {
                    continue;
                }
                if (names.size() > CsvSource.MAX_COLUMNS) {
                    throw new ImportException(String.format("%s line %d: the records use more than %,d different names; at most %,d"
                            + " columns are supported", name(), item.line(), CsvSource.MAX_COLUMNS, CsvSource.MAX_COLUMNS));
                }
            }
        }
        return List.copyOf(names);
    }

    @Override
    public String name() {
        return file.getFileName().toString();
    }

    @Override
    public String kind() {
        return lines ? FileFormat.JSONL.key() : FileFormat.JSON.key();
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public Row next() throws IOException {
        Item item = records.next();
        if (item == null) {
            return null;
        }
        String[] values = new String[headers.size()];
        Arrays.fill(values, "");
        if (item.problem() != null) {
            lastRaw = item.raw();
            return new Row(item.line(), values, item.problem());
        }
        lastRaw = item.raw() != null ? item.raw() : item.node().toString();
        Map<String, String> flat;
        try {
            flat = JsonFlattener.flatten(item.node());
        } catch (JsonFlattener.RefusedException e) {
            return new Row(item.line(), values, e.getMessage());
        }
        flat.forEach((name, value) -> values[columns.get(name)] = value);
        return new Row(item.line(), values, HeaderNames.check(headers, values));
    }

    @Override
    public void reject(Row row, String reason) throws IOException {
        String raw = lastRaw == null ? "" : lastRaw;
        rejects.reject(row.line(), reason, raw.length() > MAX_RAW_CHARS ? raw.substring(0, MAX_RAW_CHARS) + "…" : raw);
    }

    @Override
    public void finish() {
        // Rejects are written as they happen.
    }

    @Override
    public double fractionRead() {
        return input.fractionRead();
    }

    @Override
    public long sizeInBytes() {
        return input.size();
    }

    @Override
    public boolean isBulk() {
        return true;
    }

    @Override
    public String checksum() throws IOException {
        return input.checksum();
    }

    @Override
    public void close() throws IOException {
        try (input) {
            records.close();
        }
    }

    /** One record as read: its object, or the problem that makes it a rejected row with its text. */
    private record Item(long line, JsonNode node, String raw, String problem) { }

    private interface Records extends Closeable {
        /** The next record, or {@code null} at the end. */
        Item next() throws IOException;
    }

    private final class DocumentRecords implements Records {
        private final JsonParser parser;
        private final boolean inArray;
        private boolean pendingRoot;
        private boolean done;
        private long position;

        DocumentRecords(InputStream in) throws IOException {
            this.parser = JsonRecords.MAPPER.createParser(in);
            JsonToken first = token();
            if (first == null) {
                inArray = false;
                done = true;
            } else if (first == JsonToken.START_ARRAY) {
                inArray = true;
            } else if (first == JsonToken.START_OBJECT) {
                inArray = false;
                pendingRoot = true;
            } else {
                throw new ImportException(name() + " is JSON but holds a single " + describe(first)
                        + ", not customer records; give an array of objects, one object, or one object per line");
            }
        }

        @Override
        public Item next() throws IOException {
            if (done) {
                return null;
            }
            JsonToken token = pendingRoot ? JsonToken.START_OBJECT : token();
            pendingRoot = false;
            if (inArray && token == JsonToken.END_ARRAY) {
                done = true;
                if (token() != null) {
                    throw new ImportException(name() + " line " + parser.currentTokenLocation().getLineNr()
                            + ": more JSON follows the array of records; a file holds one array");
                }
                return null;
            }
            if (token == null) {
                done = true;
                if (inArray) {
                    throw new ImportException(name() + ": the file ends before its array of records is closed with ]");
                }
                return null;
            }
            position++;
            JsonNode node = tree();
            if (!node.isObject()) {
                return new Item(position, null, node.toString(), "record " + position + " is " + describe(token) + ", not an object");
            }
            return new Item(position, node, null, null);
        }

        private JsonToken token() throws IOException {
            try {
                return parser.nextToken();
            } catch (JsonProcessingException e) {
                throw broken(e);
            }
        }

        private JsonNode tree() throws IOException {
            try {
                return parser.readValueAsTree();
            } catch (JsonProcessingException e) {
                throw broken(e);
            }
        }

        private ImportException broken(JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            String what = e instanceof StreamConstraintsException ? e.getOriginalMessage() : "not valid JSON: " + e.getOriginalMessage();
            return new ImportException(name() + where + ": " + what, e);
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a true/false value";
            case VALUE_NULL -> "null";
            default -> "not an object";
        };
    }

    /** One object per line; a line that is not one is a rejected row, and reading goes on with the next line. */
    private static final class LineRecords implements Records {
        private final Reader reader;
        private final char[] buffer = new char[1 << 16];
        private int length;
        private int position;
        private long lineNumber;

        LineRecords(InputStream in) throws IOException {
            PushbackInputStream bytes = new PushbackInputStream(in, 3);
            this.reader = new InputStreamReader(bytes, charset(bytes));
        }

        /** JSON Lines are UTF-8; a byte-order mark is skipped, and a UTF-16 one is honoured. */
        private static Charset charset(PushbackInputStream in) throws IOException {
            byte[] start = in.readNBytes(3);
            int b0 = start.length > 0 ? start[0] & 0xFF : -1;
            int b1 = start.length > 1 ? start[1] & 0xFF : -1;
            if (b0 == 0xEF && b1 == 0xBB && start.length == 3 && (start[2] & 0xFF) == 0xBF) {
                return StandardCharsets.UTF_8;
            }
            if (b0 == 0xFF && b1 == 0xFE || b0 == 0xFE && b1 == 0xFF) {
                in.unread(start, 2, start.length - 2);
                return b0 == 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
            }
            in.unread(start);
            return StandardCharsets.UTF_8;
        }

        @Override
        public Item next() throws IOException {
            while (true) {
                StringBuilder line = new StringBuilder();
                boolean tooLong = false;
                boolean any = false;
                int c;
                while ((c = read()) >= 0) {
                    any = true;
                    if (c == '\n') {
                        break;
                    }
                    if (line.length() < MAX_LINE_CHARS) {
                        line.append((char) c);
                    } else {
                        tooLong = true;
                    }
                }
                if (!any) {
                    return null;
                }
                lineNumber++;
                if (tooLong) {
                    return new Item(lineNumber, null, line.substring(0, MAX_RAW_CHARS),
                            String.format("the line is longer than %,d characters", MAX_LINE_CHARS));
                }
                String text = line.toString().strip();
                if (text.isEmpty()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JsonRecords.readWhole(text);
                } catch (JsonProcessingException e) {
                    return new Item(lineNumber, null, text, "the line is not valid JSON: " + e.getOriginalMessage());
                }
                if (!node.isObject()) {
                    return new Item(lineNumber, null, text, "the line is " + describe(node.asToken()) + ", not a JSON object");
                }
                return new Item(lineNumber, node, text, null);
            }
        }

        private int read() throws IOException {
            if (position == length) {
                length = reader.read(buffer, 0, buffer.length);
                position = 0;
                if (length <= 0) {
                    length = 0;
                    return -1;
                }
            }
            return buffer[position++];
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
