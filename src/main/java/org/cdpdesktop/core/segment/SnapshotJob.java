package org.cdpdesktop.core.segment;

import java.util.List;
import org.cdpdesktop.core.jobs.Job;
import org.cdpdesktop.core.jobs.JobContext;

/** {@link SegmentService#snapshotAll} as a job, for doors that show progress (the GUI's jobs panel). */
public final class SnapshotJob implements Job<List<SnapshotResult>> {

    private final SegmentService segments;
    private final String reason;

    public SnapshotJob(SegmentService segments, String reason) {
        this.segments = segments;
        this.reason = reason;
    }

    @Override
    public String title() {
        return "Segment snapshot";
    }

    @Override
    public List<SnapshotResult> run(JobContext context) {
        context.message("Re-evaluating every segment");
        return segments.snapshotAll(reason);
    }
}
