package org.cdpdesktop.gui;

import java.nio.file.Path;
import java.util.Optional;
import org.cdpdesktop.core.export.ExportFormat;

/**
 * Asks where an export goes. Every screen's export asks through this, so that all of them offer the same Save dialog
 * ({@link ExportDialog}); tests answer with a fixed path, since a native dialog cannot be driven headless.
 */
@FunctionalInterface
public interface ExportFileChooser {

    /** The file the user chose for an export in {@code format}, suggesting {@code fileName}; empty when they cancelled. */
    Optional<Path> choose(ExportFormat format, String fileName);
}
