package org.cdpdesktop.core.store;

import org.cdpdesktop.core.query.ProfileQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.db.LargeSorts;
import org.cdpdesktop.core.query.SqlFragment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.ProgressHandler;

/**
 * The whole id order of the latest profile listing that SQLite can only give by sorting, so that a page anywhere in it
 * is a slice of an array instead of a new sort of the listing (1.9 s at row 900,000 of a million sorted by phone).
 * Only the latest listing is kept, and at most {@value #MAX_IDS} ids of it (8 bytes each): a longer listing keeps
 * paging with LIMIT/OFFSET. A committed write or a full first page of another listing drops the order; one still
 * being built for a dropped listing is stopped and never served, so a page from the order always equals the page
 * LIMIT/OFFSET would give.
 *
 * <p>The order is built on a background thread right after a full first page, not when the first deep page is asked
 * for: a million ids take about a second, as long as one deep LIMIT/OFFSET page or less, so started while the user
 * still looks at the top it is ready when they drag the scroll bar to the bottom a second or two later. Deep pages
 * asked for sooner wait for that one build rather than each starting a sort of their own. A deep page with no order
 * kept or on its way is read with LIMIT/OFFSET as before: the CLI reads one page per run, and a late page of a
 * listing the user has left must not replace the order of the one they are looking at.
 */
