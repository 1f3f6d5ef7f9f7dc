package org.cdpdesktop.core.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cdpdesktop.App;
import org.cdpdesktop.core.ingest.ColumnMapping;
import org.cdpdesktop.core.ingest.DuplicatePolicy;
import org.cdpdesktop.core.ingest.ImportOptions;
import org.cdpdesktop.core.ingest.RecordBatch;
import org.cdpdesktop.core.ingest.SameProfile;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.profile.ProfileMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageParserTest {

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void nestedObjectsBecomeDottedNamesAndListsAreJoinedWithBars() throws Exception {
        var values = MessageParser.json(MessageFormat.LEGACY_JSON).parse(text(
                "{\"cookie\":\"c-1\",\"age\":34,\"vip\":true,\"interests\":[\"tech\",\"travel\"],\"address\":{\"zip\":\"07302\"},\"bio\":null}"));

        assertThat(values).containsExactly(entry("cookie", "c-1"), entry("age", "34"), entry("vip", "true"),
                entry("interests", "tech|travel"), entry("address.zip", "07302"), entry("bio", ""));
    }

    @Test
    void theSameProfileGivesTheColumnsAJsonFileGives() throws Exception {
        assertThat(MessageParser.json(MessageFormat.LEGACY_JSON).parse(text(SameProfile.JSON))).containsExactlyEntriesOf(SameProfile.COLUMNS);
    }

    @Test
    void theSameProfileLandsAsFromAJsonFile(@TempDir Path folder) throws Exception {
        String fromFile = SameProfile.storedFromJsonFile(folder.resolve("file"));
        try (App app = App.open(folder.resolve("stream"))) {
            RecordBatch batch = RecordBatch.of("topic", "kafka", List.of(MessageParser.json(MessageFormat.LEGACY_JSON).parse(text(SameProfile.JSON))));
            app.importer().ingest(batch, new ImportOptions(null, ColumnMapping.auto(batch.headers()), DuplicatePolicy.NEWEST, false, null),
                    JobContext.create("test", JobListener.NONE, new AtomicBoolean()));

            assertThat(SameProfile.stored(app.profiles().findByExternalId("c-42").orElseThrow())).isEqualTo(fromFile);
        }
    }

    @Test
    void ourOwnFormatReadsCustomAttributesAsTheirOwnColumns() throws Exception {
        var values = MessageParser.json(MessageFormat.PROFILE_JSON).parse(text(
                "{\"externalId\":\"c-1\",\"postalCode\":\"07302\",\"attributes\":{\"loyalty_tier\":\"gold\"}}"));

        assertThat(values).containsExactly(entry("externalId", "c-1"), entry("postalCode", "07302"), entry("loyalty_tier", "gold"));
    }

    @Test
    void aProfileAsCdpDesktopWritesItIsReadWithoutTheWritersStoreId() throws Exception {
        Profile profile = new Profile();
        profile.setId(7L);
        profile.setExternalId("c-1");
        profile.setPostalCode("07302");
        profile.setInterests(List.of("tech", "travel"));
        profile.setAttributes(Map.of("loyalty_tier", "gold"));

        var values = MessageParser.json(MessageFormat.PROFILE_JSON).parse(text(ProfileMapping.toJson(profile).toString()));

        assertThat(values).doesNotContainKey("id")
                .containsEntry("externalId", "c-1")
                .containsEntry("postalCode", "07302")
                .containsEntry("interests", "tech|travel")
                .containsEntry("loyalty_tier", "gold");
        assertThat(ColumnMapping.auto(List.copyOf(values.keySet())).columnFor(ProfileField.EXTERNAL_ID)).isEqualTo("externalId");
    }

    @Test
    void aListOfObjectsIsKeptAsItsJsonTextAndARecordBreakingALimitIsRefusedWithItsName() throws Exception {
        MessageParser parser = MessageParser.json(MessageFormat.LEGACY_JSON);

        assertThat(parser.parse(text("{\"cookie\":\"c-1\",\"orders\":[{\"a\":1}]}"))).containsEntry("orders", "[{\"a\":1}]");
        assertThatThrownBy(() -> parser.parse(text("{\"a.b\":1,\"a\":{\"b\":2}}")))
                .isInstanceOf(PoisonMessageException.class)
                .hasMessage("The name 'a.b' appears twice once nested objects are flattened");
    }

    @Test
    void deepNestingIsRefusedBeforeItCostsAnything() {
        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);

        assertThatThrownBy(() -> MessageParser.json(MessageFormat.LEGACY_JSON).parse(text(deep)))
                .isInstanceOf(PoisonMessageException.class);
    }

    @Test
    void anEmptyObjectAndAnEmptyMessageAreRefused() {
        MessageParser parser = MessageParser.json(MessageFormat.LEGACY_JSON);

        assertThatThrownBy(() -> parser.parse(text("{}"))).hasMessage("A JSON object without any values");
        assertThatThrownBy(() -> parser.parse(text("{\"bio\":null}"))).hasMessage("A JSON object without any values");
        assertThatThrownBy(() -> parser.parse(new byte[0])).hasMessage("Empty message");
        assertThatThrownBy(() -> parser.parse(text("\"just text\""))).hasMessage("Not a JSON object but a string");
    }

    @Test
    void aCsvLineIsNamedByThePresetsColumnsAndKeepsQuotedCommas() throws Exception {
        MessageParser parser = MessageParser.csv(List.of("cookie", "city", "zip"));

        assertThat(parser.parse(text("c-1,\"Austin, TX\",07302"))).containsExactly(entry("cookie", "c-1"), entry("city", "Austin, TX"),
                entry("zip", "07302"));
        assertThatThrownBy(() -> parser.parse(text("c-1,Austin"))).hasMessage("Expected 3 CSV values (cookie, city, zip), found 2");
        assertThatThrownBy(() -> parser.parse(text("a,b,c\nd,e,f"))).hasMessage("Expected one CSV line, found 2");
    }
}
