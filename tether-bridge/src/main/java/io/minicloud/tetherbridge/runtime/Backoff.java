package io.minicloud.tetherbridge.runtime;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And Jitter"):
 * the n-th retry waits a random time in [0, min(max, initial * multiplier^n)], so a fleet of
 * gateways that lost the same broker does not reconnect in lock-step. Not thread-safe: one per link
 * worker.
 */
public final class Backoff {
  private final long initialMillis;
  private final long maxMillis;
  private final double multiplier;
  private final Random random;
  private int attempt;

  public Backoff(Duration initial, Duration max, double multiplier, Random random) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + ", " + max);
    }
    if (multiplier < 1) {
      throw new IllegalArgumentException("multiplier must be >= 1, got " + multiplier);
    }
    this.initialMillis = initial.toMillis();
    this.maxMillis = max.toMillis();
    this.multiplier = multiplier;
    this.random = random;
  }

  /** Defaults for device links: 0.5 s doubling to 30 s. */
  public static Backoff forLinks() {
    return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 2, new Random());
  }

  /** The upper bound of the next wait (before jitter). */
  public long ceilingMillis() {
    double ceiling = initialMillis * Math.pow(multiplier, Math.min(attempt, 62));
    return (long) Math.min(maxMillis, ceiling);
  }

  /** The wait before the next attempt; each call moves one step up. */
  public long nextDelayMillis() {
    long ceiling = ceilingMillis();
    attempt++;
    // at least 1/10 of the ceiling: full jitter can draw ~0 and turn backoff into a busy loop
    long floor = ceiling / 10;
    return floor + (long) (random.nextDouble() * (ceiling - floor + 1));
  }

  public int attempts() {
    return attempt;
  }

  /** After a success: the next failure starts from {@code initial} again. */
  public void reset() {
    attempt = 0;
  }
}
