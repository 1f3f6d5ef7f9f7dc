package org.cdpdesktop.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSnifferTest {

    @TempDir
    Path folder;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = folder.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private Path write(String name, String text, Charset charset) throws IOException {
        return write(name, text.getBytes(charset));
    }

    @Test
    void detectsUtf8WithBomAndCommas() throws IOException {
        byte[] body = "email,city\r\na@b.com,Zürich\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        CsvDialect dialect = CsvSniffer.sniff(write("bom.csv", bytes));
        assertThat(dialect.encoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(dialect.bom()).isTrue();
        assertThat(dialect.delimiter()).isEqualTo(',');
        assertThat(dialect.header()).isTrue();
        assertThat(CsvPreviewer.preview(write("bom.csv", bytes), dialect, 5).headers()).containsExactly("email", "city");
    }

    @Test
    void detectsUtf16WithBom() throws IOException {
        byte[] body = "email;city\na@b.com;Köln\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        Path file = write("utf16.csv", bytes);
        CsvDialect dialect = CsvSniffer.sniff(file);
        assertThat(dialect.encoding()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(dialect.delimiter()).isEqualTo(';');
        assertThat(CsvPreviewer.preview(file, dialect, 5).rows()).containsExactly(List.of("a@b.com", "Köln"));
    }

    @Test
    void tellsWindows1252FromLatin1() throws IOException {
        assertThat(CsvSniffer.sniff(write("w.csv", "name;note\nMüller;„quoted“ €5\n", EncodingDetector.WINDOWS_1252)).encoding())
                .isEqualTo(EncodingDetector.WINDOWS_1252);
        assertThat(CsvSniffer.sniff(write("l.csv", "name;city\nMüller;Köln\n", StandardCharsets.ISO_8859_1)).encoding())
                .isEqualTo(StandardCharsets.ISO_8859_1);
    }

    @Test
    void picksTheDelimiterThatSplitsRowsConsistently() throws IOException {
        assertThat(CsvSniffer.sniff(write("tab.csv", "a\tb\tc\n1\t2,5\t3\n4\t5\t6\n", StandardCharsets.UTF_8)).delimiter()).isEqualTo('\t');
        assertThat(CsvSniffer.sniff(write("pipe.csv", "a|b\n1|x, y\n2|z\n", StandardCharsets.UTF_8)).delimiter()).isEqualTo('|');
        assertThat(CsvSniffer.sniff(write("semi.csv", "name;notes\nx;\"a, b, c\"\ny;d, e\n", StandardCharsets.UTF_8)).delimiter())
                .isEqualTo(';');
    }

    @Test
    void findsPreambleLinesAndAMissingHeader() throws IOException {
        Path preamble = write("pre.csv", "Exported from CRM\n\nemail,city\na@b.com,Oslo\nc@d.com,Rome\n", StandardCharsets.UTF_8);
        CsvDialect dialect = CsvSniffer.sniff(preamble);
        assertThat(dialect.skipRows()).isEqualTo(2);
        assertThat(CsvPreviewer.preview(preamble, dialect, 5).headers()).containsExactly("email", "city");
        CsvDialect noHeader = CsvSniffer.sniff(write("nohead.csv", "a@b.com,34\nc@d.com,35\n", StandardCharsets.UTF_8));
        assertThat(noHeader.header()).isFalse();
    }

    @Test
    void detectsABackslashEscape() throws IOException {
        CsvDialect dialect = CsvSniffer.sniff(write("esc.csv", "a,b\n1,\"say \\\"hi\\\"\"\n2,\"x \\\"y\\\"\"\n", StandardCharsets.UTF_8));
        assertThat(dialect.escape()).isEqualTo('\\');
    }

    @Test
    void previewNamesDuplicateAndBlankHeadersAndRaggedRows() throws IOException {
        Path file = write("dup.csv", "email,email,\na@b.com,c@d.com,x\nshort,row\n", StandardCharsets.UTF_8);
        CsvPreview preview = CsvPreviewer.preview(file, CsvSniffer.sniff(file), 10);
        assertThat(preview.headers()).containsExactly("email", "email_2", "column_3");
        assertThat(preview.problems()).contains(
                "Column 3 has no name; it is called 'column_3'",
                "Column 'email' appears more than once; column 2 is called 'email_2'",
                "Line 3: expected 3 columns, found 2; this row will be rejected");
    }

    @Test
    void previewOfEmptyHeaderOnlyAndBinaryFilesSaysWhy() throws IOException {
        Path empty = write("empty.csv", new byte[0]);
        assertThat(CsvPreviewer.preview(empty, CsvSniffer.sniff(empty), 5).problems()).containsExactly("The file is empty");
        Path header = write("header.csv", "email,city\n", StandardCharsets.UTF_8);
        assertThat(CsvPreviewer.preview(header, CsvSniffer.sniff(header), 5).problems())
                .containsExactly("The file has a header row but no data rows");
        byte[] garbage = new byte[4096];
        new java.util.Random(1).nextBytes(garbage);
        Path binary = write("garbage.csv", garbage);
        assertThat(CsvPreviewer.preview(binary, CsvSniffer.sniff(binary), 5).problems())
                .singleElement().asString().contains("does not look like a text file");
    }
}
