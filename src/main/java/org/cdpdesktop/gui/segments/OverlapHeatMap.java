package org.cdpdesktop.gui.segments;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import org.cdpdesktop.core.segment.OverlapMatrix;

/**
 * The overlap matrix as a heat map: one cell per pair of segments with the profiles in both, shaded by Jaccard so that
 * pairs that are nearly the same audience stand out. Clicking a cell calls {@link #setOnPick}'s handler.
 */
public final class OverlapHeatMap extends GridPane {

    private static final Color LOW = Color.web("#f6f8fa");
    private static final Color HIGH = Color.web("#0969da");
    private static final double CELL = 64;

    /** Receives the row and column of a clicked cell. */
    @FunctionalInterface
    public interface Pick {
        void picked(int row, int column);
    }

    private Pick onPick = (row, column) -> { };

    public OverlapHeatMap() {
        setHgap(2);
        setVgap(2);
        getStyleClass().add("overlap-map");
    }

    public void setOnPick(Pick onPick) {
        this.onPick = onPick;
    }

    public void show(OverlapMatrix matrix) {
        getChildren().clear();
        if (matrix == null) {
            return;
        }
        int n = matrix.segments().size();
        for (int i = 0; i < n; i++) {
            String name = matrix.segments().get(i).name();
            Label rowName = new Label(name);
            rowName.setMinWidth(Label.USE_PREF_SIZE);
            add(rowName, 0, i + 1);
            Label columnName = new Label(name);
            columnName.setRotate(-90);
            Group rotated = new Group(columnName);
            add(rotated, i + 1, 0);
            GridPane.setHalignment(rotated, javafx.geometry.HPos.CENTER);
            GridPane.setValignment(rotated, javafx.geometry.VPos.BOTTOM);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                add(cell(matrix, i, j), j + 1, i + 1);
            }
        }
    }

    private Label cell(OverlapMatrix matrix, int i, int j) {
        double jaccard = matrix.jaccard(i, j);
        Label cell = new Label(compact(matrix.both()[i][j]));
        cell.setId("overlap-r" + i + "c" + j);
        cell.setAlignment(Pos.CENTER);
        cell.setMinSize(CELL, 28);
        cell.setPrefSize(CELL, 28);
        Color fill = LOW.interpolate(HIGH, jaccard);
        cell.setStyle("-fx-background-color: " + web(fill) + "; -fx-text-fill: " + (jaccard > 0.5 ? "white" : "#24292f")
                + "; -fx-cursor: hand;");
        cell.setTooltip(new Tooltip(String.format(Locale.ROOT, "%s and %s: %,d in both, Jaccard %.2f",
                matrix.segments().get(i).name(), matrix.segments().get(j).name(), matrix.both()[i][j], jaccard)));
        cell.setOnMouseClicked(event -> onPick.picked(i, j));
        return cell;
    }

    /** 950, 12.3k, 1.2M: a cell is too narrow for a full count; the tooltip has it. */
    static String compact(long count) {
        if (count < 10_000) {
            return String.format(Locale.ROOT, "%,d", count);
        }
        if (count < 1_000_000) {
            return String.format(Locale.ROOT, "%.1fk", count / 1000.0);
        }
        return String.format(Locale.ROOT, "%.2fM", count / 1_000_000.0);
    }

    private static String web(Color color) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(color.getRed() * 255),
                (int) Math.round(color.getGreen() * 255), (int) Math.round(color.getBlue() * 255));
    }
}
