package org.cdpdesktop.core.stats;

import java.util.List;

/**
 * The dashboard's figures, as the Dashboard screen draws them and {@code stats} prints them.
 *
 * @param newProfiles sign-ups per period, oldest first, up to the period of the newest one: a profile counts on its
 *                    signup date, or on the day it entered the store when it has none; periods without any count 0
 * @param segments    every segment with its members as of its last evaluation (what a {@code segment "X"} filter
 *                    selects), largest first
 * @param model       the active cohort model, or {@code null} while none has been trained
 */
public record Dashboard(long totalProfiles, Period period, List<Bucket> newProfiles, List<Count> cohorts,
                        List<Count> segments, List<Count> topInterests, List<Count> countries, List<AgeBand> ages,
                        List<Stats.LastImport> recentImports, ModelStatus model) {

    /** The periods new profiles are counted by. */
    public enum Period { DAY, WEEK, MONTH }

    public record Count(String label, long count) {
    }

    /** Sign-ups from day {@code from} to day {@code to} (ISO dates, both included). */
    public record Bucket(String label, String from, String to, long count) {
    }

    /** Profiles whose age is in [{@code min}, {@code max}]; a bound is {@code null} when the band is open on that side. */
    public record AgeBand(String label, Integer min, Integer max, long count) {
    }

    public record ModelStatus(String version, String name, String algorithm, String createdAt) {
    }
}
