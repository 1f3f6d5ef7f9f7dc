package org.cdpdesktop.core.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.usermodel.BuiltinFormats;

/**
 * An {@code .xlsx} sheet read as a stream: the sheet's XML is parsed with StAX as it is inflated, and the workbook's
 * shared texts wait in a temporary file ({@link SharedStrings}), so a million-row sheet imports in the same flat memory
 * as a CSV. Typed cells arrive as the pipeline expects: date cells (by their number format) as ISO-8601, numbers as
 * Excel shows them, text as written, formulas as their cached values, errors as no value.
 */
final class XlsxSource extends SheetSource {

    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    /** Offsets into the shared texts are ints; no real workbook comes near. */
    private static final long MAX_SHARED_TEXT_BYTES = Integer.MAX_VALUE - 1L;
    private static final int MAX_COLUMN = 16_384;

    /** What the reader needs of a workbook: its sheets in order with their parts, its date system and date styles. */
    private record Book(List<String> names, List<String> parts, boolean date1904, boolean[] dateStyles, String sharedStrings) { }

    private final ZipFile zip;
    private final SharedStrings strings;
    private final boolean date1904;
    private final boolean[] dateStyles;
    private final Counting counting;
    private final long sheetBytes;
    private final XMLStreamReader reader;
    private final RejectSink rejects;
    private final long size;
    private long lastRowNumber;
    private boolean ended;

    private XlsxSource(Path file, ZipFile zip, Book book, int sheet, SharedStrings strings, RejectSink rejects) throws IOException {
        super(file, FileFormat.XLSX, book.names().get(sheet));
        this.zip = zip;
        this.strings = strings;
        this.date1904 = book.date1904();
        this.dateStyles = book.dateStyles();
        this.rejects = rejects;
        this.size = Files.size(file);
        ZipEntry entry = entry(zip, book.parts().get(sheet), file);
        this.sheetBytes = entry.getSize();
        this.counting = new Counting(zip.getInputStream(entry));
        try {
            this.reader = Xml.reader(new BufferedInputStream(counting, 1 << 16));
        } catch (XMLStreamException e) {
            throw unreadable(file, e);
        }
    }

    /** Opens the sheet {@code sheet} names (a name or a number from 1), or the first non-empty one when it is {@code null}. */
    static XlsxSource open(Path file, String sheet, int headerRow, RejectSink rejects) throws IOException {
        ZipFile zip = zip(file);
        SharedStrings strings = null;
        try {
            Book book = book(zip, file);
            strings = book.sharedStrings() == null ? SharedStrings.none() : sharedStrings(zip, book.sharedStrings(), file);
            int index = sheet != null ? sheetIndex(file.getFileName().toString(), book.names(), sheet)
                    : firstNonEmpty(file, zip, book, strings);
            XlsxSource source = new XlsxSource(file, zip, book, index, strings, rejects);
            source.readHeader(headerRow);
            return source;
        } catch (IOException | RuntimeException e) {
            try (zip) {
                if (strings != null) {
                    strings.close();
                }
            }
            throw e;
        }
    }

    /** The workbook's sheets in order, each with whether it holds any value. */
    static List<ImportFiles.SheetInfo> sheets(Path file) throws IOException {
        try (ZipFile zip = zip(file)) {
            Book book = book(zip, file);
            try (SharedStrings strings = book.sharedStrings() == null ? SharedStrings.none() : sharedStrings(zip, book.sharedStrings(), file)) {
                List<ImportFiles.SheetInfo> sheets = new ArrayList<>();
                for (int i = 0; i < book.names().size(); i++) {
                    sheets.add(new ImportFiles.SheetInfo(book.names().get(i), isEmpty(file, zip, book, i, strings)));
                }
                return sheets;
            }
        }
    }

    private static int firstNonEmpty(Path file, ZipFile zip, Book book, SharedStrings strings) throws IOException {
        for (int i = 0; i < book.names().size(); i++) {
            if (!isEmpty(file, zip, book, i, strings)) {
                return i;
            }
        }
        return 0;
    }

