package io.minicloud.tetherbridge.northbound;

import io.minicloud.tetherbridge.runtime.Backoff;
import java.time.Duration;

/**
 * Exponential backoff between connection attempts (see {@link Backoff}).
 *
 * @param initial the cap of the first delay
 * @param max the cap never grows past this
 * @param multiplier growth of the cap per failed attempt
 */
public record ReconnectOptions(Duration initial, Duration max, double multiplier) {

  /** Quick first retries for a broker that restarts; a minute at most for one that is gone. */
  public static final ReconnectOptions DEFAULTS =
      new ReconnectOptions(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0);

  public ReconnectOptions {
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("reconnect initial delay must be positive: " + initial);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "reconnect max delay " + max + " is shorter than the initial " + initial);
    }
    if (!(multiplier >= 1.0)) {
      throw new IllegalArgumentException("reconnect multiplier must be >= 1, was " + multiplier);
    }
  }

  /** A fresh backoff with these bounds (full jitter, see {@link Backoff}). */
  public Backoff backoff(java.util.Random random) {
    return new Backoff(initial, max, multiplier, random);
  }
}
