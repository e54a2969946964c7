package io.minicloud.rear.quantity;

import io.minicloud.rear.quantity.Quantity.Format;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * apimachinery's {@code CanonicalizeBytes}: no fractional digits, the largest exact suffix, the
 * sign only when negative. Decimal forms move trailing zeros into an exponent that is a multiple of
 * three; binary forms divide out powers of 1024 and fall back to decimal below 1024 or when the
 * value has a fraction.
 */
final class QuantityFormatter {

  private static final BigInteger THOUSAND_TWENTY_FOUR = BigInteger.valueOf(1024);

  private QuantityFormatter() {}

  static String canonical(BigDecimal value, Format format) {
    if (value.signum() == 0) {
      return "0";
    }
    if (format == Format.BINARY_SI) {
      String binary = binary(value);
      if (binary != null) {
        return binary;
      }
      format = Format.DECIMAL_SI;
    }
    return decimal(value, format);
  }

  private static String binary(BigDecimal value) {
    if (value.abs().compareTo(BigDecimal.valueOf(1024)) < 0) {
      return null;
    }
    BigDecimal whole = value.setScale(0, RoundingMode.UP);
    if (whole.compareTo(value) != 0) {
      return null; // a fraction: shown in decimal so no precision is lost
    }
    BigInteger mantissa = whole.toBigIntegerExact();
    int power = 0;
    while (power < 6) {
      BigInteger[] qr = mantissa.divideAndRemainder(THOUSAND_TWENTY_FOUR);
      if (qr[1].signum() != 0) {
        break;
      }
      mantissa = qr[0];
      power++;
    }
    return mantissa + Suffix.binaryLetter(power);
  }

  private static String decimal(BigDecimal value, Format format) {
    BigDecimal stripped = value.stripTrailingZeros();
    BigInteger mantissa = stripped.unscaledValue();
    int exponent = -stripped.scale();
    int remainder = Math.floorMod(exponent, 3);
    if (remainder != 0) {
      mantissa = mantissa.multiply(BigInteger.TEN.pow(remainder));
      exponent -= remainder;
    }
    if (format == Format.DECIMAL_EXPONENT) {
      return exponent == 0 ? mantissa.toString() : mantissa + "e" + exponent;
    }
    String letter = Suffix.decimalLetter(exponent);
    if (letter != null) {
      return mantissa + letter;
    }
    // beyond E (or below n): SI has no letter, so the exponent form keeps the value exact
    return mantissa + "e" + exponent;
  }
}
