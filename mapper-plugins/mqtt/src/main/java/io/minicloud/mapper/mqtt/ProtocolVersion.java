package io.minicloud.mapper.mqtt;

import java.util.Locale;

/** Which MQTT version the connection speaks: {@code protocolVersion} in the device config. */
public enum ProtocolVersion {
  /** MQTT 5 only. */
  V5("5"),
  /** MQTT 3.1.1 only. */
  V3_1_1("3.1.1"),
  /**
   * MQTT 5 first; MQTT 3.1.1 when the broker refuses the v5 CONNECT (an old broker, or the bridge's
   * embedded Moquette). Authentication and network failures never fall back: they would fail the
   * same way, and the first error is the one the operator needs.
   */
  AUTO("auto");

  private final String text;

  ProtocolVersion(String text) {
    this.text = text;
  }

  /** The spelling the config uses. */
  public String text() {
    return text;
  }

  /**
   * Parses {@code 5}, {@code 3.1.1} or {@code auto} (a YAML number 5 is accepted too).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static ProtocolVersion parse(Object value) {
    String key =
        value instanceof Number n && n.doubleValue() == 5
            ? "5"
            : String.valueOf(value).trim().toLowerCase(Locale.ROOT);
    for (ProtocolVersion version : values()) {
      if (version.text.equals(key)) {
        return version;
      }
    }
    throw new IllegalArgumentException("expected 5, 3.1.1 or auto, got '" + value + "'");
  }
}
