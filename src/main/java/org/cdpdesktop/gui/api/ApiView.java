package org.cdpdesktop.gui.api;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.cdpdesktop.core.access.ApiKey;
import org.cdpdesktop.core.access.ApiRole;
import org.cdpdesktop.rest.ApiConfig;

/** The API screen: start and stop the local REST API, watch its requests, manage its keys. */
public final class ApiView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault());

    private final ApiViewModel viewModel;
    private final Timeline logRefresh;

    @FXML private Label status;
    @FXML private Label warning;
    @FXML private TextField port;
    @FXML private ComboBox<String> bindAddress;
    @FXML private TextField origins;
    @FXML private CheckBox anonymousRead;
    @FXML private Button start;
    @FXML private Button stop;
    @FXML private TableView<ApiViewModel.LogRow> log;
    @FXML private TableColumn<ApiViewModel.LogRow, String> logTime;
    @FXML private TableColumn<ApiViewModel.LogRow, String> logMethod;
    @FXML private TableColumn<ApiViewModel.LogRow, String> logPath;
    @FXML private TableColumn<ApiViewModel.LogRow, String> logStatus;
    @FXML private TableColumn<ApiViewModel.LogRow, String> logMillis;
    @FXML private TableView<ApiKey> keys;
    @FXML private TableColumn<ApiKey, String> keyName;
    @FXML private TableColumn<ApiKey, String> keyRole;
    @FXML private TableColumn<ApiKey, String> keyUsed;
    @FXML private TextField keyNameField;
    @FXML private ComboBox<ApiRole> keyRoleChoice;
    @FXML private Button createKey;
    @FXML private TextField createdKey;
    @FXML private Button revokeKey;

    public ApiView(ApiViewModel viewModel) {
        this.viewModel = viewModel;
        // A fixed-rate refresh: a busy client must not flood the FX thread with one update per request.
        this.logRefresh = new Timeline(new KeyFrame(Duration.millis(500), event -> viewModel.refreshLog()));
        logRefresh.setCycleCount(Animation.INDEFINITE);
    }

    @FXML
    private void initialize() {
        status.textProperty().bind(viewModel.statusProperty());
        warning.textProperty().bind(viewModel.warningProperty());
        warning.visibleProperty().bind(viewModel.warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        port.textProperty().bindBidirectional(viewModel.portProperty());
        bindAddress.getItems().setAll(ApiConfig.LOOPBACK, "0.0.0.0");
        bindAddress.valueProperty().bindBidirectional(viewModel.bindAddressProperty());
        origins.textProperty().bindBidirectional(viewModel.originsProperty());
        anonymousRead.selectedProperty().bindBidirectional(viewModel.anonymousReadProperty());
        var settingsLocked = viewModel.runningProperty().or(viewModel.busyProperty());
        for (var control : new javafx.scene.Node[] {port, bindAddress, origins, anonymousRead}) {
            control.disableProperty().bind(settingsLocked);
        }
        start.disableProperty().bind(settingsLocked);
        stop.disableProperty().bind(viewModel.runningProperty().not().or(viewModel.busyProperty()));

        log.setItems(viewModel.log());
        column(logTime, ApiViewModel.LogRow::time);
        column(logMethod, ApiViewModel.LogRow::method);
        column(logPath, ApiViewModel.LogRow::path);
        column(logStatus, ApiViewModel.LogRow::status);
        column(logMillis, ApiViewModel.LogRow::millis);

        keys.setItems(viewModel.keys());
        column(keyName, ApiKey::name);
        column(keyRole, key -> key.role().key());
        column(keyUsed, key -> key.lastUsedAt() == null ? "never" : WHEN.format(Instant.parse(key.lastUsedAt())));
        keyNameField.textProperty().bindBidirectional(viewModel.newKeyNameProperty());
        keyRoleChoice.getItems().setAll(ApiRole.values());
        keyRoleChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(ApiRole role) {
                return role == null ? "" : role.key();
            }

            @Override
            public ApiRole fromString(String text) {
                return ApiRole.parse(text);
            }
        });
        keyRoleChoice.valueProperty().bindBidirectional(viewModel.newKeyRoleProperty());
        createKey.disableProperty().bind(viewModel.newKeyNameProperty().isEmpty());
        createdKey.textProperty().bind(viewModel.createdKeyProperty());
        revokeKey.disableProperty().bind(keys.getSelectionModel().selectedItemProperty().isNull());

        // Refresh only while the screen is shown, so a hidden screen costs nothing.
        log.sceneProperty().addListener((observable, old, scene) -> {
            if (scene == null) {
                logRefresh.stop();
            } else {
                logRefresh.play();
            }
        });
    }

    private static <S> void column(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    @FXML
    private void start() {
        viewModel.start();
    }

    @FXML
    private void stop() {
        viewModel.stop();
    }

    @FXML
    private void createKey() {
        viewModel.createKey();
    }

    @FXML
    private void revokeKey() {
        ApiKey selected = keys.getSelectionModel().getSelectedItem();
        if (selected != null) {
            viewModel.revokeKey(selected);
        }
    }
}
