package org.cdpdesktop.gui.importer;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/** Shows rows of text cells, such as a file preview or rejected rows, in a table with the given headers. */
final class RowTables {

    private static final double MAX_COLUMN_WIDTH = 420;
    private static final double LINE_NUMBER_WIDTH = 80;

    private RowTables() {
    }

    static void show(TableView<List<String>> table, List<String> headers, List<List<String>> rows) {
        table.getColumns().clear();
        for (int index = 0; index < headers.size(); index++) {
            int column = index;
            TableColumn<List<String>, String> tableColumn = new TableColumn<>(headers.get(index));
            tableColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                    column < cell.getValue().size() ? cell.getValue().get(column) : ""));
            tableColumn.setSortable(false);
            tableColumn.setMaxWidth(MAX_COLUMN_WIDTH);
            tableColumn.setCellFactory(ignored -> new FullTextCell());
            table.getColumns().add(tableColumn);
        }
        table.setItems(FXCollections.observableArrayList(rows));
    }

    /**
     * A rejects table: a narrow line number, then the reason and the raw line sharing the width, so both can be
     * read without scrolling sideways; the full text of any cell is in its tooltip.
     */
    static void showRejects(TableView<List<String>> table, List<String> headers, List<List<String>> rows) {
        show(table, headers, rows);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().forEach(column -> column.setMaxWidth(Double.MAX_VALUE));
        if (!table.getColumns().isEmpty()) {
            table.getColumns().get(0).setMaxWidth(LINE_NUMBER_WIDTH);
        }
    }

    /** Shows a cell's whole value as its tooltip, as long values are cut off at the column's edge. */
    private static final class FullTextCell extends TableCell<List<String>, String> {
        @Override
        protected void updateItem(String value, boolean empty) {
            super.updateItem(value, empty);
            setText(empty ? null : value);
            setTooltip(empty || value == null || value.isEmpty() ? null : new Tooltip(value));
        }
    }
}
