package org.cdpdesktop.core.model;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.query.SqlFragment;

/**
 * A binary model of one audience, for lookalikes: the audience's members against a seeded random sample of everyone
 * else, trained and measured on a hold-out share by the cohort models' own trainer, then scoring any profile by the
 * probability that it belongs with the members.
 */
public final class LookalikeModel {

    public static final String MEMBER = "member";
    public static final String OTHER = "other";
    /** A quarter of the rows are kept aside to measure the model on profiles it did not learn from. */
    private static final int HOLD_OUT_PERCENT = 25;
    private static final List<String> TEXT_FIELDS = List.of("interests", "bio");
    /** Below this many profiles a second model copy costs more than it saves. */
    private static final long PARALLEL_FROM = 20_000;
    private static final List<String> FEATURES = List.of("age", "income", "gender", "country", "state", "city", "education");

    private final CohortModel model;
    private final List<String> textFields;
    private final long members;
    private final long sampled;
    private final long others;

    private LookalikeModel(CohortModel model, List<String> textFields, long members, long sampled, long others) {
        this.model = model;
        this.textFields = textFields;
        this.members = members;
        this.sampled = sampled;
        this.others = others;
    }

    /** The text fields and features a lookalike can learn from, before any are excluded. */
    public static List<String> fields() {
        List<String> all = new ArrayList<>(TEXT_FIELDS);
        all.addAll(FEATURES);
        return all;
    }

    /**
     * Trains on the profiles {@code members} selects (label member) and up to {@code otherRatio} times as many of the
     * profiles {@code others} selects, drawn at random with {@code seed}; fields in {@code excluded} are not read.
     */
    public static LookalikeModel train(Connection connection, SqlFragment members, SqlFragment others, List<String> excluded,
                                       int otherRatio, long seed, JobContext context) throws SQLException {
        List<String> text = TEXT_FIELDS.stream().filter(f -> !excluded.contains(f)).toList();
        List<String> features = FEATURES.stream().filter(f -> !excluded.contains(f)).toList();
        if (text.isEmpty() && features.isEmpty()) {
            throw new ModelException("The seed segment's rule tests every field a lookalike could learn from, so none is left");
        }
        FeatureReader reader = new FeatureReader(text);
        List<FeatureRow> rows = new ArrayList<>();
        context.message("Reading the seed's members");
        reader.each(connection, members, row -> rows.add(labelled(row, MEMBER)));
        long memberCount = rows.size();
        context.message("Sampling profiles outside the seed");
        long[] candidates = ids(connection, others);
        // A seeded shuffle keeps the sample, and so the model, the same for the same store and seed.
        Random random = new Random(seed);
        for (int i = candidates.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = candidates[i];
            candidates[i] = candidates[j];
            candidates[j] = swap;
        }
        int wanted = (int) Math.min(candidates.length, memberCount * otherRatio);
        // Only the sample's features are read: reading everyone's would double the reads of the scoring that follows.
        long[] sample = Arrays.copyOf(candidates, wanted);
        Arrays.sort(sample);
        reader.each(connection, new SqlFragment("p.id IN (SELECT value FROM json_each(?))", List.of(Arrays.toString(sample))),
                row -> rows.add(labelled(row, OTHER)));
        if (memberCount == 0) {
            throw new ModelException("The seed segment has no members to learn from");
        }
        if (wanted == 0) {
            throw new ModelException("Every profile is in the seed segment; a lookalike needs profiles outside it");
        }
        // A field no trained profile holds teaches nothing, and an empty nominal field leaves the solver without values.
        List<String> present = features.stream().filter(f -> rows.stream().anyMatch(row -> TrainingSpec.NUMERIC_FEATURES.contains(f)
                ? row.numbers().containsKey(f) : row.nominals().containsKey(f))).toList();
        boolean noWords = rows.stream().allMatch(row -> row.text().isBlank());
        if ((text.isEmpty() || noWords) && present.isEmpty()) {
            throw new ModelException("No profile holds any field a lookalike could learn from, besides those the seed's rule tests");
        }
        // Without a word in any row the word filter has nothing to size; the model learns from the other features.
        List<String> read = noWords ? List.of() : text;
        TrainingSpec spec = new TrainingSpec(LabelKind.SEGMENT, "lookalike", read, present, Algorithm.LOGISTIC_REGRESSION,
                10, HOLD_OUT_PERCENT, seed, 1, 1, 1.0, 100);
        CohortTrainer.Trained trained = CohortTrainer.train(spec, new FeatureReader.Labelled(rows, 0, 0), context);
        return new LookalikeModel(trained.model(), read, memberCount, wanted, candidates.length);
    }

    private static long[] ids(Connection connection, SqlFragment where) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT p.id FROM profile p WHERE " + where.sql() + " ORDER BY p.id")) {
            for (int i = 0; i < where.parameters().size(); i++) {
                statement.setObject(i + 1, where.parameters().get(i));
            }
            long[] ids = new long[1024];
            int count = 0;
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    if (count == ids.length) {
                        ids = Arrays.copyOf(ids, count * 2);
                    }
                    ids[count++] = result.getLong(1);
                }
            }
            return Arrays.copyOf(ids, count);
        }
    }

    private static FeatureRow labelled(FeatureRow row, String label) {
        return new FeatureRow(row.profileId(), row.text(), row.numbers(), row.nominals(), label);
    }

    /** The seed's members trained on. */
    public long members() {
        return members;
    }

    /** The non-members sampled as the other class. */
    public long sampled() {
        return sampled;
    }

    /** The non-members the sample was drawn from. */
    public long others() {
        return others;
    }

    public ModelMetadata metadata() {
        return model.metadata();
    }

    /** The hold-out ROC area of the member class: 0.5 is guessing, 1 a perfect ranking; null when undefined. */
    public Double auc() {
        return model.metadata().evaluation().perClass().stream()
                .filter(c -> c.name().equals(MEMBER)).findFirst().map(EvaluationReport.ClassFigures::rocArea).orElse(null);
    }

    /** The {@code limit} features that most raise a profile's score, strongest first. */
    public List<TermWeight> drivers(int limit) {
        return model.topTerms(limit).stream().filter(t -> t.cohort().equals(MEMBER)).findFirst()
                .map(CohortTerms::positive).orElse(List.of());
    }

    /**
     * Streams every profile {@code where} selects with its score, the probability it belongs with the members, on the
     * calling thread in the order read. {@code total} is how many that is (for progress); from {@value #PARALLEL_FROM}
     * on, two copies of the model score half of them each, as the cohort models' batch prediction does.
     */
    public long score(Connection connection, SqlFragment where, long total, JobContext context, Scores scores) throws SQLException {
        CohortModel[] models = model.scoringCopies(
                total < PARALLEL_FROM || Runtime.getRuntime().availableProcessors() < 2 ? 1 : 2);
        return CohortModelService.predictEach(connection, models, textFields, where, total, context, "Scoring",
                (ids, predictions) -> {
            for (int i = 0; i < ids.length; i++) {
                scores.accept(ids[i], predictions[i].scores().stream()
                        .filter(s -> s.cohort().equals(MEMBER)).findFirst().map(Prediction.Score::probability).orElse(0.0));
            }
        });
    }

    /** Receives one scored profile. */
    @FunctionalInterface
    public interface Scores {
        void accept(long profileId, double score);
    }
}