final class ListingOrderCache implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ListingOrderCache.class);

    /** 32 MB of ids: four times the largest store issue 5 asks to scroll smoothly. */
    static final int MAX_IDS = 4_000_000;
    /** Near the top, SQLite's top-N sort answers about as fast as the first page; waiting for a whole order would not. */
    static final long NEAR_TOP_ROWS = 1_000;
    /** How often, in SQLite virtual machine steps, a build checks whether its listing was dropped. */
    private static final int STEPS_BETWEEN_CHECKS = 10_000;
    private static final int STOP_TIMEOUT_SECONDS = 10;

    private final Database database;
    private final int maxIds;
    private final ExecutorService builder = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "profile-listing-order");
        thread.setDaemon(true);
        return thread;
    });
    /** Guarded by this. */
    private Listing latest;

    /** Keeps orders of up to {@code maxIds} ids; {@link #MAX_IDS} but in tests of the limit. */
    ListingOrderCache(Database database, int maxIds) {
        this.database = database;
        this.maxIds = maxIds;
        database.onChange(this::dropLatest);
    }

    /**
     * The whole id order of {@code query}'s listing, when the page at {@code offset} should be a slice of it; waits for
     * the order being built unless the page is near the top. {@code null} when the page should be read with
     * LIMIT/OFFSET: no order of this listing is kept or on its way (SQLite walks an index for it, it is too long to
     * keep, no full first page of it was read since the last write, or a newer listing replaced it), or the page is
     * near the top and the order is not ready yet.
     */
    long[] order(ProfileQuery query, long offset) {
        CompletableFuture<long[]> order;
        synchronized (this) {
            if (latest == null || !latest.query.equals(query)) {
                return null;
            }
            order = latest.order;
        }
        if (offset < NEAR_TOP_ROWS && !order.isDone()) {
            return null;
        }
        try {
            return order.join();
        } catch (CancellationException | CompletionException dropped) {
            return null;
        }
    }

    /**
     * Makes {@code query} the latest listing, dropping the order of any other, and starts building its order in the
     * background if SQLite sorts it; {@code orderedIds} is its id query without LIMIT/OFFSET. Called after a full first
     * page only.
     */
    void prefetch(ProfileQuery query, SqlFragment orderedIds) {
        synchronized (this) {
            if (latest != null && latest.query.equals(query)) {
                return;
            }
        }
        // The plan is read outside the lock: it may wait for a reader connection.
        boolean sortedBySqlite = database.read(connection -> sortedBySqlite(connection, orderedIds));
        synchronized (this) {
            if (latest != null && latest.query.equals(query)) {
                return;
            }
            dropLatest();
            Listing listing = new Listing(query);
            listing.order = sortedBySqlite ? build(listing, orderedIds) : CompletableFuture.completedFuture(null);
            latest = listing;
        }
    }

    /** Whether the order of {@code query} is built and kept, so that any page of it is a slice. */
    synchronized boolean keeps(ProfileQuery query) {
        return latest != null && latest.query.equals(query) && latest.order.isDone() && !latest.order.isCompletedExceptionally()
                && latest.order.join() != null;
    }

    /** Whether SQLite sorts to give this order, which a deep LIMIT/OFFSET page then repeats in full. */
    private static boolean sortedBySqlite(Connection connection, SqlFragment orderedIds) throws SQLException {
        try (PreparedStatement plan = ProfileBrowser.prepare(connection, "EXPLAIN QUERY PLAN " + orderedIds.sql(), orderedIds.parameters());
             ResultSet steps = plan.executeQuery()) {
            while (steps.next()) {
                String step = steps.getString("detail");
                // Also "... FOR RIGHT PART OF ORDER BY" when an index gives only the first sort key.
                if (step.startsWith("USE TEMP B-TREE FOR ") && step.endsWith("ORDER BY")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The listing's order, read on the builder thread. */
    private CompletableFuture<long[]> build(Listing listing, SqlFragment orderedIds) {
        CompletableFuture<long[]> order = CompletableFuture.supplyAsync(() -> read(listing, orderedIds), builder);
        order.whenComplete((ids, failure) -> {
            if (failure != null && !listing.dropped) {
                LOG.warn("Could not keep the order of a profile listing; its pages use LIMIT/OFFSET", failure);
            }
        });
        return order;
    }

    /** Every id of the listing in order, or {@code null} when it holds more than {@link #maxIds}. */
    private long[] read(Listing listing, SqlFragment orderedIds) {
        if (listing.dropped) {
            throw new CancellationException("The listing was dropped before its order was built");
        }
        return database.read(connection -> LargeSorts.run(connection, sorting -> {
            // Stops the query, even while SQLite is still scanning for its sort, once the listing is dropped.
            ProgressHandler.setHandler(sorting, STEPS_BETWEEN_CHECKS, new ProgressHandler() {
                @Override
                protected int progress() {
                    return listing.dropped ? 1 : 0;
                }
            });
            try {
                return ids(sorting, orderedIds);
            } finally {
                ProgressHandler.clearHandler(sorting);
            }
        }));
    }

    private long[] ids(Connection connection, SqlFragment orderedIds) throws SQLException {
        try (PreparedStatement statement = ProfileBrowser.prepare(connection, orderedIds.sql(), orderedIds.parameters());
             ResultSet result = statement.executeQuery()) {
            long[] ids = new long[Math.min(maxIds, 1 << 16)];
            int count = 0;
            while (result.next()) {
                if (count == maxIds) {
                    LOG.info("A listing of more than {} profiles pages with LIMIT/OFFSET", maxIds);
                    return null;
                }
                if (count == ids.length) {
                    ids = Arrays.copyOf(ids, Math.min(maxIds, 2 * count));
                }
                ids[count++] = result.getLong(1);
            }
            return Arrays.copyOf(ids, count);
        }
    }

    /** Any committed write may move any profile in any order, so the kept order goes, and a build under way stops. */
    private synchronized void dropLatest() {
        if (latest != null) {
            latest.dropped = true;
            latest.order.cancel(false);
            latest = null;
        }
    }

    @Override
    public void close() {
        dropLatest();
        builder.shutdownNow();
        try {
            if (!builder.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("A profile listing order was still being built at close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A listing as the cache knows it: its query and its order, which is {@code null} when none is kept. */
    private static final class Listing {
        final ProfileQuery query;
        /** Set under the cache's lock, read by the build's progress check on the builder thread. */
        volatile boolean dropped;
        /** Set under the cache's lock before the listing becomes the latest. */
        CompletableFuture<long[]> order;

        Listing(ProfileQuery query) {
            this.query = query;
        }
    }
}
