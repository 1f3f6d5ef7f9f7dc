package org.cdpdesktop.core.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file row by row with a dialect, never holding more than the current rows in memory. Checks every
 * row against the header (ragged rows, oversized fields, binary data), names each row by the line it starts on,
 * and hands rejected rows, exactly as they were written in the file, to a {@link RejectSink}.
 */
final class CsvSource implements RecordSource {

    static final int MAX_FIELD_CHARS = 1 << 20;
    static final int MAX_RECORD_CHARS = 8 << 20;
    static final int MAX_COLUMNS = 2_000;
    private static final int SAMPLE_BYTES = 64 * 1024;

    private final Path file;
    private final CountingInput counting;
    private final DigestInputStream digest;
    private final RecordingReader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> headers;
    private final List<String> headerProblems = new ArrayList<>();
    private final RejectSink rejects;
    private final long fileSize;
    private long pendingStart = -1;
    private long pendingLine;
    private String pendingReason;
    private CSVRecord firstDataRecord;
    private long lastLine;
    private long lastRecordStart;

    private CsvSource(Path file, CsvDialect dialect, RejectSink rejects) throws IOException {
        this.file = file;
        this.rejects = rejects;
        this.fileSize = Files.size(file);
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        this.counting = new CountingInput(Files.newInputStream(file));
        this.digest = new DigestInputStream(counting, sha256);
        BufferedInputStream bytes = new BufferedInputStream(digest, 1 << 16);
        try {
            rejectBinary(bytes, dialect);
            skipBom(bytes, dialect);
            this.reader = new RecordingReader(new InputStreamReader(bytes, dialect.encoding()), MAX_RECORD_CHARS);
            long skipped = skipLines(reader, dialect.skipRows());
            this.parser = CSVParser.builder()
                    .setReader(reader)
                    .setFormat(format(dialect))
                    .setCharacterOffset(skipped)
                    .get();
            this.records = parser.iterator();
            this.headers = readHeaders(dialect);
        } catch (IOException | RuntimeException e) {
            bytes.close();
            throw e;
        }
    }

    /** Opens {@code file}; {@code rejects} receives rejected rows as {@link #reject} marks them. */
    static CsvSource open(Path file, CsvDialect dialect, RejectSink rejects) throws IOException {
        return new CsvSource(file, dialect, rejects);
    }

    static CSVFormat format(CsvDialect dialect) {
        // An escape equal to the quote means doubled quotes, which is how quotes are read anyway.
        Character escape = dialect.escape() != null && dialect.escape() == dialect.quote() ? null : dialect.escape();
        return CSVFormat.DEFAULT.builder()
                .setDelimiter(dialect.delimiter())
                .setQuote(dialect.quote())
                .setEscape(escape)
                .setIgnoreEmptyLines(true)
                .setTrailingData(true)
                .setAllowMissingColumnNames(true)
                .get();
    }

    private void rejectBinary(BufferedInputStream bytes, CsvDialect dialect) throws IOException {
        if (dialect.encoding().name().startsWith("UTF-16")) {
            return;
        }
        bytes.mark(SAMPLE_BYTES);
        byte[] sample = new byte[SAMPLE_BYTES];
        int length = bytes.readNBytes(sample, 0, SAMPLE_BYTES);
        bytes.reset();
        if (EncodingDetector.looksBinary(sample, length)) {
            throw new ImportException(file.getFileName() + " does not look like a text file (it contains binary data); "
                    + "is it a spreadsheet or an archive rather than a CSV export?");
        }
    }

    private static void skipBom(BufferedInputStream bytes, CsvDialect dialect) throws IOException {
        bytes.mark(4);
        byte[] start = new byte[4];
        int length = bytes.readNBytes(start, 0, 4);
        bytes.reset();
        int bom = EncodingDetector.bomLength(start, length, dialect.encoding());
        bytes.skipNBytes(bom);
    }

    private static long skipLines(RecordingReader reader, int lines) throws IOException {
        long skipped = 0;
        for (int line = 0; line < lines; line++) {
            int c;
            while ((c = reader.read()) >= 0) {
                skipped++;
                if (c == '\n') {
                    break;
                }
            }
            if (c < 0) {
                break;
            }
        }
        return skipped;
    }

