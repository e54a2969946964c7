package io.minicloud.mapper.api.transport;

import java.util.Locale;
import java.util.Objects;

/**
 * A serial port's line settings, as RS-232/RS-485 devices document them (19200 8E1, ...).
 *
 * @param port the device path, {@code /dev/ttyUSB0}, {@code /dev/serial/by-id/...}
 */
public record SerialSettings(String port, int baudRate, int dataBits, Parity parity, int stopBits) {

  /** Parity, named as Modbus and KubeEdge configs spell it. */
  public enum Parity {
    NONE,
    EVEN,
    ODD;

    /** Parses {@code none|even|odd} or the one-letter forms {@code N|E|O}. */
    public static Parity parse(String text) {
      return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
        case "none", "n" -> NONE;
        case "even", "e" -> EVEN;
        case "odd", "o" -> ODD;
        default ->
            throw new IllegalArgumentException(
                "parity '" + text + "': expected none, even or odd (or N, E, O)");
      };
    }
  }

  public SerialSettings {
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(parity, "parity");
    if (baudRate < 50 || baudRate > 4_000_000) {
      throw new IllegalArgumentException("baudRate " + baudRate + " is outside 50..4000000");
    }
    if (dataBits < 5 || dataBits > 8) {
      throw new IllegalArgumentException("dataBits " + dataBits + " is outside 5..8");
    }
    if (stopBits != 1 && stopBits != 2) {
      throw new IllegalArgumentException("stopBits must be 1 or 2, got " + stopBits);
    }
  }

  /** Bits on the wire per character: start + data + parity + stop. */
  public int bitsPerCharacter() {
    return 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + stopBits;
  }

  /** How long one character takes on the wire, in microseconds. */
  public double characterMicros() {
    return bitsPerCharacter() * 1_000_000.0 / baudRate;
  }
}
