package org.cdpdesktop.core.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * Passes characters through to the CSV parser while keeping the ones of the records still needed, so a rejected
 * row can be written out exactly as it was in the file, and counting line breaks so rows are named by the line
 * they start on. Memory stays bounded: characters before {@link #keepFrom} are dropped, and a single record
 * longer than {@code maxRecordChars} (typically a quote left open) stops the read with a clear error.
 */
final class RecordingReader extends Reader {

    private final Reader in;
    private final int maxRecordChars;
    private char[] buffer = new char[1 << 16];
    private int length;
    private long bufferStart;
    private long keepFrom;
    private long total;
    private long linePosition;
    private long linesBefore;
    private boolean sawCarriageReturn;

    RecordingReader(Reader in, int maxRecordChars) {
        this.in = in;
        this.maxRecordChars = maxRecordChars;
    }

    @Override
    public int read(char[] target, int offset, int count) throws IOException {
        int read = in.read(target, offset, count);
        if (read <= 0) {
            return read;
        }
        makeRoom(read);
        System.arraycopy(target, offset, buffer, length, read);
        length += read;
        total += read;
        return read;
    }

    private void makeRoom(int needed) throws IOException {
        if (length + needed <= buffer.length) {
            return;
        }
        int drop = (int) (keepFrom - bufferStart);
        if (drop > 0) {
            System.arraycopy(buffer, drop, buffer, 0, length - drop);
            length -= drop;
            bufferStart = keepFrom;
        }
        if (length + needed > buffer.length) {
            if (length > maxRecordChars) {
                throw new RecordTooLongException(lineAt(keepFrom), maxRecordChars);
            }
            char[] bigger = new char[Math.max(buffer.length * 2, length + needed)];
            System.arraycopy(buffer, 0, bigger, 0, length);
            buffer = bigger;
        }
    }

    /** Characters before {@code position} will not be asked for again. */
    void keepFrom(long position) {
        keepFrom = Math.max(keepFrom, Math.min(position, total));
    }

    /** The file text between two character positions, both at or after {@link #keepFrom}. */
    String text(long from, long to) {
        int start = (int) (from - bufferStart);
        int end = (int) (Math.min(to, total) - bufferStart);
        return start >= end ? "" : new String(buffer, start, end - start);
    }

    /** The 1-based line a character position is on; positions must be asked in increasing order. */
    long lineAt(long position) {
        long target = Math.min(position, total);
        for (long p = Math.max(linePosition, bufferStart); p < target; p++) {
            char c = buffer[(int) (p - bufferStart)];
            if (c == '\n') {
                if (!sawCarriageReturn) {
                    linesBefore++;
                }
                sawCarriageReturn = false;
            } else if (c == '\r') {
                linesBefore++;
                sawCarriageReturn = true;
            } else {
                sawCarriageReturn = false;
            }
        }
        linePosition = Math.max(linePosition, target);
        return linesBefore + 1;
    }

    long charactersRead() {
        return total;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** One record grew past the limit: almost always a quote opened and never closed. */
    static final class RecordTooLongException extends IOException {
        RecordTooLongException(long line, int limit) {
            super(String.format("line %d: a row longer than %,d characters; is a quote opened on that line and never closed?", line, limit));
        }
    }
}
