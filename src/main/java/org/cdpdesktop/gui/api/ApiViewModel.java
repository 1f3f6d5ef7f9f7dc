package org.cdpdesktop.gui.api;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cdpdesktop.App;
import org.cdpdesktop.core.access.ApiKey;
import org.cdpdesktop.core.access.ApiRole;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.TaskExecutor;
import org.cdpdesktop.rest.ApiConfig;
import org.cdpdesktop.rest.ApiServer;
import org.cdpdesktop.rest.RequestLog;

/** The API screen's state: the server's settings and status, its request log, and the API keys. */
public final class ApiViewModel {

    static final String PORT = "api.port";
    static final String BIND = "api.bind";
    static final String ORIGINS = "api.corsOrigins";
    static final String ANONYMOUS_READ = "api.anonymousRead";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    /** One request log row as the table shows it. */
    public record LogRow(String time, String method, String path, String status, String millis) { }

    private final App app;
    private final ApiServer server;
    private final TaskExecutor executor;
    private final StringProperty port = new SimpleStringProperty();
    private final StringProperty bindAddress = new SimpleStringProperty();
    private final StringProperty origins = new SimpleStringProperty();
    private final BooleanProperty anonymousRead = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper createdKey = new ReadOnlyStringWrapper("");
    private final StringProperty newKeyName = new SimpleStringProperty("");
    private final ObjectProperty<ApiRole> newKeyRole = new SimpleObjectProperty<>(ApiRole.VIEWER);
    private final ObservableList<LogRow> log = FXCollections.observableArrayList();
    private final ObservableList<ApiKey> keys = FXCollections.observableArrayList();
    private long logTotal = -1;

    public ApiViewModel(App app, ApiServer server, TaskExecutor executor) {
        this.app = app;
        this.server = server;
        this.executor = executor;
        port.set(app.settings().get(PORT).orElse(String.valueOf(ApiConfig.DEFAULT_PORT)));
        bindAddress.set(app.settings().get(BIND).orElse(ApiConfig.LOOPBACK));
        origins.set(app.settings().get(ORIGINS).orElse(""));
        anonymousRead.set(app.settings().getBoolean(ANONYMOUS_READ));
        bindAddress.addListener((observable, old, now) -> updateWarning());
        running.set(server.running());
        updateStatus();
        updateWarning();
        refreshKeys();
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty bindAddressProperty() {
        return bindAddress;
    }

    public StringProperty originsProperty() {
        return origins;
    }

    public BooleanProperty anonymousReadProperty() {
        return anonymousRead;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Empty while the API listens on this computer only. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** The secret of the key just created, shown once. */
    public ReadOnlyStringProperty createdKeyProperty() {
        return createdKey.getReadOnlyProperty();
    }

    public StringProperty newKeyNameProperty() {
        return newKeyName;
    }

    public ObjectProperty<ApiRole> newKeyRoleProperty() {
        return newKeyRole;
    }

    public ObservableList<LogRow> log() {
        return log;
    }

    public ObservableList<ApiKey> keys() {
        return keys;
    }

    /** Starts the API with the settings on screen, which are remembered for next time. */
    public void start() {
        ApiConfig config;
        try {
            config = ApiConfig.defaults().withPort(parsePort()).withBindAddress(bindAddress.get())
                    .withCorsOrigins(Arrays.stream(origins.get().split("[,\\s]+")).filter(o -> !o.isBlank()).toList())
                    .withAnonymousRead(anonymousRead.get());
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        app.settings().set(PORT, port.get().strip());
        app.settings().set(BIND, config.bindAddress());
        app.settings().set(ORIGINS, String.join(", ", config.corsOrigins()));
        app.settings().set(ANONYMOUS_READ, String.valueOf(config.anonymousRead()));
        busy.set(true);
        status.set("Starting…");
        BackgroundTask.wrap(() -> server.start(config))
                .onSuccess(url -> {
                    busy.set(false);
                    running.set(true);
                    updateStatus();
                })
                .onFailure(failure -> {
                    busy.set(false);
                    status.set(ErrorDialog.describe(failure));
                })
                .executeWith(executor);
    }

    public void stop() {
        busy.set(true);
        BackgroundTask.wrap(() -> {
            server.stop();
            return true;
        }).onSuccess(stopped -> {
            busy.set(false);
            running.set(false);
            updateStatus();
        }).onFailure(failure -> {
            busy.set(false);
            status.set(ErrorDialog.describe(failure));
        }).executeWith(executor);
    }

    /** Shows requests answered since the last refresh; the view calls it at a fixed rate, never once per request. */
    public void refreshLog() {
        RequestLog requests = server.log();
        if (requests.total() == logTotal) {
            return;
        }
        logTotal = requests.total();
        List<RequestLog.Entry> entries = new ArrayList<>(requests.entries());
        Collections.reverse(entries);
        log.setAll(entries.stream().map(entry -> new LogRow(TIME.format(entry.at()), entry.method(), entry.path(),
                String.valueOf(entry.status()), String.format(Locale.ROOT, "%.1f ms", entry.millis()))).toList());
    }

    public void createKey() {
        String name = newKeyName.get();
        ApiRole role = newKeyRole.get();
        BackgroundTask.wrap(() -> app.apiKeys().create(name, role))
                .onSuccess(created -> {
                    createdKey.set(created.key());
                    newKeyName.set("");
                    status.set("Key \"" + created.apiKey().name() + "\" created: copy it now, it is not shown again.");
                    refreshKeys();
                })
                .onFailure(failure -> status.set(ErrorDialog.describe(failure)))
                .executeWith(executor);
    }

    public void revokeKey(ApiKey key) {
        BackgroundTask.wrap(() -> app.apiKeys().revoke(key.name()))
                .onSuccess(revoked -> {
                    status.set("Key \"" + key.name() + "\" revoked.");
                    refreshKeys();
                })
                .onFailure(failure -> status.set(ErrorDialog.describe(failure)))
                .executeWith(executor);
    }

    private void refreshKeys() {
        BackgroundTask.wrap(() -> app.apiKeys().list())
                .onSuccess(keys::setAll)
                .onFailure(failure -> status.set(ErrorDialog.describe(failure)))
                .executeWith(executor);
    }

    private int parsePort() {
        try {
            return Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The port is a number from 0 to 65535, not '" + port.get() + "'");
        }
    }

    private void updateStatus() {
        status.set(server.url().map(url -> "Listening on " + url + " — docs at " + url + "/docs")
                .orElse("Stopped. Start it to let scripts, notebooks and the old CDPapi dashboard reach your profiles."));
    }

    private void updateWarning() {
        boolean loopback = ApiConfig.defaults().withBindAddress(bindAddress.get()).loopbackOnly();
        warning.set(loopback ? "" : "Listening on " + bindAddress.get() + " lets other computers on your network reach the API."
                + " Every call still needs a key; anonymous read stays limited to this computer.");
    }
}
