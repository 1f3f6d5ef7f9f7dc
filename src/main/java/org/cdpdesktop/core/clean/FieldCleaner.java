package org.cdpdesktop.core.clean;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cdpdesktop.core.profile.ProfileField;

/**
 * Cleans one raw value for one profile field. Shared by every way values come in (CSV import, REST, Kafka,
 * profile edits) so a value means the same whichever door it used. The rules:
 * <ul>
 *   <li>every value is trimmed; a blank value is no value;</li>
 *   <li>text stays text: a postal code {@code 07302} stays {@code 07302};</li>
 *   <li>a value that cannot be cleaned is never replaced by a made-up one ("Unknown", 0): the result is
 *       {@link FieldResult#unusual() unusual} and the caller keeps the raw value in a custom attribute;</li>
 *   <li>only a value that makes the row unstorable (an unusable external id) is a {@link FieldResult#problem() problem}.</li>
 * </ul>
 */
public final class FieldCleaner {

    static final int MAX_EXTERNAL_ID_LENGTH = 256;
    private static final int MIN_AGE = 0;
    private static final int MAX_AGE = 120;
    private static final int MAX_EMAIL_LENGTH = 254;

    private static final Pattern ISO_DATE = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "(\\d{1,4})([/.\\-])(\\d{1,2})\\2(\\d{2,4})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");
    private static final List<DateTimeFormatter> WORDED_DATES = List.of(
            formatter("MMM d, uuuu"), formatter("MMMM d, uuuu"), formatter("d MMM uuuu"), formatter("d MMMM uuuu"),
            formatter("MMM d uuuu"), formatter("MMMM d uuuu"), formatter("EEE, d MMM uuuu HH:mm:ss"));
    private static final Pattern PYTHON_LIST_ITEM = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** {@code [""a""...}: a list whose quotes were doubled by a CSV writer (an empty first item {@code ["", ...} is not). */
    private static final Pattern DOUBLED_QUOTE_LIST = Pattern.compile("\\[\\s*\"\"[^\",\\]]");
    private static final Map<String, String> COUNTRIES = countries();
    private static final Map<String, DateTimeFormatter> HINTED_FORMATS = new ConcurrentHashMap<>();

    public FieldCleaner() {
        // Stateless; an instance so every door can be handed the same cleaner.
    }

    public FieldResult clean(ProfileField field, String raw, String format) {
        if (raw == null) {
            return FieldResult.blank();
        }
        String value = raw.strip();
        if (value.isEmpty()) {
            return FieldResult.blank();
        }
        return switch (field) {
            case EXTERNAL_ID -> externalId(value);
            case EMAIL -> email(value);
            case PHONE -> phone(value);
            case AGE -> age(value);
            case GENDER -> FieldResult.of(gender(value));
            case COUNTRY -> FieldResult.of(country(value));
            case INCOME -> income(value);
            case INTERESTS -> FieldResult.of(list(value));
            case SIGNUP_DATE -> date(value, format);
            case CREATED_AT, UPDATED_AT -> FieldResult.rejected(field.label() + " is kept by the store and cannot be imported");
            default -> FieldResult.of(value);
        };
    }

    private static FieldResult externalId(String value) {
        if (value.length() > MAX_EXTERNAL_ID_LENGTH) {
            return FieldResult.rejected("external id is " + value.length() + " characters long; at most "
                    + MAX_EXTERNAL_ID_LENGTH + " are allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return FieldResult.rejected("external id contains a control character");
            }
        }
        return FieldResult.of(value);
    }

    private static FieldResult email(String value) {
        String email = value;
        if (email.regionMatches(true, 0, "mailto:", 0, 7)) {
            email = email.substring(7).strip();
        }
        if (email.length() > 2 && email.charAt(0) == '<' && email.charAt(email.length() - 1) == '>') {
            email = email.substring(1, email.length() - 1).strip();
        }
        email = email.toLowerCase(Locale.ROOT);
        return isValidEmail(email) ? FieldResult.of(email) : FieldResult.unusual("'" + value + "' is not a valid email address");
    }

    /** One {@code @}, something before it, a dotted domain after it, no spaces or control characters. */
    static boolean isValidEmail(String email) {
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || email.length() > MAX_EMAIL_LENGTH) {
            return false;
        }
        String domain = email.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        if (dot <= 0 || dot == domain.length() - 1 || domain.startsWith(".") || domain.contains("..")) {
            return false;
        }
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            if (c <= ' ' || c == ',' || c == ';' || c == '<' || c == '>' || c == '(' || c == ')' || c == '"') {
                return false;
            }
        }
        return true;
    }

    private static FieldResult phone(String value) {
        StringBuilder digits = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && digits.length() == 0 && i == 0) {
                digits.append(c);
            } else if (Character.isLetter(c)) {
                return FieldResult.unusual("'" + value + "' is not a phone number");
            }
        }
        int count = digits.length() - (digits.length() > 0 && digits.charAt(0) == '+' ? 1 : 0);
        if (count < 3) {
            return FieldResult.unusual("'" + value + "' is not a phone number");
        }
        return FieldResult.of(digits.toString());
    }

    private static FieldResult age(String value) {
        double number;
        try {
            number = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return FieldResult.unusual("age '" + value + "' is not a number");
        }
        if (number != Math.rint(number)) {
            return FieldResult.unusual("age '" + value + "' is not a whole number");
        }
        if (number < MIN_AGE || number > MAX_AGE) {
            return FieldResult.unusual("age " + value + " is outside " + MIN_AGE + "-" + MAX_AGE);
        }
        return FieldResult.of((int) number);
    }

    private static String gender(String value) {
        if (value.equals("Male") || value.equals("Female")) {
            return value;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "m", "male", "man" -> "Male";
            case "f", "female", "woman" -> "Female";
            default -> value;
        };
    }

    /** A known country name or ISO code as its English name ({@code US}, {@code USA} → United States); others as given. */
    static String country(String value) {
        String known = COUNTRIES.get(value);
        return known != null ? known : COUNTRIES.getOrDefault(countryKey(value), value);
    }

    private static String countryKey(String value) {
        StringBuilder key = new StringBuilder(value.length());
        for (char c : value.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c != '.' && c != ' ' && c != '-' && c != '_') {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static Map<String, String> countries() {
        Map<String, String> countries = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale locale = new Locale("", code);
            String name = locale.getDisplayCountry(Locale.ENGLISH);
            countries.put(countryKey(code), name);
            countries.put(countryKey(locale.getISO3Country()), name);
            countries.put(countryKey(name), name);
            countries.put(name, name);
        }
        String[][] aliases = {
            {"United States", "United States of America", "America", "U.S.", "U.S.A.", "USA", "US"},
            {"United Kingdom", "UK", "U.K.", "Great Britain", "Britain", "GB"},
            {"Germany", "Deutschland"}, {"Spain", "España", "Espana"}, {"Brazil", "Brasil"}, {"Mexico", "México"},
            {"Netherlands", "Holland", "Nederland", "The Netherlands"}, {"Switzerland", "Schweiz", "Suisse"},
            {"Austria", "Österreich"}, {"Italy", "Italia"}, {"South Korea", "Korea", "Republic of Korea"},
            {"Russia", "Russian Federation"}, {"Czechia", "Czech Republic"}, {"Ireland", "Éire"},
        };
        for (String[] alias : aliases) {
            String name = countries.getOrDefault(countryKey(alias[0]), alias[0]);
            countries.put(name, name);
            for (String other : alias) {
                countries.put(countryKey(other), name);
            }
        }
        return Map.copyOf(countries);
    }

    private static FieldResult income(String value) {
        String[] range = splitRange(value);
        if (range != null) {
            Double low = amount(range[0]);
            Double high = amount(range[1]);
            if (low != null && high != null && low <= high) {
                return FieldResult.of((low + high) / 2);
            }
        }
        Double amount = amount(value);
        return amount == null ? FieldResult.unusual("income '" + value + "' is not an amount") : FieldResult.of(amount);
    }

    /** True when an income is written as a range ({@code 25000-50000}, {@code $25k to $50k}): its midpoint is stored. */
    public static boolean isRange(String raw) {
        String[] range = raw == null ? null : splitRange(raw.strip());
        return range != null && amount(range[0]) != null && amount(range[1]) != null;
    }

    private static String[] splitRange(String value) {
        int to = value.toLowerCase(Locale.ROOT).indexOf(" to ");
        if (to > 0) {
            return new String[] {value.substring(0, to), value.substring(to + 4)};
        }
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '-' || c == '–' || c == '—') {
                return new String[] {value.substring(0, i), value.substring(i + 1)};
            }
        }
        return null;
    }

    /** {@code 50000}, {@code $50k}, {@code 1,200.50}, {@code 1.200,50 €}, {@code 1.2M}; {@code null} if not an amount. */
    static Double amount(String text) {
        StringBuilder number = new StringBuilder(text.length());
        double multiplier = 1;
        String value = text.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        for (String currency : new String[] {"usd", "eur", "gbp", "cad", "aud"}) {
            if (lower.startsWith(currency) || lower.endsWith(currency)) {
                value = lower.startsWith(currency) ? value.substring(3) : value.substring(0, value.length() - 3);
                lower = value.toLowerCase(Locale.ROOT);
                break;
            }
        }
        value = value.strip();
        if (value.endsWith("k") || value.endsWith("K")) {
            multiplier = 1_000;
            value = value.substring(0, value.length() - 1);
        } else if (value.endsWith("m") || value.endsWith("M")) {
            multiplier = 1_000_000;
            value = value.substring(0, value.length() - 1);
        }
        int commas = 0;
        int dots = 0;
        int lastComma = -1;
        int lastDot = -1;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                number.append(c);
            } else if (c == ',') {
                commas++;
                lastComma = number.length();
                number.append(c);
            } else if (c == '.') {
                dots++;
                lastDot = number.length();
                number.append(c);
            } else if (c == '-' && number.length() == 0) {
                number.append(c);
            } else if (c != '$' && c != '€' && c != '£' && c != '¥' && c != ' ' && c != '\u00a0' && c != '\'') {
                return null;
            }
        }
        String digits = number.toString();
        if (digits.isEmpty() || digits.equals("-")) {
            return null;
        }
        boolean decimalComma = commas == 1 && (dots > 0 ? lastComma > lastDot : digits.length() - lastComma - 1 != 3);
        if (decimalComma) {
            digits = digits.replace(".", "").replace(',', '.');
        } else if (dots > 1) {
            digits = digits.replace(".", "").replace(",", "");
        } else {
            digits = digits.replace(",", "");
        }
        try {
            return Double.parseDouble(digits) * multiplier;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A list as real exports write it: {@code a|b}, {@code a, b}, {@code a;b}, Python's {@code ['a', 'b']}, a JSON list
     * {@code ["a", "b"]}, or a JSON list escaped once more on its way through a CSV export ({@code "[""a"", ""b""]"})
     * or a JSON string ({@code [\"a\", \"b\"]}); items trimmed, lower-cased, blanks dropped, duplicates removed,
     * first-seen order kept.
     */
    public static List<String> list(String raw) {
        String value = unescapeList(raw.strip());
        Set<String> items = new LinkedHashSet<>();
        if (value.startsWith("[") && value.endsWith("]")) {
            String inside = value.substring(1, value.length() - 1);
            Matcher quoted = PYTHON_LIST_ITEM.matcher(inside);
            boolean any = false;
            while (quoted.find()) {
                any = true;
                add(items, quoted.group(1) != null ? quoted.group(1) : quoted.group(2));
            }
            if (!any) {
                splitInto(items, inside);
            }
        } else {
            splitInto(items, value);
        }
        return new ArrayList<>(items);
    }

    /** Peels the extra quoting a list picks up when it is exported inside another format; other values pass through. */
    private static String unescapeList(String value) {
        String peeled = value;
        for (int layer = 0; layer < 3; layer++) {
            if (peeled.length() >= 2 && peeled.startsWith("\"") && peeled.endsWith("\"") && peeled.substring(1).stripLeading().startsWith("[")) {
                peeled = peeled.substring(1, peeled.length() - 1).strip();
            } else if (peeled.endsWith("]") && DOUBLED_QUOTE_LIST.matcher(peeled).lookingAt()) {
                peeled = peeled.replace("\"\"", "\"");
            } else if (peeled.startsWith("[") && peeled.endsWith("]") && peeled.contains("\\\"")) {
                peeled = peeled.replace("\\\"", "\"");
            } else {
                break;
            }
        }
        return peeled;
    }

    private static void splitInto(Set<String> items, String value) {
        int start = 0;
        for (int i = 0; i <= value.length(); i++) {
            if (i == value.length() || value.charAt(i) == '|' || value.charAt(i) == ',' || value.charAt(i) == ';') {
                add(items, value.substring(start, i));
                start = i + 1;
            }
        }
    }

    private static void add(Set<String> items, String item) {
        String cleaned = item.strip().toLowerCase(Locale.ROOT);
        if (!cleaned.isEmpty()) {
            items.add(cleaned);
        }
    }

    /**
     * A date as ISO-8601: {@code 2024-03-05}, or {@code 2024-03-05T14:30:00} when the source has a time (kept,
     * not dropped). Without a format hint, {@code 05/03/2024} is read as day/month only when the first number
     * cannot be a month; otherwise slashes are month/day (US) and dots or dashes day.month (European).
     */
    private static FieldResult date(String value, String format) {
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
            formatter = HINTED_FORMATS.computeIfAbsent(format, FieldCleaner::formatter);
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
