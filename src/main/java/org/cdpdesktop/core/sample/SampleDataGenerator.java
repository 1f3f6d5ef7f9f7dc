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
 * exports carry, at the rates below. Deterministic for a given seed and first row, so the bundled sample and the
 * benchmark files can be made again byte for byte.
 *
 * <p>Each row is a customer numbered from the first row (1 unless told otherwise), and that number alone makes its
 * cookie and its email: two files describe the same customers exactly where their row numbers overlap, whatever their
 * seeds, and different people elsewhere. The seed draws everything else. The repository's files therefore take
 * ranges that do not overlap:
 * <ul>
 *   <li>{@code sample-data/customers-labelled.csv}, the bundled cohort model's training data, rows 1 to 6,000:
 *       {@code cdp-desktop generate --labelled --rows 6000 --seed 12 --out sample-data/customers-labelled.csv};</li>
 *   <li>{@code sample-data/customers.csv}, the bundled sample, rows 6,001 to 9,000:
 *       {@code cdp-desktop generate --labelled --rows 3000 --first-row 6001 --seed 42 --out sample-data/customers.csv}.
 *       Labelled, as the bundled model learnt from labelled rows of the same distribution, and a sample from another
 *       one would show drift at once.</li>
 * </ul>
 */
public final class SampleDataGenerator {

    public static final String HEADER = "cookie,email,phone_number,country,state,city,age,gender,income,education,interests,created_at";
    /** The labelled file adds a bio and the old service's cohort, for training and evaluating cohort models. */
    public static final String LABELLED_HEADER = HEADER + ",bio,cohort";

    /** The old CDPapi service's cohorts, each with the interests and bio phrases its members lean to. */
    static final String[] COHORTS = {"Tech Savvy", "Foodies", "Travel", "Movie & Music Lovers", "Health & Fitness", "Mixed/Other"};
    private static final String[][] COHORT_INTERESTS = {
        {"Tech", "Gaming", "Gadgets", "Programming", "Photography", "Investing"},
        {"Food", "Cooking", "Wine", "Restaurants", "Baking", "Travel"},
        {"Travel", "Outdoors", "Photography", "Hiking", "Languages", "Food"},
        {"Movies", "Music", "Concerts", "Art", "Books", "Gaming"},
        {"Health", "Fitness", "Sports", "Yoga", "Running", "Outdoors"},
    };
    private static final String[][] COHORT_PHRASES = {
        {"coding side projects", "new gadgets", "smart home setups", "building PCs", "AI podcasts"},
        {"street food", "farmers markets", "baking sourdough", "trying new restaurants", "hosting dinners"},
        {"backpacking", "city breaks", "long flights", "road trips", "learning languages abroad"},
        {"film festivals", "live gigs", "vinyl records", "indie films", "playing guitar"},
        {"morning runs", "yoga classes", "meal prep", "the gym", "cycling"},
    };
    private static final String[] EVERYDAY_PHRASES = {
        "family time", "quiet weekends", "my dog", "good coffee", "reading", "gardening", "volunteering", "board games",
    };
    private static final String[] BIO_TEMPLATES = {"Loves %s and %s.", "Into %s, and %s on weekends.", "%s fan. Also enjoys %s.", "Spends free time on %s and %s."};
    /** How often an interest or bio phrase comes from the profile's cohort rather than from anywhere. */
    static final double COHORT_SIGNAL = 0.6;
    /** A cohort label that is simply wrong, as hand-kept labels are. */
    static final double WRONG_LABEL_RATE = 0.08;

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
    /** A cookie is the row number times an odd constant in 32 bits: distinct for every row up to this one. */
    static final long LAST_ROW = 0xffffffffL;

    private final Random random;
    private final boolean labelled;
    private final List<String> recentEmails = new ArrayList<>();

    private SampleDataGenerator(long seed, boolean labelled) {
        this.random = new Random(seed);
        this.labelled = labelled;
    }

