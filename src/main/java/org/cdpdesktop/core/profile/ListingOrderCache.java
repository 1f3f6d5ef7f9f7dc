package org.cdpdesktop.core.profile;

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
import org.cdpdesktop.core.segment.SqlFragment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.ProgressHandler;

/**
 * The whole id order of the latest profile listing that SQLite can only give by sorting, so that a page anywhere in it
 * is a slice of an array instead of a new sort of the listing (1.9 s at row 900,000 of a million sorted by phone).
 * Only the latest listing is kept, and at most {@value #MAX_IDS} ids of it (8 bytes each): a longer listing keeps
 * paging with LIMIT/OFFSET. A committed write or a newer listing drops the order; one still being built for a dropped
 * listing is stopped and never served, so a page from the order always equals the page LIMIT/OFFSET would give.
 *
 * <p>The order is built on a background thread right after a full first page, not when the first deep page is asked
 * for: it costs about what one deep LIMIT/OFFSET page costs (the same sort), so starting it while the user still looks
 * at the top means that dragging the scroll bar to the bottom a second or two later finds it ready, or nearly so.
 * Deep pages asked for sooner wait for that one build rather than each starting a sort of their own.
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
     * The whole id order of the listing that {@code orderedIds} (its id query, without LIMIT/OFFSET) selects, when the
     * page at {@code offset} should be a slice of it; waits for an order being built unless the page is near the top.
     * {@code null} when the page should be read with LIMIT/OFFSET: SQLite walks an index in this order, the listing is
     * too long to keep, the page is near the top and the order is not ready, or the listing was dropped meanwhile.
     */
    long[] order(ProfileQuery query, SqlFragment orderedIds, long offset) {
        Listing listing = listing(query, orderedIds);
        if (!listing.sortedBySqlite) {
            return null;
        }
        CompletableFuture<long[]> order;
        synchronized (this) {
            order = offset < NEAR_TOP_ROWS ? listing.order : build(listing);
        }
        if (order == null || (offset < NEAR_TOP_ROWS && !order.isDone())) {
            return null;
        }
        try {
            return order.join();
        } catch (CancellationException | CompletionException dropped) {
            return null;
        }
    }

    /** Starts building the order of {@code query} in the background, if it is the latest listing and SQLite sorts it. */
    synchronized void prefetch(ProfileQuery query) {
        if (latest != null && latest.query.equals(query) && latest.sortedBySqlite) {
            build(latest);
        }
    }

    /** Whether the order of {@code query} is built and kept, so that any page of it is a slice. */
    synchronized boolean keeps(ProfileQuery query) {
        return latest != null && latest.query.equals(query) && latest.order != null && latest.order.isDone()
                && !latest.order.isCompletedExceptionally() && latest.order.join() != null;
    }

    /** The latest listing if it is {@code query}'s; otherwise a new one replaces it. */
    private Listing listing(ProfileQuery query, SqlFragment orderedIds) {
        synchronized (this) {
            if (latest != null && latest.query.equals(query)) {
                return latest;
            }
        }
        // The plan is read outside the lock: it may wait for a reader connection.
        boolean sortedBySqlite = database.read(connection -> sortedBySqlite(connection, orderedIds));
        synchronized (this) {
            if (latest != null && latest.query.equals(query)) {
                return latest;
            }
            dropLatest();
            latest = new Listing(query, orderedIds, sortedBySqlite);
            return latest;
        }
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

    /** The listing's order, started on the builder thread unless it already was. Call with this cache's lock held. */
    private CompletableFuture<long[]> build(Listing listing) {
        if (listing.order == null) {
            listing.order = CompletableFuture.supplyAsync(() -> read(listing), builder);
            listing.order.whenComplete((ids, failure) -> {
                if (failure != null && !listing.dropped) {
                    LOG.warn("Could not keep the order of a profile listing; its pages use LIMIT/OFFSET", failure);
                }
            });
        }
        return listing.order;
    }

    /** Every id of the listing in order, or {@code null} when it holds more than {@link #maxIds}. */
    private long[] read(Listing listing) {
        if (listing.dropped) {
            throw new CancellationException("The listing was dropped before its order was built");
        }
        return database.read(connection -> {
            // Stops the query, even while SQLite is still scanning for its sort, once the listing is dropped.
            ProgressHandler.setHandler(connection, STEPS_BETWEEN_CHECKS, new ProgressHandler() {
                @Override
                protected int progress() {
                    return listing.dropped ? 1 : 0;
                }
            });
            try (PreparedStatement statement = ProfileBrowser.prepare(connection, listing.orderedIds.sql(), listing.orderedIds.parameters());
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
            } finally {
                ProgressHandler.clearHandler(connection);
            }
        });
    }

    /** Any committed write may move any profile in any order, so the kept order goes, and a build under way stops. */
    private synchronized void dropLatest() {
        if (latest != null) {
            latest.dropped = true;
            if (latest.order != null) {
                latest.order.cancel(false);
            }
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

    /** A listing as the cache knows it: its query, whether SQLite sorts it, and its order once asked for. */
    private static final class Listing {
        final ProfileQuery query;
        final SqlFragment orderedIds;
        final boolean sortedBySqlite;
        /** Set under the cache's lock, read by the build's progress check on the builder thread. */
        volatile boolean dropped;
        /** Guarded by the cache's lock; {@code null} until first asked for. */
        CompletableFuture<long[]> order;

        Listing(ProfileQuery query, SqlFragment orderedIds, boolean sortedBySqlite) {
            this.query = query;
            this.orderedIds = orderedIds;
            this.sortedBySqlite = sortedBySqlite;
        }
    }
}
