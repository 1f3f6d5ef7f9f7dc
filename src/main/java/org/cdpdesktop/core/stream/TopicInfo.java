package org.cdpdesktop.core.stream;

/** A topic the broker has, with its partition count, as a connection test lists it. */
public record TopicInfo(String name, int partitions) {
}
