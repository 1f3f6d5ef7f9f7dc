package org.cdpdesktop.gui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdpdesktop.gui.FxWait.act;
import static org.cdpdesktop.gui.FxWait.onFx;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cdpdesktop.App;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileFixtures;
import org.cdpdesktop.core.stats.Dashboard;
import org.cdpdesktop.gui.StoreChanges;
import org.cdpdesktop.gui.task.TaskExecutor;
import org.cdpdesktop.gui.FxWait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The dashboard's figures without its window: background work runs at once, answers arrive as FX events. */
class DashboardViewModelTest {

    private static final TaskExecutor AT_ONCE = Runnable::run;

    @TempDir
    Path temp;

    private App app;
    private DashboardViewModel dashboard;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        app = App.open(temp.resolve("data"));
        dashboard = onFx(() -> new DashboardViewModel(app.stats(), app.dashboard(), app.segments(), app.cohortModels(), app.database(), AT_ONCE));
    }

    @AfterEach
    void close() throws Exception {
        act(dashboard::deactivate);
        app.close();
    }

    @Test
    void anEmptyStoreAsksForTheWelcome() throws Exception {
        act(dashboard::activate);

        assertThat(dashboard.emptyProperty().get()).isTrue();
        assertThat(dashboard.profilesProperty().get()).isEqualTo("0");
        assertThat(dashboard.lastImportProperty().get()).isEqualTo("None yet");
    }

    @Test
    void showsTheStoresCountsWithGroupingAndTheLastImportsAccounting() throws Exception {
        ProfileFixtures.saveMany(app.profiles(), 1_200);
        ProfileFixtures.recordImport(app.database(), "customers.csv", "2026-03-01T10:00:00Z");

        act(dashboard::activate);

        assertThat(dashboard.emptyProperty().get()).isFalse();
        assertThat(dashboard.profilesProperty().get()).isEqualTo("1,200");
        assertThat(dashboard.lastImportProperty().get()).startsWith("customers.csv, ").contains(" read, ").doesNotContain("T10:00:00Z");
        assertThat(dashboard.figuresProperty().get().totalProfiles()).isEqualTo(1_200);
    }

    @Test
    void choosingAnotherPeriodReloadsTheSignUpChart() throws Exception {
        act(dashboard::activate);

        act(() -> dashboard.periodProperty().set(Dashboard.Period.WEEK));

        assertThat(dashboard.figuresProperty().get().period()).isEqualTo(Dashboard.Period.WEEK);
    }

    @Test
    void whileShownAWriteRefreshesTheFiguresAndOnceHiddenItNoLongerListens() throws Exception {
        act(dashboard::activate);

        app.profiles().save(profile("ck_1"));
        FxWait.until(10, () -> "1".equals(dashboard.profilesProperty().get()));

        act(dashboard::deactivate);
        app.profiles().save(profile("ck_2"));
        // Proving that nothing happens takes a wait: twice the quiet period after which a listening screen refreshes.
        WaitForAsyncUtils.sleep((long) StoreChanges.QUIET_PERIOD.toMillis() * 2, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dashboard.profilesProperty().get()).isEqualTo("1");
    }

    private static Profile profile(String externalId) {
        return ProfileFixtures.profile(externalId, null, null, null, null, null, null, null, List.of());
    }
}
