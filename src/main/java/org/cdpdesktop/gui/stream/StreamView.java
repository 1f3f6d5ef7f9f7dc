package org.cdpdesktop.gui.stream;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.cdpdesktop.core.stream.DeadLetter;
import org.cdpdesktop.core.stream.MessageFormat;
import org.cdpdesktop.core.stream.StreamSettings;
import org.cdpdesktop.core.stream.StreamState;

/** The Stream screen: binds the controls to {@link StreamViewModel} and refreshes the live view once a second. */
public final class StreamView {

    private static final Duration REFRESH = Duration.seconds(1);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final StreamViewModel viewModel;
    private final XYChart.Series<Number, Number> series = new XYChart.Series<>();

    @FXML
    private Label state;
    @FXML
    private Button start;
    @FXML
    private Button stop;
    @FXML
    private Label message;
    @FXML
    private VBox idle;
    @FXML
    private VBox live;
    @FXML
    private Label rate;
    @FXML
    private Label read;
    @FXML
    private Label inserted;
    @FXML
    private Label updated;
    @FXML
    private Label duplicates;
    @FXML
    private Label rejected;
    @FXML
    private Label lag;
    @FXML
    private Label lastError;
    @FXML
    private LineChart<Number, Number> chart;
    @FXML
    private GridPane connection;
    @FXML
    private Label runningNote;
    @FXML
    private TextField bootstrap;
    @FXML
    private TextField topics;
    @FXML
    private TextField group;
    @FXML
    private ComboBox<String> offsetReset;
    @FXML
    private ComboBox<MessageFormat> format;
    @FXML
    private ComboBox<String> preset;
    @FXML
    private ComboBox<String> security;
    @FXML
    private ComboBox<String> saslMechanism;
    @FXML
    private TextField saslUsername;
    @FXML
    private PasswordField saslPassword;
    @FXML
    private TextField truststore;
    @FXML
    private PasswordField truststorePassword;
    @FXML
    private TextField keystore;
    @FXML
    private PasswordField keystorePassword;
    @FXML
    private CheckBox predict;
    @FXML
    private Button test;
    @FXML
    private Label testResult;
    @FXML
    private Tab deadLetterTab;
    @FXML
    private TableView<DeadLetter> deadLetters;
    @FXML
    private Label deadLetterDetail;
    @FXML
    private Button retry;
    @FXML
    private Button delete;

    public StreamView(StreamViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        bindHeader();
        bindLive();
        bindConnection();
        bindDeadLetters();
        Timeline refresh = new Timeline(new KeyFrame(REFRESH, event -> viewModel.refresh()));
        refresh.setCycleCount(Animation.INDEFINITE);
        // The live view runs while the screen is on a showing window, so a screen left or closed costs nothing.
        BooleanBinding shown = Bindings.selectBoolean(state.sceneProperty(), "window", "showing");
        shown.addListener((observable, was, now) -> {
            if (now) {
                viewModel.resume();
                refresh.play();
            } else {
                refresh.stop();
            }
        });
        viewModel.resume();
        if (shown.get()) {
            refresh.play();
        }
    }

    private void bindHeader() {
        state.textProperty().bind(viewModel.stateProperty());
        state.textProperty().addListener((observable, old, now) -> styleState());
        styleState();
        start.disableProperty().bind(viewModel.runningProperty().or(viewModel.busyProperty()));
        stop.disableProperty().bind(viewModel.runningProperty().not());
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
    }

    private void styleState() {
        state.getStyleClass().removeAll("active", "failing");
        String label = state.getText();
        if (label.equals(StreamState.RUNNING.label())) {
            state.getStyleClass().add("active");
        } else if (label.equals(StreamState.FAILED.label()) || label.equals(StreamState.BACKING_OFF.label())
                || label.equals(StreamState.WAITING_FOR_BROKER.label())) {
            state.getStyleClass().add("failing");
        }
    }

    private void bindLive() {
        idle.visibleProperty().bind(viewModel.runningProperty().not().and(viewModel.readProperty().isEqualTo("0"))
                .and(viewModel.lastErrorProperty().isEmpty()));
        idle.managedProperty().bind(idle.visibleProperty());
        live.visibleProperty().bind(idle.visibleProperty().not());
        live.managedProperty().bind(live.visibleProperty());
        rate.textProperty().bind(viewModel.rateProperty());
        read.textProperty().bind(viewModel.readProperty());
        inserted.textProperty().bind(viewModel.insertedProperty());
        updated.textProperty().bind(viewModel.updatedProperty());
        duplicates.textProperty().bind(viewModel.duplicatesProperty());
        rejected.textProperty().bind(viewModel.rejectedProperty());
        lag.textProperty().bind(viewModel.lagProperty());
        lastError.textProperty().bind(Bindings.when(viewModel.lastErrorProperty().isEmpty()).then("")
                .otherwise(Bindings.concat("Last error: ", viewModel.lastErrorProperty())));
        lastError.visibleProperty().bind(viewModel.lastErrorProperty().isNotEmpty());
        lastError.managedProperty().bind(lastError.visibleProperty());
        chart.getData().add(series);
        viewModel.throughput().addListener((ListChangeListener<Number>) change -> plot());
    }

    /** The newest sample on the right edge, older ones to its left. */
    private void plot() {
        List<Number> samples = viewModel.throughput();
        int offset = StreamViewModel.CHART_SAMPLES - samples.size();
        var points = FXCollections.<XYChart.Data<Number, Number>>observableArrayList();
        for (int i = 0; i < samples.size(); i++) {
            points.add(new XYChart.Data<>(offset + i, samples.get(i)));
        }
        series.setData(points);
    }

