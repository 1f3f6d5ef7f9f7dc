package org.cdpdesktop.gui.profiles;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.concurrent.Task;
import org.cdpdesktop.App;
import org.cdpdesktop.core.export.ExportFormat;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.store.ProfileBrowser;
import org.cdpdesktop.core.store.ProfileDetail;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.query.ProfileQuery;
import org.cdpdesktop.core.profile.ProfileSort;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.ExportFileChooser;
import org.cdpdesktop.gui.StoreChanges;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.JobsViewModel;
import org.cdpdesktop.gui.task.TaskExecutor;

/**
 * The profiles screen's state: the filter, search and order the user chose, the listing they give (paged in the
 * background), its count, and the selected profile's detail. Each change of filter, search or order replaces the
 * listing; answers to a replaced listing are dropped, so a slow old query never overwrites a newer one.
 */
public final class ProfilesViewModel {

    private static final DateTimeFormatter EXPORT_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final App app;
    private final TaskExecutor executor;
    private final JobsViewModel jobs;
    private final ProfileBrowser browser;
    private final ExportFileChooser exportFiles;

    private final ObjectProperty<ProfileFilter> filter = new SimpleObjectProperty<>(ProfileFilter.NONE);
    private final ObjectProperty<ProfileSort> sort = new SimpleObjectProperty<>(ProfileSort.NATURAL);
    private final StringProperty count = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final ObjectProperty<ProfileBrowser.FilterChoices> choices = new SimpleObjectProperty<>(
            new ProfileBrowser.FilterChoices(List.of(), List.of(), List.of(), List.of(), List.of()));
    private final ObjectProperty<List<String>> attributes = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<ProfileDetail> detail = new SimpleObjectProperty<>();
    private final BooleanProperty editing = new SimpleBooleanProperty(false);
    private final ObservableMap<ProfileField, String> fieldErrors = FXCollections.observableHashMap();

    private final PagedProfiles rows;
    private Task<?> firstPage;
    private Task<?> counter;
    private Task<?> detailTask;
    private long generation;

    public ProfilesViewModel(App app, TaskExecutor executor, JobsViewModel jobs, ProfileFilterRequests requests,
                             ExportFileChooser exportFiles) {
        this.app = app;
        this.exportFiles = exportFiles;
        this.executor = executor;
        this.jobs = jobs;
        this.browser = app.profileBrowser();
        this.rows = new PagedProfiles((offset, limit) -> List.of(), executor, this::showFailure);
        filter.addListener((observable, old, now) -> refresh());
        sort.addListener((observable, old, now) -> refresh());
        requests.requestedProperty().addListener((observable, old, requested) -> take(requests));
        take(requests);
        StoreChanges.onChange(app.database(), () -> {
            refresh();
            loadChoices();
            reloadDetail();
        });
    }

    /** The dashboard may have asked for a filter before this screen was first opened, or while it is open. */
    private void take(ProfileFilterRequests requests) {
        ProfileFilter requested = requests.requestedProperty().get();
        if (requested != null) {
            requests.requestedProperty().set(null);
            filter.set(requested);
        }
    }

    /** Loads the first page and the count of the current listing; the page usually arrives first and is shown at once. */
    public void refresh() {
        cancel(firstPage);
        cancel(counter);
        long current = ++generation;
        ProfileQuery query = query();
        PagedProfiles paged = rows;
        paged.reset((offset, limit) -> browser.page(query, offset, limit));
        count.set("Counting…");
        message.set("");
        firstPage = BackgroundTask.wrap(() -> browser.page(query, 0, PagedProfiles.PAGE_SIZE))
                .onSuccess(page -> {
                    if (current == generation) {
                        paged.showFirstPage(page);
                    }
                })
                .onFailure(this::showFailure)
                .executeWith(executor);
        counter = BackgroundTask.wrap(() -> browser.count(query))
                .onSuccess(total -> {
                    if (current == generation) {
                        paged.resize(total);
                        count.set(describeCount(total));
                    }
                })
                .onFailure(this::showFailure)
                .executeWith(executor);
    }

    /** Loads the filter bar's choices and the custom attribute names the column chooser offers. */
    public void loadChoices() {
        BackgroundTask.wrap(browser::choices)
                .onSuccess(choices::set)
                .onFailure(this::showFailure)
                .executeWith(executor);
        BackgroundTask.wrap(app.fieldValues()::attributeNames)
                .onSuccess(attributes::set)
                .onFailure(this::showFailure)
                .executeWith(executor);
    }

    /** Shows the detail of {@code profile}, or clears it for {@code null} (a blank row still loading counts as none). */
    public void select(Profile profile) {
        cancel(detailTask);
        if (profile == null || detail.get() == null || !profile.getId().equals(detail.get().profile().getId())) {
            cancelEditing();
        }
        if (profile == null) {
            detail.set(null);
            return;
        }
        long id = profile.getId();
        detailTask = BackgroundTask.wrap(() -> browser.detail(id))
                .onSuccess(found -> detail.set(found.orElse(null)))
                .onFailure(this::showFailure)
                .executeWith(executor);
    }

    private void reloadDetail() {
        Optional.ofNullable(detail.get()).ifPresent(shown -> select(shown.profile()));
    }

    public void startEditing() {
        if (detail.get() != null) {
            fieldErrors.clear();
            editing.set(true);
        }
    }

    public void cancelEditing() {
        fieldErrors.clear();
        editing.set(false);
    }

