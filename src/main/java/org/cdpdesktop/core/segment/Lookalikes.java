package org.cdpdesktop.core.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.jobs.Job;
import org.cdpdesktop.core.jobs.JobCancelledException;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.model.LookalikeModel;
import org.cdpdesktop.core.model.TermWeight;
import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.query.FieldKind;
import org.cdpdesktop.core.query.FieldRef;
import org.cdpdesktop.core.query.Group;
import org.cdpdesktop.core.query.Leaf;
import org.cdpdesktop.core.query.Not;
import org.cdpdesktop.core.query.Operator;
import org.cdpdesktop.core.query.RuleFormatter;
import org.cdpdesktop.core.query.SqlFragment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lookalike audiences: from a seed segment, a model of what its members share beyond the seed's own rule, every
 * non-member scored by it, and the best of them saved as a new segment that remembers its seed, model and threshold.
 * The saved members are scored cohorts ({@code source = 'lookalike'}) which the new segment's rule selects, since a
 * segment is a rule and its members are not any rule's result.
 */
public final class Lookalikes {

    public static final String SOURCE = "lookalike";
    public static final String COHORT_PREFIX = "lookalike: ";
    /** Non-members sampled per member: enough to show what sets members apart without drowning them. */
    public static final int OTHER_RATIO = 5;
    public static final String RESCORE_TITLE = "Rescoring lookalikes";
    /** The reason recorded with the snapshot that follows a rescore. */
    public static final String SNAPSHOT_REASON = "lookalike rescore";
    private static final int DRIVERS = 10;
    private static final String SIZE = "size ";
    private static final String MIN_SCORE = "min-score ";
    private static final Logger LOG = LoggerFactory.getLogger(Lookalikes.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final SegmentService segments;
    private final Clock clock;

    public Lookalikes(Database database, SegmentService segments) {
        this(database, segments, Clock.systemUTC());
    }

    public Lookalikes(Database database, SegmentService segments, Clock clock) {
        this.database = database;
        this.segments = segments;
        this.clock = clock;
    }

    /**
     * What to build: the seed segment, either the {@code size} best-scored non-members or those scoring at least
     * {@code minScore} (exactly one of the two), the new segment's name, and the seed of the random sample.
     */
    public record Request(String seed, Integer size, Double minScore, String saveAs, long randomSeed) {

        public Request {
            if ((size == null) == (minScore == null)) {
                throw new IllegalArgumentException("Give either a size or a minimum score, not both or neither");
            }
            if (size != null && size < 1) {
                throw new IllegalArgumentException("A lookalike needs a size of at least 1, not " + size);
            }
            if (minScore != null && !(minScore >= 0 && minScore <= 1)) {
                throw new IllegalArgumentException("A minimum score is between 0 and 1, not " + minScore);
            }
        }
    }

    /**
     * A saved lookalike.
     *
     * @param members   the seed's members, all of them trained on
     * @param sampled   the non-members trained on as the other class
     * @param scored    the non-members scored
     * @param threshold the lowest score taken into the new segment
     */
    public record Result(Segment segment, String seed, String modelId, Double auc, List<TermWeight> drivers, List<String> excluded,
                         long members, long sampled, long scored, long size, double threshold, long millis) {
    }

    public Job<Result> job(Request request) {
        return new Job<>() {
            @Override
            public String title() {
                return "Finding profiles like " + request.seed();
            }

            @Override
            public Result run(JobContext context) {
                return create(request, context);
            }
        };
    }

    public Result create(Request request, JobContext context) {
        String name = SegmentTable.checkName(request.saveAs());
        if (segments.find(name).isPresent()) {
            throw new IllegalArgumentException("A segment named \"" + name + "\" already exists");
        }
        return build(request, name, null, context);
    }

    /**
     * Retrains the lookalike saved as {@code name} on today's profiles, with its seed segment, request and random seed,
     * and replaces its members, so profiles imported since it was made are scored too.
     */
    public Result rescore(String name, JobContext context) {
        Segment segment = segments.find(name)
                .orElseThrow(() -> new IllegalArgumentException("There is no segment named \"" + name + "\""));
        Request request = database.read(connection -> {
            try (PreparedStatement row = connection.prepareStatement(
                    "SELECT seed_segment, requested, random_seed FROM segment_lookalike WHERE segment_id = ?")) {
                row.setLong(1, segment.id());
                try (ResultSet found = row.executeQuery()) {
                    if (!found.next()) {
                        throw new IllegalArgumentException("Segment \"" + segment.name() + "\" is not a lookalike");
                    }
                    String requested = found.getString(2);
                    boolean bySize = requested.startsWith(SIZE);
                    return new Request(found.getString(1), bySize ? Integer.valueOf(requested.substring(SIZE.length())) : null,
                            bySize ? null : Double.valueOf(requested.substring(MIN_SCORE.length())), segment.name(), found.getLong(3));
                }
            }
        });
        return build(request, segment.name(), segment, context);
    }

    /** The names of every saved lookalike segment. */
    public List<String> names() {
        return database.read(connection -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement list = connection.prepareStatement(
                    "SELECT s.name FROM segment_lookalike l JOIN segment s ON s.id = l.segment_id ORDER BY s.name");
                 ResultSet rows = list.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        });
    }

