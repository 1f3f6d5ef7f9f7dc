package org.cdpdesktop.core.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * A legacy Excel 97-2003 ({@code .xls}) sheet read with Apache POI's HSSF. Such a workbook holds at most 65,536 rows
 * a sheet and POI reads it whole, so files over {@value #MAX_BYTES} bytes are refused rather than risking the memory.
 * Cells arrive typed as for {@code .xlsx}: dates as ISO-8601, numbers as Excel shows them, formulas as cached values.
 */
final class XlsSource extends SheetSource {

    static final long MAX_BYTES = 64L << 20;

    private final HSSFWorkbook workbook;
    private final Iterator<org.apache.poi.ss.usermodel.Row> rows;
    private final RejectSink rejects;
    private final long size;
    private final long lastRow;
    private long rowRead;

    private XlsSource(Path file, HSSFWorkbook workbook, Sheet sheet, RejectSink rejects) throws IOException {
        super(file, FileFormat.XLS, sheet.getSheetName());
        this.workbook = workbook;
        this.rejects = rejects;
        this.size = Files.size(file);
        this.lastRow = sheet.getLastRowNum() + 1L;
        this.rows = sheet.rowIterator();
    }

    static XlsSource open(Path file, String sheet, int headerRow, RejectSink rejects) throws IOException {
        HSSFWorkbook workbook = workbook(file);
        try {
            if (workbook.getNumberOfSheets() == 0) {
                throw new ImportException(file.getFileName() + " is a workbook without sheets");
            }
            List<String> names = new ArrayList<>();
            for (Sheet each : workbook) {
                names.add(each.getSheetName());
            }
            Sheet chosen = sheet != null ? workbook.getSheetAt(sheetIndex(file.getFileName().toString(), names, sheet))
                    : firstNonEmpty(workbook);
            XlsSource source = new XlsSource(file, workbook, chosen, rejects);
            source.readHeader(headerRow);
            return source;
        } catch (IOException | RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    static List<ImportFiles.SheetInfo> sheets(Path file) throws IOException {
        try (HSSFWorkbook workbook = workbook(file)) {
            List<ImportFiles.SheetInfo> sheets = new ArrayList<>();
            for (Sheet sheet : workbook) {
                sheets.add(new ImportFiles.SheetInfo(sheet.getSheetName(), isEmpty(sheet)));
            }
            return sheets;
        }
    }

    private static HSSFWorkbook workbook(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (Files.size(file) > MAX_BYTES) {
            throw new ImportException(String.format("%s is a %,d-byte Excel 97-2003 workbook; at most %,d bytes are read in this"
                    + " format: save it as .xlsx or CSV and import that", name, Files.size(file), MAX_BYTES));
        }
        POIFSFileSystem filesystem = null;
        try {
            filesystem = new POIFSFileSystem(file.toFile(), true);
            return new HSSFWorkbook(filesystem.getRoot(), true);
        } catch (EncryptedDocumentException e) {
            close(filesystem);
            throw new ImportException(name + " is protected by a password; save it without one and import again", e);
        } catch (OldExcelFormatException e) {
            close(filesystem);
            throw new ImportException(name + " is in an Excel format older than Excel 97; save it as .xlsx or CSV and import that", e);
        } catch (IOException | RuntimeException e) {
            close(filesystem);
            throw new ImportException(name + " is a Microsoft Office file but cannot be read as an Excel workbook ("
                    + e.getMessage() + ")", e);
        }
    }

    private static void close(POIFSFileSystem filesystem) throws IOException {
        if (filesystem != null) {
            filesystem.close();
        }
    }

    private static Sheet firstNonEmpty(HSSFWorkbook workbook) {
        for (Sheet sheet : workbook) {
            if (!isEmpty(sheet)) {
                return sheet;
            }
        }
        return workbook.getSheetAt(0);
    }

    private static boolean isEmpty(Sheet sheet) {
        for (org.apache.poi.ss.usermodel.Row row : sheet) {
            for (Cell cell : row) {
                if (!text(cell).isBlank()) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    SheetRow nextSheetRow() {
        if (!rows.hasNext()) {
            return null;
        }
        org.apache.poi.ss.usermodel.Row row = rows.next();
        rowRead = row.getRowNum() + 1L;
        int width = Math.max(0, row.getLastCellNum());
        List<String> cells = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            cells.add(text(row.getCell(i)));
        }
        return new SheetRow(rowRead, cells);
    }

    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? date(cell.getNumericCellValue(), cell.getSheet().getWorkbook() instanceof HSSFWorkbook book
                            && book.getInternalWorkbook().isUsing1904DateWindowing())
                    : number(cell.getNumericCellValue());
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
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
        workbook.close();
    }
}
