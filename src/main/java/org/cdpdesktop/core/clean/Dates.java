package org.cdpdesktop.core.clean;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates and times in the formats real exports use, as ISO-8601 text. */
final class Dates {

    private static final Pattern ISO_DATE = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "(\\d{1,4})([/.\\-])(\\d{1,2})\\2(\\d{2,4})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");
    private static final List<DateTimeFormatter> WORDED_DATES = List.of(
            formatter("MMM d, uuuu"), formatter("MMMM d, uuuu"), formatter("d MMM uuuu"), formatter("d MMMM uuuu"),
            formatter("MMM d uuuu"), formatter("MMMM d uuuu"), formatter("EEE, d MMM uuuu HH:mm:ss"));
    private static final Map<String, DateTimeFormatter> HINTED_FORMATS = new ConcurrentHashMap<>();

    private Dates() {
    }

    /**
     * A date as ISO-8601: {@code 2024-03-05}, or {@code 2024-03-05T14:30:00} when the source has a time (kept,
     * not dropped). Without a format hint, {@code 05/03/2024} is read as day/month only when the first number
     * cannot be a month; otherwise slashes are month/day (US) and dots or dashes day.month (European).
     */
    static FieldResult date(String value, String format) {
        if (format != null) {
            return hintedDate(value, format);
        }
        Matcher iso = ISO_DATE.matcher(value);
        if (iso.matches()) {
            return isoDate(value, iso);
        }
        Matcher numeric = NUMERIC_DATE.matcher(value);
        if (numeric.matches()) {
            return numericDate(value, numeric);
        }
        for (DateTimeFormatter worded : WORDED_DATES) {
            try {
                TemporalAccessor parsed = worded.parse(value);
                return FieldResult.of(parsed.isSupported(ChronoField.HOUR_OF_DAY)
                        ? LocalDateTime.from(parsed).toString() : LocalDate.from(parsed).toString());
            } catch (DateTimeParseException e) {
                continue;
            }
        }
        return FieldResult.unusual("'" + value + "' is not a date in a known format");
    }

    private static FieldResult isoDate(String value, Matcher iso) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
            if (iso.group(4) == null) {
                return FieldResult.of(date.toString());
            }
            if (iso.group(8) != null) {
                String offset = iso.group(8).equals("Z") || iso.group(8).contains(":") ? iso.group(8)
                        : iso.group(8).substring(0, 3) + ":" + iso.group(8).substring(3);
                String local = timeOf(date, iso.group(4), iso.group(5), iso.group(6), iso.group(7));
                return FieldResult.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.parse(local + offset)));
            }
            return FieldResult.of(timeOf(date, iso.group(4), iso.group(5), iso.group(6), iso.group(7)));
        } catch (RuntimeException e) {
            return FieldResult.unusual("'" + value + "' is not a valid date");
        }
    }

    private static FieldResult numericDate(String value, Matcher numeric) {
        try {
            int first = Integer.parseInt(numeric.group(1));
            int second = Integer.parseInt(numeric.group(3));
            int third = Integer.parseInt(numeric.group(4));
            LocalDate date;
            if (numeric.group(1).length() == 4) {
                date = LocalDate.of(first, second, third);
            } else if (numeric.group(4).length() != 4) {
                return FieldResult.unusual("'" + value + "' has a two-digit year; give the date format");
            } else if (first > 12 || (!numeric.group(2).equals("/") && second <= 12)) {
                date = LocalDate.of(third, second, first);
            } else {
                date = LocalDate.of(third, first, second);
            }
            return FieldResult.of(numeric.group(5) == null ? date.toString()
                    : timeOf(date, numeric.group(5), numeric.group(6), numeric.group(7), null));
        } catch (RuntimeException e) {
            return FieldResult.unusual("'" + value + "' is not a valid date");
        }
    }

    private static String timeOf(LocalDate date, String hours, String minutes, String seconds, String fraction) {
        int nanos = fraction == null ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
        LocalDateTime time = date.atTime(Integer.parseInt(hours), Integer.parseInt(minutes),
                seconds == null ? 0 : Integer.parseInt(seconds), nanos);
        return time.toString().length() == 16 ? time + ":00" : time.toString();
    }

    private static FieldResult hintedDate(String value, String format) {
        DateTimeFormatter formatter;
        try {
            formatter = HINTED_FORMATS.computeIfAbsent(format, Dates::formatter);
        } catch (IllegalArgumentException e) {
            return FieldResult.unusual("date format '" + format + "' is not a valid pattern");
        }
        try {
            TemporalAccessor parsed = formatter.parse(value);
            if (parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
                String time = LocalDateTime.from(parsed).toString();
                return FieldResult.of(time.length() == 16 ? time + ":00" : time);
            }
            return FieldResult.of(LocalDate.from(parsed).toString());
        } catch (DateTimeParseException e) {
            return FieldResult.unusual("'" + value + "' does not match the date format " + format);
        }
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
    }
}
