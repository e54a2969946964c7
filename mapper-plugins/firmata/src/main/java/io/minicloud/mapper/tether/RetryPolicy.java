package io.minicloud.mapper.tether;

import java.time.Duration;

/**
 * How the host retries a request that got no intact reply: the same frame (same sequence number, so
 * the MCU executes it at most once) up to {@code retries} more times, waiting {@code
 * responseTimeout} for each attempt.
 */
public record RetryPolicy(int retries, Duration responseTimeout) {
  public RetryPolicy {
    if (retries < 0 || retries > 20) {
      throw new IllegalArgumentException("retries " + retries + " is outside 0..20");
    }
    if (responseTimeout.isNegative() || responseTimeout.isZero()) {
      throw new IllegalArgumentException("responseTimeout must be positive");
    }
  }

  public int attempts() {
    return retries + 1;
  }

  /** The longest a request can take before it fails: every attempt timing out. */
  public Duration worstCase() {
    return responseTimeout.multipliedBy(attempts());
  }
}
