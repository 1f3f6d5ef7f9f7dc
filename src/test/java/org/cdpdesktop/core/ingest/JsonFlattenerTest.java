package org.cdpdesktop.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonFlattenerTest {

    private static Map<String, String> flatten(String json) throws Exception {
        return JsonFlattener.flatten(JsonRecords.readWhole(json));
    }

    /** How the REST door and plain Jackson read numbers: as doubles, not as the decimals written. */
    private static Map<String, String> flattenReadAsDoubles(String json) throws Exception {
        JsonNode node = new ObjectMapper().readTree(json);
        return JsonFlattener.flatten(node);
    }

    @Test
    void theSameProfileGivesTheSameColumnsWhetherDecimalsAreReadExactlyOrAsDoubles() throws Exception {
        assertThat(flatten(SameProfile.JSON)).containsExactlyEntriesOf(SameProfile.COLUMNS);
        assertThat(flattenReadAsDoubles(SameProfile.JSON)).containsExactlyEntriesOf(SameProfile.COLUMNS);
    }

    @Test
    void numbersArePlainDecimalTextWithoutExponentsOrFloatArtefacts() throws Exception {
        assertThat(flattenReadAsDoubles("{\"a\":1.25E5,\"b\":0.1,\"c\":1e-7,\"d\":-0.0,\"e\":12345678901234567890,\"f\":3.10}"))
                .containsExactly(entry("a", "125000"), entry("b", "0.1"), entry("c", "0.0000001"), entry("d", "0"),
                        entry("e", "12345678901234567890"), entry("f", "3.1"));
    }

    @Test
    void listsOfPlainValuesAreJoinedWithBarsAndOtherListsKeptAsJson() throws Exception {
        assertThat(flatten("{\"interests\":[\"golf\",1,true,null,\" \"],\"empty\":[],\"nested\":[[1,2],\"x\"]}"))
                .containsExactly(entry("interests", "golf|1|true"), entry("empty", ""), entry("nested", "[[1,2],\"x\"]"));
    }

    @Test
    void keysAreTrimmedAndNullIsABlankValue() throws Exception {
        assertThat(flatten("{\" city \":\"Oslo\",\"bio\":null}")).containsExactly(entry("city", "Oslo"), entry("bio", ""));
    }

    @Test
    void aRecordBreakingALimitIsRefusedWithAReasonNamingTheKey() {
        String deep = "{\"a\":".repeat(JsonFlattener.MAX_DEPTH + 1) + "1" + "}".repeat(JsonFlattener.MAX_DEPTH + 1);
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i <= JsonFlattener.MAX_FIELDS; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
        }
        many.append('}');

        assertThatThrownBy(() -> flatten(deep)).isInstanceOf(JsonFlattener.RefusedException.class)
                .hasMessageContaining("nested deeper than " + JsonFlattener.MAX_DEPTH + " levels");
        assertThatThrownBy(() -> flatten(many.toString())).hasMessage("a profile has at most " + JsonFlattener.MAX_FIELDS + " values");
        assertThatThrownBy(() -> flatten("{\"a.b\":1,\"a\":{\"b\":2}}")).hasMessage("the name 'a.b' appears twice once nested objects are flattened");
        assertThatThrownBy(() -> flatten("{\"address\":{\" \":1}}")).hasMessage("a key inside 'address' is blank");
        assertThatThrownBy(() -> flatten("{\"" + "n".repeat(JsonFlattener.MAX_NAME_CHARS + 1) + "\":1}"))
                .hasMessageContaining("is longer than " + JsonFlattener.MAX_NAME_CHARS + " characters");
        assertThatThrownBy(() -> flatten("{\"bio\":\"" + "x".repeat(JsonFlattener.MAX_VALUE_CHARS + 1) + "\"}"))
                .hasMessage("the value of 'bio' is longer than " + JsonFlattener.MAX_VALUE_CHARS + " characters");
        assertThatThrownBy(() -> flatten("{\"income\":1e999999999}")).hasMessage("the number of 'income' has more than "
                + JsonFlattener.MAX_NUMBER_DIGITS + " digits");
        assertThatThrownBy(() -> flatten("[1]")).hasMessage("a profile must be a JSON object, not a list");
    }
}