    /**
     * Saves the typed values of the shown profile through the same cleaning as an import. On a refused field the
     * pane stays in edit mode with the reason next to the field, and nothing is saved.
     */
    public void saveEdits(Map<ProfileField, String> edited) {
        ProfileDetail shown = detail.get();
        if (shown == null) {
            return;
        }
        long id = shown.profile().getId();
        Map<ProfileField, String> values = Map.copyOf(edited);
        BackgroundTask.wrap(() -> app.profileEditor().save(id, values))
                .onSuccess(outcome -> {
                    fieldErrors.clear();
                    if (outcome.ok()) {
                        editing.set(false);
                        message.set("");
                    } else {
                        fieldErrors.putAll(outcome.errors());
                    }
                })
                .onFailure(failure -> message.set("Could not save the profile: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
    }

    /**
     * Exports the current listing (every row of it, not only the loaded ones) or, when {@code selectedRows} is not
     * empty, the rows at those positions, loaded or not, in the order on screen, to the file the user chooses, as a
     * job with progress and cancel.
     */
    public void export(ExportFormat format, List<Integer> selectedRows) {
        ProfileBrowser.Selection selection;
        try {
            selection = selectedRows.isEmpty() ? null : selection(selectedRows);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        ProfileQuery listing = query();
        Optional<Path> chosen = exportFiles.choose(format, "profiles-" + EXPORT_STAMP.format(LocalDateTime.now()));
        if (chosen.isEmpty()) {
            return;
        }
        Path out = chosen.get();
        notice.set("Exporting to " + out + "…");
        jobs.submit(app.exporter().exportJob(format, out, listing, selection),
                summary -> notice.set(String.format("Exported %,d %s to %s", summary.profiles(), summary.profiles() == 1 ? "profile" : "profiles", out)),
                failure -> {
                    notice.set("");
                    message.set("Export failed: " + ErrorDialog.describe(failure));
                });
    }

    /**
     * The selected rows: loaded rows by id, and each run of consecutive rows that holds one not loaded yet (a
     * shift-click or select-all reaches far past what is loaded) by its position in the listing.
     */
    private ProfileBrowser.Selection selection(List<Integer> selectedRows) {
        List<Long> ids = new ArrayList<>();
        List<ProfileBrowser.RowRange> unloaded = new ArrayList<>();
        int[] sorted = selectedRows.stream().mapToInt(Integer::intValue).filter(row -> row >= 0 && row < rows.size()).sorted()
                .distinct().toArray();
        int start = 0;
        while (start < sorted.length) {
            int end = start;
            while (end + 1 < sorted.length && sorted[end + 1] == sorted[end] + 1) {
                end++;
            }
            int first = sorted[start];
            int last = sorted[end];
            if (IntStream.rangeClosed(first, last).allMatch(row -> rows.loaded(row) != null)) {
                IntStream.rangeClosed(first, last).forEach(row -> ids.add(rows.loaded(row).getId()));
            } else {
                unloaded.add(new ProfileBrowser.RowRange(first, last - first + 1L));
            }
            start = end + 1;
        }
        return new ProfileBrowser.Selection(ids, unloaded);
    }

    /** Deletes the profile shown in the detail; the listing and count refresh when the store reports the change. */
    public void deleteShown() {
        ProfileDetail shown = detail.get();
        if (shown == null) {
            return;
        }
        long id = shown.profile().getId();
        BackgroundTask.wrap(() -> app.profiles().delete(id))
                .onSuccess(deleted -> {
                    detail.set(null);
                    message.set(deleted ? "Deleted " + shown.profile().displayName() + "." : "That profile was already gone.");
                })
                .onFailure(this::showFailure)
                .executeWith(executor);
    }

    /** The saved column layout; settings are read once at start-up, so this touches no file. */
    ColumnLayout columnLayout() {
        return app.settings().get(ColumnLayout.SETTING).map(ColumnLayout::parse).orElse(ColumnLayout.DEFAULT);
    }

    /** Saves the layout when it differs from the saved one; laying the table out at its saved widths saves nothing. */
    void saveColumnLayout(ColumnLayout layout) {
        String text = layout.format();
        if (text.equals(columnLayout().format())) {
            return;
        }
        BackgroundTask.wrap(() -> {
                    app.settings().set(ColumnLayout.SETTING, text);
                    return text;
                })
                .onFailure(failure -> message.set("Could not save the column layout: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
    }

    /** Runs {@code action} whenever rows of the listing have loaded in the background. */
    void onRowsArrived(Runnable action) {
        rows.onRowsArrived(action);
    }

    ProfileQuery query() {
        return filter.get().toQuery(sort.get());
    }

    private String describeCount(long total) {
        if (filter.get().isEmpty()) {
            return String.format("%,d %s", total, total == 1 ? "profile" : "profiles");
        }
        return String.format("%,d %s match", total, total == 1 ? "profile" : "profiles");
    }

    private void showFailure(Throwable failure) {
        message.set("Could not read profiles: " + ErrorDialog.describe(failure));
    }

    private static void cancel(Task<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }

    public ObjectProperty<ProfileFilter> filterProperty() {
        return filter;
    }

    public ObjectProperty<ProfileSort> sortProperty() {
        return sort;
    }

    /** The listing's rows: one list for the screen's life, refilled for each new filter, search or order. */
    public ObservableList<Profile> rows() {
        return rows;
    }

    public ReadOnlyStringProperty countProperty() {
        return count;
    }

    /** What just happened that the user should know, e.g. where an export was written. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyObjectProperty<ProfileBrowser.FilterChoices> choicesProperty() {
        return choices;
    }

    public ReadOnlyObjectProperty<List<String>> attributesProperty() {
        return attributes;
    }

    public ReadOnlyObjectProperty<ProfileDetail> detailProperty() {
        return detail;
    }

    public BooleanProperty editingProperty() {
        return editing;
    }

    public ObservableMap<ProfileField, String> fieldErrors() {
        return fieldErrors;
    }
}
