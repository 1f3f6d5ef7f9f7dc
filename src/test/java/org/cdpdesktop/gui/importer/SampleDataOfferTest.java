package org.cdpdesktop.gui.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdpdesktop.gui.importer.DesktopFixture.waitUntil;

import java.nio.file.Path;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.cdpdesktop.App;
import org.cdpdesktop.core.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The first start on an empty data folder: the offer to load the bundled sample data. */
@ExtendWith(ApplicationExtension.class)
class SampleDataOfferTest {

    @TempDir
    Path temp;

    private DesktopFixture desktop;
    private App app;

    @Start
    void start(Stage stage) {
        app = App.open(temp.resolve("data"));
        desktop = new DesktopFixture(app);
        desktop.show(stage);
    }

    @AfterEach
    void closeApp() throws Exception {
        desktop.close();
    }

    @Test
    void anEmptyStoreOffersTheSampleDataOnceAndLoadsItWithEveryRowAccountedForAndItsCohortsPredicted(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#sample-data-offer").tryQuery().isPresent());
        DialogPane offer = robot.lookup("#sample-data-offer").query();
        robot.clickOn(offer.lookupButton(offer.getButtonTypes().stream()
                .filter(type -> type.getText().equals("Load sample data")).findFirst().orElseThrow()));

        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery()
                .filter(pane -> "Sample data loaded".equals(((DialogPane) pane).getHeaderText())).isPresent());
        String said = robot.lookup(".dialog-pane").<DialogPane>query().getContentText();
        assertThat(said).startsWith("3,000 read = ")
                .contains(String.format("The active cohort model predicted the cohorts of %,d of them", app.profiles().count()));
        assertThat(app.profiles().count()).isGreaterThan(2500);
        assertThat(app.settings().getBoolean(Settings.SAMPLE_DATA_OFFERED)).isTrue();
        robot.clickOn(offerOk(robot));

        robot.clickOn("#nav-profiles");
        waitUntil(() -> robot.lookup(".table-row-cell").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        waitUntil(() -> robot.lookup("#detail-cohorts .label").tryQuery().isPresent());
        String model = app.cohortModels().registry().activeId().orElseThrow();
        assertThat(robot.lookup("#detail-cohorts .label").queryAllAs(javafx.scene.control.Label.class))
                .as("the imported cohort and the bundled model's prediction, with its confidence")
                .anySatisfy(line -> assertThat(line.getText()).contains("% confidence, model " + model))
                .anySatisfy(line -> assertThat(line.getText()).endsWith("(from import)"));
    }

    @Test
    void theImportScreenStopsOfferingTheSampleOnceLoadedAndOffersItAgainAfterItsImportIsUndone(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#sample-data-offer").tryQuery().isPresent());
        DialogPane offer = robot.lookup("#sample-data-offer").query();
        robot.clickOn(offer.lookupButton(offer.getButtonTypes().stream()
                .filter(type -> type.getText().equals("Start empty")).findFirst().orElseThrow()));
        robot.clickOn("#nav-import");
        assertThat(robot.lookup("#import-sample").query().isVisible()).isTrue();

        robot.clickOn("#import-sample");
        waitUntil(() -> robot.lookup("#inform-dialog").tryQuery().isPresent());
        robot.clickOn(offerOk(robot));
        waitUntil(() -> !robot.lookup("#import-sample").query().isVisible());
        long sampleProfiles = app.profiles().count();
        assertThat(sampleProfiles).isGreaterThan(2500);

        long batchId = app.importer().history().get(0).id();
        waitUntil(() -> robot.lookup("#import-row-" + batchId).tryQuery().isPresent());
        robot.clickOn("#import-row-" + batchId);
        robot.clickOn("#history-undo");
        waitUntil(() -> robot.lookup("#confirm-dialog").tryQuery().isPresent());
        DialogPane confirm = robot.lookup("#confirm-dialog").query();
        assertThat(confirm.getContentText()).startsWith(String.format("This removes the %,d profiles that customers.csv created", sampleProfiles));
        robot.clickOn(confirm.lookupButton(confirm.getButtonTypes().get(0)));

        waitUntil(() -> robot.lookup("#import-sample").query().isVisible());
        assertThat(app.profiles().count()).isZero();
    }

    private static javafx.scene.Node offerOk(FxRobot robot) {
        DialogPane pane = robot.lookup(".dialog-pane").query();
        return pane.lookupButton(javafx.scene.control.ButtonType.OK);
    }

}
