package io.minicloud.tetherbridge.runtime;

import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.DeviceHealth;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.Quality;
import io.minicloud.mapper.api.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One running device: its binding, circuit breaker, health state machine (online → degraded →
 * offline, with the last-online time), twin, frame log and report bookkeeping. Poll results come in
 * here from its link's worker; everything that goes north leaves through the {@link
 * DevicePublisher}.
 */
public final class ManagedDevice {
  private volatile BoundDevice bound;
  private final CircuitBreaker breaker;
  private final FrameLog frames;
  private final Twin twin = new Twin();
  private final DevicePublisher publisher;
  private final RuntimeMetrics metrics;
  private final Map<String, Reading> lastReported = new HashMap<>();
  private final Map<String, Reading> latest = new HashMap<>();
  private volatile DeviceHealth health = DeviceHealth.UNKNOWN;
  private volatile Instant lastOnline;
  private volatile String lastError;

  // scheduling state, guarded by the owning LinkOwner's lock
  final Map<String, Long> nextDue = new HashMap<>();
  boolean busy;

  public ManagedDevice(
      BoundDevice bound,
      CircuitBreaker breaker,
      int frameLogSize,
      DevicePublisher publisher,
      RuntimeMetrics metrics) {
    this.bound = bound;
    this.breaker = breaker;
    this.frames = new FrameLog(frameLogSize);
    this.publisher = publisher;
    this.metrics = metrics;
  }

  public String name() {
    return bound.name();
  }

  public BoundDevice bound() {
    return bound;
  }

  /** A polling-only change: same driver and link, new periods and report policies. */
  void rebind(BoundDevice next) {
    this.bound = next;
  }

  CircuitBreaker breaker() {
    return breaker;
  }

  public FrameLog frames() {
    return frames;
  }

  public Twin twin() {
    return twin;
  }

  public DeviceStatus status() {
    synchronized (breaker) {
      return new DeviceStatus(
          name(),
          bound.linkId(),
          health,
          lastOnline,
          lastError,
          breaker.state().name().toLowerCase(Locale.ROOT));
    }
  }

  public synchronized Optional<Reading> latest(String property) {
    return Optional.ofNullable(latest.get(property));
  }

  /** Results of a poll (or an on-demand read): transform, twin, report, health. */
  void onResults(List<PointResult> results, Instant at) {
    int ok = 0;
    String error = null;
    for (PointResult r : results) {
      Optional<BoundProperty> property = bound.property(r.property());
      if (property.isEmpty()) {
        continue; // removed by a reconfiguration while the read was on the wire
      }
      Reading reading = toReading(property.get(), r, at);
      if (reading.quality() == Quality.GOOD) {
        ok++;
        metrics.read(bound.linkId(), name());
      } else {
        metrics.error(bound.linkId(), name(), reading.errorKind());
        error = r.property() + ": " + reading.error();
      }
      accept(property.get(), reading, at);
    }
    if (ok == results.size()) {
      health(DeviceHealth.ONLINE, at, null);
    } else if (ok > 0 || health == DeviceHealth.ONLINE) {
      health(DeviceHealth.DEGRADED, ok > 0 ? at : lastOnline, error);
    } else {
      health(health, lastOnline, error);
    }
  }

  /** The device did not answer at all; {@code open} when its circuit is now open. */
  void onFailure(DeviceException e, boolean open) {
    metrics.error(bound.linkId(), name(), e.kind());
    DeviceHealth next =
        open
            ? DeviceHealth.OFFLINE
            : health == DeviceHealth.ONLINE ? DeviceHealth.DEGRADED : health;
    health(next, lastOnline, e.kind().tag() + ": " + e.getMessage());
  }

  /** Every property failed and the circuit opened: the device counts as offline. */
  void onCircuitOpen() {
    health(DeviceHealth.OFFLINE, lastOnline, lastError);
  }

  /** The link is down: every device on it is offline. */
  void onLinkDown(String error) {
    health(DeviceHealth.OFFLINE, lastOnline, "link: " + error);
  }

  private Reading toReading(BoundProperty property, PointResult r, Instant at) {
    if (!r.isOk()) {
      return Reading.bad(r.error().kind(), r.error().getMessage(), at);
    }
    try {
      Value value = property.point().transform().read(r.raw());
      ModelRange.check(property.model(), value, "reading " + Values.text(value));
      return Reading.good(value, at);
    } catch (IllegalArgumentException e) {
      return Reading.bad(ErrorKind.DECODE, e.getMessage(), at);
    }
  }

  private void accept(BoundProperty property, Reading reading, Instant at) {
    Reading previous;
    synchronized (this) {
      latest.put(property.name(), reading);
      previous = lastReported.get(property.name());
    }
    twin.reported(property.name(), reading);
    boolean report;
    if (reading.quality() != Quality.GOOD) {
      // a failure goes north once, when it starts; not on every poll of a dead device
      report = previous == null || previous.quality() == Quality.GOOD;
    } else {
      report =
          previous == null
              || previous.quality() != Quality.GOOD
              || property
                  .report()
                  .shouldReport(
                      reading.value(),
                      previous.value(),
                      previous.timestamp().toEpochMilli(),
                      at.toEpochMilli());
    }
    if (report) {
      synchronized (this) {
        lastReported.put(property.name(), reading);
      }
      publisher.telemetry(bound, property, reading);
    }
  }

  private void health(DeviceHealth next, Instant online, String error) {
    boolean changed = next != health;
    health = next;
    lastOnline = online;
    if (error != null || next == DeviceHealth.ONLINE) {
      lastError = error;
    }
    if (changed) {
      publisher.state(bound, status());
    }
  }

  /** How long ago the device last answered, for logs. */
  public Optional<Duration> silentFor(Instant now) {
    return lastOnline == null ? Optional.empty() : Optional.of(Duration.between(lastOnline, now));
  }
}
