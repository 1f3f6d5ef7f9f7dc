package org.cdpdesktop.gui.profiles;

import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.concurrent.Task;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.store.ProfileBrowser;
import org.cdpdesktop.core.store.ProfileDetail;
import org.cdpdesktop.core.store.ProfileEditor;
import org.cdpdesktop.core.store.ProfileStore;
import org.cdpdesktop.gui.Dialogs;
import org.cdpdesktop.gui.model.CohortExplanation;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.TaskExecutor;

/**
 * The selected profile's detail: everything the store knows about it, editing with the import's own validation, and
 * deleting after a confirmation. Outcomes are told through {@link #noticeProperty()} and {@link #messageProperty()}.
 */
public final class ProfileDetailViewModel {

    private final ProfileBrowser browser;
    private final CohortExplanation cohortExplanation;
    private final ProfileEditor editor;
    private final ProfileStore store;
    private final TaskExecutor executor;
    private final Dialogs dialogs;

    private final ObjectProperty<ProfileDetail> detail = new SimpleObjectProperty<>();
    private final BooleanProperty editing = new SimpleBooleanProperty(false);
    private final ObservableMap<ProfileField, String> fieldErrors = FXCollections.observableHashMap();
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private Task<?> detailTask;

    public ProfileDetailViewModel(ProfileBrowser browser, ProfileEditor editor, ProfileStore store, CohortExplanation cohortExplanation,
                                  TaskExecutor executor, Dialogs dialogs) {
        this.browser = browser;
        this.cohortExplanation = cohortExplanation;
        this.editor = editor;
        this.store = store;
        this.executor = executor;
        this.dialogs = dialogs;
    }

    /** The predicted cohort of a profile and the terms behind it, for the detail's section. */
    public CohortExplanation cohortExplanation() {
        return cohortExplanation;
    }

    /** Shows the detail of {@code profile}; {@code null} (a row still loading) keeps what is shown. */
    public void select(Profile profile) {
        if (profile == null) {
            return;
        }
        if (detail.get() == null || !profile.getId().equals(detail.get().profile().getId())) {
            cancelEditing();
        }
        load(profile.getId());
    }

    private void load(long id) {
        if (detailTask != null) {
            detailTask.cancel(false);
        }
        detailTask = BackgroundTask.wrap(() -> browser.detail(id))
                .onSuccess(found -> {
                    if (found.isEmpty()) {
                        cancelEditing();
                    }
                    detail.set(found.orElse(null));
                })
                .onFailure(failure -> message.set("Could not read the profile: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
    }

    /** Reads the shown profile again after a write to the store; a profile deleted elsewhere leaves the pane. */
    public void reload() {
        Optional.ofNullable(detail.get()).ifPresent(shown -> load(shown.profile().getId()));
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
     * pane stays in edit mode with the reason next to the field, and nothing is saved; a saved edit shows the saved
     * profile and says so.
     */
    public void saveEdits(Map<ProfileField, String> edited) {
        ProfileDetail shown = detail.get();
        if (shown == null) {
            return;
        }
        long id = shown.profile().getId();
        Map<ProfileField, String> values = Map.copyOf(edited);
        BackgroundTask.wrap(() -> editor.save(id, values))
                .onSuccess(outcome -> {
                    fieldErrors.clear();
                    if (outcome.ok()) {
                        editing.set(false);
                        message.set("");
                        notice.set(values.isEmpty() ? "Nothing changed." : "Saved the changes to " + shown.profile().displayName() + ".");
                        load(id);
                    } else {
                        fieldErrors.putAll(outcome.errors());
                    }
                })
                .onFailure(failure -> message.set("Could not save the profile: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
    }

    /** Asks, then deletes the shown profile; the listing and count refresh when the store reports the change. */
    public void deleteShown() {
        ProfileDetail shown = detail.get();
        if (shown == null) {
            return;
        }
        String name = shown.profile().displayName();
        if (!dialogs.confirm("Delete profile", "Delete " + name + "?",
                "Its cohorts, segment memberships and import history go with it. This cannot be undone.", "Delete")) {
            return;
        }
        long id = shown.profile().getId();
        BackgroundTask.wrap(() -> store.delete(id))
                .onSuccess(deleted -> {
                    cancelEditing();
                    detail.set(null);
                    notice.set(deleted ? "Deleted " + name + "." : "That profile was already gone.");
                })
                .onFailure(failure -> message.set("Could not delete the profile: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
    }

    public ReadOnlyObjectProperty<ProfileDetail> detailProperty() {
        return detail;
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing;
    }

    public ObservableMap<ProfileField, String> fieldErrors() {
        return fieldErrors;
    }

    /** What just happened, e.g. a saved edit; it fades after a while. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    public void clearNotice() {
        notice.set("");
    }

    /** What went wrong. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
