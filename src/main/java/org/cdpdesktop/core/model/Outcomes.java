package org.cdpdesktop.core.model;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An evaluation's per-profile outcomes as a small text file beside the model: a header line, then one line per tested
 * profile, {@code profile id TAB actual TAB predicted}. A single-label model's actual and predicted are one class index
 * each; a multi-label model's are the indices of the cohorts the profile is labelled with and of those it was given,
 * separated by commas. Plain text parsed line by line, so a damaged or planted file yields an error, never an object.
 */
final class Outcomes {

    static final String HEADER = "cdp-desktop outcomes 1";
    /** About 15 bytes a profile: a million tested profiles stay far below it. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private Outcomes() {
    }

    static byte[] write(long[][][] cells) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int actual = 0; actual < cells.length; actual++) {
            for (int predicted = 0; predicted < cells[actual].length; predicted++) {
                for (long id : cells[actual][predicted]) {
                    text.append(id).append('\t').append(actual).append('\t').append(predicted).append('\n');
                }
            }
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A multi-label evaluation's outcomes from its cells ({@code cells[cohort][cell]}, cells as in {@link ConfusionCells}):
     * each profile once, in id order, with the cohorts it is labelled with and those it was given.
     */
    static byte[] writeCohorts(long[][][] cells) {
        Map<Long, List<Set<Integer>>> profiles = new TreeMap<>();
        for (int k = 0; k < cells.length; k++) {
            for (int cell = 0; cell < cells[k].length; cell++) {
                for (long id : cells[k][cell]) {
                    List<Set<Integer>> sets = profiles.computeIfAbsent(id, none -> List.of(new TreeSet<>(), new TreeSet<>()));
                    if (cell == ConfusionCells.GIVEN_LABELLED || cell == ConfusionCells.LABELLED_NOT_GIVEN) {
                        sets.get(0).add(k);
                    }
                    if (cell == ConfusionCells.GIVEN_LABELLED || cell == ConfusionCells.GIVEN_NOT_LABELLED) {
                        sets.get(1).add(k);
                    }
                }
            }
        }
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        profiles.forEach((id, sets) -> text.append(id).append('\t').append(joined(sets.get(0))).append('\t').append(joined(sets.get(1))).append('\n'));
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String joined(Set<Integer> indices) {
        return indices.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The cells of a {@code classes} by {@code classes} matrix, each with its profile ids in file order. */
    static long[][][] read(byte[] content, int classes, String name) {
        ConfusionCells cells = new ConfusionCells(classes);
        lines(content, classes, name, (id, actual, predicted, line) -> {
            if (actual.size() != 1 || predicted.size() != 1) {
                throw bad(name, line);
            }
            cells.add(actual.first(), predicted.first(), id);
        });
        return cells.toArrays();
    }

    /** Each of {@code classes} cohorts' four cells ({@code [cohort][cell]}, as in {@link ConfusionCells}), ids in file order. */
    static long[][][] readCohorts(byte[] content, int classes, String name) {
        ConfusionCells cells = new ConfusionCells(classes, 4);
        lines(content, classes, name, (id, actual, given, line) -> {
            if (actual.isEmpty() || given.isEmpty()) {
                throw bad(name, line);
            }
            cells.addCohorts(actual, given, id);
        });
        return cells.toArrays();
    }

    private interface Line {
        void accept(long id, TreeSet<Integer> actual, TreeSet<Integer> predicted, long number);
    }

    private static void lines(byte[] content, int classes, String name, Line each) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.US_ASCII))) {
            if (!HEADER.equals(lines.readLine())) {
                throw new ModelException("The file " + name + " is not a CDP Desktop outcomes file");
            }
            long number = 1;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String[] parts = line.split("\t", -1);
                if (parts.length != 3) {
                    throw bad(name, number);
                }
                try {
                    each.accept(Long.parseLong(parts[0]), indices(parts[1], classes, name, number), indices(parts[2], classes, name, number), number);
                } catch (NumberFormatException e) {
                    throw bad(name, number);
                }
            }
        } catch (IOException e) {
            throw new ModelException("Cannot read the outcomes file " + name + ": " + e.getMessage(), e);
        }
    }

    /** Class indices separated by commas, each below {@code classes} and named once. */
    private static TreeSet<Integer> indices(String text, int classes, String name, long line) {
        TreeSet<Integer> indices = new TreeSet<>();
        for (String part : text.split(",", -1)) {
            int index = Integer.parseInt(part);
            if (index < 0 || index >= classes || !indices.add(index)) {
                throw bad(name, line);
            }
        }
        return indices;
    }

    private static ModelException bad(String name, long line) {
        return new ModelException("The outcomes file " + name + " is damaged at line " + line + "; its cells cannot list profiles");
    }
}
