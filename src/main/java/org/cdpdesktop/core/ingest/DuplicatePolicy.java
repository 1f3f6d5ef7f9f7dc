package org.cdpdesktop.core.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a row merges into a profile that has the same identity (external id or email). List fields
 * (interests) and cohorts are always merged as a union, whatever the policy.
 */
public enum DuplicatePolicy {
    /** The row is newer: its non-blank values replace the profile's; its blanks erase nothing. */
    NEWEST("newest"),
    /** The profile as stored wins: the row adds only interests and cohorts. */
    EXISTING("existing"),
    /** The profile keeps its values; the row fills only the ones that are blank. */
    FILL("fill");

    private final String word;

    DuplicatePolicy(String word) {
        this.word = word;
    }

    /** The CLI's word for the policy: {@code newest}, {@code existing} or {@code fill}. */
    public String word() {
        return word;
    }

    public static DuplicatePolicy fromWord(String word) {
        String wanted = word.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(policy -> policy.word.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown duplicate policy '" + word + "'; use one of "
                        + Arrays.stream(values()).map(DuplicatePolicy::word).collect(Collectors.joining(", "))));
    }
}
