package org.cdpdesktop.core.clean;

import java.util.Locale;

/** Money as real exports write it: currency signs and codes, thousands separators either way, k and M, ranges. */
final class Amounts {

    private Amounts() {
    }

    /** An income: an amount, or a range of two whose midpoint is stored. */
    static FieldResult income(String value) {
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
    static boolean isRange(String raw) {
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
}
