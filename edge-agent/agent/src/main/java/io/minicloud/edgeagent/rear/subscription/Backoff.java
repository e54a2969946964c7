package io.minicloud.edgeagent.rear.subscription;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: after the n-th failure, wait a random time between half and
 * all of {@code first * 2^(n-1)}, capped. The jitter spreads retries of many webhooks that failed
 * together (a receiver that was down) so they do not all come back at once.
 */
public final class Backoff {

  private final Duration first;
  private final Duration cap;
  private final DoubleSupplier random;

  public Backoff(Duration first, Duration cap, DoubleSupplier random) {
    this.first = first;
    this.cap = cap;
    this.random = random;
  }

  public Duration after(int failures) {
    int doublings = Math.min(Math.max(failures - 1, 0), 30);
    long ceiling = Math.min(cap.toMillis(), first.toMillis() << doublings);
    if (ceiling <= 0) {
      ceiling = cap.toMillis();
    }
    long wait = ceiling / 2 + (long) (random.getAsDouble() * (ceiling - ceiling / 2));
    return Duration.ofMillis(Math.max(1, wait));
  }
}
