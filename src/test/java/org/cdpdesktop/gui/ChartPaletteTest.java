package org.cdpdesktop.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChartPaletteTest {

    @Test
    void fortySeriesGetFortyDifferentColours() {
        Set<String> colours = new HashSet<>();
        IntStream.range(0, 40).forEach(index -> colours.add(ChartPalette.colour(index)));

        assertThat(colours).hasSize(40);
    }
}
