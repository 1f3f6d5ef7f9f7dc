package org.cdpdesktop.gui.stream;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cdpdesktop.App;
import org.cdpdesktop.core.stream.DeadLetter;
import org.cdpdesktop.core.stream.MessageFormat;
import org.cdpdesktop.core.stream.StreamSettings;
import org.cdpdesktop.core.stream.StreamState;
import org.cdpdesktop.core.stream.StreamStatus;
import org.cdpdesktop.core.stream.TopicInfo;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.TaskExecutor;

/**
 * The Stream screen: connection settings (secrets for this session only), start and stop, a live view read from the
 * consumer's status by {@link #refresh()} at a fixed rate (never per message), and the dead letters.
 */
public final class StreamViewModel {

    /** Seconds of throughput the chart shows, one sample per refresh. */
    public static final int CHART_SAMPLES = 60;
    private static final int DEAD_LETTERS_SHOWN = 500;

    private final App app;
    private final TaskExecutor executor;

    private final StringProperty bootstrap = new SimpleStringProperty();
    private final StringProperty topics = new SimpleStringProperty();
    private final StringProperty group = new SimpleStringProperty();
    private final ObjectProperty<String> offsetReset = new SimpleObjectProperty<>();
    private final ObjectProperty<String> securityProtocol = new SimpleObjectProperty<>();
    private final ObjectProperty<String> saslMechanism = new SimpleObjectProperty<>();
    private final StringProperty saslUsername = new SimpleStringProperty();
    private final StringProperty saslPassword = new SimpleStringProperty();
    private final StringProperty truststore = new SimpleStringProperty();
    private final StringProperty truststorePassword = new SimpleStringProperty();
    private final StringProperty keystore = new SimpleStringProperty();
    private final StringProperty keystorePassword = new SimpleStringProperty();
    private final ObjectProperty<MessageFormat> format = new SimpleObjectProperty<>();
    private final StringProperty preset = new SimpleStringProperty();
    private final ObservableList<String> presets = FXCollections.observableArrayList();
    private final BooleanProperty predict = new SimpleBooleanProperty();

    private final StringProperty state = new SimpleStringProperty(StreamState.STOPPED.label());
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty rate = new SimpleStringProperty("0");
    private final StringProperty read = new SimpleStringProperty("0");
    private final StringProperty inserted = new SimpleStringProperty("0");
    private final StringProperty updated = new SimpleStringProperty("0");
    private final StringProperty duplicates = new SimpleStringProperty("0");
    private final StringProperty rejected = new SimpleStringProperty("0");
    private final StringProperty lag = new SimpleStringProperty("–");
    private final StringProperty lastError = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty testResult = new SimpleStringProperty("");
    private final ObservableList<Number> throughput = FXCollections.observableArrayList();
    private final ObservableList<DeadLetter> deadLetters = FXCollections.observableArrayList();
    private final StringProperty deadLetterCount = new SimpleStringProperty("0");
    private long shownDeadLettered = -1;

    public StreamViewModel(App app, TaskExecutor executor) {
        this.app = app;
        this.executor = executor;
        show(app.stream().settings());
        loadPresets();
    }

