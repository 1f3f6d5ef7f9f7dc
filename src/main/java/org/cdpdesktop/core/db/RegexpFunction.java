package org.cdpdesktop.core.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.sqlite.Function;

/**
 * SQLite's {@code value REGEXP pattern}, which SQLite leaves to the application. Case-insensitive like every text
 * comparison in rules. Guarded because patterns come from users: patterns over {@link #MAX_PATTERN_LENGTH} are refused,
 * compiled patterns are cached per connection (one compile per query, not per row), and one match may take at most
 * {@link #MAX_MATCH_MILLIS} ms, so a catastrophic pattern fails the query instead of hanging it.
 */
final class RegexpFunction extends Function {

    static final int MAX_PATTERN_LENGTH = 500;
    static final long MAX_MATCH_MILLIS = 200;
    private static final int CACHED_PATTERNS = 32;

    private final Map<String, Pattern> patterns = new LinkedHashMap<>(CACHED_PATTERNS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
            return size() > CACHED_PATTERNS;
        }
    };

    static void register(Connection connection) throws SQLException {
        Function.create(connection, "regexp", new RegexpFunction(), 2, Function.FLAG_DETERMINISTIC);
    }

    @Override
    protected void xFunc() throws SQLException {
        String pattern = value_text(0);
        String value = value_text(1);
        if (pattern == null || value == null) {
            result();
            return;
        }
        Pattern compiled = compiled(pattern);
        try {
            result(compiled.matcher(new DeadlineText(value, System.nanoTime() + MAX_MATCH_MILLIS * 1_000_000)).find() ? 1 : 0);
        } catch (RegexTimeoutException e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    private Pattern compiled(String pattern) throws SQLException {
        Pattern compiled = patterns.get(pattern);
        if (compiled != null) {
            return compiled;
        }
        if (pattern.length() > MAX_PATTERN_LENGTH) {
            throw new SQLException("The regular expression is longer than " + MAX_PATTERN_LENGTH + " characters");
        }
        try {
            compiled = Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new SQLException("Invalid regular expression: " + e.getDescription(), e);
        }
        patterns.put(pattern, compiled);
        return compiled;
    }

    /** Text that throws once its deadline passes; the regex engine reads it through charAt, so backtracking stops. */
    private static final class DeadlineText implements CharSequence {

        private final String text;
        private final long deadline;
        private int reads;

        DeadlineText(String text, long deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFFF) == 0 && System.nanoTime() > deadline) {
                throw new RegexTimeoutException();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new DeadlineText(text.substring(start, end), deadline);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    static final class RegexTimeoutException extends RuntimeException {
        RegexTimeoutException() {
            super("The regular expression took longer than " + MAX_MATCH_MILLIS
                    + " ms on one value; simplify it (avoid nested repetition like (a+)+)");
        }
    }
}
