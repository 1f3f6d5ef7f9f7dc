package org.cdpdesktop.core.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.cdpdesktop.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The background consumer outlives its broker going away: it says so, waits, and carries on when the broker is back. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BrokerRestartTest {

    @TempDir
    Path folder;

    private static byte[] profile(String id) {
        return ("{\"cookie\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static StreamStatus waitFor(App app, Predicate<StreamStatus> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        StreamStatus status = app.stream().status();
        while (!condition.test(status) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = app.stream().status();
        }
        return status;
    }

    @Test
    void aBrokerRestartIsShownAndWaitedOutWithoutLosingOrRepeatingAProfile() throws Exception {
        TestBroker broker = TestBroker.startPrivate();
        String topic = broker.newTopic("restart", 1);
        broker.send(topic, List.of(profile("c-1"), profile("c-2")));
        try (App app = App.open(folder.resolve("data"))) {
            app.stream().saveSettings(StreamSettings.plain(broker.bootstrap(), List.of(topic), "g-restart", "earliest"));
            app.stream().start();
            assertThat(waitFor(app, status -> status.read() == 2).read()).isEqualTo(2);

            broker.stop();
            StreamStatus down = waitFor(app, status -> status.state() == StreamState.WAITING_FOR_BROKER);
            broker.start();
            broker.send(topic, List.of(profile("c-3"), profile("c-1")));
            StreamStatus back = waitFor(app, status -> status.read() == 4);
            app.stream().close();

            assertThat(down.state()).isEqualTo(StreamState.WAITING_FOR_BROKER);
            assertThat(back.state()).isEqualTo(StreamState.RUNNING);
            assertThat(back.read()).isEqualTo(4);
            assertThat(back.inserted()).isEqualTo(3);
            assertThat(app.profiles().count()).isEqualTo(3);
        } finally {
            broker.stop();
        }
    }
}
