package org.cdpdesktop.gui.shell;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.cdpdesktop.core.AppInfo;
import org.cdpdesktop.gui.Activatable;
import org.cdpdesktop.gui.Navigator;
import org.cdpdesktop.gui.Screen;
import org.cdpdesktop.gui.ViewLoader;
import org.cdpdesktop.gui.importer.ImportCoordinator;
import org.cdpdesktop.gui.task.JobsViewModel;
import org.cdpdesktop.gui.task.RunningJob;
import org.controlsfx.control.PopOver;

/** The main window: navigation on the left, the current screen in the middle, the status bar below. */
public final class MainView {

    private final MainViewModel viewModel;
    private final JobsViewModel jobs;
    private final Navigator navigator;
    private final ViewLoader viewLoader;
    private final ImportCoordinator imports;
    private final Map<Screen, Parent> loadedScreens = new EnumMap<>(Screen.class);
    private final ToggleGroup navigation = new ToggleGroup();

    @FXML
    private BorderPane root;
    @FXML
    private Menu viewMenu;
    @FXML
    private VBox navigationBar;
    @FXML
    private StackPane content;
    @FXML
    private Label databasePath;
    @FXML
    private Label profileCount;
    @FXML
    private HBox jobStatus;
    @FXML
    private Label jobDescription;
    @FXML
    private ProgressBar jobProgress;
    @FXML
    private Button jobsButton;

    public MainView(MainViewModel viewModel, JobsViewModel jobs, Navigator navigator, ViewLoader viewLoader, ImportCoordinator imports) {
        this.viewModel = viewModel;
        this.jobs = jobs;
        this.navigator = navigator;
        this.viewLoader = viewLoader;
        this.imports = imports;
    }

    @FXML
    private void initialize() {
        for (Screen screen : Screen.values()) {
            ToggleButton button = new ToggleButton(screen.title());
            button.setId(screen.navigationId());
            button.getStyleClass().add("nav-button");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setToggleGroup(navigation);
            button.setUserData(screen);
            navigationBar.getChildren().add(button);
            MenuItem go = new MenuItem(screen.title());
            go.setMnemonicParsing(false);
            go.setId("menu-" + screen.navigationId());
            go.setAccelerator(shortcut(screen));
            go.setOnAction(event -> navigator.show(screen));
            viewMenu.getItems().add(go);
        }
        navigation.selectedToggleProperty().addListener((observable, old, selected) -> {
            if (selected == null) {
                old.setSelected(true);  // a navigation button can't be un-pressed, only another one pressed
            } else {
                navigator.show((Screen) selected.getUserData());
            }
        });
        navigator.currentProperty().addListener((observable, old, screen) -> show(screen));
        show(navigator.currentProperty().get());
        root.sceneProperty().flatMap(Scene::windowProperty).addListener((observable, old, window) -> {
            if (window instanceof Stage stage) {
                stage.titleProperty().bind(navigator.currentProperty().map(screen -> screen.title() + " — " + AppInfo.NAME));
            }
        });

        databasePath.textProperty().bind(Bindings.concat("Database: ", viewModel.databasePathProperty()));
        profileCount.textProperty().bind(viewModel.profileCountProperty());
        bindJobStatus();
        imports.attachTo(root);
        Activatable.whileShown(root, viewModel);
    }

    /** Ctrl+1 (Cmd+1 on a Mac) for the first screen, and so on in navigation order. */
    static KeyCombination shortcut(Screen screen) {
        return new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (screen.ordinal() + 1)), KeyCombination.SHORTCUT_DOWN);
    }

    @FXML
    private void showGuide() {
        HelpWindows.showGuide(root.getScene().getWindow());
    }

    @FXML
    private void showShortcuts() {
        HelpWindows.showShortcuts(root.getScene().getWindow());
    }

    @FXML
    private void showAbout() {
        HelpWindows.showAbout(root.getScene().getWindow(), viewModel.dataFolder());
    }

    @FXML
    private void importFiles() {
        imports.chooseFiles();
    }

    @FXML
    private void quit() {
        Platform.exit();
    }

    private void show(Screen screen) {
        Parent view = loadedScreens.computeIfAbsent(screen, viewLoader::load);
        content.getChildren().setAll(view);
        navigation.getToggles().stream()
                .filter(toggle -> toggle.getUserData() == screen)
                .findFirst()
                .ifPresent(toggle -> toggle.setSelected(true));
    }

    private void bindJobStatus() {
        jobStatus.visibleProperty().bind(Bindings.isNotEmpty(jobs.running()));
        jobStatus.managedProperty().bind(jobStatus.visibleProperty());
        jobs.running().addListener((ListChangeListener<RunningJob>) change -> showFirstJob());
        jobsButton.textProperty().bind(Bindings.createStringBinding(
                () -> jobs.running().size() == 1 ? "1 job" : jobs.running().size() + " jobs", jobs.running()));
        jobsButton.setOnAction(event -> jobsPanel().show(jobsButton));
    }

    private void showFirstJob() {
        jobDescription.textProperty().unbind();
        jobProgress.progressProperty().unbind();
        if (!jobs.running().isEmpty()) {
            RunningJob first = jobs.running().get(0);
            jobDescription.textProperty().bind(first.descriptionProperty());
            jobProgress.progressProperty().bind(first.progressProperty());
        }
    }

    /** Every running job with its progress and a cancel button. */
    private PopOver jobsPanel() {
        ListView<RunningJob> list = new ListView<>(jobs.running());
        list.setId("jobs-list");
        list.setPrefSize(520, 200);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(RunningJob job, boolean empty) {
                super.updateItem(job, empty);
                if (empty || job == null) {
                    setGraphic(null);
                    return;
                }
                Label description = new Label();
                description.textProperty().bind(job.descriptionProperty());
                description.setWrapText(true);
                ProgressBar progress = new ProgressBar();
                progress.progressProperty().bind(job.progressProperty());
                progress.setMaxWidth(Double.MAX_VALUE);
                Button cancel = new Button("Cancel");
                cancel.setOnAction(event -> job.cancel());
                HBox row = new HBox(8, progress, cancel);
                HBox.setHgrow(progress, Priority.ALWAYS);
                setGraphic(new VBox(4, description, row));
            }
        });
        PopOver panel = new PopOver(list);
        panel.setTitle("Running jobs");
        panel.setHeaderAlwaysVisible(true);
        panel.setArrowLocation(PopOver.ArrowLocation.BOTTOM_RIGHT);
        panel.setDetachable(false);
        return panel;
    }
}
