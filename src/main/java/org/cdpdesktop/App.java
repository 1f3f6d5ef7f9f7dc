package org.cdpdesktop;

import java.nio.file.Path;
import org.cdpdesktop.core.DataDirectory;
import org.cdpdesktop.core.Settings;
import org.cdpdesktop.core.access.ApiKeys;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.db.PendingIndexes;
import org.cdpdesktop.core.export.ExportService;
import org.cdpdesktop.core.clean.FieldCleaner;
import org.cdpdesktop.core.ingest.ImportService;
import org.cdpdesktop.core.ingest.MappingPresets;
import org.cdpdesktop.core.jobs.FollowUpJobs;
import org.cdpdesktop.core.jobs.JobRunner;
import org.cdpdesktop.core.model.CohortModelService;
import org.cdpdesktop.core.model.ModelRegistry;
import org.cdpdesktop.core.store.ProfileBrowser;
import org.cdpdesktop.core.store.ProfileEditor;
import org.cdpdesktop.core.store.ProfileStore;
import org.cdpdesktop.core.stats.DashboardService;
import org.cdpdesktop.core.segment.CohortService;
import org.cdpdesktop.core.query.FieldValues;
import org.cdpdesktop.core.segment.SegmentInsights;
import org.cdpdesktop.core.segment.Lookalikes;
import org.cdpdesktop.core.segment.SegmentOverlap;
import org.cdpdesktop.core.segment.SegmentService;
import org.cdpdesktop.core.stats.StatsService;
import org.cdpdesktop.core.stream.StreamService;

/** The composition root: builds every service once, on one data folder, and hands them to the doors. */
public final class App implements AutoCloseable {

    private final DataDirectory dataDirectory;
    private final Settings settings;
    private final Database database;
    private final JobRunner jobs;
    private final FollowUpJobs followUps;
    private final ProfileStore profiles;
    private final StatsService stats;
    private final ProfileBrowser profileBrowser;
    private final DashboardService dashboard;
    private final ProfileEditor profileEditor;
    private final FieldCleaner cleaner;
    private final ImportService importer;
    private final MappingPresets presets;
    private final ExportService exporter;
    private final SegmentService segments;
    private final SegmentInsights segmentInsights;
    private final SegmentOverlap segmentOverlap;
    private final Lookalikes lookalikes;
    private final CohortService cohorts;
    private final FieldValues fieldValues;
    private final CohortModelService cohortModels;
    private final ApiKeys apiKeys;
    private final StreamService stream;
    private final PendingIndexes pendingIndexes;

    private App(DataDirectory dataDirectory) {
        this.dataDirectory = dataDirectory;
        this.settings = Settings.load(dataDirectory.settings());
        this.database = Database.open(dataDirectory.database());
        this.jobs = new JobRunner(2);
        this.followUps = new FollowUpJobs(jobs);
        this.profiles = new ProfileStore(database);
        this.stats = new StatsService(database);
        this.profileBrowser = new ProfileBrowser(database);
        this.dashboard = new DashboardService(database);
        this.cleaner = new FieldCleaner();
        this.importer = new ImportService(database, dataDirectory, cleaner);
        this.presets = new MappingPresets(dataDirectory.presets());
        this.profileEditor = new ProfileEditor(profiles, cleaner);
        this.exporter = new ExportService(database, profileBrowser);
        this.segments = new SegmentService(database);
        this.segmentInsights = new SegmentInsights(database, segments);
        this.segmentOverlap = new SegmentOverlap(segments);
        this.lookalikes = new Lookalikes(database, segments);
        this.cohorts = new CohortService(database);
        this.fieldValues = new FieldValues(database);
        this.apiKeys = new ApiKeys(database);
        importer.onImported(summary -> {
            if (summary.inserted() + summary.updated() > 0 && !lookalikes.names().isEmpty()) {
                followUps.submit(lookalikes.rescoreJob());
            }
        });
        importer.onImported(summary -> segments.snapshotChanges("import"));
        this.pendingIndexes = new PendingIndexes(database);
        importer.onImported(summary -> resumeUnfinishedWork());
        importer.onUndone(summary -> segments.snapshotAll("undo import"));
        this.cohortModels = new CohortModelService(database, new ModelRegistry(dataDirectory.models()));
        cohortModels.onPredicted(prediction -> segments.snapshotChanges("prediction"));
        cohortModels.installBundledModel();
        this.stream = new StreamService(database, importer, presets, settings, dataDirectory.rejects());
        stream.onChangedProfiles(cohortModels::predictProfiles);
    }

    public static App open(Path dataDirectory) {
        return new App(DataDirectory.open(dataDirectory));
    }

    public DataDirectory dataDirectory() {
        return dataDirectory;
    }

    public Settings settings() {
        return settings;
    }

    public Database database() {
        return database;
    }

    public JobRunner jobs() {
        return jobs;
    }

    /**
     * Starts, as follow-up jobs, work a bulk import leaves for after its commit (filter and sort indexes), including
     * what an earlier run left unfinished; a door calls it once it watches {@link #followUps()}.
     */
    public void resumeUnfinishedWork() {
        if (!pendingIndexes.names().isEmpty()) {
            followUps.submit(pendingIndexes.buildJob());
        }
    }

    /** The filter and sort indexes still to build after a bulk import. */
    public PendingIndexes pendingIndexes() {
        return pendingIndexes;
    }

    /** Background work that follows an import (rescoring lookalikes), as jobs of {@link #jobs()}. */
    public FollowUpJobs followUps() {
        return followUps;
    }

    public ProfileStore profiles() {
        return profiles;
    }

    public StatsService stats() {
        return stats;
    }

    public ProfileBrowser profileBrowser() {
        return profileBrowser;
    }

    public DashboardService dashboard() {
        return dashboard;
    }

    /** Profile edits, validated by the same {@link #cleaner()} as imports. */
    public ProfileEditor profileEditor() {
        return profileEditor;
    }

    /** The one cleaner every ingest path and profile edit shares. */
    public FieldCleaner cleaner() {
        return cleaner;
    }

    public ImportService importer() {
        return importer;
    }

    public MappingPresets presets() {
        return presets;
    }

    public ExportService exporter() {
        return exporter;
    }

    public SegmentService segments() {
        return segments;
    }

    public SegmentInsights segmentInsights() {
        return segmentInsights;
    }

    public SegmentOverlap segmentOverlap() {
        return segmentOverlap;
    }

    public Lookalikes lookalikes() {
        return lookalikes;
    }

    public CohortService cohorts() {
        return cohorts;
    }

    public FieldValues fieldValues() {
        return fieldValues;
    }

    /** Training, the model registry and predictions. */
    public CohortModelService cohortModels() {
        return cohortModels;
    }

    /** Keys for the local REST API, kept as salted hashes. */
    public ApiKeys apiKeys() {
        return apiKeys;
    }

    /** The Kafka consumer; with Predict ticked, the active cohort model predicts each batch's new and changed profiles. */
    public StreamService stream() {
        return stream;
    }

    @Override
    public void close() {
        stream.close();
        jobs.close();
        profileBrowser.close();
        database.close();
    }
}
