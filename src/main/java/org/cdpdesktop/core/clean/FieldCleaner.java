package org.cdpdesktop.core.clean;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

    private static final Pattern PYTHON_LIST_ITEM = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** {@code [""a""...}: a list whose quotes were doubled by a CSV writer (an empty first item {@code ["", ...} is not). */
    private static final Pattern DOUBLED_QUOTE_LIST = Pattern.compile("\\[\\s*\"\"[^\",\\]]");

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
            case COUNTRY -> FieldResult.of(Countries.name(value));
            case INCOME -> Amounts.income(value);
            case INTERESTS -> FieldResult.of(list(value));
            case SIGNUP_DATE -> Dates.date(value, format);
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

    /** True when an income is written as a range ({@code 25000-50000}, {@code $25k to $50k}): its midpoint is stored. */
    public static boolean isRange(String raw) {
        return Amounts.isRange(raw);
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


}
