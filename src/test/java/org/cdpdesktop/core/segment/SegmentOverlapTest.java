package org.cdpdesktop.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.query.RuleParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentOverlapTest {

    private static final String[] INTERESTS = {"tech", "gaming", "travel", "health", "finance", "education", "luxury"};
    private static final String[] COUNTRIES = {"United States", "Canada", "Germany", "India"};

    @TempDir
    Path folder;
    private Database database;
    private SegmentService segments;
    private SegmentOverlap overlap;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("cdp.db"));
        segments = new SegmentService(database);
        overlap = new SegmentOverlap(segments);
        Random random = new Random(11);
        database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO profile(external_id, age, income, country,"
                    + " city, education, interests, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '2025-01-01', '2025-01-01')")) {
                for (int i = 0; i < 1500; i++) {
                    List<String> own = new ArrayList<>();
                    for (String interest : INTERESTS) {
                        if (random.nextInt(4) == 0) {
                            own.add("\"" + interest + "\"");
                        }
                    }
                    insert.setString(1, "c" + i);
                    insert.setInt(2, 16 + random.nextInt(70));
                    insert.setDouble(3, random.nextInt(300_000));
                    insert.setString(4, COUNTRIES[random.nextInt(COUNTRIES.length)]);
                    insert.setString(5, random.nextBoolean() ? "New York" : "Springfield");
                    insert.setString(6, random.nextBoolean() ? "PhD" : "High School");
                    insert.setString(7, own.toString());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
        segments.save("Canadian techies", RuleParser.parse("country = \"Canada\" AND interests contains \"tech\""), null);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void overlapCountsMatchTheMembershipTables() {
        segments.snapshotAll("manual");

        OverlapMatrix matrix = overlap.matrix();

        assertThat(matrix.failed()).isEmpty();
        assertThat(matrix.segments()).hasSize(segments.list().size());
        int nonEmptyPairs = 0;
        for (int i = 0; i < matrix.segments().size(); i++) {
            assertThat(matrix.sizes()[i]).isEqualTo(stored(matrix.segments().get(i), matrix.segments().get(i)));
            for (int j = 0; j < matrix.segments().size(); j++) {
                long expected = stored(matrix.segments().get(i), matrix.segments().get(j));
                assertThat(matrix.both()[i][j]).as(matrix.segments().get(i).name() + " & " + matrix.segments().get(j).name())
                        .isEqualTo(expected);
                if (i != j && expected > 0) {
                    nonEmptyPairs++;
                }
            }
        }
        assertThat(nonEmptyPairs).isGreaterThan(10);
    }

    @Test
    void jaccardIsSharedOverEitherAndOneOnTheDiagonal() {
        OverlapMatrix matrix = overlap.matrix();
        int techie = indexOf(matrix, "Techie");
        int canadian = indexOf(matrix, "Canadian techies");

        assertThat(matrix.both()[techie][canadian]).isEqualTo(matrix.sizes()[canadian]).isPositive();
        assertThat(matrix.jaccard(techie, canadian))
                .isCloseTo((double) matrix.sizes()[canadian] / matrix.sizes()[techie], within(1e-12));
        assertThat(matrix.jaccard(canadian, canadian)).isEqualTo(1.0);
    }

    @Test
    void profilesInBothAreThoseTheMembershipTablesShare() {
        segments.snapshotAll("manual");
        Segment techie = segments.find("Techie").orElseThrow();
        Segment canadian = segments.find("Canadian techies").orElseThrow();
        Segment senior = segments.find("Senior").orElseThrow();

        List<Profile> both = overlap.inBoth(techie, senior, 10_000);

        assertThat(both).extracting(Profile::getId).containsExactlyElementsOf(storedIds(techie, senior)).isNotEmpty();
        assertThat(overlap.inBoth(techie, canadian, 5)).hasSize(5);
    }

    private static int indexOf(OverlapMatrix matrix, String name) {
        for (int i = 0; i < matrix.segments().size(); i++) {
            if (matrix.segments().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("No " + name);
    }

    private long stored(Segment a, Segment b) {
        return storedIds(a, b).size();
    }

    private List<Long> storedIds(Segment a, Segment b) {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT x.profile_id FROM segment_member x"
                    + " JOIN segment_member y ON y.profile_id = x.profile_id WHERE x.segment_id = ? AND y.segment_id = ?"
                    + " ORDER BY x.profile_id")) {
                statement.setLong(1, a.id());
                statement.setLong(2, b.id());
                List<Long> ids = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
                return ids;
            }
        });
    }
}
