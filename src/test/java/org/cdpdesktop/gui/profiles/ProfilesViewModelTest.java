package org.cdpdesktop.gui.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdpdesktop.gui.FxWait.act;
import static org.cdpdesktop.gui.FxWait.onFx;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cdpdesktop.App;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.profile.ProfileFixtures;
import org.cdpdesktop.gui.Dialogs;
import org.cdpdesktop.gui.StoreChanges;
import org.cdpdesktop.gui.model.CohortExplanation;
import org.cdpdesktop.gui.task.JobsViewModel;
import org.cdpdesktop.gui.task.TaskExecutor;
import org.cdpdesktop.gui.FxWait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The profiles screen's logic without its window: background work runs at once, answers arrive as FX events. */
class ProfilesViewModelTest {

    private static final TaskExecutor AT_ONCE = Runnable::run;

    @TempDir
    Path temp;

    private App app;
    private List<Profile> five;
    private boolean deleteConfirmed;
    private ProfileDetailViewModel detail;
    private ProfilesViewModel profiles;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        app = App.open(temp.resolve("data"));
        five = ProfileFixtures.saveFive(app.profiles());
        Dialogs dialogs = (title, question, details, action) -> deleteConfirmed;
        detail = onFx(() -> new ProfileDetailViewModel(app.profileBrowser(), app.profileEditor(), app.profiles(),
                new CohortExplanation(app.cohortModels(), AT_ONCE), AT_ONCE, dialogs));
        profiles = onFx(() -> new ProfilesViewModel(app.profileBrowser(), app.fieldValues(), app.exporter(), (format, name) -> Optional.of(temp.resolve(name + "." + format.name().toLowerCase(java.util.Locale.ROOT))),
                app.settings(), app.database(), app.pendingIndexes(), AT_ONCE, new JobsViewModel(app.jobs()), new ProfileFilterRequests(), detail));
    }

    @AfterEach
    void close() throws Exception {
        act(profiles::deactivate);
        app.close();
    }

    @Test
    void activatingListsAndCountsTheStore() throws Exception {
        act(profiles::activate);

        assertThat(profiles.countProperty().get()).isEqualTo("5 profiles");
        assertThat(profiles.rows()).hasSize(5).doesNotContainNull();
    }

    @Test
    void aFilterNarrowsTheListingAndTheCountSaysMatch() throws Exception {
        act(profiles::activate);

        act(() -> profiles.filterProperty().set(ProfileFilter.country("Canada")));

        assertThat(profiles.countProperty().get()).isEqualTo("3 profiles match");
        assertThat(profiles.rows()).extracting(Profile::getCountry).containsOnly("Canada");
    }

    @Test
    void whileShownAWriteRefreshesTheCountAndOnceHiddenItNoLongerListens() throws Exception {
        act(profiles::activate);

        app.profiles().save(ProfileFixtures.profile("ck_new", "new@example.org", null, null, null, null, null, null, List.of()));
        FxWait.until(10, () -> "6 profiles".equals(profiles.countProperty().get()));

        act(profiles::deactivate);
        app.profiles().save(ProfileFixtures.profile("ck_newer", "newer@example.org", null, null, null, null, null, null, List.of()));
        // Proving that nothing happens takes a wait: twice the quiet period after which a listening screen refreshes.
        WaitForAsyncUtils.sleep((long) StoreChanges.QUIET_PERIOD.toMillis() * 2, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(profiles.countProperty().get()).isEqualTo("6 profiles");
    }

    @Test
    void aValidEditIsSavedShownAndConfirmed() throws Exception {
        act(() -> detail.select(five.get(0)));
        act(detail::startEditing);

        act(() -> detail.saveEdits(Map.of(ProfileField.CITY, "Ottawa")));

        assertThat(detail.editingProperty().get()).isFalse();
        assertThat(detail.detailProperty().get().profile().getCity()).isEqualTo("Ottawa");
        assertThat(detail.noticeProperty().get()).isEqualTo("Saved the changes to Ann Lee.");
    }

    @Test
    void aRefusedEditSavesNothingAndExplainsTheField() throws Exception {
        act(() -> detail.select(five.get(0)));
        act(detail::startEditing);

        act(() -> detail.saveEdits(Map.of(ProfileField.EMAIL, "ann.lee@", ProfileField.CITY, "Ottawa")));

        assertThat(detail.editingProperty().get()).isTrue();
        assertThat(detail.fieldErrors()).containsKey(ProfileField.EMAIL);
        assertThat(app.profiles().findById(five.get(0).getId()).orElseThrow().getCity()).isEqualTo("Toronto");
    }

    @Test
    void deletingAsksFirstAndADeclinedDeleteKeepsTheProfile() throws Exception {
        act(() -> detail.select(five.get(0)));

        deleteConfirmed = false;
        act(detail::deleteShown);
        assertThat(app.profiles().findById(five.get(0).getId())).isPresent();
        assertThat(detail.detailProperty().get()).isNotNull();

        deleteConfirmed = true;
        act(detail::deleteShown);
        assertThat(app.profiles().findById(five.get(0).getId())).isEmpty();
        assertThat(detail.detailProperty().get()).isNull();
        assertThat(detail.noticeProperty().get()).isEqualTo("Deleted Ann Lee.");
    }
}
