package org.cdpdesktop.core.ingest;

import java.nio.charset.Charset;

/**
 * How a CSV file is written: its encoding (and whether it starts with a byte-order mark), its delimiter,
 * quote and escape characters, whether the first row after {@code skipRows} is a header, and how many
 * physical lines of preamble (report titles, export notes) precede the table.
 *
 * @param escape {@code null} when the file has no escape character (quotes are doubled instead)
 */
public record CsvDialect(Charset encoding, boolean bom, char delimiter, char quote, Character escape, boolean header, int skipRows) {

    public CsvDialect {
        if (encoding == null) {
            throw new IllegalArgumentException("A CSV dialect needs an encoding");
        }
        if (skipRows < 0) {
            throw new IllegalArgumentException("Rows to skip must be 0 or more, not " + skipRows);
        }
        if (delimiter == quote || (escape != null && escape == delimiter)) {
            throw new IllegalArgumentException("The delimiter must differ from the quote and escape characters");
        }
        if (delimiter == '\n' || delimiter == '\r' || quote == '\n' || quote == '\r') {
            throw new IllegalArgumentException("Line breaks cannot be delimiters or quotes");
        }
    }

    public CsvDialect withEncoding(Charset newEncoding) {
        return new CsvDialect(newEncoding, bom, delimiter, quote, escape, header, skipRows);
    }

    public CsvDialect withDelimiter(char newDelimiter) {
        return new CsvDialect(encoding, bom, newDelimiter, quote, escape, header, skipRows);
    }

    public CsvDialect withQuote(char newQuote) {
        return new CsvDialect(encoding, bom, delimiter, newQuote, escape, header, skipRows);
    }

    public CsvDialect withEscape(Character newEscape) {
        return new CsvDialect(encoding, bom, delimiter, quote, newEscape, header, skipRows);
    }

    public CsvDialect withHeader(boolean newHeader) {
        return new CsvDialect(encoding, bom, delimiter, quote, escape, newHeader, skipRows);
    }

    public CsvDialect withSkipRows(int newSkipRows) {
        return new CsvDialect(encoding, bom, delimiter, quote, escape, header, newSkipRows);
    }

    /** The delimiter as a person names it: "comma", "semicolon", "tab", "pipe", or the character itself. */
    public static String describeDelimiter(char delimiter) {
        return switch (delimiter) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            case '|' -> "pipe";
            default -> String.valueOf(delimiter);
        };
    }
}
