package io.minicloud.mapper.mqtt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A password or key store password. It never prints itself (toString is a placeholder), so a
 * settings record holding one can be logged and put in exception messages safely.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The clear text, for the one place that hands it to the MQTT client or the key store. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    // constant time: two devices' passwords are compared when they want to share a connection
    return other instanceof Secret that
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return Secret.class.hashCode();
  }

  @Override
  public String toString() {
    return "(secret)";
  }
}
