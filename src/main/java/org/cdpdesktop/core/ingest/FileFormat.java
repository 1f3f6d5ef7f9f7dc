package org.cdpdesktop.core.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The kinds of file an import reads, told apart by their content rather than their name: a JSON document saved as
 * {@code .csv}, a CSV named {@code .txt} or without an extension, and a workbook dropped under any name all go to the
 * right reader. What is none of them is refused with a reason before anything is stored.
 */
public enum FileFormat {
    CSV("csv", "CSV text"),
    XLSX("xlsx", "Excel workbook (.xlsx)"),
    XLS("xls", "Excel 97-2003 workbook (.xls)"),
    JSON("json", "JSON document"),
    JSONL("jsonl", "JSON Lines (one object per line)");

    private static final int SAMPLE_BYTES = 64 * 1024;
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private final String key;
    private final String label;

    FileFormat(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The short name the import history and the CLI use: {@code csv}, {@code xlsx}, {@code xls}, {@code json}, {@code jsonl}. */
    public String key() {
        return key;
    }

    /** What the wizard says it detected, e.g. "Excel workbook (.xlsx)". */
    public String label() {
        return label;
    }

    /** Whether the file has sheets to choose from. */
    public boolean isWorkbook() {
        return this == XLSX || this == XLS;
    }

    /**
     * The format of {@code file}, judged by its first bytes (and, for a ZIP, its entries).
     *
     * @throws ImportException naming the file and what it looks like instead, when it is none of the formats
     */
    public static FileFormat detect(Path file) throws IOException {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(SAMPLE_BYTES);
        }
        String name = file.getFileName().toString();
        if (startsWith(sample, ZIP)) {
            return workbookInZip(file, name);
        }
        if (startsWith(sample, OLE2)) {
            return XLS;
        }
        EncodingDetector.Detected encoding = EncodingDetector.detect(sample, sample.length);
        if (encoding.binary()) {
            throw new ImportException(name + " is not a file CDP Desktop can import: it holds binary data, and it is not an Excel"
                    + " workbook; import CSV, Excel (.xlsx, .xls), JSON or JSON Lines files");
        }
        String text = new String(sample, encoding.charset()).stripLeading();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).stripLeading();
        }
        if (text.startsWith("[")) {
            return JSON;
        }
        if (text.startsWith("{")) {
            return looksLikeJsonLines(text, name) ? JSONL : JSON;
        }
        if (text.startsWith("<")) {
            throw new ImportException(name + " looks like an HTML or XML document, not customer data; export the data as CSV,"
                    + " Excel, JSON or JSON Lines and import that");
        }
        return CSV;
    }

    private static FileFormat workbookInZip(Path file, String name) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry workbook = zip.getEntry("xl/workbook.xml");
            if (workbook != null) {
                return XLSX;
            }
            if (zip.getEntry("xl/workbook.bin") != null) {
                throw new ImportException(name + " is an Excel binary workbook (.xlsb); save it as .xlsx or CSV and import that");
            }
            if (zip.getEntry("content.xml") != null) {
                throw new ImportException(name + " is an OpenDocument file; save it as .xlsx or CSV and import that");
            }
        } catch (ZipException e) {
            throw new ImportException(name + " looks like a ZIP archive but cannot be opened as one (" + e.getMessage() + ")", e);
        }
        throw new ImportException(name + " is a ZIP archive, not an Excel workbook; unpack it and import the CSV, Excel or JSON"
                + " files inside");
    }

    /**
     * A file starting with an object is JSON Lines when its first line is a whole object on its own and more follows;
     * a single object, however it is laid out, is a JSON document.
     */
    private static boolean looksLikeJsonLines(String text, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return true;
        }
        int newline = text.indexOf('\n');
        if (newline < 0) {
            return false;
        }
        String first = text.substring(0, newline).strip();
        return first.endsWith("}") && JsonRecords.isObject(first) && !text.substring(newline).isBlank();
    }

    private static boolean startsWith(byte[] sample, byte[] prefix) {
        if (sample.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (sample[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
