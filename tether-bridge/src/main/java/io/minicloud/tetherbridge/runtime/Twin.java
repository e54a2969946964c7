package io.minicloud.tetherbridge.runtime;

import io.minicloud.mapper.api.Value;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A device twin: per property the desired value (from the device file, REST or MQTT), the reported
 * reading (what the device holds), and the observed desired (the desired value a verified write put
 * on the device). Desired and observed-desired differ while a write is pending or failed.
 */
public final class Twin {

  /**
   * One property of the twin.
   *
   * @param desired null when nobody asked for a value
   * @param observedDesired the last desired value that was written and read back equal
   * @param writeError why the last write of {@code desired} failed, or null
   */
  public record PropertyTwin(
      Value desired,
      Instant desiredAt,
      Reading reported,
      Value observedDesired,
      Instant verifiedAt,
      String writeError) {

    public boolean pending() {
      return desired != null && !desired.equals(observedDesired);
    }
  }

  private final Map<String, PropertyTwin> properties = new LinkedHashMap<>();

  public synchronized void desire(String property, Value desired, Instant at) {
    PropertyTwin t = get(property);
    properties.put(
        property,
        new PropertyTwin(
            Objects.requireNonNull(desired),
            at,
            t.reported,
            t.observedDesired,
            t.verifiedAt,
            null));
  }

  public synchronized void reported(String property, Reading reading) {
    PropertyTwin t = get(property);
    properties.put(
        property,
        new PropertyTwin(
            t.desired, t.desiredAt, reading, t.observedDesired, t.verifiedAt, t.writeError));
  }

  /** A write of {@code value} was read back equal. */
  public synchronized void verified(String property, Value value, Instant at) {
    PropertyTwin t = get(property);
    properties.put(property, new PropertyTwin(t.desired, t.desiredAt, t.reported, value, at, null));
  }

  public synchronized void writeFailed(String property, String error) {
    PropertyTwin t = get(property);
    properties.put(
        property,
        new PropertyTwin(
            t.desired, t.desiredAt, t.reported, t.observedDesired, t.verifiedAt, error));
  }

  public synchronized PropertyTwin property(String property) {
    return get(property);
  }

  public synchronized Map<String, PropertyTwin> snapshot() {
    return Map.copyOf(properties);
  }

  public synchronized void forget(String property) {
    properties.remove(property);
  }

  private PropertyTwin get(String property) {
    return properties.getOrDefault(property, new PropertyTwin(null, null, null, null, null, null));
  }
}