    private List<String> readHeaders(CsvDialect dialect) throws IOException {
        CSVRecord first = nextRecord();
        if (first == null) {
            return List.of();
        }
        if (first.size() > MAX_COLUMNS) {
            throw new ImportException(String.format("%s line %d: %,d columns; at most %,d are supported",
                    file.getFileName(), lastLine, first.size(), MAX_COLUMNS));
        }
        List<String> names = new ArrayList<>();
        if (!dialect.header()) {
            for (int i = 1; i <= first.size(); i++) {
                names.add("column_" + i);
            }
            firstDataRecord = first;
            return List.copyOf(names);
        }
        return HeaderNames.unique(first.toList(), headerProblems);
    }

    @Override
    public String name() {
        return file.getFileName().toString();
    }

    @Override
    public String kind() {
        return "csv";
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    List<String> headerProblems() {
        return List.copyOf(headerProblems);
    }

    /** The next data row, or {@code null} at the end of the file. */
    @Override
    public Row next() throws IOException {
        CSVRecord record;
        if (firstDataRecord != null) {
            record = firstDataRecord;
            firstDataRecord = null;
        } else {
            record = nextRecord();
        }
        if (record == null) {
            return null;
        }
        String[] values = record.values();
        return new Row(lastLine, values, check(values));
    }

    private String check(String[] values) {
        if (values.length != headers.size()) {
            return "expected " + headers.size() + " columns, found " + values.length;
        }
        return HeaderNames.check(headers, values);
    }

    private CSVRecord nextRecord() throws IOException {
        CSVRecord record;
        try {
            record = records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw new ImportException(file.getFileName() + " line " + (lastLine + 1) + ": " + readable(e.getCause()), e);
        } catch (IllegalStateException e) {
            throw new ImportException(file.getFileName() + " after line " + lastLine + ": " + readable(e), e);
        }
        long start = record == null ? reader.charactersRead() : record.getCharacterPosition();
        flushPendingReject(start);
        if (record != null) {
            lastLine = reader.lineAt(start);
            reader.keepFrom(start);
        }
        return record;
    }

    private static String readable(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof RecordingReader.RecordTooLongException) {
            return cause.getMessage();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted value is never closed before the end of the file";
        }
        if (message.contains("invalid char between encapsulated token and delimiter")) {
            return "text follows a closing quote; is a quote inside a value not doubled?";
        }
        return message;
    }

    /** Marks the row last returned by {@link #next} as rejected; it is written out once its full text is known. */
    @Override
    public void reject(Row row, String reason) {
        pendingStart = lastRecordStart;
        pendingLine = row.line();
        pendingReason = reason;
    }

    private void flushPendingReject(long nextStart) throws IOException {
        if (pendingReason != null) {
            String raw = reader.text(pendingStart, nextStart);
            rejects.reject(pendingLine, pendingReason, stripLineEnd(raw));
            pendingReason = null;
        }
        lastRecordStart = nextStart;
    }

    private static String stripLineEnd(String raw) {
        int end = raw.length();
        while (end > 0 && (raw.charAt(end - 1) == '\n' || raw.charAt(end - 1) == '\r')) {
            end--;
        }
        return raw.substring(0, end);
    }

    /** Finishes the file: writes a last pending reject. */
    @Override
    public void finish() throws IOException {
        flushPendingReject(reader.charactersRead());
    }

    /** The SHA-256 of the file's bytes, once it has been read to the end. */
    @Override
    public String checksum() throws IOException {
        byte[] rest = new byte[1 << 16];
        while (digest.read(rest) >= 0) {
            // Drains bytes the parser did not need (trailing blank lines) so the checksum covers the whole file.
        }
        return HexFormat.of().formatHex(digest.getMessageDigest().digest());
    }

    /** A rough fraction of the file read so far, for progress. */
    @Override
    public double fractionRead() {
        return fileSize == 0 ? 1 : Math.min(1.0, (double) counting.count / fileSize);
    }

    @Override
    public long sizeInBytes() {
        return fileSize;
    }

    @Override
    public boolean isBulk() {
        return true;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static final class CountingInput extends FilterInputStream {
        private long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int read = super.read(bytes, offset, length);
            if (read > 0) {
                count += read;
            }
            return read;
        }
    }
}
