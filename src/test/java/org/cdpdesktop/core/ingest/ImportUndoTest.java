package org.cdpdesktop.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cdpdesktop.core.jobs.JobCancelledException;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.jobs.JobListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportUndoTest {

    @TempDir
    Path folder;
    private ImportFixture store;

    @BeforeEach
    void open() {
        store = new ImportFixture(folder);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private UndoSummary undo(long batchId, AtomicBoolean cancelled) throws Exception {
        return store.importer.undoJob(batchId).run(JobContext.create("test", JobListener.NONE, cancelled));
    }

    @Test
    void undoRemovesTheProfilesTheImportCreatedAndKeepsAndListsThoseItOnlyUpdated() throws Exception {
        store.importFile(store.csv("first.csv", "id,email,city\nA1,a1@x.org,Oslo\nA2,a2@x.org,Rome\n"));
        ImportSummary second = store.importFile(store.csv("second.csv", "id,email,cohort\nA2,a2@x.org,vip\nB1,b1@x.org,vip\nB2,b2@x.org,new\n"));

        UndoPreview preview = store.importer.undoPreview(second.batchId());
        assertThat(preview.created()).isEqualTo(2);
        assertThat(preview.updated()).isEqualTo(1);
        assertThat(preview.updatedExternalIds()).containsExactly("A2");

        UndoSummary summary = undo(second.batchId(), new AtomicBoolean());
        assertThat(summary.removed()).isEqualTo(2);
        assertThat(summary.keptUpdated()).isEqualTo(1);
        assertThat(summary.keptExternalIds()).containsExactly("A2");
        assertThat(store.profiles.findByExternalId("B1")).isEmpty();
        assertThat(store.profiles.findByExternalId("B2")).isEmpty();
        assertThat(store.profile("A1").getCity()).isEqualTo("Oslo");
        assertThat(store.profile("A2").getEmail()).isEqualTo("a2@x.org");
        assertThat(store.count("SELECT count(*) FROM profile_cohort WHERE cohort = 'new'")).isZero();
        assertThat(store.importer.history()).filteredOn(batch -> batch.id() == second.batchId()).singleElement()
                .extracting(ImportBatchRecord::status).isEqualTo("undone");
    }

    @Test
    void aProfileALaterImportUpdatedIsStillRemovedAndCountedInThePreview() throws Exception {
        ImportSummary first = store.importFile(store.csv("first.csv", "id,email\nA1,a1@x.org\nA2,a2@x.org\n"));
        store.importFile(store.csv("later.csv", "id,city\nA1,Oslo\n"));

        assertThat(store.importer.undoPreview(first.batchId()).createdLaterUpdated()).isEqualTo(1);
        UndoSummary summary = undo(first.batchId(), new AtomicBoolean());
        assertThat(summary.removed()).isEqualTo(2);
        assertThat(summary.removedLaterUpdated()).isEqualTo(1);
        assertThat(store.profiles.count()).isZero();
    }

    @Test
    void anImportIsUndoneOnceAndAFailedOneHasNothingToUndo() throws Exception {
        ImportSummary first = store.importFile(store.csv("first.csv", "id\nA1\n"));
        undo(first.batchId(), new AtomicBoolean());

        assertThatThrownBy(() -> undo(first.batchId(), new AtomicBoolean()))
                .isInstanceOf(ImportException.class).hasMessage("The import of first.csv (" + first.batchId() + ") was already undone");
        assertThatThrownBy(() -> store.importer.undoPreview(999)).hasMessage("There is no import 999 in the history");
    }

    @Test
    void aCancelledUndoChangesNothing() throws Exception {
        ImportSummary first = store.importFile(store.csv("first.csv", "id\nA1\nA2\n"));
        assertThatThrownBy(() -> undo(first.batchId(), new AtomicBoolean(true))).isInstanceOf(JobCancelledException.class);
        assertThat(store.profiles.count()).isEqualTo(2);
        assertThat(store.importer.history().get(0).status()).isEqualTo("completed");
    }
}
