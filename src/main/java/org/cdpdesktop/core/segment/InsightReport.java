package org.cdpdesktop.core.segment;

import java.util.List;

/**
 * What sets a group of profiles apart: its size against the whole store, how many values were tested, and the
 * significant differences, strongest first.
 */
public record InsightReport(String rule, long members, long total, int tested, List<Insight> insights, long millis) {

    public InsightReport {
        insights = List.copyOf(insights);
    }

    public long rest() {
        return total - members;
    }
}
