package org.cdpdesktop.core.sample;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Writes a realistic synthetic customer export in the old CDPapi service's columns, with the dirt that real
 * exports carry, at the rates below. Deterministic for a given seed, so the bundled sample and the benchmark
 * files can be made again byte for byte: {@code cdp-desktop generate --rows 3000 --seed 42 --out customers.csv}.
 */
public final class SampleDataGenerator {

    public static final String HEADER = "cookie,email,phone_number,country,state,city,age,gender,income,education,interests,created_at";

    /** A returning customer: the same email in other case, under a new cookie. */
    static final double REPEATED_EMAIL_RATE = 0.03;
    /** A field left blank by the source system. */
    static final double BLANK_FIELD_RATE = 0.03;
    /** An age no person has: negative, or over 120. */
    static final double IMPOSSIBLE_AGE_RATE = 0.01;
    /** Leading or trailing spaces around a value. */
    static final double STRAY_SPACE_RATE = 0.03;
    /** An email that is not one ("n/a", "jane.doe@"). */
    static final double BROKEN_EMAIL_RATE = 0.005;

    private static final String[][] PLACES = {
        {"United States", "California", "Los Angeles"}, {"United States", "California", "San Francisco"},
        {"United States", "New York", "New York"}, {"United States", "Texas", "Austin"},
        {"United States", "Illinois", "Chicago"}, {"United States", "New Jersey", "Jersey City"},
        {"United States", "Washington", "Seattle"}, {"United States", "Florida", "Miami"},
        {"Canada", "Ontario", "Toronto"}, {"Canada", "British Columbia", "Vancouver"}, {"Canada", "Quebec", "Montréal"},
        {"United Kingdom", "England", "London"}, {"United Kingdom", "Scotland", "Edinburgh"},
        {"Germany", "Bavaria", "München"}, {"Germany", "Berlin", "Berlin"},
        {"France", "Île-de-France", "Paris"}, {"India", "Maharashtra", "Mumbai"}, {"India", "Karnataka", "Bengaluru"},
        {"Australia", "New South Wales", "Sydney"}, {"Brazil", "São Paulo", "São Paulo"},
        {"Japan", "Tokyo", "Tokyo"}, {"Mexico", "Jalisco", "Guadalajara"},
    };
    private static final String[] FIRST_NAMES = {
        "james", "mary", "john", "patricia", "robert", "jennifer", "michael", "linda", "david", "elizabeth",
        "william", "barbara", "richard", "susan", "joseph", "jessica", "thomas", "sarah", "charles", "karen",
        "priya", "arjun", "mei", "hiroshi", "sofia", "lucas", "emma", "noah", "olivia", "liam", "chloé", "zoë",
    };
    private static final String[] LAST_NAMES = {
        "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez", "martinez",
        "hernandez", "lopez", "gonzalez", "wilson", "anderson", "thomas", "taylor", "moore", "jackson", "martin",
        "patel", "sharma", "tanaka", "suzuki", "müller", "schmidt", "dubois", "silva", "nguyen", "kim",
    };
    private static final String[] DOMAINS = {"gmail.com", "yahoo.com", "outlook.com", "icloud.com", "proton.me", "example.org"};
    private static final String[] GENDERS = {"Male", "Female", "Male", "Female", "Non-binary", "M", "F", "female", "male"};
    private static final String[] EDUCATION = {"High School", "Some College", "Bachelor's", "Bachelor's", "Master's", "PhD", "Associate"};
    private static final String[] INTERESTS = {
        "Music", "Tech", "Travel", "Sports", "Gaming", "Fashion", "Food", "Finance", "Health", "Fitness",
        "Education", "Art", "Books", "Movies", "Investing", "Photography", "Outdoors", "Cooking",
    };
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);
    private static final int SPAN_SECONDS = 2 * 365 * 24 * 3600;

    private final Random random;
    private final List<String> recentEmails = new ArrayList<>();

    private SampleDataGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Writes the header and {@code rows} customer rows. */
    public static void write(Writer out, int rows, long seed) throws IOException {
        SampleDataGenerator generator = new SampleDataGenerator(seed);
        out.write(HEADER);
        out.write('\n');
        StringBuilder line = new StringBuilder(256);
        for (int row = 1; row <= rows; row++) {
            line.setLength(0);
            generator.appendRow(line, row);
            out.write(line.toString());
        }
        out.flush();
    }

    private void appendRow(StringBuilder line, int row) {
        String[] place = PLACES[random.nextInt(PLACES.length)];
        String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
        String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
        field(line, String.format(Locale.ROOT, "ck_%08x", row * 2654435761L & 0xffffffffL)).append(',');
        field(line, email(first, last, row)).append(',');
        field(line, phone(place[0])).append(',');
        field(line, place[0]).append(',');
        field(line, place[1]).append(',');
        field(line, place[2]).append(',');
        field(line, age()).append(',');
        field(line, GENDERS[random.nextInt(GENDERS.length)]).append(',');
        field(line, income()).append(',');
        field(line, EDUCATION[random.nextInt(EDUCATION.length)]).append(',');
        field(line, interests()).append(',');
        field(line, EPOCH.plusSeconds(random.nextInt(SPAN_SECONDS)).format(TIMESTAMP)).append('\n');
    }

    /** Appends one value, sometimes blanked or padded, quoted when it needs to be. */
    private StringBuilder field(StringBuilder line, String value) {
        if (random.nextDouble() < BLANK_FIELD_RATE) {
            return line;
        }
        String shown = random.nextDouble() < STRAY_SPACE_RATE ? "  " + value + " " : value;
        if (shown.indexOf(',') >= 0 || shown.indexOf('"') >= 0) {
            return line.append('"').append(shown.replace("\"", "\"\"")).append('"');
        }
        return line.append(shown);
    }

    private String email(String first, String last, int row) {
        if (!recentEmails.isEmpty() && random.nextDouble() < REPEATED_EMAIL_RATE) {
            String earlier = recentEmails.get(random.nextInt(recentEmails.size()));
            return random.nextBoolean() ? earlier.toUpperCase(Locale.ROOT) : capitalise(earlier);
        }
        if (random.nextDouble() < BROKEN_EMAIL_RATE) {
            return random.nextBoolean() ? "n/a" : first + "." + last + "@";
        }
        String email = first + "." + last + row + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
        if (recentEmails.size() < 500) {
            recentEmails.add(email);
        } else {
            recentEmails.set(random.nextInt(recentEmails.size()), email);
        }
        return email;
    }

    private String phone(String country) {
        int a = 200 + random.nextInt(800);
        int b = random.nextInt(1000);
        int c = random.nextInt(10000);
        return switch (country) {
            case "United States", "Canada" -> random.nextBoolean()
                    ? String.format(Locale.ROOT, "(%03d) %03d-%04d", a, b, c)
                    : String.format(Locale.ROOT, "+1 %03d %03d %04d", a, b, c);
            case "United Kingdom" -> String.format(Locale.ROOT, "+44 20 %04d %04d", b, c);
            default -> String.format(Locale.ROOT, "+%d %03d %03d %04d", 30 + random.nextInt(60), a, b, c);
        };
    }

    private String age() {
        if (random.nextDouble() < IMPOSSIBLE_AGE_RATE) {
            return Integer.toString(random.nextBoolean() ? -1 - random.nextInt(5) : 121 + random.nextInt(300));
        }
        return Integer.toString(18 + (int) Math.min(70, Math.abs(random.nextGaussian() * 14 + 20)));
    }

    private String income() {
        int income = 15_000 + (int) Math.abs(random.nextGaussian() * 45_000);
        income -= income % 500;
        return Integer.toString(income);
    }

    private String interests() {
        int count = 1 + random.nextInt(4);
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            chosen.add(INTERESTS[random.nextInt(INTERESTS.length)]);
        }
        return String.join("|", chosen);
    }

    private static String capitalise(String email) {
        return Character.toUpperCase(email.charAt(0)) + email.substring(1);
    }
}
