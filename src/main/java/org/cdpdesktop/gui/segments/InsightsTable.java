package org.cdpdesktop.gui.segments;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import org.cdpdesktop.core.segment.Insight;

/**
 * The ranked differences: field, value, the share among members and among everyone else, each with a bar, lift and
 * the corrected p-value. A row whose field the rule itself tests is marked, since it differs by construction.
 */
public final class InsightsTable extends TableView<Insight> {

    private static final double BAR_WIDTH = 48;

    public InsightsTable() {
        getColumns().add(column("Field", 90, insight -> insight.dimension() + (insight.inRule() ? " (in rule)" : "")));
        getColumns().add(column("Value", 120, Insight::value));
        getColumns().add(shareColumn("Members", Insight::memberShare, "insight-bar-members"));
        getColumns().add(shareColumn("Others", Insight::restShare, "insight-bar-rest"));
        getColumns().add(column("Lift", 60, insight -> lift(insight.lift())));
        getColumns().add(column("q-value", 80, insight -> insight.qValue() < 1e-4 ? "< 0.0001"
                : String.format(Locale.ROOT, "%.4f", insight.qValue())));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    static String lift(double lift) {
        if (Double.isInfinite(lift)) {
            return "only members";
        }
        return String.format(Locale.ROOT, "×%.2f", lift);
    }

    private static TableColumn<Insight, String> column(String title, double minWidth, Function<Insight, String> text) {
        TableColumn<Insight, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
        column.setMinWidth(Math.max(minWidth, new Text(title).getLayoutBounds().getWidth() * 1.3 + 24));
        return column;
    }

    private static TableColumn<Insight, Double> shareColumn(String title, Function<Insight, Double> share, String barStyle) {
        TableColumn<Insight, Double> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleObjectProperty<>(share.apply(cell.getValue())));
        column.setMinWidth(BAR_WIDTH + 56);
        column.setCellFactory(table -> new TableCell<>() {
            private final Region bar = new Region();
            private final Label percent = new Label();
            private final HBox content = new HBox(6, new StackPane(bar), percent);

            {
                bar.getStyleClass().add(barStyle);
                bar.setMinHeight(10);
                bar.setMaxHeight(10);
                content.setAlignment(Pos.CENTER_LEFT);
                ((StackPane) content.getChildren().get(0)).setAlignment(Pos.CENTER_LEFT);
                ((StackPane) content.getChildren().get(0)).setMinWidth(BAR_WIDTH);
                ((StackPane) content.getChildren().get(0)).setMaxWidth(BAR_WIDTH);
                percent.setMinWidth(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                // Bars scale to the largest share shown, so that small shares still compare at a glance.
                double largest = getTableView().getItems().stream()
                        .mapToDouble(insight -> Math.max(insight.memberShare(), insight.restShare())).max().orElse(1);
                double width = Math.max(1, item / Math.max(largest, 1e-9) * BAR_WIDTH);
                bar.setMinWidth(width);
                bar.setMaxWidth(width);
                percent.setText(String.format(Locale.ROOT, item < 0.001 && item > 0 ? "%.2f%%" : "%.1f%%", item * 100));
                setGraphic(content);
            }
        });
        return column;
    }
}
