package org.cdpdesktop.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Name and version, read from a resource Maven fills in at build time. */
public final class AppInfo {

    public static final String NAME = "CDP Desktop";
    private static final String VERSION = readVersion();

    private AppInfo() {
    }

    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        Properties properties = new Properties();
        try (InputStream in = AppInfo.class.getResourceAsStream("/org/cdpdesktop/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }
}
