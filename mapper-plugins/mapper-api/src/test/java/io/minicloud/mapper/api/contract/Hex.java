package io.minicloud.mapper.api.contract;

import java.util.HexFormat;

/** Hex text as fixtures write it: pairs of digits, spaces and line breaks ignored. */
public final class Hex {
  private Hex() {}

  public static byte[] parse(String text) {
    return HexFormat.of().parseHex(text.replaceAll("\\s+", ""));
  }

  public static String format(byte[] bytes) {
    return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
  }
}
