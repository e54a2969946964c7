package io.minicloud.tetherbridge.runtime;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The core's tunables (bound from {@code minicloud.tether-bridge.*} by the wiring).
 *
 * @param breakerThreshold consecutive failed polls that open a device's circuit
 * @param breakerOpen how long a circuit stays open first (doubling up to {@code breakerMaxOpen})
 * @param frameLogSize frames kept per device for {@code /frames}
 * @param writeTimeout how long a write (with its read-back) may wait for a busy or reconnecting
 *     link
 * @param backoff a new reconnect backoff for each link worker
 */
public record RuntimeSettings(
    int breakerThreshold,
    Duration breakerOpen,
    Duration breakerMaxOpen,
    int frameLogSize,
    Duration writeTimeout,
    Supplier<Backoff> backoff) {

  public static RuntimeSettings defaults() {
    return new RuntimeSettings(
        3,
        Duration.ofSeconds(5),
        Duration.ofSeconds(60),
        64,
        Duration.ofSeconds(10),
        Backoff::forLinks);
  }

  CircuitBreaker newBreaker() {
    return new CircuitBreaker(breakerThreshold, breakerOpen, breakerMaxOpen);
  }
}
