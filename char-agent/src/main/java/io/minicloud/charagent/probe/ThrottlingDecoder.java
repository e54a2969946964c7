package io.minicloud.charagent.probe;

import io.minicloud.charagent.model.Power.Throttling;
import java.util.Optional;

/**
 * Decodes the Raspberry Pi firmware's throttling register ({@code vcgencmd get_throttled}, or the
 * kernel's {@code get_throttled} sysfs file, which prints it as bare hex: {@code 50005}).
 *
 * <p>Bits 0–3 are what holds now (under-voltage, ARM frequency capped, throttled, soft temperature
 * limit); bits 16–19 the same conditions "has occurred since boot".
 */
final class ThrottlingDecoder {
  private ThrottlingDecoder() {}

  /** The decoded register, or empty when {@code text} is not a 32-bit hex number. */
  static Optional<Throttling> decode(String text) {
    String hex = text.trim();
    if (hex.startsWith("throttled=")) {
      hex = hex.substring("throttled=".length());
    }
    if (hex.startsWith("0x") || hex.startsWith("0X")) {
      hex = hex.substring(2);
    }
    if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch(ThrottlingDecoder::isHex)) {
      return Optional.empty();
    }
    long bits = Long.parseLong(hex, 16);
    return Optional.of(
        new Throttling(
            "0x" + Long.toHexString(bits),
            bit(bits, 0),
            bit(bits, 1),
            bit(bits, 2),
            bit(bits, 3),
            bit(bits, 16),
            bit(bits, 17),
            bit(bits, 18),
            bit(bits, 19)));
  }

  /**
   * What the {@code rpi_volt} hwmon alarm alone says: under-voltage now or not. It has no register
   * behind it, so {@code raw} is null and the other flags are false.
   */
  static Throttling underVoltageAlarm(boolean alarm) {
    return new Throttling(null, alarm, false, false, false, false, false, false, false);
  }

  private static boolean bit(long bits, int n) {
    return (bits & (1L << n)) != 0;
  }

  private static boolean isHex(int c) {
    return Character.digit(c, 16) >= 0 && c < 128;
  }
}
