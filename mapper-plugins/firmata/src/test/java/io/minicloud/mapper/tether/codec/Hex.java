package io.minicloud.mapper.tether.codec;

import java.util.HexFormat;

/** Hex with spaces, as the spec writes frames. */
final class Hex {
  private Hex() {}

  static byte[] parse(String text) {
    return HexFormat.of().parseHex(text.replace(" ", ""));
  }

  static String format(byte[] bytes) {
    return HexFormat.ofDelimiter(" ").formatHex(bytes);
  }
}
