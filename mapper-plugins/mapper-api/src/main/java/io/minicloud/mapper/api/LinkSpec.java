package io.minicloud.mapper.api;

import java.io.IOException;
import java.util.Objects;

/**
 * A physical link (serial port, TCP endpoint, broker connection). Two devices whose links have the
 * same {@link #id()} share one owner, one scheduler and at most {@link LinkPolicy#maxConnections()}
 * connections; the first device bound decides the policy and opener.
 *
 * @param id stable and human-readable: {@code tcp:10.0.0.5:502}, {@code serial:/dev/ttyUSB0},
 *     {@code mqtt:ssl://broker:8883}
 * @param frames true for byte links, whose requests go through {@link LinkSession#exchange} (and
 *     are logged frame by frame); false for message links such as MQTT
 */
public record LinkSpec(String id, LinkPolicy policy, boolean frames, Opener opener) {

  /** Opens one connection; the core calls it, and again with backoff after a failure. */
  @FunctionalInterface
  public interface Opener {
    Connection open() throws IOException;
  }

  public LinkSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(opener, "opener");
  }
}
