package org.cdpdesktop.core.model;

import java.util.ArrayList;
import java.util.List;

/** The profiles in each cell of a confusion matrix (actual class by predicted class), collected one at a time. */
final class ConfusionCells {

    private final List<List<List<Long>>> cells = new ArrayList<>();

    ConfusionCells(int classes) {
        for (int actual = 0; actual < classes; actual++) {
            List<List<Long>> row = new ArrayList<>();
            for (int predicted = 0; predicted < classes; predicted++) {
                row.add(new ArrayList<>());
            }
            cells.add(row);
        }
    }

    void add(int actual, int predicted, long profileId) {
        cells.get(actual).get(predicted).add(profileId);
    }

    /** Each cell's profile ids in the order they were added. */
    long[][][] toArrays() {
        long[][][] arrays = new long[cells.size()][cells.size()][];
        for (int actual = 0; actual < cells.size(); actual++) {
            for (int predicted = 0; predicted < cells.size(); predicted++) {
                arrays[actual][predicted] = cells.get(actual).get(predicted).stream().mapToLong(Long::longValue).toArray();
            }
        }
        return arrays;
    }
}
