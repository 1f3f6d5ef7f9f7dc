package org.cdpdesktop.gui.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdpdesktop.gui.FxWait.act;
import static org.cdpdesktop.gui.FxWait.onFx;
import static org.cdpdesktop.gui.importer.DesktopFixture.waitUntil;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cdpdesktop.App;
import org.cdpdesktop.core.ingest.ImportBatchRecord;
import org.cdpdesktop.core.ingest.ImportFiles;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.gui.UiServices;
import org.cdpdesktop.gui.task.JobsViewModel;
import org.cdpdesktop.gui.task.TaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The Import screen's history and undo without its window: background reads run at once, the user's answers are given. */
class ImportViewModelTest {

    private static final TaskExecutor AT_ONCE = Runnable::run;

    @TempDir
    Path temp;

    private App app;
    private final Answers ui = new Answers();

    /** Answers every question as told and keeps what was asked. */
    private static final class Answers implements UiServices {
        boolean confirm;
        final List<String> asked = new ArrayList<>();

        @Override
        public boolean confirm(String title, String message, String confirmLabel) {
            asked.add(title + "|" + message + "|" + confirmLabel);
            return confirm;
        }

        @Override
        public void inform(String title, String message) {
            asked.add(title + "|" + message);
        }

        @Override
        public void openFolder(Path folder) {
            throw new UnsupportedOperationException("not asked for here");
        }
    }

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void openApp() {
        app = App.open(temp.resolve("data"));
    }

    @AfterEach
    void closeApp() {
        app.close();
    }

    @Test
    void declinedConfirmationSaysWhatWouldGoAndStayAndRemovesNothing() throws Exception {
        importFile("first.csv", "id,email\nA1,a1@x.org\n");
        importFile("second.csv", "id,email\nA1,a1@x.org\nB1,b1@x.org\nB2,b2@x.org\n");
        ImportViewModel screen = onFx(() -> new ImportViewModel(app.importer(), app.database(), app.settings(), AT_ONCE,
                new JobsViewModel(app.jobs()), ui));
        act(screen::refresh);
        ImportBatchRecord second = screen.history().get(0);
        assertThat(screen.canUndo(second)).isTrue();

        act(() -> screen.undo(second));

        assertThat(ui.asked).singleElement().isEqualTo("Undo the import of second.csv?|This removes the 2 profiles that second.csv"
                + " created, with their cohorts and segment memberships.\n\nThe 1 profile it only updated is kept as it is now (earlier"
                + " values are not stored): A1.\n\nSegment snapshots are taken again afterwards. An undone import cannot be"
                + " redone; import the file again instead.|Remove 2 profiles");
        assertThat(app.profiles().count()).isEqualTo(3);
    }

    @Test
    void confirmedUndoRemovesTheCreatedProfilesAndReportsThem() throws Exception {
        importFile("first.csv", "id,email\nA1,a1@x.org\nA2,a2@x.org\n");
        ImportViewModel screen = onFx(() -> new ImportViewModel(app.importer(), app.database(), app.settings(), AT_ONCE,
                new JobsViewModel(app.jobs()), ui));
        act(screen::refresh);
        ui.confirm = true;

        act(() -> screen.undo(screen.history().get(0)));

        waitUntil(() -> !screen.messageProperty().get().isEmpty());
        assertThat(screen.messageProperty().get()).isEqualTo("Undid the import of first.csv: removed 2 profiles.");
        assertThat(app.profiles().count()).isZero();
        waitUntil(() -> screen.history().get(0).status().equals("undone"));
        assertThat(screen.canUndo(screen.history().get(0))).isFalse();
    }

    private void importFile(String name, String content) throws Exception {
        Path file = Files.writeString(temp.resolve(name), content, StandardCharsets.UTF_8);
        app.importer().importJob(file, ImportFiles.defaultOptions(file)).run(JobContext.create("test", JobListener.NONE,
                new java.util.concurrent.atomic.AtomicBoolean()));
    }
}