    /** Reads the saved import presets, for a CSV line's columns. */
    public void loadPresets() {
        BackgroundTask.wrap(app.presets()::names)
                .onSuccess(names -> {
                    String chosen = preset.get();
                    presets.setAll(names);
                    preset.set(chosen);
                })
                .onFailure(failure -> message.set("Cannot read the import presets: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
    }

    private void show(StreamSettings settings) {
        bootstrap.set(settings.bootstrapServers());
        topics.set(String.join(", ", settings.topics()));
        group.set(settings.groupId());
        offsetReset.set(settings.autoOffsetReset());
        securityProtocol.set(settings.securityProtocol());
        saslMechanism.set(settings.saslMechanism());
        saslUsername.set(settings.saslUsername());
        saslPassword.set(settings.saslPassword());
        truststore.set(settings.sslTruststorePath());
        truststorePassword.set(settings.sslTruststorePassword());
        keystore.set(settings.sslKeystorePath());
        keystorePassword.set(settings.sslKeystorePassword());
        format.set(settings.format());
        preset.set(settings.preset());
        predict.set(settings.predict());
    }

    /** The settings as typed. */
    public StreamSettings settings() {
        return new StreamSettings(text(bootstrap), StreamSettings.parseTopics(text(topics)), text(group), offsetReset.get(),
                securityProtocol.get(), saslMechanism.get(), text(saslUsername), nullToEmpty(saslPassword.get()), text(truststore),
                nullToEmpty(truststorePassword.get()), text(keystore), nullToEmpty(keystorePassword.get()), format.get(), text(preset),
                predict.get());
    }

    private static String text(StringProperty property) {
        return nullToEmpty(property.get()).trim();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Saves the settings (without secrets) and starts consuming in the background. */
    public void start() {
        StreamSettings settings = settings();
        String problem = settings.problem();
        if (problem == null && settings.predict() && !app.stream().canPredict()) {
            problem = "Predicting on ingest needs an active cohort model: untick \"Predict cohorts\" or train a model first";
        }
        if (problem != null) {
            message.set(problem);
            return;
        }
        message.set("");
        busy.set(true);
        BackgroundTask.wrap(() -> {
                    app.stream().saveSettings(settings);
                    app.stream().start();
                    return null;
                })
                .onSuccess(ignored -> {
                    busy.set(false);
                    throughput.clear();
                    refresh();
                })
                .onFailure(failure -> {
                    busy.set(false);
                    message.set("Cannot start: " + ErrorDialog.describe(failure));
                })
                .executeWith(executor);
    }

    /** Asks the consumer to store and commit its batch in hand and stop. */
    public void stop() {
        app.stream().stop();
        refresh();
    }

    /** Lists the broker's topics and partitions with the settings as typed. */
    public void testConnection() {
        StreamSettings settings = settings();
        testResult.set("Connecting to " + settings.bootstrapServers() + "…");
        busy.set(true);
        BackgroundTask.wrap(() -> app.stream().testConnection(settings))
                .onSuccess(found -> {
                    busy.set(false);
                    testResult.set(describe(found, settings.topics()));
                })
                .onFailure(failure -> {
                    busy.set(false);
                    testResult.set(ErrorDialog.describe(failure));
                })
                .executeWith(executor);
    }

    private static String describe(List<TopicInfo> found, List<String> wanted) {
        if (found.isEmpty()) {
            return "Connected. The broker has no topics yet.";
        }
        List<String> names = found.stream().map(TopicInfo::name).toList();
        List<String> missing = wanted.stream().filter(topic -> !names.contains(topic)).toList();
        String listed = found.stream()
                .map(topic -> topic.name() + " (" + topic.partitions() + (topic.partitions() == 1 ? " partition)" : " partitions)"))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "Connected. %d %s: %s.%s", found.size(), found.size() == 1 ? "topic" : "topics", listed,
                missing.isEmpty() ? "" : " Not on this broker: " + String.join(", ", missing) + ".");
    }

    /** Starts the live view afresh when the screen is shown: the chart covers only time the screen was watched. */
    public void resume() {
        throughput.clear();
        refresh();
    }

    /** Reads the consumer's status into the live view; called at a fixed rate by the view, and after each command. */
    public void refresh() {
        StreamStatus status = app.stream().status();
        state.set(status.state().label());
        running.set(app.stream().isRunning());
        rate.set(String.format("%,.0f", status.messagesPerSecond()));
        read.set(String.format("%,d", status.read()));
        inserted.set(String.format("%,d", status.inserted()));
        updated.set(String.format("%,d", status.updated()));
        duplicates.set(String.format("%,d", status.duplicates()));
        rejected.set(String.format("%,d", status.rejected()));
        lag.set(status.lag().isEmpty() ? "–" : status.lag().stream()
                .map(partition -> String.format("%s/%d: %,d", partition.topic(), partition.partition(), partition.lag()))
                .collect(Collectors.joining("   ")));
        lastError.set(status.lastError() == null ? "" : status.lastError());
        if (status.state().active()) {
            throughput.add(status.messagesPerSecond());
            if (throughput.size() > CHART_SAMPLES) {
                throughput.remove(0, throughput.size() - CHART_SAMPLES);
            }
        }
        if (status.deadLettered() != shownDeadLettered) {
            shownDeadLettered = status.deadLettered();
            loadDeadLetters();
        }
    }

    /** Reloads the newest dead letters and their count. */
    public void loadDeadLetters() {
        BackgroundTask.wrap(() -> new DeadLetters(app.stream().deadLetters().newest(DEAD_LETTERS_SHOWN), app.stream().deadLetters().count()))
                .onSuccess(loaded -> {
                    deadLetters.setAll(loaded.newest());
                    deadLetterCount.set(String.format("%,d", loaded.count()));
                })
                .onFailure(failure -> message.set("Cannot read the dead letters: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
    }

    private record DeadLetters(List<DeadLetter> newest, long count) { }

    /** Runs the chosen dead letters through the pipeline again with the settings in use; stored ones leave the list. */
    public void retry(List<DeadLetter> chosen) {
        List<Long> ids = chosen.stream().map(DeadLetter::id).toList();
        BackgroundTask.wrap(() -> ids.stream().filter(app.stream()::retry).count())
                .onSuccess(stored -> {
                    message.set(String.format("%,d of %,d dead letters stored; the rest stay with their new reason.", stored, ids.size()));
                    loadDeadLetters();
                })
                .onFailure(failure -> message.set("Retry failed: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
    }

    public void delete(List<DeadLetter> chosen) {
        List<Long> ids = chosen.stream().map(DeadLetter::id).toList();
        BackgroundTask.wrap(() -> app.stream().deadLetters().delete(ids))
                .onSuccess(deleted -> {
                    message.set(String.format("%,d dead letters deleted.", deleted));
                    loadDeadLetters();
                })
                .onFailure(failure -> message.set("Delete failed: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
    }

    public StringProperty bootstrapProperty() {
        return bootstrap;
    }

    public StringProperty topicsProperty() {
        return topics;
    }

    public StringProperty groupProperty() {
        return group;
    }

    public ObjectProperty<String> offsetResetProperty() {
        return offsetReset;
    }

    public ObjectProperty<String> securityProtocolProperty() {
        return securityProtocol;
    }

    public ObjectProperty<String> saslMechanismProperty() {
        return saslMechanism;
    }

    public StringProperty saslUsernameProperty() {
        return saslUsername;
    }

    public StringProperty saslPasswordProperty() {
        return saslPassword;
    }

    public StringProperty truststoreProperty() {
        return truststore;
    }

    public StringProperty truststorePasswordProperty() {
        return truststorePassword;
    }

    public StringProperty keystoreProperty() {
        return keystore;
    }

    public StringProperty keystorePasswordProperty() {
        return keystorePassword;
    }

    public ObjectProperty<MessageFormat> formatProperty() {
        return format;
    }

    public StringProperty presetProperty() {
        return preset;
    }

    public ObservableList<String> presets() {
        return presets;
    }

    public BooleanProperty predictProperty() {
        return predict;
    }

    public ReadOnlyStringProperty stateProperty() {
        return state;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty rateProperty() {
        return rate;
    }

    public ReadOnlyStringProperty readProperty() {
        return read;
    }

    public ReadOnlyStringProperty insertedProperty() {
        return inserted;
    }

    public ReadOnlyStringProperty updatedProperty() {
        return updated;
    }

    public ReadOnlyStringProperty duplicatesProperty() {
        return duplicates;
    }

    public ReadOnlyStringProperty rejectedProperty() {
        return rejected;
    }

    public ReadOnlyStringProperty lagProperty() {
        return lag;
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty testResultProperty() {
        return testResult;
    }

    /** Messages per second, one sample per refresh while the consumer runs, the last {@link #CHART_SAMPLES}. */
    public ObservableList<Number> throughput() {
        return throughput;
    }

    public ObservableList<DeadLetter> deadLetters() {
        return deadLetters;
    }

    public ReadOnlyStringProperty deadLetterCountProperty() {
        return deadLetterCount;
    }
}
