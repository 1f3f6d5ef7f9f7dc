package org.cdpdesktop.core.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * The rows of one workbook sheet as a {@link RecordSource}, whichever library reads the cells. The header is the
 * chosen row, else the sheet's first non-empty one; columns end at the header's last named cell, so empty trailing
 * (and merged) columns are ignored, while a value under no header is a rejected row rather than a lost one. Empty
 * rows are skipped, as blank lines in a CSV are. Rows are named by their number in the sheet, as the spreadsheet
 * shows it, and a rejected row is kept as a CSV line of its cells.
 */
abstract class SheetSource implements RecordSource {

    /** Excel shows and computes 15 significant digits; the 16th and 17th of a stored double are binary noise. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);

    /** One row as read: its number in the sheet (from 1) and its cells as text, blank where a cell is empty. */
    record SheetRow(long number, List<String> cells) {
        boolean isEmpty() {
            for (String cell : cells) {
                if (cell != null && !cell.isBlank()) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Path file;
    private final FileFormat format;
    private final String sheetName;
    private final List<String> headerProblems = new ArrayList<>();
    private List<String> headers = List.of();
    private SheetRow last;
    private long headerRowNumber;

    SheetSource(Path file, FileFormat format, String sheetName) {
        this.file = file;
        this.format = format;
        this.sheetName = sheetName;
    }

    /** The next row of the sheet (empty ones included), or {@code null} at its end. */
    abstract SheetRow nextSheetRow() throws IOException;

    /** Reads up to the header row: {@code headerRow} (from 1), or the first non-empty row when it is 0. */
    final void readHeader(int headerRow) throws IOException {
        SheetRow row;
        while ((row = nextSheetRow()) != null) {
            if (headerRow > 0 ? row.number() >= headerRow : !row.isEmpty()) {
                break;
            }
        }
        if (row == null || row.isEmpty() || headerRow > 0 && row.number() != headerRow) {
            if (headerRow > 0) {
                throw new ImportException(name() + ": row " + headerRow + " of sheet '" + sheetName + "' is empty; choose the row"
                        + " that holds the column names");
            }
            return;
        }
        List<String> cells = row.cells();
        int width = cells.size();
        while (width > 0 && (cells.get(width - 1) == null || cells.get(width - 1).isBlank())) {
            width--;
        }
        if (width > CsvSource.MAX_COLUMNS) {
            throw new ImportException(String.format("%s sheet '%s' row %d: %,d columns; at most %,d are supported",
                    name(), sheetName, row.number(), width, CsvSource.MAX_COLUMNS));
        }
        headerRowNumber = row.number();
        headers = HeaderNames.unique(cells.subList(0, width), headerProblems);
    }

    String sheetName() {
        return sheetName;
    }

    List<String> headerProblems() {
        return List.copyOf(headerProblems);
    }

    @Override
    public final String name() {
        return file.getFileName().toString();
    }

    @Override
    public final String kind() {
        return format.key();
    }

    @Override
    public final List<String> headers() {
        return headers;
    }

    @Override
    public final Row next() throws IOException {
        if (headers.isEmpty()) {
            return null;
        }
        SheetRow row;
        do {
            row = nextSheetRow();
            if (row == null) {
                return null;
            }
        } while (row.isEmpty());
        last = row;
        String[] values = new String[headers.size()];
        Arrays.fill(values, "");
        String problem = null;
        List<String> cells = row.cells();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i);
            if (i < values.length) {
                values[i] = cell;
            } else if (!cell.isBlank() && problem == null) {
                problem = "column " + (i + 1) + " has a value but no name in the header row " + headerRowNumber;
            }
        }
        return new Row(row.number(), values, problem != null ? problem : HeaderNames.check(headers, values));
    }

    @Override
    public final void reject(Row row, String reason) throws IOException {
        String raw = last == null ? "" : CSVFormat.DEFAULT.format(last.cells().stream().map(cell -> cell == null ? "" : cell).toArray());
        rejected(row.line(), reason, raw);
    }

    /** Hands a rejected row to the import's sink. */
    abstract void rejected(long line, String reason, String raw) throws IOException;

    @Override
    public void finish() {
        // Rejects are written as they happen.
    }

    @Override
    public boolean isBulk() {
        return true;
    }

    @Override
    public String checksum() throws IOException {
        return FileInput.checksum(file);
    }

    /**
     * The index of the sheet {@code choice} names: a sheet's name (in any case), else its number from 1.
     *
     * @throws ImportException listing the sheets when none matches
     */
    static int sheetIndex(String fileName, List<String> names, String choice) {
        String wanted = choice.strip();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(wanted)) {
                return i;
            }
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        if (wanted.matches("\\d{1,4}")) {
            int number = Integer.parseInt(wanted);
            if (number >= 1 && number <= names.size()) {
                return number - 1;
            }
        }
        throw new ImportException(fileName + " has no sheet '" + wanted + "'; its sheets are " + String.join(", ", names)
                + " (give a name or a number from 1 to " + names.size() + ")");
    }

    /** A number as a person reads it in the sheet: {@code 125000}, not {@code 125000.0} or {@code 1.25E5}. */
    static String number(BigDecimal value) {
        BigDecimal rounded = value.round(EXCEL_DIGITS).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    static String number(double value) {
        return number(new BigDecimal(value));
    }

    /** A date cell as ISO-8601: {@code 2024-03-05}, {@code 2024-03-05T14:30:00}, or {@code 14:30:00} for a time alone. */
    static String date(double serial, boolean date1904) {
        LocalDateTime time = DateUtil.getLocalDateTime(serial, date1904, true);
        if (time == null) {
            return number(serial);
        }
        if (serial < 1 && serial >= 0) {
            return time.toLocalTime().toString().length() == 5 ? time.toLocalTime() + ":00" : time.toLocalTime().toString();
        }
        if (time.toLocalTime().toSecondOfDay() == 0) {
            return time.toLocalDate().toString();
        }
        String text = time.toString();
        return text.length() == 16 ? text + ":00" : text;
    }

    /** Whether a cell's number format shows a date or time. */
    static boolean isDateFormat(int formatIndex, String formatString) {
        return DateUtil.isADateFormat(formatIndex, formatString);
    }
}
