package org.cdpdesktop.gui.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdpdesktop.gui.importer.DesktopFixture.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.cdpdesktop.App;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** {@code cdp-desktop FILE...}, as a file manager runs it on "Open with CDP Desktop": the files go to the import wizard. */
@ExtendWith(ApplicationExtension.class)
class OpenWithFilesTest {

    @TempDir
    static Path temp;

    private DesktopFixture desktop;
    private App app;

    @Start
    void start(Stage stage) throws Exception {
        Path customers = Files.writeString(temp.resolve("customers.csv"), "email,zip\nann@example.org,07302\n");
        Path orders = Files.writeString(temp.resolve("orders.tsv"), "email\tamount\nann@example.org\t12.50\n");
        app = App.open(temp.resolve("data-" + System.nanoTime()));  // empty, so the sample data would be offered
        desktop = new DesktopFixture(app);
        desktop.show(stage, List.of(customers, orders));
    }

    @AfterEach
    void closeApp() throws Exception {
        desktop.close();
    }

    @Test
    void openingTheAppWithFilesShowsTheWizardForEachInTurnInsteadOfTheSampleDataOffer(FxRobot robot) throws Exception {
        waitUntil(() -> wizardTitles().contains("Import customers.csv")
                && robot.lookup("#step-format").tryQuery().map(Node::isVisible).orElse(false));

        assertThat(robot.lookup("#sample-data-offer").tryQuery()).isEmpty();
        robot.clickOn("#wizard-close");
        waitUntil(() -> wizardTitles().contains("Import orders.tsv"));
        assertThat(wizardTitles()).doesNotContain("Import customers.csv");
        assertThat(robot.lookup("#sample-data-offer").tryQuery()).isEmpty();
    }

    private static List<String> wizardTitles() {
        return Window.getWindows().stream()
                .filter(Stage.class::isInstance)
                .map(window -> ((Stage) window).getTitle())
                .filter(title -> title != null && title.startsWith("Import "))
                .toList();
    }
}