    /**
     * Rescoring every lookalike as one job, e.g. after an import, then a snapshot of the segments so the lookalikes'
     * histories record their new members. A lookalike whose seed is gone or cannot be learnt from is logged and left
     * as it was. The job answers the names rescored.
     */
    public Job<List<String>> rescoreJob() {
        return new Job<>() {
            @Override
            public String title() {
                return RESCORE_TITLE;
            }

            @Override
            public List<String> run(JobContext context) {
                List<String> names = names();
                List<String> rescored = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    String name = names.get(i);
                    context.message("Rescoring " + name + " (" + (i + 1) + " of " + names.size() + ")");
                    try {
                        rescore(name, context);
                        rescored.add(name);
                    } catch (JobCancelledException cancelled) {
                        throw cancelled;
                    } catch (RuntimeException e) {
                        LOG.warn("Lookalike \"{}\" was not rescored: {}", name, e.getMessage());
                    }
                }
                if (!rescored.isEmpty()) {
                    context.message("Taking a segment snapshot");
                    segments.snapshotChanges(SNAPSHOT_REASON);
                }
                return rescored;
            }
        };
    }

    private Result build(Request request, String name, Segment existing, JobContext context) {
        long started = System.nanoTime();
        Segment seed = segments.find(request.seed())
                .orElseThrow(() -> new IllegalArgumentException("There is no segment named \"" + request.seed() + "\""));
        List<String> excluded = testedFields(segments.withLiveRules(seed.rule()));
        SqlFragment rule = segments.sql(seed.rule());
        SqlFragment members = new SqlFragment("(" + rule.sql() + ") IS TRUE", rule.parameters());
        SqlFragment others = new SqlFragment("(" + rule.sql() + ") IS NOT TRUE", rule.parameters());
        Scored scored = database.read(connection -> {
            LookalikeModel model = LookalikeModel.train(connection, members, others, excluded, OTHER_RATIO, request.randomSeed(), context);
            context.throwIfCancelled();
            Scored all = new Scored(model);
            context.message("Scoring everyone outside " + seed.name());
            model.score(connection, others, model.others(), context, all::add);
            return all;
        });
        context.throwIfCancelled();
        int[] chosen = scored.best(request);
        double threshold = chosen.length == 0 ? request.minScore() == null ? 1 : request.minScore() : scored.scores[chosen[chosen.length - 1]];
        String cohort = COHORT_PREFIX + name;
        LookalikeModel model = scored.model;
        List<TermWeight> drivers = model.drivers(DRIVERS);
        String now = clock.instant().toString();
        Segment saved = database.write(connection -> {
            Segment segment = existing;
            if (segment == null) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO segment"
                        + "(name, rule, description, builtin, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)")) {
                    insert.setString(1, name);
                    insert.setString(2, RuleFormatter.format(new Leaf(FieldRef.cohort(), Operator.EQ, cohort)));
                    insert.setString(3, "Lookalike of " + seed.name());
                    insert.setString(4, now);
                    insert.setString(5, now);
                    insert.executeUpdate();
                }
                segment = SegmentTable.findByName(connection, name).orElseThrow();
            }
            // The trigger on segment_lookalike takes the earlier members with the earlier row.
            try (PreparedStatement clear = connection.prepareStatement("DELETE FROM segment_lookalike WHERE segment_id = ?")) {
                clear.setLong(1, segment.id());
                clear.executeUpdate();
            }
            try (PreparedStatement clear = connection.prepareStatement("DELETE FROM profile_cohort WHERE source = ? AND cohort = ?")) {
                clear.setString(1, SOURCE);
                clear.setString(2, cohort);
                clear.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO profile_cohort(profile_id, cohort, confidence,"
                    + " model_version, source, assigned_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i : chosen) {
                    insert.setLong(1, scored.ids[i]);
                    insert.setString(2, cohort);
                    insert.setDouble(3, scored.scores[i]);
                    insert.setString(4, model.metadata().id());
                    insert.setString(5, SOURCE);
                    insert.setString(6, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO segment_lookalike(segment_id, cohort, seed_segment,"
                    + " model_id, random_seed, requested, threshold, size, scored, auc, excluded, drivers, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, segment.id());
                insert.setString(2, cohort);
                insert.setString(3, seed.name());
                insert.setString(4, model.metadata().id());
                insert.setLong(5, request.randomSeed());
                insert.setString(6, request.size() != null ? SIZE + request.size() : MIN_SCORE + request.minScore());
                insert.setDouble(7, threshold);
                insert.setLong(8, chosen.length);
                insert.setLong(9, scored.count);
                insert.setObject(10, model.auc());
                insert.setString(11, json(excluded));
                insert.setString(12, json(drivers));
                insert.setString(13, now);
                insert.executeUpdate();
            }
            return segment;
        });
        return new Result(saved, seed.name(), model.metadata().id(), model.auc(), drivers, excluded, model.members(), model.sampled(),
                scored.count, chosen.length, threshold, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The model fields {@code rule} tests, with referenced segments already inlined: a lookalike that read them would
     * learn the rule back instead of what else the members share.
     */
    static List<String> testedFields(Condition rule) {
        Set<String> fields = new TreeSet<>();
        collect(rule, fields);
        fields.retainAll(LookalikeModel.fields());
        return List.copyOf(fields);
    }

    private static void collect(Condition condition, Set<String> fields) {
        if (condition instanceof Group group) {
            group.children().forEach(child -> collect(child, fields));
        } else if (condition instanceof Not not) {
            collect(not.child(), fields);
        } else if (condition instanceof Leaf leaf) {
            if (leaf.field().kind() == FieldKind.INTEREST) {
                fields.add("interests");
            } else if (leaf.field().kind() == FieldKind.PROFILE) {
                fields.add(leaf.field().profileField().column());
            }
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value + " as JSON", e);
        }
    }

    /** Every non-member's id and score, in growing arrays: a million profiles take 16 MB, not a million objects. */
    private static final class Scored {
        private final LookalikeModel model;
        private long[] ids = new long[1024];
        private double[] scores = new double[1024];
        private int count;

        Scored(LookalikeModel model) {
            this.model = model;
        }

        void add(long id, double score) {
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, count * 2);
                scores = Arrays.copyOf(scores, count * 2);
            }
            ids[count] = id;
            scores[count] = score;
            count++;
        }

        /**
         * Indexes of the profiles taken, best score first; ties go to the lower id, which came first. The lowest score
         * taken is found on a sorted copy of the scores, so only the profiles taken are sorted one by one.
         */
        int[] best(Request request) {
            double[] sorted = Arrays.copyOf(scores, count);
            Arrays.sort(sorted);
            int eligible = request.minScore() == null ? count : count - firstAtLeast(sorted, request.minScore());
            int taken = request.size() == null ? eligible : Math.min(request.size(), eligible);
            if (taken == 0) {
                return new int[0];
            }
            double lowest = sorted[count - taken];
            int atLowest = taken - (count - firstAbove(sorted, lowest));
            List<Integer> chosen = new ArrayList<>(taken);
            for (int i = 0; i < count; i++) {
                if (scores[i] > lowest || scores[i] == lowest && atLowest-- > 0) {
                    chosen.add(i);
                }
            }
            chosen.sort(Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
            return chosen.stream().mapToInt(Integer::intValue).toArray();
        }

        private static int firstAtLeast(double[] sorted, double score) {
            int low = 0;
            int high = sorted.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (sorted[middle] < score) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        private static int firstAbove(double[] sorted, double score) {
            int low = 0;
            int high = sorted.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (sorted[middle] <= score) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
    }
}
