package org.cdpdesktop.gui.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.cdpdesktop.App;
import org.cdpdesktop.core.Settings;
import org.cdpdesktop.core.stream.TestBroker;
import org.cdpdesktop.gui.DesktopApp;
import org.cdpdesktop.gui.task.FxTaskExecutor;
import org.cdpdesktop.gui.FxWait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Stream screen as a user drives it, against a real broker. */
@ExtendWith(ApplicationExtension.class)
class StreamViewTest {

    @TempDir
    static Path dataDirectory;

    private final TestBroker broker = TestBroker.get();
    private App app;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) {
        app = App.open(dataDirectory.resolve("data-" + System.nanoTime()));
        app.settings().set(Settings.SAMPLE_DATA_OFFERED, "true");
        executor = new FxTaskExecutor();
        DesktopApp.show(stage, app, executor);
    }

    @AfterEach
    void close() throws Exception {
        app.stream().close();
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        FxToolkit.hideStage();
        executor.close();
        app.close();
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static void replace(FxRobot robot, String field, String value) {
        robot.clickOn(field).press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL).write(value);
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void startingTheConsumerFromTheScreenShowsTheCountersMoveAndParksPoison(FxRobot robot) throws Exception {
        String topic = broker.newTopic("screen", 2);
        broker.send(topic, List.of(text("{\"cookie\":\"c-1\",\"email\":\"ann@example.com\"}"), text("{\"cookie\":\"c-2\"}"),
                text("{\"cookie\":\"c-1\",\"city\":\"Austin\"}"), text("not json")));

        robot.clickOn("#nav-stream");
        assertThat(robot.lookup("#stream-idle").query().isVisible()).isTrue();
        robot.clickOn("Connection");
        replace(robot, "#stream-bootstrap", broker.bootstrap());
        replace(robot, "#stream-topics", topic);
        replace(robot, "#stream-group", "screen-group");
        robot.clickOn("#stream-test");
        FxWait.until(60, () -> label(robot, "#stream-test-result").startsWith("Connected"));
        assertThat(label(robot, "#stream-test-result")).contains(topic + " (2 partitions)");

        robot.clickOn("#stream-start");
        robot.clickOn("Live");
        FxWait.until(60, () -> label(robot, "#stream-read").equals("4"));

        assertThat(label(robot, "#stream-state")).isEqualTo("Consuming");
        assertThat(label(robot, "#stream-inserted")).isEqualTo("2");
        assertThat(label(robot, "#stream-rejected")).isEqualTo("1");
        assertThat(label(robot, "#stream-lag")).contains(topic + "/0: 0").contains(topic + "/1: 0");
        assertThat(app.profiles().findByExternalId("c-1").orElseThrow().getCity()).isEqualTo("Austin");

        broker.send(topic, List.of(text("{\"cookie\":\"c-3\"}")));
        FxWait.until(60, () -> label(robot, "#stream-read").equals("5"));
        assertThat(label(robot, "#stream-inserted")).isEqualTo("3");

        robot.clickOn("#stream-tab-dead-letters");
        FxWait.until(60, () -> robot.lookup("#stream-dead-letters").queryAs(TableView.class).getItems().size() == 1);
        robot.clickOn("not json");
        robot.clickOn("#stream-delete");
        FxWait.until(60, () -> robot.lookup("#stream-dead-letters").queryAs(TableView.class).getItems().isEmpty());

        robot.clickOn("#stream-stop");
        FxWait.until(60, () -> label(robot, "#stream-state").equals("Stopped"));
        assertThat(Files.readString(app.dataDirectory().settings())).contains("stream.topics=" + topic);
    }

    @Test
    void withPredictTickedEachConsumedProfileGetsTheActiveModelsCohort(FxRobot robot) throws Exception {
        String topic = broker.newTopic("screen-predict", 1);
        broker.send(topic, List.of(text("{\"cookie\":\"p-1\",\"interests\":[\"travel\",\"hiking\"]}"),
                text("{\"cookie\":\"p-2\",\"interests\":[\"baking\",\"wine\"]}")));

        robot.clickOn("#nav-stream");
        robot.clickOn("Connection");
        replace(robot, "#stream-bootstrap", broker.bootstrap());
        replace(robot, "#stream-topics", topic);
        replace(robot, "#stream-group", "screen-predict");
        robot.clickOn("#stream-predict");
        robot.clickOn("#stream-start");
        robot.clickOn("Live");
        FxWait.until(60, () -> label(robot, "#stream-inserted").equals("2"));

        String model = app.cohortModels().registry().activeId().orElseThrow();
        FxWait.until(60, () -> predicted(model) == 2);
        assertThat(app.profiles().findByExternalId("p-2").orElseThrow().getCohorts()).containsExactly("Foodies");
        robot.clickOn("#stream-stop");
        FxWait.until(60, () -> label(robot, "#stream-state").equals("Stopped"));
    }

    @Test
    void predictTickedWithoutAnActiveModelIsRefusedWithWhatToDo(FxRobot robot) throws Exception {
        Files.delete(app.dataDirectory().models().resolve("active"));

        robot.clickOn("#nav-stream");
        robot.clickOn("Connection");
        replace(robot, "#stream-bootstrap", broker.bootstrap());
        replace(robot, "#stream-topics", "unused");
        robot.clickOn("#stream-predict");
        robot.clickOn("#stream-start");

        FxWait.until(60, () -> label(robot, "#stream-message").contains("needs an active cohort model"));
        assertThat(app.stream().isRunning()).isFalse();
    }

    private long predicted(String model) {
        return app.database().read(connection -> {
            try (var query = connection.prepareStatement("SELECT count(*) FROM profile_cohort WHERE source = 'model' AND model_version = ?")) {
                query.setString(1, model);
                try (var result = query.executeQuery()) {
                    return result.next() ? result.getLong(1) : 0L;
                }
            }
        });
    }
}
