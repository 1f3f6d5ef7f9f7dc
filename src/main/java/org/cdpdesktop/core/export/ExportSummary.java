package org.cdpdesktop.core.export;

/**
 * What an export wrote.
 *
 * @param file {@code null} when written to a stream (the CLI's stdout)
 */
public record ExportSummary(long profiles, String format, String file, double seconds) {
}
