package org.cdpdesktop.core.model;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * An evaluation's per-profile outcomes as a small text file beside the model: a header line, then one line per tested
 * profile, {@code profile id TAB actual class index TAB predicted class index}. Plain text parsed line by line, so a
 * damaged or planted file yields an error, never an object.
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

    /** The cells of a {@code classes} by {@code classes} matrix, each with its profile ids in file order. */
    static long[][][] read(byte[] content, int classes, String name) {
        ConfusionCells cells = new ConfusionCells(classes);
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
                    long id = Long.parseLong(parts[0]);
                    int actual = Integer.parseInt(parts[1]);
                    int predicted = Integer.parseInt(parts[2]);
                    if (actual < 0 || actual >= classes || predicted < 0 || predicted >= classes) {
                        throw bad(name, number);
                    }
                    cells.add(actual, predicted, id);
                } catch (NumberFormatException e) {
                    throw bad(name, number);
                }
            }
        } catch (IOException e) {
            throw new ModelException("Cannot read the outcomes file " + name + ": " + e.getMessage(), e);
        }
        return cells.toArrays();
    }

    private static ModelException bad(String name, long line) {
        return new ModelException("The outcomes file " + name + " is damaged at line " + line + "; its cells cannot list profiles");
    }
}