    private static boolean isEmpty(Path file, ZipFile zip, Book book, int sheet, SharedStrings strings) throws IOException {
        XlsxSource source = new XlsxSource(file, zip, book, sheet, strings, (line, reason, raw) -> { });
        try {
            SheetRow row;
            while ((row = source.nextSheetRow()) != null) {
                if (!row.isEmpty()) {
                    return false;
                }
            }
            return true;
        } finally {
            source.closeSheet();
        }
    }

    private static ZipFile zip(Path file) throws IOException {
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new ImportException(file.getFileName() + " cannot be read as an Excel workbook: " + e.getMessage(), e);
        }
    }

    private static ZipEntry entry(ZipFile zip, String part, Path file) {
        ZipEntry entry = zip.getEntry(part);
        if (entry == null) {
            throw new ImportException(file.getFileName() + " cannot be read as an Excel workbook: its part " + part + " is missing");
        }
        return entry;
    }

    private static ImportException unreadable(Path file, Exception e) {
        return new ImportException(file.getFileName() + " cannot be read as an Excel workbook: " + e.getMessage(), e);
    }

    private static SharedStrings sharedStrings(ZipFile zip, String part, Path file) throws IOException {
        ZipEntry entry = zip.getEntry(part);
        if (entry == null) {
            return SharedStrings.none();
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return SharedStrings.read(in, MAX_SHARED_TEXT_BYTES);
        } catch (ImportException e) {
            throw new ImportException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static Book book(ZipFile zip, Path file) throws IOException {
        try {
            Map<String, String> targets = new HashMap<>();
            String sharedStrings = null;
            String styles = null;
            XMLStreamReader rels = Xml.reader(zip.getInputStream(entry(zip, "xl/_rels/workbook.xml.rels", file)));
            while (rels.hasNext()) {
                if (rels.next() == XMLStreamConstants.START_ELEMENT && rels.getLocalName().equals("Relationship")) {
                    String target = rels.getAttributeValue(null, "Target");
                    String type = rels.getAttributeValue(null, "Type");
                    if (target == null) {
                        continue;
                    }
                    String part = target.startsWith("/") ? target.substring(1) : "xl/" + target;
                    targets.put(rels.getAttributeValue(null, "Id"), part);
                    if (type != null && type.endsWith("/sharedStrings")) {
                        sharedStrings = part;
                    } else if (type != null && type.endsWith("/styles")) {
                        styles = part;
                    }
                }
            }
            List<String> names = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            boolean date1904 = false;
            XMLStreamReader workbook = Xml.reader(zip.getInputStream(entry(zip, "xl/workbook.xml", file)));
            while (workbook.hasNext()) {
                if (workbook.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (workbook.getLocalName().equals("workbookPr")) {
                    String value = workbook.getAttributeValue(null, "date1904");
                    date1904 = "1".equals(value) || "true".equalsIgnoreCase(value);
                } else if (workbook.getLocalName().equals("sheet")) {
                    String part = targets.get(workbook.getAttributeValue(RELATIONSHIPS, "id"));
                    if (part != null) {
                        names.add(workbook.getAttributeValue(null, "name"));
                        parts.add(part);
                    }
                }
            }
            if (names.isEmpty()) {
                throw new ImportException(file.getFileName() + " is a workbook without sheets");
            }
            return new Book(names, parts, date1904, styles == null ? new boolean[0] : dateStyles(zip, styles), sharedStrings);
        } catch (XMLStreamException e) {
            throw unreadable(file, e);
        }
    }

    /** For each cell style (the {@code s} of a cell), whether its number format shows a date or time. */
    private static boolean[] dateStyles(ZipFile zip, String part) throws IOException, XMLStreamException {
        ZipEntry entry = zip.getEntry(part);
        if (entry == null) {
            return new boolean[0];
        }
        Map<Integer, String> formats = new HashMap<>();
        List<Integer> styles = new ArrayList<>();
        boolean inCellXfs = false;
        XMLStreamReader reader = Xml.reader(zip.getInputStream(entry));
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = reader.getLocalName();
                if (name.equals("numFmt")) {
                    formats.put(integer(reader.getAttributeValue(null, "numFmtId")), reader.getAttributeValue(null, "formatCode"));
                } else if (name.equals("cellXfs")) {
                    inCellXfs = true;
                } else if (name.equals("xf") && inCellXfs) {
                    styles.add(integer(reader.getAttributeValue(null, "numFmtId")));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("cellXfs")) {
                inCellXfs = false;
            }
        }
        boolean[] dates = new boolean[styles.size()];
        for (int i = 0; i < dates.length; i++) {
            int format = styles.get(i);
            String code = formats.containsKey(format) ? formats.get(format) : BuiltinFormats.getBuiltinFormat(format);
            dates[i] = isDateFormat(format, code);
        }
        return dates;
    }

    private static int integer(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    SheetRow nextSheetRow() throws IOException {
        if (ended) {
            return null;
        }
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("row")) {
                    String number = reader.getAttributeValue(null, "r");
                    lastRowNumber = number != null ? integer(number) : lastRowNumber + 1;
                    return new SheetRow(lastRowNumber, cells());
                }
                if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("sheetData")) {
                    break;
                }
            }
            ended = true;
            return null;
        } catch (XMLStreamException e) {
            throw new ImportException(name() + " sheet '" + sheetName() + "' after row " + lastRowNumber + ": the sheet cannot be read ("
                    + e.getMessage() + ")", e);
        }
    }

    /** The cells of the row just started, placed by their column; the reader ends on the row's end tag. */
    private List<String> cells() throws XMLStreamException {
        List<String> cells = new ArrayList<>();
        int column = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("row")) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("c")) {
                String reference = reader.getAttributeValue(null, "r");
                column = reference != null ? column(reference) : column;
                String value = cell(reader.getAttributeValue(null, "t"), reader.getAttributeValue(null, "s"));
                if (column < MAX_COLUMN) {
                    while (cells.size() <= column) {
                        cells.add("");
                    }
                    cells.set(column, value);
                }
                column++;
            }
        }
        return cells;
    }

    /** The column of a reference such as {@code AB12}: A is 0. */
    private static int column(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
            if (column > MAX_COLUMN) {
                return MAX_COLUMN;
            }
        }
        return column - 1;
    }

    /** Reads one cell up to its end tag and gives its value as text. */
    private String cell(String type, String style) throws XMLStreamException {
        String value = null;
        StringBuilder inline = null;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("c")) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (reader.getLocalName()) {
                    case "v" -> value = reader.getElementText();
                    case "f" -> reader.getElementText();
                    case "is" -> inline = new StringBuilder();
                    case "t" -> {
                        if (inline != null) {
                            inline.append(reader.getElementText());
                        }
                    }
                    case "rPh" -> skip("rPh");
                    default -> { }
                }
            }
        }
        String kind = type == null ? "n" : type;
        return switch (kind) {
            case "s" -> {
                String text = value == null ? null : strings.get(integer(value));
                yield text == null ? "" : text;
            }
            case "inlineStr" -> inline == null ? "" : inline.toString();
            case "str", "d" -> value == null ? "" : value;
            case "b" -> value == null ? "" : "1".equals(value.strip()) ? "true" : "false";
            case "e" -> "";
            default -> number(value, style);
        };
    }

    private void skip(String element) throws XMLStreamException {
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals(element)) {
                return;
            }
        }
    }

    private String number(String value, String style) {
        if (value == null || value.isBlank()) {
            return "";
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return value.strip();
        }
        int index = style == null ? 0 : integer(style);
        if (index < dateStyles.length && dateStyles[index]) {
            return date(number.doubleValue(), date1904);
        }
        return number(number);
    }

    @Override
    void rejected(long line, String reason, String raw) throws IOException {
        rejects.reject(line, reason, raw);
    }

    /** How much of the sheet's XML has been inflated and parsed, against its size in the archive's directory. */
    @Override
    public double fractionRead() {
        return sheetBytes <= 0 ? 0 : Math.min(1.0, (double) counting.count / sheetBytes);
    }

    @Override
    public long sizeInBytes() {
        return size;
    }

    private void closeSheet() throws IOException {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            counting.close();
        }
    }

    @Override
    public void close() throws IOException {
        try (zip; strings) {
            closeSheet();
        }
    }

    private static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = super.read(bytes, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
