package org.cdpdesktop.core.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cdpdesktop.App;
import org.cdpdesktop.core.ingest.ColumnMapping;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.query.RuleParser;
import org.cdpdesktop.core.segment.MembershipChange;
import org.cdpdesktop.core.segment.SnapshotPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The consumer against a real broker: what lands in the store and in the dead letters, and what a replay changes. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StreamConsumerTest {

    private static final Duration IDLE = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    private final TestBroker broker = TestBroker.get();
    private App app;

    @BeforeEach
    void openApp() {
        app = App.open(folder.resolve("data"));
    }

    @AfterEach
    void closeApp() {
        app.close();
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static List<byte[]> messages(String... values) {
        return Arrays.stream(values).map(StreamConsumerTest::text).toList();
    }

    private StreamStatus consume(String topic, String group, long maxMessages) {
        return consume(StreamSettings.plain(broker.bootstrap(), List.of(topic), group, "earliest"), maxMessages);
    }

    private StreamStatus consume(StreamSettings settings, long maxMessages) {
        StreamConsumer consumer = app.stream().consumer(settings, StreamConsumer.Options.continuous().withLimits(maxMessages, IDLE));
        consumer.run();
        StreamStatus status = consumer.status();
        assertThat(status.read()).as("every message accounted for")
                .isEqualTo(status.inserted() + status.updated() + status.duplicates() + status.rejected());
        return status;
    }

    private Profile profile(String externalId) {
        return app.profiles().findByExternalId(externalId).orElseThrow(() -> new AssertionError("no profile " + externalId));
    }

    @Test
    void messagesInTheOldServiceFormatAreCleanedResolvedAndStored() {
        String topic = broker.newTopic("profiles", 1);
        broker.send(topic, messages(
                "{\"cookie\":\"c-1\",\"email\":\"Ann@Example.COM\",\"phone_number\":\"+1 (555) 010-2000\",\"age\":\"34\","
                        + "\"interests\":[\"tech\",\"travel\"],\"address\":{\"zip\":\"07302\",\"country\":\"USA\"}}",
                "{\"cookie\":\"c-2\",\"email\":\"bob@example.com\",\"age\":41,\"interests\":\"sports\"}",
                "{\"cookie\":\"c-3\",\"email\":\"ANN@example.com\",\"city\":\"Austin\"}"));

        StreamStatus status = consume(topic, "g-format", 3);

        assertThat(status.state()).isEqualTo(StreamState.STOPPED);
        assertThat(status.read()).isEqualTo(3);
        assertThat(app.profiles().count()).isEqualTo(2);
        Profile ann = profile("c-1");
        assertThat(ann.getEmail()).isEqualTo("ann@example.com");
        assertThat(ann.getPhone()).isEqualTo("+15550102000");
        assertThat(ann.getAge()).isEqualTo(34);
        assertThat(ann.getInterests()).containsExactly("tech", "travel");
        assertThat(ann.getCity()).as("the third message is Ann by her email").isEqualTo("Austin");
        assertThat(ann.getAttributes()).containsEntry("address.zip", "07302").containsEntry("address.country", "USA");
        assertThat(profile("c-2").getAge()).isEqualTo(41);
        assertThat(app.importer().history()).first().satisfies(batch -> {
            assertThat(batch.source()).isEqualTo("kafka");
            assertThat(batch.fileName()).isEqualTo(topic);
        });
    }

    @Test
    void poisonMessagesAreParkedWithWhereTheyCameFromAndWhyAndTheRestIsStored() {
        String topic = broker.newTopic("poison", 1);
        List<byte[]> values = new ArrayList<>(messages(
                "{\"cookie\":\"c-1\",\"email\":\"ann@example.com\"}",
                "this is not json",
                "[1, 2, 3]",
                "{\"cookie\":\"\",\"email\":\"not-an-email\",\"city\":\"Austin\"}",
                "{\"cookie\":\"c-2\",\"email\":\"bob@example.com\"}"));
        values.add(("{\"cookie\":\"c-big\",\"bio\":\"" + "x".repeat(MessageParser.MAX_MESSAGE_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8));
        values.add(new byte[] {(byte) 0xff, (byte) 0xfe, '{', '}'});
        broker.send(topic, values);

        StreamStatus status = consume(topic, "g-poison", values.size());

        assertThat(status.inserted()).isEqualTo(2);
        assertThat(status.rejected()).isEqualTo(5);
        assertThat(status.deadLettered()).isEqualTo(5);
        assertThat(app.profiles().count()).isEqualTo(2);
        List<DeadLetter> letters = app.stream().deadLetters().newest(10);
        assertThat(letters).extracting(DeadLetter::offset).containsExactlyInAnyOrder(1L, 2L, 3L, 5L, 6L);
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.topic()).isEqualTo(topic);
            assertThat(letter.partition()).isZero();
            assertThat(letter.messageTime()).isNotNull();
        });
        assertThat(byOffset(letters, 1).reason()).startsWith("Not JSON");
        assertThat(byOffset(letters, 1).payload()).isEqualTo("this is not json");
        assertThat(byOffset(letters, 2).reason()).isEqualTo("Not a JSON object but an array");
        assertThat(byOffset(letters, 3).reason()).contains("no identity").contains("not-an-email");
        DeadLetter big = byOffset(letters, 5);
        assertThat(big.reason()).contains("larger than the limit");
        assertThat(big.truncated()).isTrue();
        assertThat(big.payload()).hasSize(DeadLetterStore.MAX_PAYLOAD_CHARS);
        assertThat(big.payloadSize()).isGreaterThan(MessageParser.MAX_MESSAGE_BYTES);
        assertThat(byOffset(letters, 6).reason()).isEqualTo("Not UTF-8 text");
    }

    private static DeadLetter byOffset(List<DeadLetter> letters, long offset) {
        return letters.stream().filter(letter -> letter.offset() == offset).findFirst().orElseThrow();
    }

    @Test
    void replayingTheTopicFromTheBeginningWithAnotherGroupDuplicatesNothing() {
        String topic = broker.newTopic("replay", 3);
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            values.add(text("{\"cookie\":\"c-" + i + "\",\"email\":\"p" + i + "@example.com\",\"interests\":[\"tech\"]}"));
        }
        values.add(text("not json"));
        broker.send(topic, values);

        StreamStatus first = consume(topic, "g-replay-1", values.size());
        Profile before = profile("c-7");
        StreamStatus replay = consume(topic, "g-replay-2", values.size());

        assertThat(first.inserted()).isEqualTo(300);
        assertThat(replay.read()).isEqualTo(301);
        assertThat(replay.inserted()).isZero();
        assertThat(replay.updated()).isEqualTo(300);
        assertThat(app.profiles().count()).isEqualTo(300);
        assertThat(profile("c-7").getUpdatedAt()).as("a replayed profile is unchanged").isEqualTo(before.getUpdatedAt());
        assertThat(app.stream().deadLetters().count()).as("a replayed poison message is parked once").isEqualTo(1);
    }

    @Test
    void batchesFilledOverSeveralPollsSkipNoMessage() {
        String topic = broker.newTopic("small-batches", 3);
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            values.add(text("{\"cookie\":\"c-" + i + "\"}"));
        }
        broker.send(topic, values);
        StreamSettings settings = StreamSettings.plain(broker.bootstrap(), List.of(topic), "g-small", "earliest");
        // Batches of 7 fill from polls of 5: the second poll of each batch holds 3 more than the batch has room for.
        StreamConsumer consumer = app.stream().consumer(settings,
                new StreamConsumer.Options(200, IDLE, 7, 5, Duration.ofSeconds(1), Duration.ofSeconds(30)));

        consumer.run();

        assertThat(consumer.status().read()).isEqualTo(200);
        assertThat(consumer.status().inserted()).isEqualTo(200);
        assertThat(app.profiles().count()).isEqualTo(200);
    }

    @Test
    void aRestartedConsumerOfTheSameGroupContinuesAfterTheCommittedOffsets() {
        String topic = broker.newTopic("restart", 1);
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            values.add(text("{\"cookie\":\"c-" + i + "\"}"));
        }
        broker.send(topic, values);

        StreamStatus first = consume(topic, "g-restart", 4);
        StreamStatus second = consume(topic, "g-restart", 6);

        assertThat(first.read()).isEqualTo(4);
        assertThat(second.read()).isEqualTo(6);
        assertThat(second.inserted()).isEqualTo(6);
        assertThat(app.profiles().count()).isEqualTo(10);
    }

    @Test
    void theBackgroundConsumerStopsCleanlyAndItsWorkIsCommitted() throws Exception {
        String topic = broker.newTopic("background", 2);
        broker.send(topic, messages("{\"cookie\":\"c-1\"}", "{\"cookie\":\"c-2\"}", "{\"cookie\":\"c-3\"}"));
        app.stream().saveSettings(StreamSettings.plain(broker.bootstrap(), List.of(topic), "g-background", "earliest"));

        app.stream().start();
        assertThatThrownBy(() -> app.stream().start()).hasMessage("The stream is already running");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (app.stream().status().read() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        StreamStatus running = app.stream().status();
        app.stream().close();

        assertThat(running.state()).isEqualTo(StreamState.RUNNING);
        assertThat(running.inserted()).isEqualTo(3);
        assertThat(running.lag()).extracting(StreamStatus.PartitionLag::partition).containsExactlyInAnyOrder(0, 1);
        assertThat(running.totalLag()).isZero();
        assertThat(app.stream().status().state()).isEqualTo(StreamState.STOPPED);
        broker.send(topic, messages("{\"cookie\":\"c-4\"}"));
        assertThat(consume(topic, "g-background", 1).read()).as("only the message sent after the stop").isEqualTo(1);
        assertThat(app.profiles().count()).isEqualTo(4);
    }

    @Test
    void theConnectionTestListsTopicsWithTheirPartitions() {
        String topic = broker.newTopic("listed", 3);

        List<TopicInfo> topics = app.stream().testConnection(StreamSettings.plain(broker.bootstrap(), List.of(topic), "g", "earliest"));

        assertThat(topics).contains(new TopicInfo(topic, 3));
    }

    @Test
    void aDeadLetterRetriedAfterFixingThePresetIsStoredAndLeavesTheList() {
        String topic = broker.newTopic("retry", 1);
        app.presets().save("shop", ColumnMapping.auto(List.of("cookie", "email")));
        StreamSettings csv = StreamSettings.plain(broker.bootstrap(), List.of(topic), "g-retry", "earliest")
                .withFormat(MessageFormat.CSV_LINE, "shop");
        app.stream().saveSettings(csv);
        broker.send(topic, messages("c-1,ann@example.com", "c-2,bob@example.com,Austin", ",nobody"));

        StreamStatus status = consume(csv, 3);

        assertThat(status.inserted()).isEqualTo(1);
        List<DeadLetter> letters = app.stream().deadLetters().newest(10);
        assertThat(byOffset(letters, 1).reason()).isEqualTo("Expected 2 CSV values (cookie, email), found 3");
        assertThat(byOffset(letters, 2).reason()).contains("no identity");

        app.presets().save("shop", ColumnMapping.auto(List.of("cookie", "email", "city")));
        boolean stored = app.stream().retry(byOffset(letters, 1).id());
        boolean noIdentity = app.stream().retry(byOffset(letters, 2).id());

        assertThat(stored).isTrue();
        assertThat(profile("c-2").getCity()).isEqualTo("Austin");
        assertThat(noIdentity).isFalse();
        assertThat(app.stream().deadLetters().newest(10)).singleElement().satisfies(letter -> {
            assertThat(letter.offset()).isEqualTo(2);
            assertThat(letter.reason()).startsWith("Expected 3 CSV values");
        });
        assertThat(app.importer().history().get(0).source()).isEqualTo("kafka");
    }

    @Test
    void aBacklogGrowsTheBatchesSoFewerTransactionsStoreIt() {
        String topic = broker.newTopic("backlog", 1);
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            values.add(text("{\"cookie\":\"c-" + i + "\"}"));
        }
        broker.send(topic, values);
        StreamSettings settings = StreamSettings.plain(broker.bootstrap(), List.of(topic), "g-backlog", "earliest");
        StreamConsumer consumer = app.stream().consumer(settings,
                new StreamConsumer.Options(200, IDLE, 7, 5, Duration.ofSeconds(1), Duration.ofSeconds(30), 56));

        consumer.run();

        assertThat(consumer.status().inserted()).isEqualTo(200);
        assertThat(app.profiles().count()).isEqualTo(200);
        long batches = app.importer().history().stream().filter(entry -> entry.source().equals("kafka")).count();
        assertThat(batches).as("batches of 7 growing to 56 while the backlog lasts").isLessThan(200 / 7);
    }

    @Test
    void segmentSnapshotsAfterStreamedBatchesHoldExactlyTheLiveMembers() {
        app.segments().create("US", RuleParser.parse("country = \"US\""), null);
        app.segments().create("Travel over 30", RuleParser.parse("interests contains \"travel\" AND age > 30"), null);
        app.segments().snapshotAll("manual");
        String topic = broker.newTopic("segments", 2);
        String[] countries = {"US", "DE", "FR"};
        for (int round = 0; round < 2; round++) {
            List<byte[]> values = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int customer = round == 0 ? i : i * 3 % 50;
                values.add(text("{\"cookie\":\"c-" + customer + "\",\"country\":\"" + countries[(i + round) % 3]
                        + "\",\"age\":" + (20 + (i * 7 + round) % 40) + ",\"interests\":[\"" + (i % 2 == round ? "travel" : "food") + "\"]}"));
            }
            broker.send(topic, values);
            StreamSettings settings = StreamSettings.plain(broker.bootstrap(), List.of(topic), "g-segments", "earliest");
            // A snapshot after every batch of 7, as a stream running for a while takes them.
            app.stream().consumer(settings, new StreamConsumer.Options(40, IDLE, 7, 5, Duration.ofSeconds(1), Duration.ZERO)).run();

            for (var size : app.segments().sizes()) {
                List<SnapshotPoint> history = app.segments().history(size.segment().id());
                assertThat(history.get(history.size() - 1).size()).as(size.segment().name()).isEqualTo(size.size());
                MembershipChange since = app.segments().diffSinceLastSnapshot(size.segment().id());
                assertThat(since.added()).as("joined %s since its snapshot", size.segment().name()).isEmpty();
                assertThat(since.removed()).as("left %s since its snapshot", size.segment().name()).isEmpty();
            }
        }
        assertThat(app.segments().sizes()).filteredOn(size -> size.segment().name().equals("US"))
                .singleElement().satisfies(size -> assertThat(size.size()).isPositive());
    }
}
