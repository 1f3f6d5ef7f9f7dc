package org.cdpdesktop.gui;

import javafx.util.Callback;
import org.cdpdesktop.App;
import org.cdpdesktop.gui.dashboard.DashboardView;
import org.cdpdesktop.gui.dashboard.DashboardViewModel;
import org.cdpdesktop.gui.importer.ImportCoordinator;
import org.cdpdesktop.gui.importer.ImportView;
import org.cdpdesktop.gui.importer.ImportViewModel;
import org.cdpdesktop.gui.profiles.ProfileFilterRequests;
import org.cdpdesktop.gui.profiles.ProfilesView;
import org.cdpdesktop.gui.profiles.ProfilesViewModel;
import org.cdpdesktop.gui.segments.SegmentsView;
import org.cdpdesktop.gui.segments.SegmentsViewModel;
import org.cdpdesktop.gui.shell.MainView;
import org.cdpdesktop.gui.shell.MainViewModel;
import org.cdpdesktop.gui.task.JobsViewModel;
import org.cdpdesktop.gui.task.TaskExecutor;

/** Builds each view's controller with its view-model and services; fails fast on a controller it doesn't know. */
public final class ControllerFactory implements Callback<Class<?>, Object> {

    private final App app;
    private final TaskExecutor executor;
    private final JobsViewModel jobs;
    private final ImportCoordinator imports;
    private final Navigator navigator = new Navigator();
    private final ViewLoader viewLoader = new ViewLoader(this);
    private final ProfileFilterRequests profileFilterRequests = new ProfileFilterRequests();

    private final ExportFileChooser exportFiles;

    public ControllerFactory(App app, TaskExecutor executor, ExportFileChooser exportFiles) {
        this.app = app;
        this.executor = executor;
        this.exportFiles = exportFiles;
        this.jobs = new JobsViewModel(app.jobs());
        this.imports = new ImportCoordinator(app, executor, jobs);
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
            return new MainView(new MainViewModel(app, executor), jobs, navigator, viewLoader, imports);
        }
        if (type == DashboardView.class) {
            return new DashboardView(new DashboardViewModel(app, executor), navigator, imports, profileFilterRequests);
        }
        if (type == ImportView.class) {
            return new ImportView(new ImportViewModel(app, executor), imports, executor);
        }
        if (type == ProfilesView.class) {
            return new ProfilesView(new ProfilesViewModel(app, executor, jobs, profileFilterRequests, exportFiles));
        }
        if (type == SegmentsView.class) {
            return new SegmentsView(dialogs -> new SegmentsViewModel(new SegmentsViewModel.Services(app.database(),
                    app.segments(), app.cohorts(), app.fieldValues(), app.exporter()), executor, jobs, dialogs, exportFiles));
        }
        throw new IllegalArgumentException("No controller registered for " + type.getName());
    }
}
