package org.cdpdesktop.core.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reading JSON documents and JSON Lines, whose objects {@link JsonFlattener} turns into records. Parsing is bounded:
 * values over 8 MiB and nesting deeper than 64 levels stop the read instead of filling the memory; decimals are read
 * exactly, as written.
 */
final class JsonRecords {

    static final int MAX_NESTING = 64;
    static final int MAX_STRING_CHARS = 8 << 20;
    static final ObjectMapper MAPPER = mapper();
    private static final ObjectReader WHOLE = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonRecords() {
    }

    private static ObjectMapper mapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(MAX_STRING_CHARS)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // The source digests the file to its end for the checksum, so it closes the file itself.
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    /** {@code text} as one JSON value; text after it (a second object on the same line) is an error. */
    static JsonNode readWhole(String text) throws JsonProcessingException {
        return WHOLE.readTree(text);
    }

    /** Whether {@code text} is one whole JSON object. */
    static boolean isObject(String text) {
        try {
            return readWhole(text).isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
