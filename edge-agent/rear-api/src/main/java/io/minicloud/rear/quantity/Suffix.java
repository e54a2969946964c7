package io.minicloud.rear.quantity;

import io.minicloud.rear.quantity.Quantity.Format;
import java.util.Map;

/**
 * A quantity suffix: its format and its exponent (a power of ten, or a power of two for the binary
 * suffixes: 10 for Ki).
 */
record Suffix(Format format, int exponent) {

  /** The largest decimal exponent accepted ({@code 1e1000}); apimachinery has no sane bound. */
  static final int MAX_EXPONENT = 1000;

  static final Map<String, Integer> DECIMAL =
      Map.of("n", -9, "u", -6, "m", -3, "", 0, "k", 3, "M", 6, "G", 9, "T", 12, "P", 15, "E", 18);
  static final Map<String, Integer> BINARY =
      Map.of("Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40, "Pi", 50, "Ei", 60);

  /** The suffix's meaning, or null when it has none ({@code K}, {@code ki}, {@code e}). */
  static Suffix interpret(String text) {
    Integer exponent = DECIMAL.get(text);
    if (exponent != null) {
      return new Suffix(Format.DECIMAL_SI, exponent);
    }
    exponent = BINARY.get(text);
    if (exponent != null) {
      return new Suffix(Format.BINARY_SI, exponent);
    }
    if (text.length() > 1 && (text.charAt(0) == 'e' || text.charAt(0) == 'E')) {
      String digits = text.substring(1);
      // strconv.ParseInt(s, 10, 64): an optional sign, then digits only, leading zeros allowed
      // (1e0003 is 1e3); bounded here because a huge exponent would make the value itself
      // unbounded, and apimachinery wraps exponents beyond int32 anyway
      if (digits.matches("[+-]?0*[0-9]{1,4}")) {
        int value = Integer.parseInt(digits);
        if (Math.abs(value) <= MAX_EXPONENT) {
          return new Suffix(Format.DECIMAL_EXPONENT, value);
        }
      }
    }
    return null;
  }

  /** The text apimachinery writes for a decimal exponent, or null when SI has no letter for it. */
  static String decimalLetter(int exponent) {
    for (Map.Entry<String, Integer> e : DECIMAL.entrySet()) {
      if (e.getValue() == exponent) {
        return e.getKey();
      }
    }
    return null;
  }

  /** The binary suffix for a power of 1024 (0 → none), or null beyond Ei. */
  static String binaryLetter(int powerOf1024) {
    if (powerOf1024 == 0) {
      return "";
    }
    for (Map.Entry<String, Integer> e : BINARY.entrySet()) {
      if (e.getValue() == powerOf1024 * 10) {
        return e.getKey();
      }
    }
    return null;
  }
}
