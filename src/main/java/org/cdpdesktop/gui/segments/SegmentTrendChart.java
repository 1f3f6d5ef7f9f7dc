package org.cdpdesktop.gui.segments;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Side;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import org.cdpdesktop.core.segment.SegmentHistory;
import org.cdpdesktop.core.segment.SnapshotPoint;
import org.cdpdesktop.gui.ChartPalette;

/**
 * Segment sizes at each snapshot, one line per segment, each in its own {@link ChartPalette} colour. Usable from FXML on any screen (the Segments screen, the
 * dashboard): load {@code SegmentService.histories()} off the FX thread, then call {@link #show}.
 */
public final class SegmentTrendChart extends LineChart<String, Number> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    public SegmentTrendChart() {
        super(new CategoryAxis(), new NumberAxis());
        getXAxis().setLabel("Snapshot");
        getYAxis().setLabel("Members");
        setTitle("Segment sizes at each snapshot");
        setLegendSide(Side.RIGHT);
        setAnimated(false);
        getStyleClass().add("segment-trend");
    }

    /** Draws the histories; segments never snapshotted are left out. */
    public void show(List<SegmentHistory> histories) {
        Map<String, String> labels = new HashMap<>();
        getData().clear();
        for (SegmentHistory history : histories) {
            if (history.points().isEmpty()) {
                continue;
            }
            Series<String, Number> series = new Series<>();
            series.setName(history.name());
            for (SnapshotPoint point : history.points()) {
                series.getData().add(new Data<>(labels.computeIfAbsent(point.takenAt(), SegmentTrendChart::readableTime), point.size()));
            }
            getData().add(series);
        }
        ChartPalette.paint(this);
    }

    /** A stored UTC instant as local time for people, e.g. "Mar 5 14:30"; as stored when it is no instant. */
    static String readableTime(String takenAt) {
        try {
            return WHEN.format(Instant.parse(takenAt));
        } catch (DateTimeParseException e) {
            return takenAt;
        }
    }
}
