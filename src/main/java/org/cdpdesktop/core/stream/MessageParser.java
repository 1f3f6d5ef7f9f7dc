package org.cdpdesktop.core.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cdpdesktop.core.ingest.JsonFlattener;

/**
 * Turns one message value into a record of column -> text, the shape the import pipeline reads. JSON objects are
 * flattened by {@link JsonFlattener}, as a JSON file's or a REST request's are. Untrusted bytes are read defensively:
 * a size limit, strict UTF-8, limited nesting, and plain tree parsing, never object deserialisation.
 */
public final class MessageParser {

    /** Larger messages are parked, not parsed: a profile is a few hundred bytes. */
    public static final int MAX_MESSAGE_BYTES = 256 * 1024;
    /** Read exactly as written, so that a decimal lands as the same digits as from a JSON file. */
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(JsonFlattener.MAX_DEPTH * 2)
                    .maxStringLength(MAX_MESSAGE_BYTES).build())
            .build()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final MessageFormat format;
    private final List<String> csvColumns;

    private MessageParser(MessageFormat format, List<String> csvColumns) {
        this.format = format;
        this.csvColumns = csvColumns;
    }

    public static MessageParser json(MessageFormat format) {
        if (format == MessageFormat.CSV_LINE) {
            throw new IllegalArgumentException("A CSV line needs its columns: use MessageParser.csv");
        }
        return new MessageParser(format, List.of());
    }

    /** CSV lines whose values are, in order, the given columns (a saved preset's columns). */
    public static MessageParser csv(List<String> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A CSV line format needs at least one column");
        }
        return new MessageParser(MessageFormat.CSV_LINE, List.copyOf(columns));
    }

    public MessageFormat format() {
        return format;
    }

    public Map<String, String> parse(byte[] value) throws PoisonMessageException {
        if (value == null || value.length == 0) {
            throw new PoisonMessageException("Empty message");
        }
        if (value.length > MAX_MESSAGE_BYTES) {
            throw new PoisonMessageException("Message of " + value.length + " bytes is larger than the limit of " + MAX_MESSAGE_BYTES + " bytes");
        }
        String text = utf8(value);
        return format == MessageFormat.CSV_LINE ? parseCsv(text) : parseJson(text);
    }

    private static String utf8(byte[] value) throws PoisonMessageException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            throw new PoisonMessageException("Not UTF-8 text");
        }
    }

    private Map<String, String> parseJson(String text) throws PoisonMessageException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("Not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new PoisonMessageException("Not a JSON object but " + (root == null ? "nothing" : kind(root)));
        }
        if (format == MessageFormat.PROFILE_JSON) {
            root = liftAttributes((ObjectNode) root);
        }
        Map<String, String> values;
        try {
            values = JsonFlattener.flatten(root);
        } catch (JsonFlattener.RefusedException e) {
            throw new PoisonMessageException(capitalised(e.getMessage()));
        }
        if (values.values().stream().allMatch(String::isBlank)) {
            throw new PoisonMessageException("A JSON object without any values");
        }
        return values;
    }

    /**
     * A profile as CDP Desktop writes it, with its custom attributes as columns of their own. The store id of the
     * desktop that wrote it means nothing here: {@code externalId} names the customer.
     */
    private static ObjectNode liftAttributes(ObjectNode profile) {
        ObjectNode lifted = profile.objectNode();
        profile.fields().forEachRemaining(field -> {
            if (field.getKey().equals("attributes") && field.getValue().isObject()) {
                lifted.setAll((ObjectNode) field.getValue());
            } else if (!field.getKey().equals("id")) {
                lifted.set(field.getKey(), field.getValue());
            }
        });
        return lifted;
    }

    private static String capitalised(String reason) {
        return reason.isEmpty() ? reason : Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> "null";
        };
    }

    private Map<String, String> parseCsv(String text) throws PoisonMessageException {
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            records = parser.getRecords();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new PoisonMessageException("Not a CSV line: " + e.getMessage());
        }
        if (records.size() != 1) {
            throw new PoisonMessageException("Expected one CSV line, found " + records.size());
        }
        CSVRecord record = records.get(0);
        if (record.size() != csvColumns.size()) {
            throw new PoisonMessageException("Expected " + csvColumns.size() + " CSV values (" + String.join(", ", csvColumns) + "), found " + record.size());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < csvColumns.size(); i++) {
            values.put(csvColumns.get(i), record.get(i));
        }
        return values;
    }
}
