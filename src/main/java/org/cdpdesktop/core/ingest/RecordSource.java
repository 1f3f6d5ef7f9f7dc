package org.cdpdesktop.core.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Rows of named text values, from wherever they come: a CSV file ({@link CsvSource}), a REST request or a Kafka batch
 * ({@link RecordBatch}). The import pipeline reads every kind the same way, so mapping, cleaning, identity resolution,
 * accounting and rejects are one thing whatever the door.
 */
public interface RecordSource extends Closeable {

    /** One data row: its line (or position), its values (as many as there are headers), or why it cannot be read. */
    record Row(long line, String[] values, String problem) { }

    /** Receives each rejected row: its line, why, and its text as the source had it. */
    @FunctionalInterface
    interface RejectSink {
        void reject(long line, String reason, String raw) throws IOException;
    }

    /** Opens a source once the pipeline knows where its rejected rows go. */
    @FunctionalInterface
    interface Opener {
        RecordSource open(RejectSink rejects) throws IOException;
    }

    /** What the import history calls it: a file name, or e.g. {@code user-profiles} for a topic. */
    String name();

    /** The import history's {@code source}: {@code csv}, {@code rest}, {@code kafka}... */
    String kind();

    List<String> headers();

    /** The next row, or {@code null} at the end. */
    Row next() throws IOException;

    /** Marks the row last returned by {@link #next()} as rejected; the source hands it to its sink with its raw text. */
    void reject(Row row, String reason) throws IOException;

    /** Called once every row has been read, so a source can hand over what it still holds. */
    void finish() throws IOException;

    /** How much of the source has been read, from 0 to 1, for progress and ETA. */
    double fractionRead();

    /** The source's size in bytes where known (it decides whether indexing is deferred), else 0. */
    long sizeInBytes();

    /** Whether the whole store's keys are worth loading for this source; a handful of records looks keys up instead. */
    boolean isBulk();

    /** A SHA-256 of the source's bytes once read, or {@code null} when there is no file. */
    String checksum() throws IOException;
}
