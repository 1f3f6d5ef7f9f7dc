package org.cdpdesktop.gui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.stats.Dashboard;

/**
 * How every screen shows numbers and times to people: in the computer's locale, times in its time zone. Only what
 * is shown changes; stored values and exports keep their exact form. A value that does not parse is shown as stored.
 */
public final class Formats {

    private Formats() {
    }

    private static Locale locale() {
        return Locale.getDefault(Locale.Category.FORMAT);
    }

    /** A whole number with grouping, e.g. {@code 1,228}. */
    public static String count(long value) {
        return NumberFormat.getIntegerInstance(locale()).format(value);
    }

    /** {@code 1 profile}, {@code 1,228 profiles}. */
    public static String count(long value, String one, String many) {
        return count(value) + " " + (value == 1 ? one : many);
    }

    /** A decimal with grouping and at most two decimals, e.g. {@code 62,499.5}. */
    public static String decimal(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    /** A stored UTC instant ({@code 2026-03-01T10:00:00Z}) as a date and time of this computer's zone. */
    public static String instant(String stored) {
        try {
            return stored == null ? null : dateTimeFormat().format(Instant.parse(stored).atZone(ZoneId.systemDefault()));
        } catch (DateTimeParseException e) {
            return stored;
        }
    }

    /** A date ({@code 2024-12-04}) or a date-time without zone ({@code 2024-12-04T09:20:18}), as it was given. */
    public static String date(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            if (stored.length() <= 10) {
                return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(LocalDate.parse(stored));
            }
            if (stored.endsWith("Z")) {
                return instant(stored);
            }
            return dateTimeFormat().format(LocalDateTime.parse(stored));
        } catch (DateTimeParseException e) {
            return stored;
        }
    }

    /** The period starting on {@code start} (an ISO date): {@code Mar 14, 2025}, {@code week of Mar 10, 2025}, {@code Mar 2025}. */
    public static String period(String start, Dashboard.Period period) {
        LocalDate day = LocalDate.parse(start);
        return switch (period) {
            case DAY -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(day);
            case WEEK -> "week of " + DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(day);
            case MONTH -> DateTimeFormatter.ofPattern("MMM yyyy", locale()).format(day);
        };
    }

    /** A stored profile value as people read it: numbers grouped, dates and times localised, text as it is. */
    public static String field(ProfileField field, String stored) {
        if (stored == null || stored.isEmpty()) {
            return stored;
        }
        try {
            return switch (field.type()) {
                case DECIMAL -> decimal(new BigDecimal(stored));
                case DATE -> date(stored);
                case TIMESTAMP -> instant(stored);
                default -> stored;
            };
        } catch (NumberFormatException e) {
            return stored;
        }
    }

    private static DateTimeFormatter dateTimeFormat() {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale());
    }
}
