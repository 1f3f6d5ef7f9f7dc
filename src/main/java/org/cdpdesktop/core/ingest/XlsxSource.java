package org.cdpdesktop.core.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * An {@code .xlsx} sheet read as a stream of rows with fastexcel-reader: the sheet's XML is parsed as it is inflated,
 * so a million-row sheet never sits in memory (the workbook's shared strings do, as fastexcel keeps them). Typed cells
 * arrive as the pipeline expects: date cells as ISO-8601, numbers as Excel shows them, text as written, formulas as
 * their cached values, errors as no value.
 */
final class XlsxSource extends SheetSource {

    private static final Pattern DIMENSION = Pattern.compile("<dimension\\s+ref=\"[A-Z]+\\d+(?::[A-Z]+(\\d+))?\"");
    private static final Pattern RELATIONSHIP = Pattern.compile("<Relationship\\b[^>]*>");
    private static final Pattern ID = Pattern.compile("\\bId=\"([^\"]*)\"");
    private static final Pattern TARGET = Pattern.compile("\\bTarget=\"([^\"]*)\"");

    private final ReadableWorkbook workbook;
    private final Stream<org.dhatim.fastexcel.reader.Row> stream;
    private final Iterator<org.dhatim.fastexcel.reader.Row> rows;
    private final RejectSink rejects;
    private final long size;
    private final long lastRow;
    private long rowRead;

    private XlsxSource(Path file, ReadableWorkbook workbook, Sheet sheet, RejectSink rejects) throws IOException {
        super(file, FileFormat.XLSX, sheet.getName());
        this.workbook = workbook;
        this.rejects = rejects;
        this.size = Files.size(file);
        this.lastRow = lastRow(file, sheet);
        this.stream = sheet.openStream();
        this.rows = stream.iterator();
    }

    /** Opens the sheet {@code sheet} names (a name or a number from 1), or the first non-empty one when it is {@code null}. */
    static XlsxSource open(Path file, String sheet, int headerRow, RejectSink rejects) throws IOException {
        ReadableWorkbook workbook = workbook(file);
        try {
            List<Sheet> sheets = workbook.getSheets().toList();
            if (sheets.isEmpty()) {
                throw new ImportException(file.getFileName() + " is a workbook without sheets");
            }
            Sheet chosen = sheet != null ? sheets.get(sheetIndex(file.getFileName().toString(), names(sheets), sheet))
                    : firstNonEmpty(sheets);
            XlsxSource source = new XlsxSource(file, workbook, chosen, rejects);
            source.readHeader(headerRow);
            return source;
        } catch (IOException | RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    /** The workbook's sheets in order, each with whether it holds any value. */
    static List<ImportFiles.SheetInfo> sheets(Path file) throws IOException {
        try (ReadableWorkbook workbook = workbook(file)) {
            List<ImportFiles.SheetInfo> sheets = new ArrayList<>();
            for (Sheet sheet : workbook.getSheets().toList()) {
                sheets.add(new ImportFiles.SheetInfo(sheet.getName(), isEmpty(sheet)));
            }
            return sheets;
        } catch (ExcelReaderException | UncheckedIOException e) {
            throw unreadable(file, e);
        }
    }

    private static ReadableWorkbook workbook(Path file) throws IOException {
        try {
            return new ReadableWorkbook(file.toFile(), new ReadingOptions(true, true));
        } catch (ExcelReaderException | UncheckedIOException e) {
            throw unreadable(file, e);
        }
    }

    private static ImportException unreadable(Path file, RuntimeException e) {
        return new ImportException(file.getFileName() + " cannot be read as an Excel workbook: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }

    private static List<String> names(List<Sheet> sheets) {
        return sheets.stream().map(Sheet::getName).toList();
    }

    private static Sheet firstNonEmpty(List<Sheet> sheets) throws IOException {
        for (Sheet sheet : sheets) {
            if (!isEmpty(sheet)) {
                return sheet;
            }
        }
        return sheets.get(0);
    }

    private static boolean isEmpty(Sheet sheet) throws IOException {
        try (Stream<org.dhatim.fastexcel.reader.Row> rows = sheet.openStream()) {
            return rows.noneMatch(row -> row.stream().anyMatch(cell -> !text(cell, false).isBlank()));
        }
    }

    @Override
    SheetRow nextSheetRow() throws IOException {
        try {
            if (!rows.hasNext()) {
                return null;
            }
            org.dhatim.fastexcel.reader.Row row = rows.next();
            rowRead = row.getRowNum();
            List<String> cells = new ArrayList<>(row.getCellCount());
            for (int i = 0; i < row.getCellCount(); i++) {
                cells.add(text(row.getCell(i), workbook.isDate1904()));
            }
            return new SheetRow(row.getRowNum(), cells);
        } catch (ExcelReaderException | UncheckedIOException e) {
            throw new ImportException(name() + " sheet '" + sheetName() + "' after row " + rowRead + ": the sheet cannot be read ("
                    + e.getMessage() + ")", e);
        }
    }

    static String text(Cell cell, boolean date1904) {
        if (cell == null) {
            return "";
        }
        Object value = cell.getValue();
        return switch (cell.getType()) {
            case EMPTY, ERROR -> "";
            case BOOLEAN -> String.valueOf(value);
            case NUMBER -> value instanceof BigDecimal number ? numberOrDate(cell, number, date1904) : "";
            case FORMULA -> value instanceof BigDecimal number ? numberOrDate(cell, number, date1904)
                    : value == null ? "" : String.valueOf(value);
            case STRING -> value == null ? "" : value.toString();
        };
    }

    private static String numberOrDate(Cell cell, BigDecimal number, boolean date1904) {
        Integer format = cell.getDataFormatId();
        if (format != null && isDateFormat(format, cell.getDataFormatString())) {
            return date(number.doubleValue(), date1904);
        }
        return number(number);
    }

    @Override
    void rejected(long line, String reason, String raw) throws IOException {
        rejects.reject(line, reason, raw);
    }

    @Override
    public double fractionRead() {
        return lastRow <= 0 ? 0 : Math.min(1.0, (double) rowRead / lastRow);
    }

    @Override
    public long sizeInBytes() {
        return size;
    }

    @Override
    public void close() throws IOException {
        try (workbook) {
            stream.close();
        }
    }

    /**
     * The sheet's last row as its {@code <dimension>} element states it (Excel and most writers put it first), for
     * progress; 0 when the sheet does not say.
     */
    private static long lastRow(Path file, Sheet sheet) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry rels = zip.getEntry("xl/_rels/workbook.xml.rels");
            if (rels == null) {
                return 0;
            }
            Optional<String> target = target(head(zip, rels, 1 << 20), sheet.getId());
            if (target.isEmpty()) {
                return 0;
            }
            String path = target.get().startsWith("/") ? target.get().substring(1) : "xl/" + target.get();
            ZipEntry entry = zip.getEntry(path);
            if (entry == null) {
                return 0;
            }
            Matcher dimension = DIMENSION.matcher(head(zip, entry, 4096));
            return dimension.find() && dimension.group(1) != null ? Long.parseLong(dimension.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static Optional<String> target(String rels, String id) {
        Matcher relationship = RELATIONSHIP.matcher(rels);
        while (relationship.find()) {
            Matcher idMatch = ID.matcher(relationship.group());
            Matcher targetMatch = TARGET.matcher(relationship.group());
            if (idMatch.find() && idMatch.group(1).equals(id) && targetMatch.find()) {
                return Optional.of(targetMatch.group(1));
            }
        }
        return Optional.empty();
    }

    private static String head(ZipFile zip, ZipEntry entry, int bytes) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readNBytes(bytes), StandardCharsets.UTF_8);
        }
    }
}
