package org.cdpdesktop.core.store;

import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.profile.ProfileFixtures;
import org.cdpdesktop.core.profile.ProfileSort;
import org.cdpdesktop.core.query.ProfileQuery;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.clean.FieldCleaner;
import org.cdpdesktop.core.query.RuleParser;
import org.cdpdesktop.core.query.SqlFragment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Deep pages of listings SQLite must sort, served from the kept id order, against the LIMIT/OFFSET pages they replace. */
class ListingOrderCacheTest {

    private static final int PROFILES = 2_000;
    private static final int PAGE = 100;
    private static final long DEEP = ListingOrderCache.NEAR_TOP_ROWS + 200;
    /** As many as the database pools, so that reading this many times visits each reader once. */
    private static final int READERS = 4;

    @TempDir
    Path folder;

    private Database database;
    private ProfileStore store;
    private ProfileBrowser browser;
    private List<Profile> many;

    @BeforeEach
    void openStore() {
        database = Database.open(folder.resolve("cdp.db"));
        store = new ProfileStore(database);
        browser = new ProfileBrowser(database);
        many = ProfileFixtures.saveMany(store, PROFILES);
    }

    @AfterEach
    void closeStore() {
        browser.close();
        database.close();
    }

    static Stream<Arguments> unindexedListings() {
        ProfileQuery inCanada = ProfileQuery.ALL.withFilter(RuleParser.parse("country = \"Canada\""));
        return Stream.of(
                Arguments.of("phone", ProfileQuery.ALL.withSort(ProfileSort.parse("phone"))),
                Arguments.of("phone descending", ProfileQuery.ALL.withSort(ProfileSort.parse("-phone"))),
                Arguments.of("state, mixed case", ProfileQuery.ALL.withSort(ProfileSort.parse("state"))),
                Arguments.of("custom attribute", ProfileQuery.ALL.withSort(ProfileSort.parse("attr:tier"))),
                Arguments.of("custom attribute descending", ProfileQuery.ALL.withSort(ProfileSort.parse("-attr:tier"))),
                Arguments.of("phone, filtered", inCanada.withSort(ProfileSort.parse("phone"))),
                Arguments.of("custom attribute descending, searched", ProfileQuery.ALL.withSearch("example.org")
                        .withSort(ProfileSort.parse("-attr:tier"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unindexedListings")
    void everyPageFromTheKeptOrderEqualsTheLimitOffsetPage(String name, ProfileQuery query) {
        long rows = browser.count(query);
        assertThat(rows).isGreaterThan(DEEP + PAGE);

        assertThat(ids(firstThenDeepPage(query))).isEqualTo(limitOffsetIds(query, DEEP, PAGE));
        assertThat(browser.keepsOrderOf(query)).isTrue();

        for (long offset = 0; offset <= rows; offset += PAGE - 1) {
            assertThat(ids(browser.page(query, offset, PAGE))).as("page at row %d", offset)
                    .isEqualTo(limitOffsetIds(query, offset, PAGE));
        }
        assertThat(browser.page(query, rows, PAGE)).isEmpty();
    }

    @Test
    void aFullFirstPageOfAnUnindexedSortStartsBuildingTheOrderInTheBackground() throws InterruptedException {
        ProfileQuery byPhone = ProfileQuery.ALL.withSort(ProfileSort.parse("phone"));

        browser.page(byPhone, 0, PAGE);

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!browser.keepsOrderOf(byPhone) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(browser.keepsOrderOf(byPhone)).isTrue();
    }

    @Test
    void onlyAListingThatSqliteSortsKeepsAnOrder() {
        ProfileQuery byAge = ProfileQuery.ALL.withSort(ProfileSort.parse("age"));
        ProfileQuery byAgeDescending = ProfileQuery.ALL.withSort(ProfileSort.parse("-age"));
        ProfileQuery byPhone = ProfileQuery.ALL.withSort(ProfileSort.parse("phone"));
        ProfileQuery byTier = ProfileQuery.ALL.withSort(ProfileSort.parse("attr:tier"));

        for (ProfileQuery indexed : List.of(ProfileQuery.ALL, byAge, byAgeDescending)) {
            assertThat(ids(firstThenDeepPage(indexed))).isEqualTo(limitOffsetIds(indexed, DEEP, PAGE));
            assertThat(browser.keepsOrderOf(indexed)).as(indexed.sort().toString()).isFalse();
        }
        for (ProfileQuery sorted : List.of(byPhone, byTier)) {
            firstThenDeepPage(sorted);
            assertThat(browser.keepsOrderOf(sorted)).as(sorted.sort().toString()).isTrue();
        }
    }

    @Test
    void theKeptOrderPutsBlankValuesLastInBothDirections() {
        long blanks = many.stream().filter(profile -> profile.getPhone() == null).count();
        assertThat(blanks).isPositive();
        for (String sort : List.of("phone", "-phone")) {
            ProfileQuery byPhone = ProfileQuery.ALL.withSort(ProfileSort.parse(sort));
            long rows = browser.count(byPhone);
            firstThenDeepPage(byPhone);
            assertThat(browser.keepsOrderOf(byPhone)).isTrue();

            List<Profile> lastPage = browser.page(byPhone, rows - blanks - 1, (int) blanks + 1);

            assertThat(lastPage.get(0).getPhone()).as(sort).isNotNull();
            assertThat(lastPage.subList(1, lastPage.size())).as(sort).extracting(Profile::getPhone).containsOnlyNulls();
        }
    }

    @Test
    void aNewListingReplacesTheKeptOrder() {
        ProfileQuery byPhone = ProfileQuery.ALL.withSort(ProfileSort.parse("phone"));
        ProfileQuery byState = ProfileQuery.ALL.withSort(ProfileSort.parse("state"));
        firstThenDeepPage(byPhone);

        browser.page(byState, 0, PAGE);

        assertThat(browser.keepsOrderOf(byPhone)).isFalse();
        assertThat(ids(browser.page(byPhone, DEEP, PAGE))).isEqualTo(limitOffsetIds(byPhone, DEEP, PAGE));
        assertThat(browser.keepsOrderOf(byPhone)).isFalse();
    }

    @Test
    void aDeepPageWithoutAFirstPageIsReadWithLimitOffsetAndKeepsNothing() {
        ProfileQuery byPhone = ProfileQuery.ALL.withSort(ProfileSort.parse("phone"));

        assertThat(ids(browser.page(byPhone, DEEP, PAGE))).isEqualTo(limitOffsetIds(byPhone, DEEP, PAGE));

        assertThat(browser.keepsOrderOf(byPhone)).isFalse();
    }

    @Test
    void theNextDeepPageAfterAnInsertEditOrDeleteShowsTheChange() {
        ProfileQuery byPhone = ProfileQuery.ALL.withSort(ProfileSort.parse("phone"));
        List<Long> before = ids(firstThenDeepPage(byPhone));
        assertThat(browser.keepsOrderOf(byPhone)).isTrue();

        Profile first = ProfileFixtures.profile("new_first", "new.first@example.org", "New", "First", 30, "Canada", "Toronto",
                50_000.0, List.of());
        first.setPhone("000");
        store.save(first);

        assertThat(browser.keepsOrderOf(byPhone)).isFalse();
        assertThat(ids(browser.page(byPhone, DEEP, PAGE))).isEqualTo(limitOffsetIds(byPhone, DEEP, PAGE));
        List<Long> afterInsert = ids(firstThenDeepPage(byPhone));
        assertThat(browser.keepsOrderOf(byPhone)).isTrue();
        assertThat(afterInsert).isEqualTo(limitOffsetIds(byPhone, DEEP, PAGE));
        assertThat(afterInsert.subList(1, PAGE)).isEqualTo(before.subList(0, PAGE - 1));

        long moved = afterInsert.get(50);
        new ProfileEditor(store, new FieldCleaner()).save(moved, Map.of(ProfileField.PHONE, "0001"));

        assertThat(browser.keepsOrderOf(byPhone)).isFalse();
        List<Long> afterEdit = ids(firstThenDeepPage(byPhone));
        assertThat(browser.keepsOrderOf(byPhone)).isTrue();
        assertThat(afterEdit).isEqualTo(limitOffsetIds(byPhone, DEEP, PAGE)).doesNotContain(moved);
        assertThat(ids(browser.page(byPhone, 0, (int) DEEP))).containsSequence(first.getId(), moved);

        long deleted = afterEdit.get(10);
        store.delete(deleted);

        assertThat(browser.keepsOrderOf(byPhone)).isFalse();
        List<Long> afterDelete = ids(firstThenDeepPage(byPhone));
        assertThat(browser.keepsOrderOf(byPhone)).isTrue();
        assertThat(afterDelete).isEqualTo(limitOffsetIds(byPhone, DEEP, PAGE)).doesNotContain(deleted);
    }

    @Test
    void buildingAnOrderLeavesEveryReaderConnectionAsItWas() {
        Set<String> before = readerSettings();

        firstThenDeepPage(ProfileQuery.ALL.withSort(ProfileSort.parse("phone")));

        assertThat(readerSettings()).isEqualTo(before).hasSize(1);
    }

    @Test
    void aListingLongerThanTheLimitKeepsPagingWithLimitOffset() {
        ProfileQuery byPhone = ProfileQuery.ALL.withSort(ProfileSort.parse("phone"));
        try (ProfileBrowser limited = new ProfileBrowser(database, PROFILES - 1)) {
            limited.page(byPhone, 0, PAGE);
            assertThat(ids(limited.page(byPhone, DEEP, PAGE))).isEqualTo(limitOffsetIds(byPhone, DEEP, PAGE));
            assertThat(limited.keepsOrderOf(byPhone)).isFalse();
        }
    }

    /** The page at row {@value #DEEP} right after the first page, as dragging the scroll bar down at once asks for it. */
    private List<Profile> firstThenDeepPage(ProfileQuery query) {
        browser.page(query, 0, PAGE);
        return browser.page(query, DEEP, PAGE);
    }

    private static List<Long> ids(List<Profile> page) {
        return page.stream().map(Profile::getId).toList();
    }

    /** The sorter settings of every pooled reader: the pool lends them in turn. */
    private Set<String> readerSettings() {
        Set<String> settings = new HashSet<>();
        for (int reader = 0; reader < READERS; reader++) {
            settings.add(database.read(connection -> {
                List<String> values = new ArrayList<>();
                for (String pragma : List.of("cache_size", "temp_store", "threads")) {
                    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("PRAGMA " + pragma)) {
                        result.next();
                        values.add(pragma + "=" + result.getLong(1));
                    }
                }
                return String.join(", ", values);
            }));
        }
        return settings;
    }

    /** The page's ids as LIMIT/OFFSET gives them, the way every page was read before orders were kept. */
    private List<Long> limitOffsetIds(ProfileQuery query, long offset, int limit) {
        SqlFragment where = ProfileSql.where(query);
        SqlFragment order = ProfileSql.orderBy(query.sort());
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.addAll(order.parameters());
        parameters.add(limit);
        parameters.add(offset);
        String sql = "SELECT p.id FROM profile p WHERE " + where.sql() + " ORDER BY " + order.sql() + " LIMIT ? OFFSET ?";
        return database.read(connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement statement = ProfileBrowser.prepare(connection, sql, parameters);
                 ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getLong(1));
                }
            }
            return ids;
        });
    }
}
