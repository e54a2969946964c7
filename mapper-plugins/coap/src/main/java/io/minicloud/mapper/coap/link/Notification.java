package io.minicloud.mapper.coap.link;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The latest reply of an observation, and when it arrived. */
public record Notification(CoapReply reply, Instant receivedAt) {

  public Notification {
    Objects.requireNonNull(reply, "reply");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /** How long it stays fresh: the property's {@code maxAge}, else the reply's Max-Age. */
  public Duration freshFor(Optional<Duration> override) {
    return override.orElse(Duration.ofSeconds(Math.max(0, reply.maxAgeSeconds())));
  }
}
