package io.minicloud.tetherbridge.northbound;

/** Which MQTT version to speak to the northbound broker. */
public enum ProtocolVersion {
  /** MQTT 5, falling back to 3.1.1 when the broker refuses 5 (then 3.1.1 until restart). */
  AUTO,
  V5,
  V3_1_1;

  public String label() {
    return switch (this) {
      case AUTO -> "auto";
      case V5 -> "MQTT 5";
      case V3_1_1 -> "MQTT 3.1.1";
    };
  }

  /** Parses the config spellings: auto, 5, 3.1.1 (also v5, v3.1.1, 3). */
  public static ProtocolVersion parse(String text) {
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "auto", "" -> AUTO;
      case "5", "v5", "5.0" -> V5;
      case "3.1.1", "v3.1.1", "3", "v3", "311" -> V3_1_1;
      default ->
          throw new IllegalArgumentException(
              "unknown MQTT protocol version '" + text + "': use auto, 5 or 3.1.1");
    };
  }
}
