package io.minicloud.edgeagent.rear.subscription;

import java.time.Duration;

/**
 * Limits and timings of subscriptions.
 *
 * @param maxPerPrincipal stored subscriptions one caller may hold (429 beyond)
 * @param maxStreams concurrent SSE streams on the node (503 beyond)
 * @param keepAlive how often an idle SSE stream gets a comment, below every proxy's idle timeout
 * @param retention events older than this are pruned (unless a webhook still owes them)
 * @param maxEvents at most this many events are kept
 * @param maxAttempts a webhook delivery is given up after this many failed attempts...
 * @param giveUpAfter ...or when the event is this old
 * @param firstRetry the first backoff; doubled per attempt, with jitter
 * @param maxRetry the cap of the backoff
 * @param webhookTimeout connect and response timeout of one webhook POST
 */
public record SubscriptionSettings(
    int maxPerPrincipal,
    int maxStreams,
    Duration keepAlive,
    Duration retention,
    int maxEvents,
    int maxAttempts,
    Duration giveUpAfter,
    Duration firstRetry,
    Duration maxRetry,
    Duration webhookTimeout) {

  public static SubscriptionSettings defaults() {
    return new SubscriptionSettings(
        100,
        256,
        Duration.ofSeconds(15),
        Duration.ofDays(7),
        100_000,
        20,
        Duration.ofHours(24),
        Duration.ofSeconds(1),
        Duration.ofMinutes(5),
        Duration.ofSeconds(10));
  }

  /** The same settings with other retry timings (tests shrink them). */
  public SubscriptionSettings withRetries(Duration first, Duration max) {
    return new SubscriptionSettings(
        maxPerPrincipal,
        maxStreams,
        keepAlive,
        retention,
        maxEvents,
        maxAttempts,
        giveUpAfter,
        first,
        max,
        webhookTimeout);
  }
}
