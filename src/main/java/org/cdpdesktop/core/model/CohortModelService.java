package org.cdpdesktop.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.jobs.Job;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.core.query.SqlFragment;

/**
 * Trains, keeps and applies cohort models: training and evaluation from the profiles' imported labels, the
 * registry in the data folder's {@code models/}, and predictions for one profile, a typed text or many profiles.
 * The active model is loaded once and kept until another is activated.
 */
public final class CohortModelService {

    /** How many terms a prediction names by default. */
    public static final int REASONS = 8;
    private static final int CHUNK = 2_000;
    /** Below this many profiles a second model copy costs more than it saves. */
    private static final long PARALLEL_FROM = 20_000;
    private static final int PREDICTION_THREADS = Runtime.getRuntime().availableProcessors();
    private static final String BUNDLED = "/org/cdpdesktop/model/bundled/";

    static {
        WekaRuntime.prepare();
    }

    private final Database database;
    private final ModelRegistry registry;
    private final List<Consumer<BatchPrediction>> predictedListeners = new CopyOnWriteArrayList<>();
    private volatile CohortModel active;
    private volatile CachedCells cells;

    public CohortModelService(Database database, ModelRegistry registry) {
        this.database = database;
        this.registry = registry;
    }

    /**
     * Installs the model shipped with the application and makes it active, when the registry has no model at all,
     * so prediction works on a fresh data folder. Returns whether it did. The model loads on first use, as any
     * active model does, so opening a data folder stays quick.
     */
    public boolean installBundledModel() {
        if (!registry.list().isEmpty()) {
            return false;
        }
        try (InputStream active = CohortModelService.class.getResourceAsStream(BUNDLED + "active")) {
            if (active == null) {
                return false;
            }
            String id = new String(active.readAllBytes(), StandardCharsets.UTF_8).trim();
            // Saved before outcomes were kept; its evaluation's profile ids would belong to the store it was trained in anyway.
            registry.install(id, resource(id + ".model"), resource(id + ".json"));
            registry.markActive(id);
            return true;
        } catch (IOException e) {
            throw new ModelException("Cannot install the bundled model: " + e.getMessage(), e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = CohortModelService.class.getResourceAsStream(BUNDLED + name)) {
            if (in == null) {
                throw new IOException("the application is missing " + name);
            }
            return in.readAllBytes();
        }
    }

    public ModelRegistry registry() {
        return registry;
    }

    /** Called after a batch prediction has committed, e.g. to snapshot segments that use cohorts. */
    public void onPredicted(Consumer<BatchPrediction> listener) {
        predictedListeners.add(listener);
    }

    /** Trains and evaluates a model on the labelled profiles and saves it; the first model becomes active. */
    public TrainingResult train(TrainingSpec spec, JobContext context) {
        context.message("Reading labelled profiles");
        FeatureReader.Labelled data = database.read(connection -> new FeatureReader(spec.textFields()).labelled(connection, spec));
        CohortTrainer.Trained trained = CohortTrainer.train(spec, data, context);
        ModelMetadata saved = registry.save(trained.model(), trained.cellProfiles());
        boolean activate = registry.activeId().isEmpty();
        if (activate) {
            activate(saved.id());
        }
        return new TrainingResult(saved, trained.cellProfiles(), data.withoutLabel(), data.withSeveralLabels(), activate);
    }

    public Job<TrainingResult> trainJob(TrainingSpec spec) {
        return job("Training a " + spec.algorithm().label() + " model", context -> train(spec, context));
    }

    public List<ModelMetadata> models() {
        return registry.list();
    }

    /**
     * The profiles in each cell of model {@code id}'s confusion matrix ({@code [actual][predicted]}, or for a multi-label
     * model each cohort's 2x2 as {@link TrainingResult#cellProfiles()} has them), as its evaluation left them, whether it was trained now, loaded or activated; empty for a model saved without them. The last
     * model's cells are kept, as one model's cells are asked for again and again.
     */
    public Optional<long[][][]> cellProfiles(String id) {
        CachedCells cached = cells;
        if (cached != null && cached.id().equals(id)) {
            return cached.cells();
        }
        Optional<long[][][]> read = registry.outcomes(id);
        cells = new CachedCells(id, read);
        return read;
    }

    private record CachedCells(String id, Optional<long[][][]> cells) {
    }

    /**
     * Which of {@code ids}, profiles in {@code model}'s evaluation, are still stored, in their order. A profile deleted
     * since is left out, and so is one created after the model: profile ids can be used again once the newest
     * profiles are deleted, and such a profile is not the one evaluated.
     */
    public long[] stillStored(ModelMetadata model, long[] ids) {
        if (ids.length == 0) {
            return ids;
        }
        Set<Long> present = database.read(connection -> {
            Set<Long> found = new HashSet<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT p.id FROM profile p"
                    + " WHERE p.id IN (SELECT value FROM json_each(?)) AND julianday(p.created_at) <= julianday(?)")) {
                statement.setString(1, Arrays.toString(ids));
                statement.setString(2, model.created());
                try (var result = statement.executeQuery()) {
                    while (result.next()) {
                        found.add(result.getLong(1));
                    }
                }
            }
            return found;
        });
        return Arrays.stream(ids).filter(present::contains).toArray();
    }

    /** Makes model {@code id} the one that predicts, after loading it. */
    public ModelMetadata activate(String id) {
        CohortModel model = registry.activate(id);
        active = model;
        return model.metadata();
    }

    /** The active model, loaded on first use and kept. */
    public Optional<CohortModel> active() {
        CohortModel current = active;
        if (current != null) {
            return Optional.of(current);
        }
        synchronized (this) {
            if (active == null) {
                registry.activeId().ifPresent(id -> active = registry.load(id));
            }
            return Optional.ofNullable(active);
        }
    }

    /** A model by id: the active one from memory, any other from its file. */
    public CohortModel model(String id) {
        return active().filter(m -> m.metadata().id().equals(id)).orElseGet(() -> registry.load(id));
    }

    private CohortModel requireActive() {
        return active().orElseThrow(() -> new ModelException("No model is active yet; train one or activate one first"));
    }

    /** The active model's answer for a typed text, with the terms behind it. */
    public Prediction predictText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Type some interests or a short bio to predict from");
        }
        return requireActive().predict(FeatureRow.ofText(text), REASONS);
    }

    /** The active model's answer for one stored profile, with the terms behind it. */
    public Prediction predictProfile(long profileId) {
        CohortModel model = requireActive();
        FeatureRow row = database.read(connection -> new FeatureReader(model.metadata().textFields()).one(connection, profileId));
        if (row == null) {
            throw new IllegalArgumentException("There is no profile with id " + profileId);
        }
        return model.predict(row, REASONS);
    }

    /**
     * The active model's answer for a profile given by its values rather than stored, e.g. one sent to the REST API.
     *
     * @param attributes custom attributes, read when the model learnt from an {@code attr:NAME} text field
     * @param numbers    numeric fields by name (age, income)
     * @param nominals   categorical fields by name (gender, country, state, city, education)
     */
    public Prediction predictValues(List<String> interests, String bio, Map<String, String> attributes, Map<String, Double> numbers,
                                    Map<String, String> nominals) {
        CohortModel model = requireActive();
        String text = FeatureReader.text(model.metadata().textFields(), interests, bio, attributes);
        return model.predict(new FeatureRow(0, text, numbers, nominals, null), REASONS);
    }

    /**
     * Predicts the cohorts of every profile {@code where} selects (all when null) and stores them (one, or for a
     * multi-label model each one given), with confidence and model id, in place of earlier predictions for those profiles. One transaction: cancelled or failed,
     * the earlier predictions stay.
     */
    public BatchPrediction predictAll(SqlFragment where, JobContext context) {
        BatchPrediction result = predict(where, context);
        predictedListeners.forEach(listener -> listener.accept(result));
        return result;
    }

    /**
     * Predicts and stores the cohorts of the profiles {@code ids}, e.g. those a stream batch inserted or changed, as
     * {@link #predictAll} does, without the work that follows a batch prediction ({@link #onPredicted}): a caller
     * that predicts many small batches runs that itself, as the stream's throttled segment snapshots do.
     */
    public BatchPrediction predictProfiles(List<Long> ids) {
        String json = ids.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
        // One parameter however many ids: SQLite caps the number of parameters in a statement.
        SqlFragment where = new SqlFragment("p.id IN (SELECT value FROM json_each(?))", List.of(json));
        return predict(where, JobContext.create("Predicting cohorts", JobListener.NONE, new AtomicBoolean()));
    }

    private BatchPrediction predict(SqlFragment where, JobContext context) {
        CohortModel model = requireActive();
        String modelId = model.metadata().id();
        long total = database.read(connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM profile p" + (where == null ? "" : " WHERE " + where.sql()))) {
                bind(count, where, 0);
                try (var result = count.executeQuery()) {
                    return result.next() ? result.getLong(1) : 0L;
                }
            }
        });
        long started = System.nanoTime();
        Map<String, Long> cohorts = new TreeMap<>();
        String now = Instant.now().toString();
        long done = database.write(connection -> {
            try (PreparedStatement clear = connection.prepareStatement("DELETE FROM profile_cohort WHERE source = 'model'"
                    + (where == null ? "" : " AND profile_id IN (SELECT p.id FROM profile p WHERE " + where.sql() + ")"))) {
                bind(clear, where, 0);
                clear.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO profile_cohort(profile_id, cohort, confidence,"
                    + " model_version, source, assigned_at) VALUES (?, ?, ?, ?, 'model', ?)")) {
                BatchWriter writer = new BatchWriter(workers(model, total), insert, modelId, now, total, context, cohorts);
                try {
                    new FeatureReader(model.metadata().textFields()).each(connection, where, writer::add);
                    return writer.finish();
                } finally {
                    writer.close();
                }
            }
        });
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        return new BatchPrediction(modelId, done, millis, done * 1000.0 / millis, cohorts);
    }

    /**
     * Predicts every profile {@code where} selects (all when null) with {@code models}, one thread per model copy, and
     * hands each chunk of predictions, in the order read, to {@code sink} on the calling thread, which owns
     * {@code connection}; progress is reported under {@code message}. For work that keeps predictions elsewhere than
     * the stored cohorts, such as a lookalike's scores.
     */
    public static long predictEach(Connection connection, CohortModel[] models, List<String> textFields, SqlFragment where, long total,
                                   JobContext context, String message, Chunks sink) throws SQLException {
        try (BatchWriter writer = new BatchWriter(models, total, context, message, sink)) {
            new FeatureReader(textFields).each(connection, where, writer::add);
            return writer.finish();
        }
    }

    /** Receives one chunk of predictions on the thread that asked for them. */
    @FunctionalInterface
    public interface Chunks {
        void accept(long[] profileIds, Prediction[] predictions) throws SQLException;
    }

    /** Copies of the active model to predict with, two for a large batch so two threads can predict at once. */
    private static CohortModel[] workers(CohortModel model, long total) {
        return model.scoringCopies(total < PARALLEL_FROM || PREDICTION_THREADS < 2 ? 1 : 2);
    }

    /**
     * Predicts chunks of rows on worker threads (Weka's per-row filtering is the cost) while the calling thread,
     * which owns the database connection, writes finished chunks in order. At most a few chunks are in flight.
     */
    private static final class BatchWriter implements AutoCloseable {
        private final CohortModel[] models;
        private final ExecutorService pool;
        private final PreparedStatement insert;
        private final String modelId;
        private final String now;
        private final long total;
        private final JobContext context;
        private final Map<String, Long> cohorts;
        /** Where {@link #predictEach} keeps the predictions, in place of the insert. */
        private final Chunks sink;
        private final String message;
        private final Deque<Future<Written>> pending = new ArrayDeque<>();
        private List<FeatureRow> chunk = new ArrayList<>(CHUNK);
        private long chunks;
        private long done;

        private record Written(long[] ids, Prediction[] predictions) {
        }

        BatchWriter(CohortModel[] models, PreparedStatement insert, String modelId, String now, long total, JobContext context,
                    Map<String, Long> cohorts) {
            this(models, insert, modelId, now, total, context, cohorts, null, null);
        }

        BatchWriter(CohortModel[] models, long total, JobContext context, String message, Chunks sink) {
            this(models, null, null, null, total, context, null, message, sink);
        }

        private BatchWriter(CohortModel[] models, PreparedStatement insert, String modelId, String now, long total, JobContext context,
                            Map<String, Long> cohorts, String message, Chunks sink) {
            this.models = models;
            this.pool = Executors.newFixedThreadPool(models.length, runnable -> {
                Thread thread = new Thread(runnable, "prediction");
                thread.setDaemon(true);
                return thread;
            });
            this.insert = insert;
            this.modelId = modelId;
            this.now = now;
            this.total = total;
            this.context = context;
            this.cohorts = cohorts;
            this.sink = sink;
            this.message = message;
        }

        void add(FeatureRow row) {
            chunk.add(row);
            if (chunk.size() == CHUNK) {
                submit();
            }
        }

        private void submit() {
            List<FeatureRow> rows = chunk;
            chunk = new ArrayList<>(CHUNK);
            CohortModel model = models[(int) (chunks++ % models.length)];
            pending.add(pool.submit(() -> {
                long[] ids = new long[rows.size()];
                Prediction[] predictions = new Prediction[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    ids[i] = rows.get(i).profileId();
                    predictions[i] = model.predict(rows.get(i), 0);
                }
                return new Written(ids, predictions);
            }));
            while (pending.size() > 2 * models.length) {
                writeOldest();
            }
        }

        private void writeOldest() {
            Written written;
            try {
                written = pending.removeFirst().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelException("Prediction was interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new ModelException(e.getCause().getMessage(), e.getCause());
            }
            if (sink != null) {
                keep(written);
                return;
            }
            try {
                for (int i = 0; i < written.ids().length; i++) {
                    for (Prediction.Assigned cohort : written.predictions()[i].assigned()) {
                        insert.setLong(1, written.ids()[i]);
                        insert.setString(2, cohort.cohort());
                        insert.setDouble(3, cohort.confidence());
                        insert.setString(4, modelId);
                        insert.setString(5, now);
                        insert.addBatch();
                        cohorts.merge(cohort.cohort(), 1L, Long::sum);
                    }
                }
                insert.executeBatch();
            } catch (SQLException e) {
                throw new ModelException("Cannot store the predictions: " + e.getMessage(), e);
            }
            done += written.ids().length;
            context.throwIfCancelled();
            context.progress(done, total, "Predicting cohorts");
        }

        private void keep(Written written) {
            try {
                sink.accept(written.ids(), written.predictions());
            } catch (SQLException e) {
                throw new ModelException("Cannot keep the predictions: " + e.getMessage(), e);
            }
            done += written.ids().length;
            context.throwIfCancelled();
            context.progress(done, total, message);
        }

        long finish() {
            if (!chunk.isEmpty()) {
                submit();
            }
            while (!pending.isEmpty()) {
                writeOldest();
            }
            context.progress(done, total, "Predicted");
            return done;
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    public Job<BatchPrediction> predictAllJob(SqlFragment where) {
        return job("Predicting cohorts", context -> predictAll(where, context));
    }

    /**
     * Predicts the cohorts of the profiles import {@code batchId} inserted or updated. A job of its own, run after the
     * import job has committed, so an import takes no longer for it and a failed prediction leaves the import in.
     */
    public Job<BatchPrediction> predictImportJob(long batchId, String fileName) {
        return job("Predicting cohorts for " + fileName, context -> predictAll(importedIn(batchId), context));
    }

    /** The profiles import {@code batchId} inserted (their batch) or updated (recorded beside them). */
    public static SqlFragment importedIn(long batchId) {
        return new SqlFragment("(p.import_batch_id = ? OR p.id IN (SELECT pi.profile_id FROM profile_import pi WHERE pi.batch_id = ?))",
                List.of(batchId, batchId));
    }

    /** Whether a model is chosen to predict, without loading it. */
    public boolean hasActiveModel() {
        return registry.activeId().isPresent();
    }

    /** Compares the active model's training data with today's profiles and its stored predictions. */
    public DriftReport drift() {
        CohortModel model = requireActive();
        ModelMetadata metadata = model.metadata();
        if (metadata.baseline() == null) {
            throw new ModelException("The model " + metadata.id() + " was saved without its training data's shape, so drift cannot be measured");
        }
        return database.read(connection -> {
            DriftBaseline.Accumulator now = new DriftBaseline.Accumulator();
            new FeatureReader(metadata.textFields()).each(connection, null, now::add);
            Map<String, Double> predicted = new TreeMap<>();
            try (PreparedStatement mix = connection.prepareStatement(
                    "SELECT cohort, count(*) FROM profile_cohort WHERE source = 'model' AND model_version = ? GROUP BY cohort")) {
                mix.setString(1, metadata.id());
                long total = 0;
                try (var result = mix.executeQuery()) {
                    while (result.next()) {
                        predicted.put(result.getString(1), (double) result.getLong(2));
                        total += result.getLong(2);
                    }
                }
                long all = total;
                predicted.replaceAll((cohort, count) -> count / all);
            }
            return DriftReport.compare(metadata.id(), metadata.baseline(), now, now.build(), predicted);
        });
    }

    private static void bind(PreparedStatement statement, SqlFragment where, int offset) throws java.sql.SQLException {
        if (where != null) {
            for (int i = 0; i < where.parameters().size(); i++) {
                statement.setObject(offset + i + 1, where.parameters().get(i));
            }
        }
    }

    private interface Work<R> {
        R run(JobContext context) throws Exception;
    }

    private static <R> Job<R> job(String title, Work<R> work) {
        return new Job<>() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public R run(JobContext context) throws Exception {
                return work.run(context);
            }
        };
    }
}