    /** Writes the header and {@code rows} customer rows, numbered from 1. */
    public static void write(Writer out, int rows, long seed) throws IOException {
        write(out, rows, seed, false);
    }

    /**
     * Writes the header and {@code rows} customer rows, numbered from 1; {@code labelled} adds a bio and a cohort that
     * the interests and bio lean towards, noisily: a model can learn it, but not perfectly.
     */
    public static void write(Writer out, int rows, long seed, boolean labelled) throws IOException {
        write(out, rows, seed, labelled, 1);
    }

    /**
     * Writes the header and {@code rows} customer rows numbered from {@code firstRow}, as {@link #write(Writer, int,
     * long, boolean)} does: customers of another file whose numbers are among these have the same cookies and emails.
     */
    public static void write(Writer out, int rows, long seed, boolean labelled, long firstRow) throws IOException {
        checkRows(rows, firstRow);
        SampleDataGenerator generator = new SampleDataGenerator(seed, labelled);
        out.write(labelled ? LABELLED_HEADER : HEADER);
        out.write('\n');
        StringBuilder line = new StringBuilder(256);
        for (long row = firstRow; row < firstRow + rows; row++) {
            line.setLength(0);
            generator.appendRow(line, row);
            out.write(line.toString());
        }
        out.flush();
    }

    /** Refuses a row range the generator cannot write, before anything is written. */
    public static void checkRows(int rows, long firstRow) {
        if (rows < 0) {
            throw new IllegalArgumentException("The number of rows must be 0 or more, not " + rows);
        }
        if (firstRow < 1 || firstRow - 1 + rows > LAST_ROW) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Rows are numbered from 1 to %,d, beyond which cookies would repeat: %,d rows from row %,d do not fit",
                    LAST_ROW, rows, firstRow));
        }
    }

    private void appendRow(StringBuilder line, long row) {
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
        if (!labelled) {
            field(line, interests()).append(',');
            field(line, EPOCH.plusSeconds(random.nextInt(SPAN_SECONDS)).format(TIMESTAMP)).append('\n');
            return;
        }
        int cohort = random.nextInt(COHORTS.length);
        field(line, cohortInterests(cohort)).append(',');
        field(line, EPOCH.plusSeconds(random.nextInt(SPAN_SECONDS)).format(TIMESTAMP)).append(',');
        field(line, bio(cohort)).append(',');
        String label = random.nextDouble() < WRONG_LABEL_RATE ? COHORTS[random.nextInt(COHORTS.length)] : COHORTS[cohort];
        field(line, label).append('\n');
    }

    /** Interests drawn from the cohort's own list or from anywhere; a Mixed/Other profile has no list of its own. */
    private String cohortInterests(int cohort) {
        int count = 1 + random.nextInt(4);
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            boolean own = cohort < COHORT_INTERESTS.length && random.nextDouble() < COHORT_SIGNAL;
            String[] pool = own ? COHORT_INTERESTS[cohort] : INTERESTS;
            chosen.add(pool[random.nextInt(pool.length)]);
        }
        return String.join("|", chosen);
    }

    private String bio(int cohort) {
        String[] phrases = new String[2];
        for (int i = 0; i < phrases.length; i++) {
            boolean own = cohort < COHORT_PHRASES.length && random.nextDouble() < COHORT_SIGNAL;
            String[] pool = own ? COHORT_PHRASES[cohort] : random.nextBoolean()
                    ? EVERYDAY_PHRASES : COHORT_PHRASES[random.nextInt(COHORT_PHRASES.length)];
            phrases[i] = pool[random.nextInt(pool.length)];
        }
        String bio = String.format(Locale.ROOT, BIO_TEMPLATES[random.nextInt(BIO_TEMPLATES.length)], phrases[0], phrases[1]);
        return Character.toUpperCase(bio.charAt(0)) + bio.substring(1);
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

    private String email(String first, String last, long row) {
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
