package org.cdpdesktop.gui.importer;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Shows rows of text cells, such as a file preview or rejected rows, in a table with the given headers. */
final class RowTables {

    private static final double MAX_COLUMN_WIDTH = 420;

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
            table.getColumns().add(tableColumn);
        }
        table.setItems(FXCollections.observableArrayList(rows));
    }
}
