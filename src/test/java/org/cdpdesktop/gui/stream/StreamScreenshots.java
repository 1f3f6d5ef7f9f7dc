package org.cdpdesktop.gui.stream;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.cdpdesktop.App;
import org.cdpdesktop.core.Settings;
import org.cdpdesktop.core.stream.StreamSettings;
import org.cdpdesktop.core.stream.TestBroker;
import org.cdpdesktop.gui.DesktopApp;
import org.cdpdesktop.gui.task.FxTaskExecutor;

/**
 * Opens the Stream screen consuming a live topic of the in-process test broker, which a producer feeds with profiles
 * and the odd poison message, for looking at the screen as a user would: run under the screenshot tool with the test
 * class path and {@code -Dcdp.screen=stream}. {@code StreamScreenshots DATA_DIR [live|connection|dead-letters]}.
 */
public final class StreamScreenshots {

    private StreamScreenshots() {
    }

    public static void main(String[] args) {
        Application.launch(Show.class, args);
    }

    /** The JavaFX application; kept apart from {@code main} so the launcher loads JavaFX from the class path. */
    public static final class Show extends Application {

        @Override
        public void start(Stage stage) {
            List<String> args = getParameters().getRaw();
            TestBroker broker = TestBroker.get();
            String topic = broker.createTopic(StreamSettings.DEFAULT_TOPIC, 3);
            feed(broker, topic);
            App app = App.open(Path.of(args.get(0)));
            app.settings().set(Settings.SAMPLE_DATA_OFFERED, "true");
            app.stream().saveSettings(StreamSettings.plain(broker.bootstrap(), List.of(topic), StreamSettings.DEFAULT_GROUP, "earliest"));
            DesktopApp.show(stage, app, new FxTaskExecutor());
            String tab = args.size() > 1 ? args.get(1) : "live";
            PauseTransition wait = new PauseTransition(Duration.millis(300));
            wait.setOnFinished(event -> {
                ((Button) stage.getScene().lookup("#stream-start")).fire();
                TabPane tabs = (TabPane) stage.getScene().lookup(".tab-pane");
                for (Tab candidate : tabs.getTabs()) {
                    if (candidate.getId().equals("stream-tab-" + tab)) {
                        tabs.getSelectionModel().select(candidate);
                    }
                }
            });
            wait.play();
        }

        /** A few hundred profiles a second, rising and falling, with one poison message in fifty. */
        private static void feed(TestBroker broker, String topic) {
            Random random = new Random(7);
            String[] countries = {"US", "Canada", "DE", "France", "GB"};
            String[] interests = {"tech", "travel", "sports", "music", "books"};
            ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "screenshot-producer");
                thread.setDaemon(true);
                return thread;
            });
            long[] tick = {0};
            producer.scheduleAtFixedRate(() -> {
                int count = (int) (300 + 200 * Math.sin(tick[0]++ / 8.0)) + random.nextInt(100);
                List<byte[]> values = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    int id = random.nextInt(5_000);
                    String value = random.nextInt(50) == 0 ? "{\"cookie\": \"k-" + id + "\", \"age\": " : String.format(
                            "{\"cookie\":\"k-%d\",\"email\":\"customer%d@example.com\",\"age\":%d,\"country\":\"%s\",\"interests\":[\"%s\"]}",
                            id, id, 18 + random.nextInt(60), countries[random.nextInt(countries.length)],
                            interests[random.nextInt(interests.length)]);
                    values.add(value.getBytes(StandardCharsets.UTF_8));
                }
                broker.send(topic, values);
            }, 0, 1, TimeUnit.SECONDS);
        }
    }
}
