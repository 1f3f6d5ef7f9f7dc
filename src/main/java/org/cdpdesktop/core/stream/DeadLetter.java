package org.cdpdesktop.core.stream;

/**
 * A message the stream could not store, where it came from and why.
 *
 * @param messageTime the message's own timestamp (ISO-8601), {@code null} when the producer set none
 * @param payload     the message as text, cut to {@link DeadLetterStore#MAX_PAYLOAD_CHARS} ({@code truncated} then)
 * @param payloadSize the message's size in bytes as received
 */
public record DeadLetter(long id, String topic, int partition, long offset, String messageTime, String payload, int payloadSize,
                         boolean truncated, String reason, String createdAt) {
}
