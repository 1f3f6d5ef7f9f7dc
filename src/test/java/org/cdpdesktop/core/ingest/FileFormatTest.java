package org.cdpdesktop.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's format is decided by its content, not its name; what is no importable format is refused with a reason. */
class FileFormatTest {

    @TempDir
    Path folder;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void textFilesAreToldApartByTheirContent() throws Exception {
        assertThat(FileFormat.detect(write("a.csv", "email,city\na@b.com,Oslo\n"))).isEqualTo(FileFormat.CSV);
        assertThat(FileFormat.detect(write("a.txt", "email;city\na@b.com;Oslo\n"))).isEqualTo(FileFormat.CSV);
        assertThat(FileFormat.detect(write("export", "email,city\na@b.com,Oslo\n"))).isEqualTo(FileFormat.CSV);
        assertThat(FileFormat.detect(write("a.csv", "\uFEFF  [{\"email\": \"a@b.com\"}]"))).isEqualTo(FileFormat.JSON);
        assertThat(FileFormat.detect(write("b.txt", "{\n  \"email\": \"a@b.com\"\n}\n"))).isEqualTo(FileFormat.JSON);
        assertThat(FileFormat.detect(write("c.json", "{\"email\": \"a@b.com\"}\n{\"email\": \"c@d.com\"}\n"))).isEqualTo(FileFormat.JSONL);
        assertThat(FileFormat.detect(write("d.jsonl", "{\"email\": \"a@b.com\"}\n"))).isEqualTo(FileFormat.JSONL);
        assertThat(FileFormat.detect(write("e.json", "{\"email\": \"a@b.com\"}"))).isEqualTo(FileFormat.JSON);
    }

    @Test
    void workbooksAreFoundUnderAnyName() throws Exception {
        Path xlsx = TestWorkbooks.customers(folder.resolve("book.xlsx"));
        Path xls = TestWorkbooks.legacyCustomers(folder.resolve("book.xls"));

        assertThat(FileFormat.detect(Files.copy(xlsx, folder.resolve("upload.bin")))).isEqualTo(FileFormat.XLSX);
        assertThat(FileFormat.detect(Files.copy(xls, folder.resolve("upload")))).isEqualTo(FileFormat.XLS);
        assertThat(ImportFiles.preview(folder.resolve("upload"), null, null, 0, 5).describe())
                .isEqualTo("Detected: Excel 97-2003 workbook (.xls), sheet 'Customers'");
    }

    @Test
    void aBinaryFileRenamedCsvIsRefusedAndNothingIsStored() throws Exception {
        byte[] bytes = new byte[4096];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        try (ImportFixture fixture = new ImportFixture(folder)) {
            Path file = fixture.file("photo.csv", bytes);
            ImportOptions options = new ImportOptions(null, ColumnMapping.auto(java.util.List.of()), DuplicatePolicy.NEWEST, false, null);

            assertThatThrownBy(() -> fixture.run(file, options, new AtomicBoolean()))
                    .isInstanceOf(ImportException.class)
                    .hasMessage("photo.csv is not a file CDP Desktop can import: it holds binary data, and it is not an Excel workbook;"
                            + " import CSV, Excel (.xlsx, .xls), JSON or JSON Lines files");
            assertThat(ImportFiles.preview(file, null, null, 0, 5).format()).isNull();
            assertThat(fixture.profiles.count()).isZero();
            assertThat(fixture.importer.history()).singleElement().satisfies(tried -> assertThat(tried.status()).isEqualTo("failed"));
        }
    }

    @Test
    void aZipThatIsNoWorkbookAndAnHtmlPageAreRefusedWithWhatTheyAre() throws Exception {
        Path zip = folder.resolve("customers.xlsx");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
            entries.putNextEntry(new ZipEntry("customers.csv"));
            entries.write("email\na@b.com\n".getBytes(StandardCharsets.UTF_8));
            entries.closeEntry();
        }

        assertThatThrownBy(() -> FileFormat.detect(zip)).isInstanceOf(ImportException.class)
                .hasMessage("customers.xlsx is a ZIP archive, not an Excel workbook; unpack it and import the CSV, Excel or JSON files inside");
        assertThatThrownBy(() -> FileFormat.detect(write("page.csv", "<!DOCTYPE html><html></html>")))
                .isInstanceOf(ImportException.class).hasMessageContaining("looks like an HTML or XML document");
    }
}
