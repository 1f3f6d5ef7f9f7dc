package org.cdpdesktop;

import java.nio.file.Path;
import java.util.List;

/**
 * What the desktop app opens with: the data folder, and the files given on the command line (as a file manager's
 * "Open with CDP Desktop" passes them), each queued into the import wizard once the window shows.
 */
public record DesktopStart(Path dataDirectory, List<Path> filesToImport) {

    public DesktopStart {
        filesToImport = List.copyOf(filesToImport);
    }
}
