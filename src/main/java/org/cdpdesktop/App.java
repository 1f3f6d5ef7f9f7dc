package org.cdpdesktop;

import java.nio.file.Path;
import org.cdpdesktop.core.DataDirectory;
import org.cdpdesktop.core.Settings;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.jobs.JobRunner;
import org.cdpdesktop.core.profile.ProfileBrowser;
import org.cdpdesktop.core.profile.ProfileStore;
import org.cdpdesktop.core.stats.DashboardService;
import org.cdpdesktop.core.stats.StatsService;

/** The composition root: builds every service once, on one data folder, and hands them to the doors. */
public final class App implements AutoCloseable {

    private final DataDirectory dataDirectory;
    private final Settings settings;
    private final Database database;
    private final JobRunner jobs;
    private final ProfileStore profiles;
    private final StatsService stats;
    private final ProfileBrowser profileBrowser;
    private final DashboardService dashboard;

    private App(DataDirectory dataDirectory) {
        this.dataDirectory = dataDirectory;
        this.settings = Settings.load(dataDirectory.settings());
        this.database = Database.open(dataDirectory.database());
        this.jobs = new JobRunner(2);
        this.profiles = new ProfileStore(database);
        this.stats = new StatsService(database);
        this.profileBrowser = new ProfileBrowser(database);
        this.dashboard = new DashboardService(database);
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

    @Override
    public void close() {
        jobs.close();
        database.close();
    }
}
