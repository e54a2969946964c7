package io.minicloud.charagent.output;

import java.util.regex.Pattern;

/**
 * TOSCA scalar values as the OpenStack tosca-parser reads them: {@code scalar-unit.size} ({@code
 * "3794 MiB"}), {@code scalar-unit.frequency} ({@code "1800 MHz"}) and {@code version}. Unknown or
 * out-of-range numbers give {@code null}, which the emitter omits: a numeric property is never
 * {@code "unknown"}.
 */
final class ToscaValues {
  private static final long KIB = 1024;
  private static final long MIB = KIB * 1024;
  private static final long GIB = MIB * 1024;
  private static final long TIB = GIB * 1024;

  /**
   * tosca-parser's TOSCAVersionProperty.VERSION_RE: {@code major[.minor[.fix[.qualifier]]][-b]}.
   */
  private static final Pattern VERSION =
      Pattern.compile("[0-9]+(\\.[0-9]+)?(\\.[0-9]+)?(\\.[0-9A-Za-z]+)?(-[0-9])?");

  private ToscaValues() {}

  /**
   * A size in the largest binary unit that holds it exactly; sizes of a MiB or more that are not a
   * whole number of MiB are rounded down to MiB (a byte count nobody reads is not more useful).
   */
  static String size(Long bytes) {
    if (bytes == null || bytes < 0) {
      return null;
    }
    long b = bytes;
    if (b == 0) {
      return "0 B";
    }
    if (b % TIB == 0) {
      return b / TIB + " TiB";
    }
    if (b % GIB == 0) {
      return b / GIB + " GiB";
    }
    if (b >= MIB) {
      return b / MIB + " MiB";
    }
    if (b % KIB == 0) {
      return b / KIB + " KiB";
    }
    return b + " B";
  }

  /** A frequency in MHz, or null when unknown or not positive. */
  static String mhz(Integer mhz) {
    return mhz == null || mhz <= 0 ? null : mhz + " MHz";
  }

  /** The host capability's cpu_frequency: the normative type requires at least 0.1 GHz. */
  static String hostFrequency(Integer mhz) {
    return mhz == null || mhz < 100 ? null : mhz + " MHz";
  }

  /** The text as a TOSCA {@code version}, or null when it is not one ("rolling", "12/sid"). */
  static String version(String text) {
    return text != null && VERSION.matcher(text).matches() ? text : null;
  }

  /** A finite double, else null (YAML's .nan is not a TOSCA float). */
  static Double finite(Double value) {
    return value == null || value.isNaN() || value.isInfinite() ? null : value;
  }
}
