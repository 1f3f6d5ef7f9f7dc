package org.cdpdesktop.core.jobs;

/**
 * A piece of long work (import, export, training, consuming) that reports progress and stops when cancelled.
 * Every door runs the same job: the GUI through a background task, the CLI in the foreground.
 *
 * @param <R> the summary the job returns; doors show it, the CLI prints it as one JSON line
 */
public interface Job<R> {

    String title();

    R run(JobContext context) throws Exception;
}
