package io.minicloud.mapper.api;

import java.util.Locale;

/**
 * How a multi-register value is laid out, named after a 32-bit value whose bytes are A (most
 * significant) to D (least significant). Every order is two independent switches applied to the
 * big-endian layout: reverse the order of the 16-bit words, and swap the two bytes inside each
 * word.
 *
 * <table>
 *   <caption>Layout per width (bytes most significant first: AB, ABCD, B0..B7)</caption>
 *   <tr><th>order</th><th>16-bit</th><th>32-bit</th><th>64-bit</th></tr>
 *   <tr><td>ABCD</td><td>AB</td><td>AB CD</td><td>B0B1 B2B3 B4B5 B6B7 (big-endian)</td></tr>
 *   <tr><td>CDAB</td><td>AB</td><td>CD AB</td><td>B6B7 B4B5 B2B3 B0B1 (words reversed)</td></tr>
 *   <tr><td>BADC</td><td>BA</td><td>BA DC</td><td>B1B0 B3B2 B5B4 B7B6 (bytes swapped)</td></tr>
 *   <tr><td>DCBA</td><td>BA</td><td>DC BA</td><td>B7B6 B5B4 B3B2 B1B0 (little-endian)</td></tr>
 * </table>
 *
 * <p>A 16-bit value has one word, so word reversal does nothing: CDAB reads like ABCD and DCBA like
 * BADC. Strings and bytes are never word-reversed (they are read register by register); BADC and
 * DCBA swap the two bytes inside each register.
 */
public enum ByteOrder4 {
  ABCD(false, false),
  CDAB(true, false),
  BADC(false, true),
  DCBA(true, true);

  private final boolean wordSwap;
  private final boolean byteSwap;

  ByteOrder4(boolean wordSwap, boolean byteSwap) {
    this.wordSwap = wordSwap;
    this.byteSwap = byteSwap;
  }

  /** True when the 16-bit words come least significant first. */
  public boolean wordSwap() {
    return wordSwap;
  }

  /** True when each 16-bit word has its low byte first. */
  public boolean byteSwap() {
    return byteSwap;
  }

  /**
   * Parses {@code ABCD}, {@code CDAB}, {@code BADC} or {@code DCBA}, case-insensitively; a missing
   * value means ABCD (the Modbus default).
   *
   * @throws IllegalArgumentException naming the value and the accepted names
   */
  public static ByteOrder4 parse(String name) {
    if (name == null || name.isBlank()) {
      return ABCD;
    }
    String key = name.trim().toUpperCase(Locale.ROOT);
    for (ByteOrder4 order : values()) {
      if (order.name().equals(key)) {
        return order;
      }
    }
    throw new IllegalArgumentException(
        "unknown byte order '" + name + "': expected ABCD, CDAB, BADC or DCBA");
  }
}
