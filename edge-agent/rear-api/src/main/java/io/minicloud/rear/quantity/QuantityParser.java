package io.minicloud.rear.quantity;

import io.minicloud.rear.quantity.Quantity.Format;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * apimachinery's quantity scanner, step for step: sign, leading zeros, integer digits, an optional
 * fraction, then a suffix made of {@code eEinumkKMGTP} letters with an optional signed exponent.
 * Its quirks are kept on purpose ({@code "-"} and {@code "Mi"} read as zero, {@code "1.G"} is fine)
 * because a Go peer accepts them, and a filter it accepts must not be a 400 here.
 */
final class QuantityParser {

  private static final String SUFFIX_LETTERS = "eEinumkKMGTP";

  /** Decimal digits an int64 holds with room to spare, apimachinery's {@code maxInt64Factors}. */
  private static final int MAX_INT64_FACTORS = 18;

  private QuantityParser() {}

  static Quantity parse(String str) {
    if (str.isEmpty()) {
      throw new QuantityFormatException(str, "empty");
    }
    if (str.equals("0")) {
      return Quantity.ZERO;
    }
    int end = str.length();
    int pos = 0;
    boolean positive = true;
    if (str.charAt(0) == '-') {
      positive = false;
      pos++;
    } else if (str.charAt(0) == '+') {
      pos++;
    }
    while (pos < end && str.charAt(pos) == '0') {
      pos++;
    }
    if (pos >= end) {
      return Quantity.ZERO;
    }
    int numStart = pos;
    while (pos < end && isDigit(str.charAt(pos))) {
      pos++;
    }
    String num = pos > numStart ? str.substring(numStart, pos) : "0";
    String denom = "";
    if (pos < end && str.charAt(pos) == '.') {
      pos++;
      int denomStart = pos;
      while (pos < end && isDigit(str.charAt(pos))) {
        pos++;
      }
      denom = str.substring(denomStart, pos);
    }
    String number = str.substring(0, pos);
    int suffixStart = pos;
    while (pos < end && SUFFIX_LETTERS.indexOf(str.charAt(pos)) >= 0) {
      pos++;
    }
    if (pos < end && (str.charAt(pos) == '-' || str.charAt(pos) == '+')) {
      pos++;
    }
    while (pos < end && isDigit(str.charAt(pos))) {
      pos++;
    }
    if (pos < end) {
      throw new QuantityFormatException(
          str, "unexpected '" + str.charAt(pos) + "' at position " + (pos + 1));
    }
    Suffix suffix = Suffix.interpret(str.substring(suffixStart));
    if (suffix == null) {
      throw new QuantityFormatException(str, "unknown suffix '" + str.substring(suffixStart) + "'");
    }
    BigDecimal exact = fastPath(num, denom, suffix);
    if (exact == null) {
      exact = slowPath(str, number, suffix);
    }
    return Quantity.normalized(positive ? exact : exact.negate(), suffix.format());
  }

  /**
   * apimachinery's int64 path: it reads only the digits (so {@code "Mi"} is 0) when they fit. The
   * value is the same as the slow path's whenever both succeed; only which inputs parse differs.
   */
  private static BigDecimal fastPath(String num, String denom, Suffix suffix) {
    int precision;
    int scale;
    switch (suffix.format()) {
      case BINARY_SI -> {
        if (suffix.exponent() < 0 || !denom.isEmpty()) {
          return null;
        }
        scale = 0;
        precision = 15 - num.length() - (int) ((float) suffix.exponent() * 3 / 10) - 1;
      }
      default -> {
        scale = suffix.exponent();
        precision = MAX_INT64_FACTORS - (num.length() + denom.length());
      }
    }
    if (precision < 0) {
      return null;
    }
    scale -= denom.length();
    if (scale < -9) {
      return null;
    }
    String shifted = num + denom;
    long digits;
    try {
      digits = Long.parseLong(shifted);
    } catch (NumberFormatException e) {
      return null; // the slow path decides
    }
    BigInteger product = BigInteger.valueOf(digits);
    if (suffix.format() == Format.BINARY_SI) {
      product = product.shiftLeft(suffix.exponent());
    }
    // int64Multiply's overflow check: beyond it apimachinery takes the slow path
    return product.bitLength() <= 63 ? new BigDecimal(product, -scale) : null;
  }

  private static BigDecimal slowPath(String str, String number, Suffix suffix) {
    String digits = number.startsWith("+") ? number.substring(1) : number;
    if (digits.startsWith("-")) {
      digits = digits.substring(1);
    }
    // inf.Dec's SetString wants one digit somewhere: ".5Ki" and "5.Ki" are numbers, "." is not
    if (digits.chars().noneMatch(c -> isDigit((char) c))) {
      throw new QuantityFormatException(str, "no digits before the suffix");
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(digits.endsWith(".") ? digits + "0" : digits);
    } catch (NumberFormatException e) {
      throw new QuantityFormatException(str, "unable to parse the numeric part");
    }
    if (suffix.format() == Format.BINARY_SI) {
      return amount.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(suffix.exponent())));
    }
    return amount.scaleByPowerOfTen(suffix.exponent());
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
