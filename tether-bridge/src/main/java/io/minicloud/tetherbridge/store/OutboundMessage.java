package io.minicloud.tetherbridge.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One message on its way from the core to a sink (the northbound broker).
 *
 * @param device the device it belongs to; order is kept per device
 * @param topic the full MQTT topic
 * @param payload the bytes to publish
 * @param qos 0 or 1; QoS 2 would buy nothing, since a resend after an outage is a new publish and
 *     subscribers must accept duplicates anyway
 * @param retain the MQTT retain flag
 * @param priority higher is more important: sent first, evicted last
 * @param expiresAtMillis wall-clock time after which the message is dropped instead of sent, or
 *     {@link #NO_EXPIRY}
 */
public record OutboundMessage(
    String device,
    String topic,
    byte[] payload,
    int qos,
    boolean retain,
    int priority,
    long expiresAtMillis) {

  public static final long NO_EXPIRY = Long.MAX_VALUE;

  /**
   * What one message costs towards the byte bound. Each row also carries a few fixed columns; 32
   * bytes is a fair estimate of that so many tiny messages still count for something.
   */
  static final int ROW_OVERHEAD_BYTES = 32;

  public OutboundMessage {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(payload, "payload");
    if (device.isEmpty()) {
      throw new IllegalArgumentException("device must not be empty");
    }
    if (topic.isEmpty() || topic.contains("+") || topic.contains("#")) {
      throw new IllegalArgumentException("not a topic to publish to: '" + topic + "'");
    }
    if (qos != 0 && qos != 1) {
      throw new IllegalArgumentException("qos must be 0 or 1, was " + qos);
    }
  }

  /** A QoS 1, non-retained message that never expires, at priority 0. */
  public static OutboundMessage of(String device, String topic, byte[] payload) {
    return new OutboundMessage(device, topic, payload, 1, false, 0, NO_EXPIRY);
  }

  public OutboundMessage withPriority(int newPriority) {
    return new OutboundMessage(device, topic, payload, qos, retain, newPriority, expiresAtMillis);
  }

  public OutboundMessage withExpiry(long newExpiresAtMillis) {
    return new OutboundMessage(device, topic, payload, qos, retain, priority, newExpiresAtMillis);
  }

  public OutboundMessage withQos(int newQos) {
    return new OutboundMessage(device, topic, payload, newQos, retain, priority, expiresAtMillis);
  }

  /** The bytes this message counts for against the queue's byte bound. */
  public long sizeBytes() {
    return payload.length
        + topic.getBytes(StandardCharsets.UTF_8).length
        + device.getBytes(StandardCharsets.UTF_8).length
        + ROW_OVERHEAD_BYTES;
  }

  public boolean expiredAt(long nowMillis) {
    return expiresAtMillis <= nowMillis;
  }

  // A record compares arrays by identity; a message is a value, so compare the bytes.
  @Override
  public boolean equals(Object o) {
    return o instanceof OutboundMessage m
        && device.equals(m.device)
        && topic.equals(m.topic)
        && Arrays.equals(payload, m.payload)
        && qos == m.qos
        && retain == m.retain
        && priority == m.priority
        && expiresAtMillis == m.expiresAtMillis;
  }

  @Override
  public int hashCode() {
    return Objects.hash(device, topic, Arrays.hashCode(payload), qos, retain, priority);
  }

  @Override
  public String toString() {
    return "OutboundMessage[device="
        + device
        + ", topic="
        + topic
        + ", "
        + payload.length
        + " bytes, qos="
        + qos
        + ", retain="
        + retain
        + ", priority="
        + priority
        + ", expiresAtMillis="
        + expiresAtMillis
        + "]";
  }
}
