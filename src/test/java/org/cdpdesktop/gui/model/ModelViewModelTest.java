package org.cdpdesktop.gui.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdpdesktop.gui.FxWait.act;
import static org.cdpdesktop.gui.FxWait.onFx;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cdpdesktop.App;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileFixtures;
import org.cdpdesktop.gui.StoreChanges;
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

/** The Model screen's state without its window: background work runs at once, answers arrive as FX events. */
class ModelViewModelTest {

    private static final TaskExecutor AT_ONCE = Runnable::run;

    @TempDir
    Path temp;

    private App app;
    private ModelViewModel screen;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        app = App.open(temp.resolve("data"));
        screen = onFx(() -> new ModelViewModel(app.cohortModels(), app.segments(), app.database(), AT_ONCE, new JobsViewModel(app.jobs())));
    }

    @AfterEach
    void close() throws Exception {
        act(screen::deactivate);
        app.close();
    }

    @Test
    void shownItListsTheBundledModelAsActiveAndMeasuresDriftAgainstTheStore() throws Exception {
        act(screen::activate);

        String active = app.cohortModels().registry().activeId().orElseThrow();
        assertThat(screen.activeIdProperty().get()).isEqualTo(active);
        assertThat(screen.driftProperty().get().modelId()).isEqualTo(active);
        assertThat(screen.driftProperty().get().currentRows()).isZero();
    }

    @Test
    void whileShownAWriteRemeasuresDriftAndOnceHiddenItNoLongerListens() throws Exception {
        act(screen::activate);

        app.profiles().save(profile("ck_1"));
        FxWait.until(10, () -> screen.driftProperty().get() != null && screen.driftProperty().get().currentRows() == 1);

        act(screen::deactivate);
        app.profiles().save(profile("ck_2"));
        // Proving that nothing happens takes a wait: twice the quiet period after which a listening screen refreshes.
        WaitForAsyncUtils.sleep((long) StoreChanges.QUIET_PERIOD.toMillis() * 2, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(screen.driftProperty().get().currentRows()).isEqualTo(1);

        act(screen::activate);
        assertThat(screen.driftProperty().get().currentRows()).isEqualTo(2);
    }

    private static Profile profile(String externalId) {
        return ProfileFixtures.profile(externalId, null, null, null, null, null, null, null, List.of("travel"));
    }
}
