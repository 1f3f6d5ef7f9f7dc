package org.cdpdesktop.core.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The training data's shape, kept in a model's metadata: the share of profiles carrying each frequent term, the
 * label mix, and evenly spaced quantiles of the numeric fields.
 */
public record DriftBaseline(long rows, Map<String, Double> termShares, Map<String, Double> labelShares, Map<String, List<Double>> numericQuantiles) {

    static final int TERMS = 200;
    static final int QUANTILES = 101;
    static final List<String> NUMERIC = List.of("age", "income");

    /** The shape of {@code rows}; a row without a label counts towards terms and numbers only. */
    static DriftBaseline of(Collection<FeatureRow> rows) {
        Accumulator accumulator = new Accumulator();
        rows.forEach(accumulator::add);
        return accumulator.build();
    }

    /** Gathers the shape of rows streamed one at a time, so a million profiles need not be held. */
    static final class Accumulator {
        private final Map<String, Long> termCounts = new HashMap<>();
        private final Map<String, Long> labelCounts = new HashMap<>();
        private final Map<String, List<Double>> numbers = new LinkedHashMap<>();
        private long rows;

        Accumulator() {
            NUMERIC.forEach(name -> numbers.put(name, new ArrayList<>()));
        }

        void add(FeatureRow row) {
            rows++;
            for (String term : terms(row.text())) {
                termCounts.merge(term, 1L, Long::sum);
            }
            for (String label : FeatureReader.labels(row)) {
                labelCounts.merge(label, 1L, Long::sum);
            }
            for (String name : NUMERIC) {
                Double value = row.numbers().get(name);
                if (value != null) {
                    numbers.get(name).add(value);
                }
            }
        }

        /** The share of rows carrying {@code term}. */
        double termShare(String term) {
            return rows == 0 ? 0 : termCounts.getOrDefault(term, 0L) / (double) rows;
        }

        DriftBaseline build() {
            long total = rows;
            Map<String, Double> termShares = new LinkedHashMap<>();
            termCounts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(TERMS)
                    .forEach(e -> termShares.put(e.getKey(), e.getValue() / (double) total));
            long labelled = labelCounts.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Double> labelShares = new LinkedHashMap<>();
            labelCounts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> labelShares.put(e.getKey(), e.getValue() / (double) labelled));
            Map<String, List<Double>> quantiles = new LinkedHashMap<>();
            numbers.forEach((name, values) -> {
                if (!values.isEmpty()) {
                    quantiles.put(name, quantiles(values));
                }
            });
            return new DriftBaseline(total, termShares, labelShares, quantiles);
        }
    }

    /** The distinct lower-cased words of one row's text. */
    static Set<String> terms(String text) {
        Set<String> terms = new HashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+")) {
            if (!word.isEmpty()) {
                terms.add(word);
            }
        }
        return terms;
    }

    static List<Double> quantiles(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        List<Double> quantiles = new ArrayList<>(QUANTILES);
        for (int q = 0; q < QUANTILES; q++) {
            quantiles.add(sorted.get((int) Math.round(q / (double) (QUANTILES - 1) * (sorted.size() - 1))));
        }
        return quantiles;
    }
}
