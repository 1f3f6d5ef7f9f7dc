package org.cdpdesktop.gui.importer;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/** Makes a node, usually the main window's root, accept files dropped on it and hand them to the import queue. */
public final class ImportDrop {

    /** Style class on the target while files are dragged over it, so the user sees the drop will be taken. */
    public static final String DRAG_OVER_STYLE = "import-drag-over";

    private ImportDrop() {
    }

    public static void install(Node target, Consumer<List<Path>> onFiles) {
        target.addEventHandler(DragEvent.DRAG_OVER, event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
                event.consume();
            }
        });
        target.addEventHandler(DragEvent.DRAG_ENTERED, event -> {
            if (event.getDragboard().hasFiles() && !target.getStyleClass().contains(DRAG_OVER_STYLE)) {
                target.getStyleClass().add(DRAG_OVER_STYLE);
            }
        });
        target.addEventHandler(DragEvent.DRAG_EXITED, event -> target.getStyleClass().remove(DRAG_OVER_STYLE));
        target.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            target.getStyleClass().remove(DRAG_OVER_STYLE);
            Dragboard dragboard = event.getDragboard();
            boolean taken = dragboard.hasFiles() && !dragboard.getFiles().isEmpty();
            if (taken) {
                onFiles.accept(dragboard.getFiles().stream().map(File::toPath).toList());
            }
            event.setDropCompleted(taken);
            event.consume();
        });
    }
}
