package org.cdpdesktop.gui.importer;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.security.AccessControlContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * Drops files on a node as a file manager's drag does: the toolkit's drag over, then the drop, with a dragboard
 * holding the file list. TestFX's robot drags can't carry files, so tests deliver the same events this way.
 */
final class FileDrop {

    private FileDrop() {
    }

    /** Call on the FX thread. */
    static void dropOn(Node target, List<Path> files) {
        Dragboard dragboard = DragboardHelper.createDragboard(new DraggedFiles());
        ClipboardContent content = new ClipboardContent();
        content.putFiles(files.stream().map(Path::toFile).toList());
        dragboard.setContent(content);
        for (var type : List.of(DragEvent.DRAG_ENTERED, DragEvent.DRAG_OVER, DragEvent.DRAG_DROPPED)) {
            Event.fireEvent(target, new DragEvent(target, target, type, dragboard, 10, 10, 10, 10,
                    TransferMode.COPY, null, target, null));
        }
    }

    /** The platform's side of a drag carrying files from a file manager, as the toolkit hands it to the scene. */
    private static final class DraggedFiles implements TKClipboard {
        private final Map<DataFormat, Object> content = new HashMap<>();

        @Override
        public void setSecurityContext(AccessControlContext context) {
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return content.keySet();
        }

        @Override
        @SafeVarargs
        public final boolean putContent(Pair<DataFormat, Object>... pairs) {
            for (Pair<DataFormat, Object> pair : pairs) {
                content.put(pair.getKey(), pair.getValue());
            }
            return true;
        }

        @Override
        public Object getContent(DataFormat format) {
            return content.get(format);
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return content.containsKey(format);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return Set.of(TransferMode.COPY);
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offset) {
        }

        @Override
        public void setDragViewOffsetY(double offset) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }

}
