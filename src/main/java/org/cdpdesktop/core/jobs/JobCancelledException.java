package org.cdpdesktop.core.jobs;

/** Thrown by a job that saw its cancel flag; whatever it had written is rolled back by then. */
public class JobCancelledException extends RuntimeException {
    public JobCancelledException(String title) {
        super(title + " was cancelled; nothing was changed");
    }
}
