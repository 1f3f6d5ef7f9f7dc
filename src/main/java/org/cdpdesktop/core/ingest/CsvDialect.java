package org.cdpdesktop.core.ingest;

import java.nio.charset.Charset;
import java.util.Locale;

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

    /** The delimiter as a person names it: "comma", "semicolon", "tab", "pipe", or the character itself in quotes. */
    public static String describeDelimiter(char delimiter) {
        return switch (delimiter) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            case '|' -> "pipe";
            default -> "'" + delimiter + "'";
        };
    }

    /** The delimiter a person names: one character, or comma, semicolon, tab or pipe (as {@link #describeDelimiter} names them). */
    public static char parseDelimiter(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case ",", "comma" -> ',';
            case ";", "semicolon" -> ';';
            case "|", "pipe" -> '|';
            case "tab", "\\t", "\t" -> '\t';
            default -> {
                if (word.length() != 1) {
                    throw new IllegalArgumentException("A delimiter is one character or comma, semicolon, tab, pipe; not '" + word + "'");
                }
                yield word.charAt(0);
            }
        };
    }
}
