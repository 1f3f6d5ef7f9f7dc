package org.cdpdesktop.gui.profiles;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.collections.ObservableListBase;
import javafx.util.Duration;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.TaskExecutor;

/**
 * The rows of one profile listing as a list a {@code TableView} can show without holding them: {@link #get} answers
 * from the pages loaded so far and asks for a missing page in the background, returning {@code null} (a blank row)
 * until it arrives. Only the pages the table asked for in the last moment are loaded, so dragging the scroll bar
 * across a million rows loads the pages where it stops, not every page it passed; a bounded cache keeps memory flat.
 */
final class PagedProfiles extends ObservableListBase<Profile> {

    static final int PAGE_SIZE = 100;
    /** Pages kept in memory; the least recently used one is dropped beyond this. */
    static final int CACHED_PAGES = 60;
    /** Pages loaded per burst of requests: the visible rows span at most a few pages. */
    private static final int PAGES_PER_BURST = 3;
    private static final Duration SETTLE = Duration.millis(30);

    /** Loads the page starting at a row, on a background thread. */
    interface PageLoader {
        List<Profile> load(long offset, int limit) throws Exception;
    }

    private PageLoader loader;
    private final TaskExecutor executor;
    private final Consumer<Throwable> onFailure;
    private final Map<Integer, List<Profile>> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<Profile>> eldest) {
            return size() > CACHED_PAGES;
        }
    };
    private final Set<Integer> loading = new HashSet<>();
    private final LinkedHashSet<Integer> wanted = new LinkedHashSet<>();
    private final PauseTransition settle = new PauseTransition(SETTLE);
    private int size;
    private long generation;
    private Runnable rowsArrived = () -> { };

    PagedProfiles(PageLoader loader, TaskExecutor executor, Consumer<Throwable> onFailure) {
        this.loader = loader;
        this.executor = executor;
        this.onFailure = onFailure;
        settle.setOnFinished(event -> loadWanted());
    }

    /** Starts with the first page, already loaded by whoever made this listing. */
    void showFirstPage(List<Profile> rows) {
        pages.put(0, List.copyOf(rows));
        resize(Math.max(size, rows.size()));
        fireRowsChanged(0, rows.size());
    }

    /** Sets the number of rows once the listing's count is known. */
    void resize(long total) {
        int newSize = (int) Math.min(Integer.MAX_VALUE, total);
        if (newSize == size) {
            return;
        }
        int oldSize = size;
        size = newSize;
        beginChange();
        if (newSize > oldSize) {
            nextAdd(oldSize, newSize);
        } else {
            nextRemove(newSize, Collections.nCopies(oldSize - newSize, null));
        }
        endChange();
    }

    /**
     * Empties the list for a new listing read by {@code newLoader}. The list object stays the same, so the table keeps
     * its columns and sort order; answers still on their way for the old listing are dropped when they arrive.
     */
    void reset(PageLoader newLoader) {
        generation++;
        loader = newLoader;
        settle.stop();
        pages.clear();
        loading.clear();
        wanted.clear();
        resize(0);
    }

    /** The row at {@code index} if its page has loaded, else {@code null}; unlike {@link #get}, never asks for it. */
    Profile loaded(int index) {
        List<Profile> rows = pages.get(index / PAGE_SIZE);
        int inPage = index % PAGE_SIZE;
        return rows != null && inPage < rows.size() ? rows.get(inPage) : null;
    }

    @Override
    public Profile get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("Row " + index + " of " + size);
        }
        int page = index / PAGE_SIZE;
        if (!pages.containsKey(page) && !loading.contains(page)) {
            wanted.remove(page);
            wanted.add(page);
            settle.playFromStart();
        }
        return loaded(index);
    }

    @Override
    public int size() {
        return size;
    }

    private void loadWanted() {
        List<Integer> latest = wanted.stream().skip(Math.max(0, wanted.size() - PAGES_PER_BURST)).toList();
        wanted.clear();
        PageLoader current = loader;
        long requestedIn = generation;
        for (int page : latest) {
            if (loading.contains(page) || pages.containsKey(page)) {
                continue;
            }
            loading.add(page);
            BackgroundTask.wrap(() -> current.load((long) page * PAGE_SIZE, PAGE_SIZE))
                    .onSuccess(rows -> arrived(requestedIn, page, rows))
                    .onFailure(failure -> {
                        if (requestedIn == generation) {
                            loading.remove(page);
                            onFailure.accept(failure);
                        }
                    })
                    .executeWith(executor);
        }
    }

    private void arrived(long requestedIn, int page, List<Profile> rows) {
        if (requestedIn != generation) {
            return;
        }
        loading.remove(page);
        pages.put(page, List.copyOf(rows));
        rowsArrived.run();
    }

    /**
     * What to do when a page arrives: the table redraws its rows. The list reports no change for it, since a table's
     * selection model drops the selection of every row reported replaced, and a select-all would shrink to one row.
     */
    void onRowsArrived(Runnable action) {
        rowsArrived = action;
    }

    private void fireRowsChanged(int from, int to) {
        if (from >= to) {
            return;
        }
        beginChange();
        for (int i = from; i < to; i++) {
            nextSet(i, null);
        }
        endChange();
    }
}
