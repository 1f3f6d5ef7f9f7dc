package org.cdpdesktop.core.model;

/**
 * Settings Weka needs before its first class loads. Weka's package manager probes for netlib's ARPACK; the default
 * probe looks for native libraries the application does not ship, fails, and Weka then prints a warning on stdout,
 * which the CLI keeps for JSON. Pointing netlib at its pure Java implementation makes the probe succeed quietly.
 */
final class WekaRuntime {

    private static final String ARPACK = "com.github.fommil.netlib.ARPACK";

    private WekaRuntime() {
    }

    static void prepare() {
        if (System.getProperty(ARPACK) == null) {
            System.setProperty(ARPACK, "com.github.fommil.netlib.F2jARPACK");
        }
    }
}
