package org.cdpdesktop.gui.importer;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.cdpdesktop.core.DataDirectory;
import org.cdpdesktop.core.Settings;
import org.cdpdesktop.core.ingest.ImportService;
import org.cdpdesktop.core.ingest.ImportSummary;
import org.cdpdesktop.core.ingest.MappingPresets;
import org.cdpdesktop.core.model.CohortModelService;
import org.cdpdesktop.core.store.ProfileBrowser;
import org.cdpdesktop.core.store.ProfileStore;
import org.cdpdesktop.core.sample.SampleData;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.UiServices;
import org.cdpdesktop.gui.ViewLoader;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.JobsViewModel;
import org.cdpdesktop.gui.task.TaskExecutor;

/**
 * Every way into an import meets here: files dropped on the main window, chosen from the menu or the Import
 * screen, and the sample data. Files queue and get one wizard each, one after another.
 */
public final class ImportCoordinator {

    private final ImportService importer;
    private final MappingPresets presets;
    private final ProfileBrowser browser;
    private final ProfileStore profiles;
    private final CohortModelService models;
    private final Settings settings;
    private final DataDirectory dataDirectory;
    private final TaskExecutor executor;
    private final UiServices ui;
    private final JobsViewModel jobs;
    private final ObservableList<Path> queue = FXCollections.observableArrayList();
    private final IntegerBinding queued = Bindings.size(queue);
    private final ObjectProperty<Path> current = new SimpleObjectProperty<>();
    private Node mainWindowRoot;
    private ObservableValue<Boolean> mainWindowShowing;

    public ImportCoordinator(ImportService importer, MappingPresets presets, ProfileBrowser browser, ProfileStore profiles,
                             CohortModelService models, Settings settings, DataDirectory dataDirectory, TaskExecutor executor,
                             JobsViewModel jobs, UiServices ui) {
        this.importer = importer;
        this.presets = presets;
        this.browser = browser;
        this.profiles = profiles;
        this.models = models;
        this.settings = settings;
        this.dataDirectory = dataDirectory;
        this.executor = executor;
        this.jobs = jobs;
        this.ui = ui;
    }

    /**
     * Takes files dropped anywhere on the main window, and offers the sample data once the window first shows
     * on an empty store.
     */
    public void attachTo(Node root) {
        mainWindowRoot = root;
        ImportDrop.install(root, this::enqueue);
        mainWindowShowing = root.sceneProperty()
                .flatMap(Scene::windowProperty)
                .flatMap(Window::showingProperty)
                .orElse(false);
        mainWindowShowing.addListener((observable, was, showing) -> {
            if (showing) {
                offerSampleData();
            }
        });
    }

    /** Files waiting for their wizard, in order; the one in the open wizard is {@link #currentProperty()}. */
    public ObservableList<Path> queue() {
        return queue;
    }

    public ReadOnlyObjectProperty<Path> currentProperty() {
        return current;
    }

    public void enqueue(List<Path> files) {
        List<Path> folders = files.stream().filter(Files::isDirectory).toList();
        queue.addAll(files.stream().filter(file -> !Files.isDirectory(file)).toList());
        if (!folders.isEmpty()) {
            Alert alert = new Alert(Alert.AlertType.WARNING, "Folders can't be imported; drop the files inside them instead: "
                    + String.join(", ", folders.stream().map(Path::toString).toList()));
            alert.setHeaderText("Some dropped items were folders");
            alert.initOwner(owner());
            alert.show();
        }
        openNext();
    }

