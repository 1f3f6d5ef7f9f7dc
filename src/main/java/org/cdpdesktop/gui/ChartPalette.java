package org.cdpdesktop.gui;

import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Shape;

/**
 * Series colours that stay apart however many series a chart has. The theme's stylesheet knows eight colours and
 * repeats them from the ninth series on; here the first twenty come from a qualitative palette chosen to be told apart
 * (Tableau 20's dark and light pairs), and any further ones step round the hue circle by the golden angle.
 */
public final class ChartPalette {

    private static final List<String> COLOURS = List.of(
            "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
            "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2", "#c7c7c7", "#dbdb8d", "#9edae5");
    private static final double GOLDEN_ANGLE = 137.508;

    private ChartPalette() {
    }

    /** The colour of the series at {@code index}, as CSS. */
    public static String colour(int index) {
        if (index < COLOURS.size()) {
            return COLOURS.get(index);
        }
        double hue = (index * GOLDEN_ANGLE) % 360;
        return String.format(Locale.ROOT, "hsb(%.0f, %d%%, %d%%)", hue, index % 2 == 0 ? 70 : 45, index % 2 == 0 ? 80 : 65);
    }

    /**
     * Colours every series of {@code chart} by its position: lines, symbols, bars and the legend's marks. Call it
     * after the chart's data changed.
     */
    public static void paint(XYChart<?, ?> chart) {
        chart.applyCss();
        for (int i = 0; i < chart.getData().size(); i++) {
            String colour = colour(i);
            XYChart.Series<?, ?> series = chart.getData().get(i);
            if (series.getNode() != null) {
                paint(series.getNode(), colour);
            }
            for (XYChart.Data<?, ?> data : series.getData()) {
                if (data.getNode() != null) {
                    paint(data.getNode(), colour);
                }
            }
            for (Node legendMark : chart.lookupAll(".chart-legend-item-symbol.series" + i)) {
                paint(legendMark, colour);
            }
        }
    }

    private static void paint(Node node, String colour) {
        if (node instanceof Shape) {
            node.setStyle("-fx-stroke: " + colour + ";");
        } else if (node.getStyleClass().contains("chart-bar") || node.getStyleClass().contains("bar-legend-symbol")) {
            node.setStyle("-fx-bar-fill: " + colour + "; -fx-background-color: " + colour + ";");
        } else {
            node.setStyle("-fx-background-color: " + colour + ", white;");
        }
    }
}
