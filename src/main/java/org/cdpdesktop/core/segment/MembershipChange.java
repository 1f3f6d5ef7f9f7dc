package org.cdpdesktop.core.segment;

/**
 * Who joined and who left a segment between its last snapshot ({@code since}, null when there is none, in which case
 * every current member counts as added) and its live rule now. Ids ascend.
 */
public record MembershipChange(String since, long[] added, long[] removed) {
}