    /**
     * Asks for files with the system's file chooser and queues them. Every file is shown first, as the wizard tells
     * the format by content: an export saved as {@code .txt}, or with no extension at all, is still importable.
     */
    public void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import customer files");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("All files", "*"),
                new FileChooser.ExtensionFilter("CSV, Excel and JSON files", "*.csv", "*.tsv", "*.txt", "*.xlsx", "*.xls", "*.json",
                        "*.jsonl", "*.ndjson"));
        List<File> chosen = chooser.showOpenMultipleDialog(owner());
        if (chosen != null) {
            enqueue(chosen.stream().map(File::toPath).toList());
        }
    }

    private void openNext() {
        if (current.get() != null || queue.isEmpty()) {
            return;
        }
        Path file = queue.remove(0);
        current.set(file);
        Stage stage = new Stage();
        ImportWizardViewModel viewModel = new ImportWizardViewModel(importer, presets, browser, models, executor, jobs, ui, file);
        ImportWizardView view = new ImportWizardView(viewModel, queued, stage::close, executor);
        Parent content = new ViewLoader(type -> view).load(ImportWizardView.class);
        ImportDrop.install(content, this::enqueue);  // the wizard blocks the main window, so it takes drops too
        Scene scene = new Scene(content);
        Window owner = owner();
        if (owner != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setScene(scene);
        stage.setTitle("Import " + file.getFileName());
        stage.setOnCloseRequest(event -> {
            if (!view.canClose()) {
                event.consume();  // an import is running: the user cancels it first, so it rolls back
            }
        });
        stage.setOnHidden(event -> {
            current.set(null);
            openNext();
        });
        stage.show();
    }

    /**
     * Imports the bundled sample file with the wizard's defaults, then predicts its customers' cohorts with the active
     * model (the bundled one on a new data folder) as a job of its own, and says what happened; says so instead when
     * the sample customers are in the store already (the dashboard offers them too).
     */
    public void loadSampleData() {
        BackgroundTask.wrap(() -> SampleData.loaded(settings, importer.history()))
                .onSuccess(loaded -> {
                    if (loaded) {
                        ui.inform("Sample data already loaded", "The 3,000 sample customers are in the store. To remove them,"
                                + " undo their import (customers.csv) in the Import screen's history.");
                    } else {
                        jobs.submit(SampleData.importJob(importer, dataDirectory.root().resolve("sample"), settings),
                                this::predictSample, problem -> ErrorDialog.show("The sample data could not be loaded", problem));
                    }
                })
                .onFailure(problem -> ErrorDialog.show("Cannot read the import history", problem))
                .executeWith(executor);
    }

    private void predictSample(ImportSummary summary) {
        BackgroundTask.wrap(models::hasActiveModel)
                .onSuccess(active -> {
                    if (active) {
                        jobs.submit(models.predictImportJob(summary.batchId(), summary.file()),
                                prediction -> showSampleLoaded(summary, String.format(" The active cohort model predicted the cohorts of"
                                        + " %,d of them; open a profile to see its cohorts and the words behind them.", prediction.profiles())),
                                problem -> showSampleLoaded(summary, " Their cohorts could not be predicted: " + ErrorDialog.describe(problem)));
                    } else {
                        showSampleLoaded(summary, "");
                    }
                })
                .onFailure(problem -> showSampleLoaded(summary, " Their cohorts could not be predicted: " + ErrorDialog.describe(problem)))
                .executeWith(executor);
    }

    private void showSampleLoaded(ImportSummary summary, String prediction) {
        ui.inform("Sample data loaded", ImportRunStep.accounting(summary) + "." + prediction
                + "\n\nThe sample is a made-up customer export with realistic mistakes; the rejected rows are in "
                + Objects.toString(summary.rejectsFile(), "no file, as none were rejected")
                + ". To remove the sample customers, undo their import in the Import screen's history.");
    }

    /** On an empty store, once per data folder and not while a wizard is open, asks whether to load the sample data. */
    private void offerSampleData() {
        BackgroundTask.wrap(() -> !SampleData.offered(settings) && profiles.count() == 0)
                .onSuccess(offer -> {
                    // Someone who opened the app with their own file is importing it; they get the offer another time.
                    if (offer && current.get() == null) {
                        askAboutSampleData();
                    }
                })
                .onFailure(problem -> ErrorDialog.show("Cannot read the store", problem))
                .executeWith(executor);
    }

    private void askAboutSampleData() {
        ButtonType load = new ButtonType("Load sample data", ButtonBar.ButtonData.OK_DONE);
        ButtonType empty = new ButtonType("Start empty", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                "Your store has no customers yet. Load 3,000 made-up customers to look around? "
                        + "You can also drop your own CSV, Excel or JSON files onto the window at any time.", load, empty);
        alert.setHeaderText("Welcome to CDP Desktop");
        alert.setTitle("Sample data");
        alert.initOwner(owner());
        alert.getDialogPane().setId("sample-data-offer");
        alert.showAndWait().ifPresent(answer -> {
            if (answer == load) {
                loadSampleData();
            } else {
                markSampleDataOffered();
            }
        });
    }

    private void markSampleDataOffered() {
        BackgroundTask.wrap(() -> {
                    SampleData.markOffered(settings);
                    return true;
                })
                .onFailure(problem -> ErrorDialog.show("Cannot save the settings", problem))
                .executeWith(executor);
    }

    private Window owner() {
        return mainWindowRoot == null || mainWindowRoot.getScene() == null ? null : mainWindowRoot.getScene().getWindow();
    }
}
