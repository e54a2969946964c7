package io.minicloud.tetherbridge.runtime;

import java.time.Duration;

/**
 * One per device, so a dead unit on a shared bus stops costing request timeouts: after {@code
 * threshold} consecutive failed polls the circuit opens and the device is skipped; once the open
 * time has passed one probe is let through (half-open); a success closes it, a failure opens it
 * again for twice as long, up to {@code maxOpen}. Times are {@link System#nanoTime()} values passed
 * in, so tests drive them. Not thread-safe: the link owner holds its lock around calls.
 */
public final class CircuitBreaker {

  /** Where the breaker is. */
  public enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  private final int threshold;
  private final long baseOpenNanos;
  private final long maxOpenNanos;
  private State state = State.CLOSED;
  private int consecutiveFailures;
  private int opens;
  private long openUntil;

  public CircuitBreaker(int threshold, Duration baseOpen, Duration maxOpen) {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1, got " + threshold);
    }
    this.threshold = threshold;
    this.baseOpenNanos = baseOpen.toNanos();
    this.maxOpenNanos = Math.max(baseOpen.toNanos(), maxOpen.toNanos());
  }

  /** True when a request may go out now; an open circuit whose time is up turns half-open. */
  public boolean allows(long now) {
    if (state == State.OPEN && now - openUntil >= 0) {
      state = State.HALF_OPEN;
    }
    return state != State.OPEN;
  }

  /** When an open circuit lets its next probe through. */
  public long openUntil() {
    return openUntil;
  }

  public void success() {
    state = State.CLOSED;
    consecutiveFailures = 0;
    opens = 0;
  }

  /** Counts a failed poll; returns true when this failure opened the circuit. */
  public boolean failure(long now) {
    consecutiveFailures++;
    if (state == State.HALF_OPEN || consecutiveFailures >= threshold) {
      long open = baseOpenNanos << Math.min(opens, 20);
      opens++;
      openUntil = now + Math.min(maxOpenNanos, open > 0 ? open : maxOpenNanos);
      boolean opened = state != State.OPEN;
      state = State.OPEN;
      return opened;
    }
    return false;
  }

  public State state() {
    return state;
  }

  public int consecutiveFailures() {
    return consecutiveFailures;
  }
}
