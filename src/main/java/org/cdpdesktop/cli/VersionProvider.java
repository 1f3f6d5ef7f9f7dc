package org.cdpdesktop.cli;

import org.cdpdesktop.core.AppInfo;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {AppInfo.NAME + " " + AppInfo.version()};
    }
}
