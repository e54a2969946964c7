package io.minicloud.mapper.coap;

import io.minicloud.mapper.coap.link.CoapReply;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest notification of every observed property of one device: written on Californium's
 * thread, read on the link's. One entry per property, so memory is bounded by the device file.
 */
final class ObservedValues {
  /** A notification and when it arrived. */
  record Notification(CoapReply reply, Instant receivedAt) {}

  private final Map<String, Notification> latest = new ConcurrentHashMap<>();

  void put(String property, CoapReply reply, Instant receivedAt) {
    latest.put(property, new Notification(reply, receivedAt));
  }

  Optional<Notification> latest(String property) {
    return Optional.ofNullable(latest.get(property));
  }

  /** Forgets everything: values from a previous connection prove nothing about this one. */
  void clear() {
    latest.clear();
  }

  /**
   * How long a notification stays fresh: the property's {@code maxAge}, else the reply's Max-Age.
   */
  static Duration freshFor(Notification n, Optional<Duration> override) {
    return override.orElse(Duration.ofSeconds(Math.max(0, n.reply().maxAgeSeconds())));
  }
}
