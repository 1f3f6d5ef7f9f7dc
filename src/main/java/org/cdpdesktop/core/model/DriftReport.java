package org.cdpdesktop.core.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far today's profiles have moved from the active model's training data. Term and cohort distributions are
 * compared by the population stability index (PSI: below 0.1 stable, 0.1 to 0.25 moderate, above 0.25 drift);
 * numeric fields by the Kolmogorov-Smirnov distance between their distributions (below 0.1 stable, 0.1 to 0.2
 * moderate, above 0.2 drift).
 */
public record DriftReport(String modelId, long trainingRows, long currentRows, List<FeatureDrift> features) {

    static final double PSI_MODERATE = 0.1;
    static final double PSI_DRIFT = 0.25;
    static final double KS_MODERATE = 0.1;
    static final double KS_DRIFT = 0.2;
    /** Keeps PSI finite where one side has no profiles at all. */
    private static final double FLOOR = 1e-4;
    static final int TERM_ROWS = 10;

    public enum Level { STABLE, MODERATE, DRIFT }

    /** One compared feature; {@code before} and {@code after} say what was compared, for people. */
    public record FeatureDrift(String feature, String measure, double value, Level level, String before, String after) {
    }

    /** Whether any feature passed the drift threshold. */
    public boolean drifted() {
        return features.stream().anyMatch(f -> f.level() == Level.DRIFT);
    }

    /** The features past the drift threshold, worst first. */
    public List<FeatureDrift> drifting() {
        return features.stream().filter(f -> f.level() == Level.DRIFT).toList();
    }

    static DriftReport compare(String modelId, DriftBaseline training, DriftBaseline.Accumulator now, DriftBaseline current,
                               Map<String, Double> predictedMix) {
        List<FeatureDrift> features = new ArrayList<>();
        Map<String, Double> before = normalised(training.termShares());
        Map<String, Double> after = new LinkedHashMap<>();
        training.termShares().keySet().forEach(term -> after.put(term, now.termShare(term)));
        double termsPsi = psi(before, normalised(after));
        features.add(new FeatureDrift("Terms (top " + training.termShares().size() + ")", "PSI", termsPsi, psiLevel(termsPsi),
                String.format("%,d profiles", training.rows()), String.format("%,d profiles", current.rows())));
        if (!predictedMix.isEmpty() && !training.labelShares().isEmpty()) {
            double mixPsi = psi(training.labelShares(), predictedMix);
            features.add(new FeatureDrift("Cohort mix (predicted vs trained)", "PSI", mixPsi, psiLevel(mixPsi),
                    shares(training.labelShares()), shares(predictedMix)));
        }
        for (String name : DriftBaseline.NUMERIC) {
            List<Double> was = training.numericQuantiles().get(name);
            List<Double> is = current.numericQuantiles().get(name);
            if (was != null && is != null) {
                double ks = ks(was, is);
                features.add(new FeatureDrift(name, "KS", ks, ks > KS_DRIFT ? Level.DRIFT : ks > KS_MODERATE ? Level.MODERATE : Level.STABLE,
                        "median " + format(was.get(was.size() / 2)), "median " + format(is.get(is.size() / 2))));
            }
        }
        training.termShares().entrySet().stream()
                .map(e -> {
                    double share = now.termShare(e.getKey());
                    double b = Math.max(e.getValue(), FLOOR);
                    double a = Math.max(share, FLOOR);
                    double termPsi = (a - b) * Math.log(a / b) + ((1 - a) - (1 - b)) * Math.log((1 - a) / (1 - b));
                    return new FeatureDrift("term \"" + e.getKey().replace('_', ' ') + "\"", "PSI", termPsi, psiLevel(termPsi),
                            percent(e.getValue()) + " of profiles", percent(share) + " of profiles");
                })
                .sorted(Comparator.comparingDouble(FeatureDrift::value).reversed())
                .limit(TERM_ROWS)
                .forEach(features::add);
        return new DriftReport(modelId, training.rows(), current.rows(), features);
    }

    private static Level psiLevel(double psi) {
        return psi > PSI_DRIFT ? Level.DRIFT : psi > PSI_MODERATE ? Level.MODERATE : Level.STABLE;
    }

    static double psi(Map<String, Double> expected, Map<String, Double> actual) {
        double psi = 0;
        java.util.Set<String> keys = new java.util.TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            double e = Math.max(expected.getOrDefault(key, 0.0), FLOOR);
            double a = Math.max(actual.getOrDefault(key, 0.0), FLOOR);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }

    /** The largest gap between the two distributions' CDFs, each given by evenly spaced quantiles. */
    static double ks(List<Double> expected, List<Double> actual) {
        java.util.TreeSet<Double> points = new java.util.TreeSet<>(expected);
        points.addAll(actual);
        double worst = 0;
        for (double x : points) {
            worst = Math.max(worst, Math.abs(cdf(expected, x) - cdf(actual, x)));
        }
        return worst;
    }

    private static double cdf(List<Double> quantiles, double x) {
        int below = 0;
        for (double q : quantiles) {
            if (q <= x) {
                below++;
            }
        }
        return below / (double) quantiles.size();
    }

    private static Map<String, Double> normalised(Map<String, Double> weights) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> shares = new LinkedHashMap<>();
        weights.forEach((key, value) -> shares.put(key, total == 0 ? 0 : value / total));
        return shares;
    }

    private static String shares(Map<String, Double> shares) {
        return shares.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(3)
                .map(e -> e.getKey() + " " + percent(e.getValue())).reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static String percent(double share) {
        return String.format("%.1f%%", share * 100);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.format("%,.0f", value) : String.format("%,.2f", value);
    }
}
