package org.cdpdesktop.core.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The rejects CSV of one import ({@code line, reason, raw}). It is created at the first rejected row, so an import
 * without rejects leaves no file.
 */
final class RejectsFile implements RecordSource.RejectSink {

    private final Path file;
    private CSVPrinter printer;

    RejectsFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    @Override
    public void reject(long line, String reason, String raw) throws IOException {
        if (printer == null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader("line", "reason", "raw").get());
        }
        printer.printRecord(line, reason, raw);
    }

    void close() throws IOException {
        if (printer != null) {
            printer.close();
            printer = null;
        }
    }

    /** A failed import leaves no rejects file behind: it would describe an import that did not happen. */
    void discard(Exception failure) {
        try {
            close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
