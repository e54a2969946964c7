package io.minicloud.tetherbridge.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the next poll on a link (called under the link's lock): the device whose earliest property
 * is most overdue, among those not busy on another worker and whose circuit lets a request through.
 * Properties due soon after are read in the same poll, so the plugin can merge them into one
 * request.
 */
final class PollPlan {
  /** Merge properties due within this much of the first (or a quarter of their period). */
  static final long MERGE_WINDOW_NANOS = 50_000_000L;

  /** A device and the properties to read now. */
  record Poll(ManagedDevice device, List<String> properties) {}

  private PollPlan() {}

  /** The next due time over all devices, or {@code Long.MAX_VALUE} when there is nothing. */
  static long nextDue(Iterable<ManagedDevice> devices) {
    long best = Long.MAX_VALUE;
    boolean any = false;
    for (ManagedDevice d : devices) {
      if (d.busy || d.nextDue.isEmpty()) {
        continue;
      }
      long due = due(d);
      if (!any || due - best < 0) {
        best = due;
        any = true;
      }
    }
    return best;
  }

  private static long due(ManagedDevice d) {
    long due = d.nextDue.values().stream().reduce((a, b) -> a - b < 0 ? a : b).orElseThrow();
    CircuitBreaker breaker = d.breaker();
    if (breaker.state() == CircuitBreaker.State.OPEN && breaker.openUntil() - due > 0) {
      return breaker.openUntil();
    }
    return due;
  }

  /** Takes the poll due at {@code now}, or null; advances the taken properties' next due time. */
  static Poll take(Iterable<ManagedDevice> devices, long now) {
    ManagedDevice chosen = null;
    long chosenDue = 0;
    for (ManagedDevice d : devices) {
      if (d.busy || d.nextDue.isEmpty()) {
        continue;
      }
      long due = due(d);
      if (due - now <= 0 && (chosen == null || due - chosenDue < 0)) {
        chosen = d;
        chosenDue = due;
      }
    }
    if (chosen == null) {
      return null;
    }
    synchronized (chosen.breaker()) {
      if (!chosen.breaker().allows(now)) {
        return null;
      }
    }
    List<String> properties = new ArrayList<>();
    for (BoundProperty p : chosen.bound().properties()) {
      Long next = chosen.nextDue.get(p.name());
      long period = p.collectMillis() * 1_000_000L;
      long window = Math.min(MERGE_WINDOW_NANOS, period / 4);
      if (next != null && next - now <= window) {
        properties.add(p.name());
        long following = next + period;
        // a late poll is not repeated to catch up: the bus would only fall further behind
        chosen.nextDue.put(p.name(), following - now <= 0 ? now + period : following);
      }
    }
    chosen.busy = true;
    return properties.isEmpty() ? null : new Poll(chosen, properties);
  }
}
