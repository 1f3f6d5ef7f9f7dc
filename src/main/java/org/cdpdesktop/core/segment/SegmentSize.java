package org.cdpdesktop.core.segment;

/** A segment with its live member count, or the reason it could not be counted (e.g. a broken reference). */
public record SegmentSize(Segment segment, long size, String error) {

    public boolean failed() {
        return error != null;
    }
}
