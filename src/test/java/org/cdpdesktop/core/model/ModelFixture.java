package org.cdpdesktop.core.model;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cdpdesktop.core.DataDirectory;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.core.profile.JsonColumns;

/** A data folder with a real store and model registry, and a quick way to add labelled profiles. */
final class ModelFixture implements AutoCloseable {

    final DataDirectory data;
    final Database database;
    final CohortModelService models;
    private int next;

    ModelFixture(Path folder) {
        this.data = DataDirectory.open(folder);
        this.database = Database.open(data.database());
        this.models = new CohortModelService(database, new ModelRegistry(data.models()));
    }

    /** Adds {@code count} profiles with these interests and bio, each carrying the imported cohort (none when null). */
    void profiles(int count, List<String> interests, String bio, String cohort) {
        labelled(count, interests, bio, cohort == null ? List.of() : List.of(cohort));
    }

    /** Adds {@code count} profiles with these interests and bio, each carrying every one of these imported cohorts. */
    void labelled(int count, List<String> interests, String bio, List<String> cohorts) {
        database.write(connection -> {
            for (int i = 0; i < count; i++) {
                long id = ++next;
                try (var insert = connection.prepareStatement("INSERT INTO profile(id, external_id, interests, bio, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, 't', 't')")) {
                    insert.setLong(1, id);
                    insert.setString(2, "P" + id);
                    insert.setString(3, JsonColumns.listToJson(interests));
                    insert.setString(4, bio);
                    insert.executeUpdate();
                }
                for (String cohort : cohorts) {
                    try (var label = connection.prepareStatement("INSERT INTO profile_cohort(profile_id, cohort, source, assigned_at)"
                            + " VALUES (?, ?, 'import', 't')")) {
                        label.setLong(1, id);
                        label.setString(2, cohort);
                        label.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    long count(String sql) {
        return database.read(connection -> {
            try (var statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
                result.next();
                return result.getLong(1);
            }
        });
    }

    static JobContext context() {
        return JobContext.create("test", JobListener.NONE, new AtomicBoolean());
    }

    TrainingResult train(TrainingSpec spec) {
        return models.train(spec, context());
    }

    @Override
    public void close() {
        database.close();
    }
}
