package io.minicloud.mapper.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How the core's link owner may use a link.
 *
 * @param maxConnections connections the endpoint accepts at once (many Modbus TCP devices take
 *     exactly one); default 1
 * @param interRequestDelay quiet time between two requests on the link (slow RS-485 converters)
 * @param requestTimeout how long to wait for a complete reply
 */
public record LinkPolicy(int maxConnections, Duration interRequestDelay, Duration requestTimeout) {

  public static final LinkPolicy DEFAULT =
      new LinkPolicy(1, Duration.ZERO, Duration.ofMillis(1000));

  public LinkPolicy {
    Objects.requireNonNull(interRequestDelay, "interRequestDelay");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (maxConnections < 1) {
      throw new IllegalArgumentException(
          "maxConnections must be at least 1, got " + maxConnections);
    }
    if (interRequestDelay.isNegative()) {
      throw new IllegalArgumentException("interRequestDelay must not be negative");
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive");
    }
  }
}
