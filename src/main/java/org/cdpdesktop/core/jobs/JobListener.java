package org.cdpdesktop.core.jobs;

/** Receives a job's progress, at most a few times a second, on the job's own thread. */
@FunctionalInterface
public interface JobListener {

    JobListener NONE = progress -> { };

    void progress(JobProgress progress);
}
