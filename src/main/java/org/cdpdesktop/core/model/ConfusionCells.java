package org.cdpdesktop.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The profiles in each cell of a confusion matrix (actual class by predicted class), or of a multi-label model's 2x2
 * per cohort (cohort by {@link #GIVEN_LABELLED} to {@link #NEITHER}), collected one at a time.
 */
final class ConfusionCells {

    /** A multi-label cohort's cells, in the order its 2x2 shows them. */
    static final int GIVEN_LABELLED = 0;
    static final int GIVEN_NOT_LABELLED = 1;
    static final int LABELLED_NOT_GIVEN = 2;
    static final int NEITHER = 3;

    private final List<List<List<Long>>> cells = new ArrayList<>();

    ConfusionCells(int classes) {
        this(classes, classes);
    }

    ConfusionCells(int rows, int columns) {
        for (int actual = 0; actual < rows; actual++) {
            List<List<Long>> row = new ArrayList<>();
            for (int predicted = 0; predicted < columns; predicted++) {
                row.add(new ArrayList<>());
            }
            cells.add(row);
        }
    }

    void add(int actual, int predicted, long profileId) {
        cells.get(actual).get(predicted).add(profileId);
    }

    /** One multi-label profile: for every cohort, the cell its labels and the cohorts given to it put it in. */
    void addCohorts(Set<Integer> actual, Set<Integer> given, long profileId) {
        for (int k = 0; k < cells.size(); k++) {
            boolean labelled = actual.contains(k);
            boolean said = given.contains(k);
            add(k, said ? labelled ? GIVEN_LABELLED : GIVEN_NOT_LABELLED : labelled ? LABELLED_NOT_GIVEN : NEITHER, profileId);
        }
    }

    /** Each cell's profile ids in the order they were added. */
    long[][][] toArrays() {
        long[][][] arrays = new long[cells.size()][][];
        for (int actual = 0; actual < cells.size(); actual++) {
            arrays[actual] = new long[cells.get(actual).size()][];
            for (int predicted = 0; predicted < cells.get(actual).size(); predicted++) {
                arrays[actual][predicted] = cells.get(actual).get(predicted).stream().mapToLong(Long::longValue).toArray();
            }
        }
        return arrays;
    }
}
