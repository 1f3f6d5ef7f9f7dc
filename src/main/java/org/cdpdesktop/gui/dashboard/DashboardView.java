package org.cdpdesktop.gui.dashboard;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.cdpdesktop.gui.Navigator;
import org.cdpdesktop.gui.Screen;
import org.cdpdesktop.gui.importer.ImportCoordinator;

/** The overview screen: headline counts, or a welcome with the way in when the store is empty. */
public final class DashboardView {

    private final DashboardViewModel viewModel;
    private final Navigator navigator;
    private final ImportCoordinator imports;

    @FXML
    private Label profiles;
    @FXML
    private Label segments;
    @FXML
    private Label models;
    @FXML
    private Label lastImport;
    @FXML
    private Label error;
    @FXML
    private VBox welcome;
    @FXML
    private VBox overview;

    public DashboardView(DashboardViewModel viewModel, Navigator navigator, ImportCoordinator imports) {
        this.viewModel = viewModel;
        this.navigator = navigator;
        this.imports = imports;
    }

    @FXML
    private void initialize() {
        profiles.textProperty().bind(viewModel.profilesProperty());
        segments.textProperty().bind(viewModel.segmentsProperty());
        models.textProperty().bind(viewModel.modelsProperty());
        lastImport.textProperty().bind(viewModel.lastImportProperty());
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        welcome.visibleProperty().bind(viewModel.emptyProperty());
        welcome.managedProperty().bind(welcome.visibleProperty());
        overview.visibleProperty().bind(viewModel.emptyProperty().not());
        overview.managedProperty().bind(overview.visibleProperty());
        viewModel.refresh();
    }

    @FXML
    private void openImport() {
        navigator.show(Screen.IMPORT);
    }

    @FXML
    private void loadSampleData() {
        imports.loadSampleData();
    }
}
