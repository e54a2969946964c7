package io.minicloud.charagent.probe;

import io.minicloud.charagent.model.Board;
import io.minicloud.charagent.model.Characterization;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decodes the {@code Revision} line of a Raspberry Pi's /proc/cpuinfo, after the Raspberry Pi
 * documentation ("Raspberry Pi revision codes"). New-style codes (bit 23 set) are bit fields:
 * {@code NOQuuuWuFMMMCCCCPPPPTTTTTTTTRRRR}; old-style codes (0002..0015, Pi 1 only) are looked up.
 *
 * <p>The decoder works from the fields, not from a list of known codes, so a new revision of a
 * known board type decodes without a change here (the documentation's advice).
 */
public final class RaspberryPiRevision {
  private static final Pattern HEX = Pattern.compile("(?i)(0x)?[0-9a-f]{1,8}");
  private static final long MIB = 1024L * 1024;

  /** Board types, bits 4-11 (0x0f and 0x16 are internal). */
  private static final Map<Integer, String> TYPES =
      Map.ofEntries(
          Map.entry(0x00, "Raspberry Pi Model A"),
          Map.entry(0x01, "Raspberry Pi Model B"),
          Map.entry(0x02, "Raspberry Pi Model A+"),
          Map.entry(0x03, "Raspberry Pi Model B+"),
          Map.entry(0x04, "Raspberry Pi 2 Model B"),
          Map.entry(0x05, "Raspberry Pi Alpha"),
          Map.entry(0x06, "Compute Module 1"),
          Map.entry(0x08, "Raspberry Pi 3 Model B"),
          Map.entry(0x09, "Raspberry Pi Zero"),
          Map.entry(0x0a, "Compute Module 3"),
          Map.entry(0x0c, "Raspberry Pi Zero W"),
          Map.entry(0x0d, "Raspberry Pi 3 Model B+"),
          Map.entry(0x0e, "Raspberry Pi 3 Model A+"),
          Map.entry(0x10, "Compute Module 3+"),
          Map.entry(0x11, "Raspberry Pi 4 Model B"),
          Map.entry(0x12, "Raspberry Pi Zero 2 W"),
          Map.entry(0x13, "Raspberry Pi 400"),
          Map.entry(0x14, "Compute Module 4"),
          Map.entry(0x15, "Compute Module 4S"),
          Map.entry(0x17, "Raspberry Pi 5"),
          Map.entry(0x18, "Compute Module 5"),
          Map.entry(0x19, "Raspberry Pi 500"),
          Map.entry(0x1a, "Compute Module 5 Lite"),
          Map.entry(0x1b, "Compute Module 0"));

  private static final String[] PROCESSORS = {
    "BCM2835", "BCM2836", "BCM2837", "BCM2711", "BCM2712"
  };

  private static final String[] MANUFACTURERS = {
    "Sony UK", "Egoman", "Embest", "Sony Japan", "Embest", "Stadium"
  };

  /** Old-style codes: model, board revision, RAM in MiB (null: either of two sizes), maker. */
  private record OldStyle(String model, String revision, Integer ramMib, String manufacturer) {}

  private static final Map<Integer, OldStyle> OLD_STYLE =
      Map.ofEntries(
          Map.entry(0x02, new OldStyle("Raspberry Pi Model B", "1.0", 256, "Egoman")),
          Map.entry(0x03, new OldStyle("Raspberry Pi Model B", "1.0", 256, "Egoman")),
          Map.entry(0x04, new OldStyle("Raspberry Pi Model B", "2.0", 256, "Sony UK")),
          Map.entry(0x05, new OldStyle("Raspberry Pi Model B", "2.0", 256, "Qisda")),
          Map.entry(0x06, new OldStyle("Raspberry Pi Model B", "2.0", 256, "Egoman")),
          Map.entry(0x07, new OldStyle("Raspberry Pi Model A", "2.0", 256, "Egoman")),
          Map.entry(0x08, new OldStyle("Raspberry Pi Model A", "2.0", 256, "Sony UK")),
          Map.entry(0x09, new OldStyle("Raspberry Pi Model A", "2.0", 256, "Qisda")),
          Map.entry(0x0d, new OldStyle("Raspberry Pi Model B", "2.0", 512, "Egoman")),
          Map.entry(0x0e, new OldStyle("Raspberry Pi Model B", "2.0", 512, "Sony UK")),
          Map.entry(0x0f, new OldStyle("Raspberry Pi Model B", "2.0", 512, "Egoman")),
          Map.entry(0x10, new OldStyle("Raspberry Pi Model B+", "1.2", 512, "Sony UK")),
          Map.entry(0x11, new OldStyle("Compute Module 1", "1.0", 512, "Sony UK")),
          Map.entry(0x12, new OldStyle("Raspberry Pi Model A+", "1.1", 256, "Sony UK")),
          Map.entry(0x13, new OldStyle("Raspberry Pi Model B+", "1.2", 512, "Embest")),
          Map.entry(0x14, new OldStyle("Compute Module 1", "1.0", 512, "Embest")),
          Map.entry(0x15, new OldStyle("Raspberry Pi Model A+", "1.1", null, "Embest")));

  private RaspberryPiRevision() {}

  /**
   * The decoded code, or empty when it is not hexadecimal or is an old-style code that was never
   * issued. Fields a new-style code does not define (a future board type, memory "other") are
   * {@code "unknown"} or null; the caller decides whether that is worth a warning.
   */
  public static Optional<Board.RaspberryPi> decode(String code) {
    if (code == null || !HEX.matcher(code.trim()).matches()) {
      return Optional.empty();
    }
    String hex = code.trim().replaceFirst("(?i)^0x", "").toLowerCase(Locale.ROOT);
    int value = Integer.parseUnsignedInt(hex, 16);
    return (value & (1 << 23)) != 0 ? Optional.of(newStyle(hex, value)) : oldStyle(hex, value);
  }

  private static Board.RaspberryPi newStyle(String hex, int value) {
    int memory = (value >>> 20) & 0x7;
    int manufacturer = (value >>> 16) & 0xf;
    int processor = (value >>> 12) & 0xf;
    int type = (value >>> 4) & 0xff;
    int revision = value & 0xf;
    String model = TYPES.getOrDefault(type, Characterization.UNKNOWN);
    if (type == 0x19 && memory == 6) {
      model = "Raspberry Pi 500+"; // the documentation lists 500 and 500+ under one type
    }
    return new Board.RaspberryPi(
        hex,
        model,
        pick(PROCESSORS, processor),
        memory <= 6 ? (256L * MIB) << memory : null, // 7 = "other": the firmware knows
        pick(MANUFACTURERS, manufacturer),
        "1." + revision);
  }

  private static Optional<Board.RaspberryPi> oldStyle(String hex, int value) {
    // Over-volted Pi 1 boards report the code with bit 24 set ("1000002").
    OldStyle old = OLD_STYLE.get(value & 0xffff);
    if (old == null || (value & ~0x100ffff) != 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Board.RaspberryPi(
            hex,
            old.model(),
            "BCM2835",
            old.ramMib() == null ? null : old.ramMib() * MIB,
            old.manufacturer(),
            old.revision()));
  }

  private static String pick(String[] names, int index) {
    return index < names.length ? names[index] : Characterization.UNKNOWN;
  }
}
