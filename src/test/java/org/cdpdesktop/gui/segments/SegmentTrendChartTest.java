package org.cdpdesktop.gui.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.cdpdesktop.core.segment.SegmentHistory;
import org.cdpdesktop.core.segment.SnapshotPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class SegmentTrendChartTest {

    private SegmentTrendChart chart;

    @Start
    void start(Stage stage) {
        chart = new SegmentTrendChart();
        stage.setScene(new Scene(chart, 900, 600));
        stage.show();
    }

    @Test
    void sixteenSegmentsGetSixteenColoursInTheirLinesAndLegend(FxRobot robot) {
        List<SegmentHistory> histories = IntStream.range(0, 16).mapToObj(i -> new SegmentHistory(i, "Segment " + i,
                List.of(new SnapshotPoint(1, i, "2026-11-01T10:00:00Z", "test", 10 + i),
                        new SnapshotPoint(2, i, "2026-11-02T10:00:00Z", "test", 20 + i))))
                .toList();

        robot.interact(() -> chart.show(histories));

        assertThat(chart.getData()).hasSize(16);
        assertThat(chart.getData().stream().map(series -> series.getNode().getStyle()).distinct()).hasSize(16);
        for (int i = 0; i < 16; i++) {
            String lineStyle = chart.getData().get(i).getNode().getStyle();
            assertThat(robot.lookup(".chart-legend-item-symbol.series" + i).<Node>queryAll()).isNotEmpty()
                    .allSatisfy(mark -> assertThat(colourOf((Node) mark)).isEqualTo(lineStyle.replace("-fx-stroke: ", "").replace(";", "")));
        }
    }

    private static String colourOf(Node mark) {
        return mark.getStyle().replace("-fx-background-color: ", "").replace(", white;", "");
    }
}
