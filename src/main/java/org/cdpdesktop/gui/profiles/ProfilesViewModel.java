package org.cdpdesktop.gui.profiles;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.stream.IntStream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.cdpdesktop.core.Settings;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.db.PendingIndexes;
import org.cdpdesktop.core.export.ExportService;
import org.cdpdesktop.core.query.FieldValues;
import org.cdpdesktop.core.export.ExportFormat;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.store.ProfileBrowser;
import org.cdpdesktop.core.query.ProfileQuery;
import org.cdpdesktop.core.profile.ProfileSort;
import org.cdpdesktop.gui.Activatable;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.ExportFileChooser;
import org.cdpdesktop.gui.Formats;
import org.cdpdesktop.gui.StoreFollower;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.JobsViewModel;
import org.cdpdesktop.gui.task.TaskExecutor;

/**
 * The profiles screen's state: the filter, search and order the user chose, the listing they give (paged in the
 * background), its count, and the selected profile's detail. Each change of filter, search or order replaces the
 * listing; answers to a replaced listing are dropped, so a slow old query never overwrites a newer one. While the
 * screen is shown, every write to the store refreshes the listing, the choices and the detail.
 */
public final class ProfilesViewModel implements Activatable {

    private static final DateTimeFormatter EXPORT_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final ProfileBrowser browser;
    private final FieldValues fieldValues;
    private final ExportService exporter;
    private final ExportFileChooser exportFiles;
    private final Settings settings;
    private final TaskExecutor executor;
    private final JobsViewModel jobs;
    private final ProfileDetailViewModel detail;
    private final PendingIndexes pendingIndexes;

    private final ObjectProperty<ProfileFilter> filter = new SimpleObjectProperty<>(ProfileFilter.NONE);
    private final ObjectProperty<ProfileSort> sort = new SimpleObjectProperty<>(ProfileSort.NATURAL);
    private final StringProperty count = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty indexing = new SimpleStringProperty("");
    private final ObjectProperty<ProfileBrowser.FilterChoices> choices = new SimpleObjectProperty<>(
            new ProfileBrowser.FilterChoices(List.of(), List.of(), List.of(), List.of(), List.of()));
    private final ObjectProperty<List<String>> attributes = new SimpleObjectProperty<>(List.of());

    private final PagedProfiles rows;
    private Task<?> firstPage;
    private Task<?> counter;
    private long generation;
    private final StoreFollower storeChanges;

    /**
     * @param exportFiles asks where an export goes
     * @param detail      the selected profile's detail, reloaded with the listing after a write
     */
    public ProfilesViewModel(ProfileBrowser browser, FieldValues fieldValues, ExportService exporter, ExportFileChooser exportFiles,
                             Settings settings, Database database, PendingIndexes pendingIndexes, TaskExecutor executor,
                             JobsViewModel jobs, ProfileFilterRequests requests, ProfileDetailViewModel detail) {
        this.browser = browser;
        this.fieldValues = fieldValues;
        this.exporter = exporter;
        this.exportFiles = exportFiles;
        this.settings = settings;
        this.storeChanges = new StoreFollower(database, this::reloadAll);
        this.executor = executor;
        this.jobs = jobs;
        this.detail = detail;
        this.pendingIndexes = pendingIndexes;
        this.rows = new PagedProfiles((offset, limit) -> List.of(), executor, this::showFailure);
        filter.addListener((observable, old, now) -> refresh());
        sort.addListener((observable, old, now) -> refresh());
        requests.requestedProperty().addListener((observable, old, requested) -> take(requests));
        take(requests);
    }

    /** Loads the listing, the choices and the detail, and follows the store's writes until {@link #deactivate()}. */
    @Override
    public void activate() {
        storeChanges.activate();
    }

    @Override
    public void deactivate() {
        storeChanges.deactivate();
    }

    private void reloadAll() {
        refresh();
        loadChoices();
        detail.reload();
        loadIndexing();
    }

    /** Says, while the indexes a bulk import left for after its commit are being built, why filters and sorts are slow. */
    private void loadIndexing() {
        BackgroundTask.wrap(pendingIndexes::names)
                .onSuccess(names -> indexing.set(names.isEmpty() ? "" : "Building the filter and sort indexes after the last import ("
                        + Formats.count(names.size(), "index", "indexes") + " to go): filters and sorts may be slow until then."))
                .onFailure(this::showFailure)
                .executeWith(executor);
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
        BackgroundTask.wrap(fieldValues::attributeNames)
                .onSuccess(attributes::set)
                .onFailure(this::showFailure)
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
        jobs.submit(exporter.exportJob(format, out, listing, selection),
                summary -> notice.set("Exported " + Formats.count(summary.profiles(), "profile", "profiles") + " to " + out),
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

    /** The saved column layout; settings are read once at start-up, so this touches no file. */
    ColumnLayout columnLayout() {
        return settings.get(ColumnLayout.SETTING).map(ColumnLayout::parse).orElse(ColumnLayout.DEFAULT);
    }

    /** Saves the layout when it differs from the saved one; laying the table out at its saved widths saves nothing. */
    void saveColumnLayout(ColumnLayout layout) {
        String text = layout.format();
        if (text.equals(columnLayout().format())) {
            return;
        }
        BackgroundTask.wrap(() -> {
                    settings.set(ColumnLayout.SETTING, text);
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
        String profiles = Formats.count(total, "profile", "profiles");
        return filter.get().isEmpty() ? profiles : profiles + " match";
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
    /** Empty unless filter and sort indexes are still being built. */
    public ReadOnlyStringProperty indexingProperty() {
        return indexing;
    }

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

    /** The selected profile's detail. */
    public ProfileDetailViewModel detail() {
        return detail;
    }

    public void clearNotice() {
        notice.set("");
    }
}
