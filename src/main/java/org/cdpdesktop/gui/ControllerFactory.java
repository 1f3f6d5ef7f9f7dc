package org.cdpdesktop.gui;

import javafx.util.Callback;
import org.cdpdesktop.App;
import org.cdpdesktop.gui.api.ApiView;
import org.cdpdesktop.gui.api.ApiViewModel;
import org.cdpdesktop.rest.ApiServer;
import org.cdpdesktop.rest.CohortModelEndpoints;
import org.cdpdesktop.gui.dashboard.DashboardView;
import org.cdpdesktop.gui.dashboard.DashboardViewModel;
import org.cdpdesktop.gui.importer.ImportCoordinator;
import org.cdpdesktop.gui.importer.ImportView;
import org.cdpdesktop.gui.importer.ImportViewModel;
import org.cdpdesktop.gui.profiles.ProfileDetailViewModel;
import org.cdpdesktop.gui.model.CohortExplanation;
import org.cdpdesktop.gui.model.ModelView;
import org.cdpdesktop.gui.model.ModelViewModel;
import org.cdpdesktop.gui.profiles.ProfileFilterRequests;
import org.cdpdesktop.gui.profiles.ProfilesView;
import org.cdpdesktop.gui.profiles.ProfilesViewModel;
import org.cdpdesktop.gui.segments.SegmentsView;
import org.cdpdesktop.gui.segments.SegmentsViewModel;
import org.cdpdesktop.gui.shell.MainView;
import org.cdpdesktop.gui.shell.MainViewModel;
import org.cdpdesktop.gui.stream.StreamView;
import org.cdpdesktop.gui.stream.StreamViewModel;
import org.cdpdesktop.gui.task.JobsViewModel;
import org.cdpdesktop.gui.task.TaskExecutor;

/** Builds each view's controller with its view-model and services; fails fast on a controller it doesn't know. */
public final class ControllerFactory implements Callback<Class<?>, Object> {

    private final App app;
    private final TaskExecutor executor;
    private final JobsViewModel jobs;
    private final ImportCoordinator imports;
    private final Dialogs dialogs;
    private final Navigator navigator = new Navigator();
    private final ViewLoader viewLoader = new ViewLoader(this);
    private final ProfileFilterRequests profileFilterRequests = new ProfileFilterRequests();
    private final UiServices ui = new FxUiServices();

    private final ExportFileChooser exportFiles;
    /** One API server for the window, started and stopped from the API screen. */
    private final ApiServer apiServer;

    public ControllerFactory(App app, TaskExecutor executor, ExportFileChooser exportFiles, Dialogs dialogs) {
        this.app = app;
        this.executor = executor;
        this.exportFiles = exportFiles;
        this.dialogs = dialogs;
        this.jobs = new JobsViewModel(app.jobs());
        this.imports = new ImportCoordinator(app.importer(), app.presets(), app.profileBrowser(), app.profiles(), app.cohortModels(),
                app.settings(), app.dataDirectory(), executor, jobs, ui);
        this.apiServer = new ApiServer(app, new CohortModelEndpoints(app.cohortModels(), app.jobs()));
        app.followUps().startWith(jobs::submitLater);
        app.resumeUnfinishedWork();
    }

    public ViewLoader viewLoader() {
        return viewLoader;
    }

    /** Where files opened with the app join the import queue, as dropped ones do. */
    public ImportCoordinator imports() {
        return imports;
    }

    @Override
    public Object call(Class<?> type) {
        if (type == MainView.class) {
            return new MainView(new MainViewModel(app.profiles(), app.database(), executor), jobs, navigator, viewLoader, imports);
        }
        if (type == DashboardView.class) {
            return new DashboardView(new DashboardViewModel(app.stats(), app.dashboard(), app.segments(), app.cohortModels(), app.database(), executor),
                    navigator, imports, profileFilterRequests);
        }
        if (type == ImportView.class) {
            return new ImportView(new ImportViewModel(app.importer(), app.database(), app.settings(), executor, jobs, ui),
                    imports, executor, navigator, profileFilterRequests);
        }
        if (type == ProfilesView.class) {
            ProfileDetailViewModel detail = new ProfileDetailViewModel(app.profileBrowser(), app.profileEditor(), app.profiles(),
                    new CohortExplanation(app.cohortModels(), executor), executor, dialogs);
            return new ProfilesView(new ProfilesViewModel(app.profileBrowser(), app.fieldValues(), app.exporter(), exportFiles,
                    app.settings(), app.database(), app.pendingIndexes(), executor, jobs, profileFilterRequests, detail));
        }
        if (type == ApiView.class) {
            return new ApiView(new ApiViewModel(app.settings(), app.apiKeys(), apiServer, executor));
        }
        if (type == SegmentsView.class) {
            return new SegmentsView(segmentDialogs -> new SegmentsViewModel(new SegmentsViewModel.Services(app.database(),
                    app.segments(), app.cohorts(), app.fieldValues(), app.exporter(), app.segmentInsights(), app.segmentOverlap(), app.lookalikes()), executor, jobs,
                    segmentDialogs, exportFiles));
        }
        if (type == ModelView.class) {
            return new ModelView(new ModelViewModel(app.cohortModels(), app.segments(), app.database(), executor, jobs));
        }
        if (type == StreamView.class) {
            return new StreamView(new StreamViewModel(app.stream(), app.presets(), app.cohortModels(), executor));
        }
        throw new IllegalArgumentException("No controller registered for " + type.getName());
    }
}