    private void bindConnection() {
        bootstrap.textProperty().bindBidirectional(viewModel.bootstrapProperty());
        topics.textProperty().bindBidirectional(viewModel.topicsProperty());
        group.textProperty().bindBidirectional(viewModel.groupProperty());
        offsetReset.getItems().setAll(StreamSettings.OFFSET_RESETS);
        offsetReset.setConverter(labels(reset -> reset.equals("earliest") ? "Oldest message" : "New messages only"));
        offsetReset.valueProperty().bindBidirectional(viewModel.offsetResetProperty());
        format.getItems().setAll(MessageFormat.values());
        format.valueProperty().bindBidirectional(viewModel.formatProperty());
        preset.setItems(viewModel.presets());
        preset.valueProperty().bindBidirectional(viewModel.presetProperty());
        preset.disableProperty().bind(viewModel.formatProperty().isNotEqualTo(MessageFormat.CSV_LINE));
        preset.setOnShowing(event -> viewModel.loadPresets());
        security.getItems().setAll(StreamSettings.SECURITY_PROTOCOLS);
        security.valueProperty().bindBidirectional(viewModel.securityProtocolProperty());
        saslMechanism.getItems().setAll(StreamSettings.SASL_MECHANISMS);
        saslMechanism.valueProperty().bindBidirectional(viewModel.saslMechanismProperty());
        saslUsername.textProperty().bindBidirectional(viewModel.saslUsernameProperty());
        saslPassword.textProperty().bindBidirectional(viewModel.saslPasswordProperty());
        truststore.textProperty().bindBidirectional(viewModel.truststoreProperty());
        truststorePassword.textProperty().bindBidirectional(viewModel.truststorePasswordProperty());
        keystore.textProperty().bindBidirectional(viewModel.keystoreProperty());
        keystorePassword.textProperty().bindBidirectional(viewModel.keystorePasswordProperty());
        var notSasl = Bindings.createBooleanBinding(() -> !String.valueOf(viewModel.securityProtocolProperty().get()).startsWith("SASL"),
                viewModel.securityProtocolProperty());
        var notSsl = Bindings.createBooleanBinding(() -> !String.valueOf(viewModel.securityProtocolProperty().get()).endsWith("SSL"),
                viewModel.securityProtocolProperty());
        saslMechanism.disableProperty().bind(notSasl);
        saslUsername.disableProperty().bind(notSasl);
        saslPassword.disableProperty().bind(notSasl);
        truststore.disableProperty().bind(notSsl);
        truststorePassword.disableProperty().bind(notSsl);
        keystore.disableProperty().bind(notSsl);
        keystorePassword.disableProperty().bind(notSsl);
        predict.selectedProperty().bindBidirectional(viewModel.predictProperty());
        connection.disableProperty().bind(viewModel.runningProperty());
        predict.disableProperty().bind(viewModel.runningProperty());
        runningNote.visibleProperty().bind(viewModel.runningProperty());
        runningNote.managedProperty().bind(runningNote.visibleProperty());
        test.disableProperty().bind(viewModel.busyProperty());
        testResult.textProperty().bind(viewModel.testResultProperty());
    }

    private static <T> StringConverter<T> labels(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("Chosen from the list only");
            }
        };
    }

    private void bindDeadLetters() {
        deadLetterTab.textProperty().bind(Bindings.concat("Dead letters (", viewModel.deadLetterCountProperty(), ")"));
        deadLetters.setItems(viewModel.deadLetters());
        deadLetters.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        deadLetters.getColumns().setAll(List.of(
                column("Topic", 105, DeadLetter::topic),
                column("Partition", 85, letter -> Integer.toString(letter.partition())),
                column("Offset", 70, letter -> String.format("%,d", letter.offset())),
                column("Parked", 130, letter -> TIME.format(Instant.parse(letter.createdAt()))),
                column("Reason", 180, DeadLetter::reason),
                column("Message", 150, StreamView::payload)));
        deadLetterDetail.textProperty().bind(Bindings.createStringBinding(() -> {
            DeadLetter chosen = deadLetters.getSelectionModel().getSelectedItem();
            return chosen == null ? "Select a dead letter to read its reason and message in full."
                    : chosen.reason() + "\n" + payload(chosen);
        }, deadLetters.getSelectionModel().selectedItemProperty()));
        var nothingChosen = Bindings.isEmpty(deadLetters.getSelectionModel().getSelectedItems());
        retry.disableProperty().bind(nothingChosen);
        delete.disableProperty().bind(nothingChosen);
    }

    private static String payload(DeadLetter letter) {
        return letter.payload().replace('\n', ' ') + (letter.truncated() ? String.format(" … (%,d bytes in all)", letter.payloadSize()) : "");
    }

    private static TableColumn<DeadLetter, String> column(String title, double width, Function<DeadLetter, String> value) {
        TableColumn<DeadLetter, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
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
    private void testConnection() {
        viewModel.testConnection();
    }

    @FXML
    private void retry() {
        viewModel.retry(List.copyOf(deadLetters.getSelectionModel().getSelectedItems()));
    }

    @FXML
    private void delete() {
        viewModel.delete(List.copyOf(deadLetters.getSelectionModel().getSelectedItems()));
    }
}
