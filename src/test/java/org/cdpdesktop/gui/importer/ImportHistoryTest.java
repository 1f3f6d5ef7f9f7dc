package org.cdpdesktop.gui.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdpdesktop.gui.importer.DesktopFixture.waitUntil;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.cdpdesktop.App;
import org.cdpdesktop.core.Settings;
import org.cdpdesktop.core.ingest.SniffedFile;
import org.cdpdesktop.core.jobs.Job;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.core.jobs.JobRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Import screen's history of imports, with the rows each one rejected, on a real store in a temporary folder. */
@ExtendWith(ApplicationExtension.class)
class ImportHistoryTest {

    @TempDir
    Path temp;

    private DesktopFixture desktop;
    private App app;

    @Start
    void start(Stage stage) throws Exception {
        app = App.open(temp.resolve("data"));
        app.settings().set(Settings.SAMPLE_DATA_OFFERED, "true");
        importWithDefaults(write("people.csv",
                "id,email\nA1,a1@example.org\nA2,a2@example.org,surplus\nA3,a3@example.org\nA4,a4@example.org\nA5,a5@example.org\n"));
        desktop = new DesktopFixture(app);
        desktop.show(stage);
    }

    @AfterEach
    void closeApp() throws Exception {
        desktop.close();
    }

    @Test
    void theHistoryListsEachImportWithItsCountsAndShowsItsRejectedRows(FxRobot robot) throws Exception {
        robot.clickOn("#nav-import");
        TableView<?> history = robot.lookup("#import-history").query();
        waitUntil(() -> history.getItems().size() == 1);
        assertThat(cells(robot)).contains("people.csv", "completed", "5", "4", "1");

        robot.clickOn("#import-row-" + app.importer().history().get(0).id());
        assertThat(robot.lookup("#history-show-rejects").<Button>query().getText()).isEqualTo("Show 1 rejected row");
        robot.clickOn("#history-show-rejects");

        TableView<List<String>> rejects = robot.lookup("#history-rejects-table").query();
        waitUntil(() -> rejects.getItems().size() == 1);
        assertThat(rejects.getItems().get(0)).containsExactly("3", "expected 2 columns, found 3", "A2,a2@example.org,surplus");
    }

    @Test
    void undoFromTheHistoryConfirmsWhatGoesAndStaysThenRemovesWhatTheImportCreated(FxRobot robot) throws Exception {
        importWithDefaults(write("update.csv", "id,email,city\nA1,a1@example.org,Oslo\nB1,b1@example.org,Rome\n"));
        long batchId = app.importer().history().get(0).id();
        robot.clickOn("#nav-import");
        TableView<?> history = robot.lookup("#import-history").query();
        waitUntil(() -> history.getItems().size() == 2);

        robot.clickOn("#import-row-" + batchId);
        robot.clickOn("#history-undo");
        waitUntil(() -> robot.lookup("#confirm-dialog").tryQuery().isPresent());
        DialogPane confirm = robot.lookup("#confirm-dialog").query();
        assertThat(confirm.getHeaderText()).isEqualTo("Undo the import of update.csv?");
        assertThat(confirm.getContentText())
                .contains("This removes the 1 profile that update.csv created")
                .contains("The 1 profile it only updated is kept as it is now (earlier values are not stored): A1.");
        robot.clickOn(confirm.lookupButton(confirm.getButtonTypes().stream()
                .filter(type -> type.getText().equals("Remove 1 profile")).findFirst().orElseThrow()));

        waitUntil(() -> !robot.lookup("#import-message").<Label>query().getText().isEmpty());
        assertThat(robot.lookup("#import-message").<Label>query().getText())
                .isEqualTo("Undid the import of update.csv: removed 1 profile; kept the 1 it only updated, unchanged: A1.");
        assertThat(app.profiles().findByExternalId("B1")).isEmpty();
        assertThat(app.profiles().findByExternalId("A1").orElseThrow().getCity()).isEqualTo("Oslo");
        assertThat(app.profiles().count()).isEqualTo(4);
        waitUntil(() -> cells(robot).contains("undone"));
        robot.clickOn("#import-row-" + batchId);
        assertThat(robot.lookup("#history-undo").<Button>query().isDisabled()).isTrue();
    }

    @Test
    void anImportInTheHistoryOpensItsProfilesAndShowsItsColumns(FxRobot robot) throws Exception {
        importWithDefaults(write("other.csv", "id,email\nB1,b1@example.org\n"));
        long peopleId = app.importer().history().get(1).id();
        robot.clickOn("#nav-import");
        waitUntil(() -> robot.lookup("#import-row-" + peopleId).tryQuery().isPresent());

        robot.clickOn("#import-row-" + peopleId);
        robot.clickOn("#history-mapping");
        waitUntil(() -> robot.lookup("#inform-dialog").tryQuery().isPresent());
        DialogPane columns = robot.lookup("#inform-dialog").query();
        assertThat(columns.getHeaderText()).isEqualTo("Columns of people.csv");
        assertThat(columns.getContentText()).isEqualTo("id → External ID\nemail → Email");
        robot.clickOn(columns.lookupButton(ButtonType.OK));

        robot.clickOn("#history-profiles");
        ComboBox<String> importedFrom = robot.lookup("#filter-imported-from").query();
        waitUntil(() -> "people.csv".equals(importedFrom.getValue()));
        waitUntil(() -> robot.lookup("#profiles-count").<Label>query().getText().startsWith("4 "));
    }

    @Test
    void cancellingTheConfirmationRemovesNothing(FxRobot robot) throws Exception {
        long batchId = app.importer().history().get(0).id();
        robot.clickOn("#nav-import");
        waitUntil(() -> robot.lookup("#import-row-" + batchId).tryQuery().isPresent());

        robot.clickOn("#import-row-" + batchId);
        robot.clickOn("#history-undo");
        waitUntil(() -> robot.lookup("#confirm-dialog").tryQuery().isPresent());
        DialogPane confirm = robot.lookup("#confirm-dialog").query();
        robot.clickOn(confirm.lookupButton(ButtonType.CANCEL));

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.profiles().count()).isEqualTo(4);
        assertThat(app.importer().history().get(0).status()).isEqualTo("completed");
    }

    private void importWithDefaults(Path file) throws Exception {
        runHere(app.importer().importJob(file, SniffedFile.of(file).defaultOptions()));
    }

    private static <R> void runHere(Job<R> job) throws Exception {
        JobRunner.runHere(job, JobRunner.foregroundHandle(job), JobListener.NONE);
    }

    private static List<String> cells(FxRobot robot) {
        return robot.lookup("#import-history .table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .map(cell -> cell.getText()).filter(text -> text != null && !text.isEmpty()).map(Object::toString).toList();
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(temp.resolve(name), content, StandardCharsets.UTF_8);
    }

}
