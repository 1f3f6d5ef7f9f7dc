package org.cdpdesktop.gui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** How screen tests wait for what a person would wait for: a condition on what is shown, then the FX events it set off. */
public final class FxWait {

    private static final int SECONDS = 30;

    private FxWait() {
    }

    /** Waits until {@code condition} holds, at most {@value #SECONDS} seconds; fails the test with a plain message otherwise. */
    public static void until(Callable<Boolean> condition) {
        until(SECONDS, condition);
    }

    /**
     * Waits until {@code condition} holds, at most {@code seconds}. The condition is checked on the FX thread, as what
     * is shown may only be read there: a look-up from another thread can meet a scene graph the FX thread is changing.
     */
    public static void until(long seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("Condition not met within " + seconds + " seconds", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Does {@code action} on the FX thread and waits until the background work it started has reported back. */
    public static void act(Runnable action) throws Exception {
        onFx(() -> {
            action.run();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents(20);
    }

    /** Runs {@code work} on the FX thread, as a person's click would, and gives its result. */
    public static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
