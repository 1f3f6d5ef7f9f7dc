package org.cdpdesktop.core.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a row merges into a profile that has the same identity (external id or email). Whatever the policy, list
 * fields (interests) and cohorts are merged as a union, and an external id or email of the row that the profile
 * does not keep as its own is added to its {@code other_external_ids} / {@code other_emails} attributes.
 */
public enum DuplicatePolicy {
    /** The row is newer: its non-blank values replace the profile's; its blanks erase nothing. */
    NEWEST("newest"),
    /** The profile as stored wins: the row adds only interests, cohorts and other identities. */
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
