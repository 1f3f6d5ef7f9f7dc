package org.cdpdesktop.gui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.cdpdesktop.App;
import org.cdpdesktop.core.ingest.ColumnMapping;
import org.cdpdesktop.core.ingest.CsvDialect;
import org.cdpdesktop.core.ingest.CsvPreviewer;
import org.cdpdesktop.core.ingest.CsvSniffer;
import org.cdpdesktop.core.ingest.DuplicatePolicy;
import org.cdpdesktop.core.ingest.ImportOptions;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.core.model.TrainingResult;
import org.cdpdesktop.core.model.TrainingSpec;
import org.cdpdesktop.gui.DesktopApp;
import org.cdpdesktop.gui.Screen;
import org.cdpdesktop.gui.task.FxTaskExecutor;
import org.cdpdesktop.gui.FxWait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ModelViewTest {

    @TempDir
    static Path dataDirectory;
    private static final FxTaskExecutor EXECUTOR = new FxTaskExecutor();
    private App app;

    @Start
    void start(Stage stage) throws Exception {
        app = App.open(dataDirectory.resolve("store-" + System.nanoTime()));
        Path sample = Path.of("sample-data", "customers-labelled.csv");
        CsvDialect dialect = CsvSniffer.sniff(sample);
        ImportOptions options = new ImportOptions(dialect, ColumnMapping.auto(CsvPreviewer.preview(sample, dialect, 0).headers()),
                DuplicatePolicy.NEWEST, false, null);
        app.importer().importJob(sample, options).run(JobContext.create("import", JobListener.NONE, new AtomicBoolean()));
        DesktopApp.show(stage, app, EXECUTOR);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        app.close();
    }

    @Test
    void trainingOnTheSampleShowsFiguresAConfusionMatrixWithItsProfilesAndTheTermsBehindPredictions(FxRobot robot) throws Exception {
        robot.clickOn("#" + Screen.MODEL.navigationId());
        robot.clickOn("Train");
        robot.doubleClickOn("#model-folds").write("3");
        robot.clickOn("#model-train");

        FxWait.until(90, () -> robot.lookup("#model-status").queryAs(Label.class).getText().startsWith("Trained"));
        String accuracy = robot.lookup("#model-accuracy").queryAs(Label.class).getText();
        assertThat(accuracy).matches("\\d+\\.\\d%");
        assertThat(robot.lookup("#model-method").queryAs(Label.class).getText()).isEqualTo("3-fold cross-validation");
        Button firstCell = robot.lookup("#confusion-0-0").queryAs(Button.class);
        assertThat(Integer.parseInt(firstCell.getText().replace(",", ""))).as("Foodies predicted right").isGreaterThan(500);

        robot.clickOn("#confusion-0-1");
        FxWait.until(90, () -> !robot.lookup("#model-cell-members").queryAs(ListView.class).getItems().isEmpty());
        assertThat(robot.lookup("#model-cell-title").queryAs(Label.class).getText()).contains("labelled Foodies, predicted Health & Fitness");
        assertThat(robot.lookup("#model-positive-terms").queryAs(VBox.class).getChildren()).isNotEmpty();

        robot.clickOn("Try it");
        robot.clickOn("#model-try-text").write("street food, baking sourdough, wine");
        robot.clickOn("#model-try");
        FxWait.until(90, () -> robot.lookup("#model-try-result").queryAs(Label.class).getText().startsWith("Foodies"));
        assertThat(robot.lookup("#model-try-reasons").queryAs(VBox.class).getChildren()).extracting(n -> ((Label) n).getText())
                .anyMatch(line -> line.startsWith("wine") && line.contains("towards Foodies"));
    }

    @Test
    void aConfusionCellOfAnActivatedModelListsItsProfilesSkippingThoseDeletedSinceTraining(FxRobot robot) throws Exception {
        TrainingResult trained = app.cohortModels().train(TrainingSpec.cohorts().withEvaluation(3, 0, 1),
                JobContext.create("train", JobListener.NONE, new AtomicBoolean()));
        String id = trained.metadata().id();
        app.cohortModels().activate(id);
        long[] cell = trained.cellProfiles()[0][1];
        app.database().write(connection -> {
            try (var delete = connection.prepareStatement("DELETE FROM profile WHERE id = ?")) {
                delete.setLong(1, cell[0]);
                return delete.executeUpdate();
            }
        });

        robot.clickOn("#" + Screen.MODEL.navigationId());
        FxWait.until(90, () -> robot.lookup("#confusion-0-1").tryQuery().isPresent());
        robot.clickOn("#confusion-0-1");

        FxWait.until(90, () -> !robot.lookup("#model-cell-members").queryAs(ListView.class).getItems().isEmpty());
        assertThat(robot.lookup("#model-cell-title").queryAs(Label.class).getText())
                .startsWith(String.format("%,d profiles labelled Foodies, predicted Health & Fitness", cell.length - 1))
                .endsWith("; 1 deleted or replaced since training is skipped");
        assertThat(robot.lookup("#model-cell-members").queryAs(ListView.class).getItems()).hasSize(Math.min(cell.length - 1, 200));
    }

    @Test
    void aProfilesDetailShowsItsPredictedCohortAndWhy(FxRobot robot) throws Exception {
        robot.clickOn("#" + Screen.PROFILES.navigationId());
        FxWait.until(90, () -> robot.lookup(".table-row-cell").nth(0).tryQuery().isPresent()
                && robot.lookup(".table-row-cell .table-cell").nth(0).queryAs(javafx.scene.control.TableCell.class).getItem() != null);
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).<Node>query());

        FxWait.until(90, () -> robot.lookup("#detail-prediction-cohort").tryQuery().isPresent());
        assertThat(robot.lookup("#detail-prediction-cohort").queryAs(Label.class).getText()).contains("confident");
        assertThat(robot.lookup(".detail-prediction-reason").queryAll()).isNotEmpty();
    }
}
