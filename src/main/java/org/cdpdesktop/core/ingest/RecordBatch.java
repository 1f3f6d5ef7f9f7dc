package org.cdpdesktop.core.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records already in memory (a REST request's profiles, a batch of Kafka messages), each a map from column name to
 * text value, read as a {@link RecordSource}. The columns are every name any record uses, in first-seen order; a
 * record without a column has a blank value there. Rows are numbered by {@link Entry#position()}, e.g. the record's
 * index in the request or its Kafka offset, and rejected rows are kept with their reasons for the caller.
 */
public final class RecordBatch {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One record and the number that names it in rejects and dead letters. */
    public record Entry(long position, Map<String, String> values) { }

    /** A record the import refused, by position, with the reason it gave. */
    public record Rejection(long position, String reason) { }

    private final String name;
    private final String kind;
    private final List<Entry> entries;
    private final List<String> headers;
    private final List<Rejection> rejections = Collections.synchronizedList(new ArrayList<>());

    private RecordBatch(String name, String kind, List<Entry> entries) {
        this.name = name;
        this.kind = kind;
        this.entries = List.copyOf(entries);
        Set<String> columns = new LinkedHashSet<>();
        for (Entry entry : entries) {
            columns.addAll(entry.values().keySet());
        }
        this.headers = List.copyOf(columns);
    }

    /** Records numbered from 1 in the order given. */
    public static RecordBatch of(String name, String kind, List<? extends Map<String, String>> records) {
        List<Entry> entries = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            entries.add(new Entry(i + 1L, records.get(i)));
        }
        return new RecordBatch(name, kind, entries);
    }

    /** Records numbered by their own positions (e.g. offsets). */
    public static RecordBatch ofEntries(String name, String kind, List<Entry> entries) {
        return new RecordBatch(name, kind, entries);
    }

    public String name() {
        return name;
    }

    public String kind() {
        return kind;
    }

    public List<String> headers() {
        return headers;
    }

    public int size() {
        return entries.size();
    }

    /** The records the last import of this batch rejected, in order. */
    public List<Rejection> rejections() {
        synchronized (rejections) {
            return List.copyOf(rejections);
        }
    }

    /** This batch as a source for one import run. */
    RecordSource.Opener opener() {
        return rejects -> new Source(rejects);
    }

    private final class Source implements RecordSource {

        private final RejectSink rejects;
        private int next;

        private Source(RejectSink rejects) {
            this.rejects = rejects;
            rejections.clear();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public List<String> headers() {
            return headers;
        }

        @Override
        public Row next() {
            if (next >= entries.size()) {
                return null;
            }
            Entry entry = entries.get(next++);
            String[] values = new String[headers.size()];
            for (int i = 0; i < values.length; i++) {
                String value = entry.values().get(headers.get(i));
                values[i] = value == null ? "" : value;
            }
            return new Row(entry.position(), values, null);
        }

        @Override
        public void reject(Row row, String reason) throws java.io.IOException {
            rejections.add(new Rejection(row.line(), reason));
            rejects.reject(row.line(), reason, raw(row));
        }

        private String raw(Row row) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < headers.size(); i++) {
                if (!row.values()[i].isEmpty()) {
                    values.put(headers.get(i), row.values()[i]);
                }
            }
            try {
                return JSON.writeValueAsString(values);
            } catch (JsonProcessingException e) {
                return values.toString();
            }
        }

        @Override
        public void finish() {
            // Nothing is held back: every rejection was handed over as it happened.
        }

        @Override
        public double fractionRead() {
            return entries.isEmpty() ? 1 : (double) next / entries.size();
        }

        @Override
        public long sizeInBytes() {
            return 0;
        }

        @Override
        public boolean isBulk() {
            return false;
        }

        @Override
        public String checksum() {
            return null;
        }

        @Override
        public void close() {
            // Memory only.
        }
    }
}
