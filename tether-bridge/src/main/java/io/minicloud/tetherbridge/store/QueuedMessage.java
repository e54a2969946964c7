package io.minicloud.tetherbridge.store;

/**
 * A message as the queue holds it.
 *
 * @param seq assigned by the queue, increasing forever (never reused, also across restarts)
 * @param enqueuedAtMillis wall-clock time of the offer: the start of the publish latency
 * @param message what was offered
 */
public record QueuedMessage(long seq, long enqueuedAtMillis, OutboundMessage message) {}
