package org.cdpdesktop.gui.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.cdpdesktop.App;
import org.cdpdesktop.core.Settings;
import org.cdpdesktop.gui.DesktopApp;
import org.cdpdesktop.gui.FxWait;
import org.cdpdesktop.gui.task.FxTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ApiViewTest {

    private static final Pattern URL = Pattern.compile("Listening on (http://\\S+) ");

    @TempDir
    static Path dataDirectory;
    private App app;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) {
        app = App.open(dataDirectory.resolve("data-" + System.nanoTime()));
        // An empty store would first offer the sample customers; this test is about the API screen.
        app.settings().set(Settings.SAMPLE_DATA_OFFERED, "true");
        executor = new FxTaskExecutor();
        DesktopApp.show(stage, app, executor);
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        if (robot.lookup("#api-stop").tryQuery().isPresent() && !robot.lookup("#api-stop").queryButton().isDisabled()) {
            robot.clickOn("#api-stop");
            FxWait.until(() -> !robot.lookup("#api-start").queryButton().isDisabled());
        }
        FxToolkit.hideStage();
        executor.close();
        app.close();
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#api-status").queryAs(Label.class).getText();
    }

    @Test
    void startingTheApiFromTheScreenShowsItsRequestsInTheLog(FxRobot robot) throws Exception {
        robot.clickOn("#nav-api");
        robot.clickOn("#api-port").push(KeyCode.CONTROL, KeyCode.A).write("0");
        robot.clickOn("#api-key-name").write("notebook");
        robot.clickOn("#api-key-create");
        FxWait.until(() -> robot.lookup("#api-created-key").queryAs(TextField.class).getText().startsWith("cdp_"));
        String key = robot.lookup("#api-created-key").queryAs(TextField.class).getText();

        robot.clickOn("#api-start");
        FxWait.until(() -> status(robot).startsWith("Listening on"));
        Matcher url = URL.matcher(status(robot));
        assertThat(url.find()).as(status(robot)).isTrue();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> withoutKey = client.send(HttpRequest.newBuilder(URI.create(url.group(1) + "/api/stats")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> withKey = client.send(HttpRequest.newBuilder(URI.create(url.group(1) + "/api/users?limit=5"))
                .header("X-API-Key", key).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(withoutKey.statusCode()).isEqualTo(401);
        assertThat(withKey.statusCode()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        TableView<ApiViewModel.LogRow> log = robot.lookup("#api-log").queryAs(TableView.class);
        FxWait.until(() -> log.getItems().size() >= 2);
        assertThat(log.getItems()).anySatisfy(row -> {
            assertThat(row.method()).isEqualTo("GET");
            assertThat(row.path()).isEqualTo("/api/stats");
            assertThat(row.status()).isEqualTo("401");
        });
        assertThat(log.getItems().get(0).path()).isEqualTo("/api/users");
        assertThat(robot.lookup("#api-port").queryAs(TextField.class).isDisabled()).isTrue();
    }

    @Test
    void choosingAnAddressOtherThanThisComputerShowsAWarning(FxRobot robot) {
        robot.clickOn("#nav-api");
        Label warning = robot.lookup("#api-warning").queryAs(Label.class);
        assertThat(warning.isVisible()).isFalse();

        robot.clickOn("#api-bind").push(KeyCode.CONTROL, KeyCode.A).write("0.0.0.0").push(KeyCode.ENTER);

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(warning.isVisible()).isTrue();
        assertThat(warning.getText()).contains("other computers");
    }
}
