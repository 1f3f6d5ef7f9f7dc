package org.cdpdesktop.core.ingest;

import java.util.List;

/**
 * The first rows of a file read with a dialect, for the wizard's live preview.
 *
 * @param headers  unique column names (duplicates renamed, blanks named {@code column_N}); generated
 *                 {@code column_1..N} when the dialect has no header row
 * @param rows     the first data rows, each as read (not cleaned)
 * @param problems what a person should know before importing, one sentence each with its line
 */
public record CsvPreview(List<String> headers, List<List<String>> rows, List<String> problems) {
    public CsvPreview {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }
}
