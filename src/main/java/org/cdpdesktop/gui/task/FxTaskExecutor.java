package org.cdpdesktop.gui.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Daemon threads for short GUI queries (counts, pages, charts); failures are logged, never swallowed. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService executor;

    public FxTaskExecutor() {
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "gui-query-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void execute(Task<?> task) {
        task.exceptionProperty().addListener((observable, old, failure) -> {
            if (failure != null) {
                LOG.warn("Background task failed", failure);
            }
        });
        executor.execute(task);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
