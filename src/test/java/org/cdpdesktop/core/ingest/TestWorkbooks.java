package org.cdpdesktop.core.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Workbooks as spreadsheet programs write them, generated for the tests. */
public final class TestWorkbooks {

    private TestWorkbooks() {
    }

    /**
     * Two sheets: "Empty" holds nothing; "Customers" has typed cells in every row: a text zip code with its
     * leading zero, a whole-number income, a fraction with float noise, a signup date, a date-time, a formula whose
     * cached value is an income, an empty row between customers; the second customer has a true/false cell and an
     * inline (not shared) text.
     */
    public static Path customers(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); Workbook workbook = new Workbook(out, "CDP Desktop tests", "1.0")) {
            workbook.newWorksheet("Empty").finish();
            Worksheet sheet = workbook.newWorksheet("Customers");
            String[] headers = {"cookie", "email", "zip", "income", "score", "signup_date", "last_seen", "bonus_income"};
            for (int c = 0; c < headers.length; c++) {
                sheet.value(0, c, headers[c]);
            }
            sheet.value(1, 0, "c-1");
            sheet.value(1, 1, "Ann@Example.com");
            sheet.value(1, 2, "07302");
            sheet.value(1, 3, 125000);
            sheet.value(1, 4, 0.1 + 0.2);
            sheet.value(1, 5, LocalDate.of(2024, 3, 5));
            sheet.style(1, 5).format("dd/mm/yyyy").set();
            sheet.value(1, 6, LocalDateTime.of(2024, 3, 5, 14, 30));
            sheet.style(1, 6).format("yyyy-mm-dd hh:mm").set();
            sheet.formula(1, 7, "D2*2");
            sheet.value(3, 0, "c-2");
            sheet.value(3, 1, "bob@example.com");
            sheet.value(3, 2, "90210");
            sheet.value(3, 3, 1.25E5);
            sheet.value(3, 4, true);
            sheet.inlineString(3, 6, "yesterday");
            workbook.finish();
        }
        return withCachedValue(file, "D2*2", "250000");
    }

    /** A writer that stores formulas without results leaves them to the reader; Excel stores the result too, as here. */
    private static Path withCachedValue(Path file, String formula, String value) throws IOException {
        Path patched = file.resolveSibling(file.getFileName() + ".tmp");
        try (ZipFile zip = new ZipFile(file.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(patched))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (entry.getName().startsWith("xl/worksheets/")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    bytes = xml.replace("<f>" + formula + "</f>", "<f>" + formula + "</f><v>" + value + "</v>").getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(patched, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** The same customers in a legacy .xls workbook, as Excel 97-2003 saved them. */
    public static Path legacyCustomers(Path file) throws IOException {
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("Empty");
            var sheet = workbook.createSheet("Customers");
            CreationHelper helper = workbook.getCreationHelper();
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(helper.createDataFormat().getFormat("d/m/yyyy"));
            String[] headers = {"cookie", "email", "zip", "income", "signup_date", "bonus_income"};
            var header = sheet.createRow(0);
            for (int c = 0; c < headers.length; c++) {
                header.createCell(c).setCellValue(headers[c]);
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("c-1");
            row.createCell(1).setCellValue("Ann@Example.com");
            row.createCell(2).setCellValue("07302");
            row.createCell(3).setCellValue(125000);
            var signup = row.createCell(4);
            signup.setCellValue(LocalDate.of(2024, 3, 5));
            signup.setCellStyle(date);
            row.createCell(5).setCellFormula("D2*2");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
        }
        return file;
    }
}
