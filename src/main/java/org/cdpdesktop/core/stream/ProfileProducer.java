package org.cdpdesktop.core.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.cdpdesktop.core.ingest.ColumnMapping;
import org.cdpdesktop.core.ingest.CsvDialect;
import org.cdpdesktop.core.ingest.CsvSniffer;
import org.cdpdesktop.core.profile.ProfileField;

/**
 * Sends profiles from a file to a topic, for trying the pipeline end to end: a JSON Lines file line by line as it is,
 * a CSV file (dialect detected as the import does) as one flat JSON object per row, keyed by its external id column
 * so that the messages of one customer stay in order on one partition.
 */
public final class ProfileProducer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProfileProducer() {
    }

    /** Sends every record of {@code file}; {@code progress} hears the count sent so far. Answers how many were sent. */
    public static long sendFile(StreamSettings settings, String topic, Path file, LongConsumer progress) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new StreamException("No such file: " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean jsonLines = name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json");
        Map<String, Object> config = new HashMap<>(settings.clientConfig());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long sent = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            Sender sender = (key, value) -> producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
            });
            sent = jsonLines ? sendLines(file, sender, failure, progress) : sendCsv(file, sender, failure, progress);
            producer.flush();
        } catch (KafkaException e) {
            throw new StreamException("Cannot send to " + topic + " on " + settings.bootstrapServers() + ": " + e.getMessage(), e);
        }
        if (failure.get() != null) {
            throw new StreamException("Sending to " + topic + " failed: " + failure.get().getMessage(), failure.get());
        }
        progress.accept(sent);
        return sent;
    }

    @FunctionalInterface
    private interface Sender {
        void send(byte[] key, byte[] value);
    }

    private static long sendLines(Path file, Sender sender, AtomicReference<Exception> failure, LongConsumer progress) throws IOException {
        long sent = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null && failure.get() == null) {
                if (line.isBlank()) {
                    continue;
                }
                sender.send(null, line.getBytes(StandardCharsets.UTF_8));
                report(++sent, progress);
            }
        }
        return sent;
    }

    private static long sendCsv(Path file, Sender sender, AtomicReference<Exception> failure, LongConsumer progress) throws IOException {
        CsvDialect dialect = CsvSniffer.sniff(file);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(dialect.delimiter()).setQuote(dialect.quote())
                .setEscape(dialect.escape()).setHeader().setSkipHeaderRecord(true).get();
        long sent = 0;
        try (Reader reader = Files.newBufferedReader(file, dialect.encoding());
             CSVParser parser = CSVParser.parse(skipBom(reader), format)) {
            List<String> headers = parser.getHeaderNames();
            String keyColumn = ColumnMapping.auto(headers).columnFor(ProfileField.EXTERNAL_ID);
            for (CSVRecord record : parser) {
                if (failure.get() != null) {
                    break;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (String header : headers) {
                    String value = record.isSet(header) ? record.get(header) : "";
                    if (!value.isBlank()) {
                        values.put(header, value);
                    }
                }
                String key = keyColumn == null ? null : values.get(keyColumn);
                sender.send(key == null ? null : key.getBytes(StandardCharsets.UTF_8), JSON.writeValueAsBytes(values));
                report(++sent, progress);
            }
        }
        return sent;
    }

    private static Reader skipBom(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private static void report(long sent, LongConsumer progress) {
        if (sent % 10_000 == 0) {
            progress.accept(sent);
        }
    }
}
