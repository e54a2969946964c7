package io.minicloud.mapper.api;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;

/**
 * An integer of type int16/32/64 or uint16/32/64. Unsigned 16- and 32-bit values are stored as
 * their (non-negative) value; {@link DataType#UINT64} is stored as the raw 64-bit pattern, so
 * {@code -1L} means 18446744073709551615; use {@link #unsignedValue()} to read it as a number.
 */
public record LongValue(long value, DataType type) implements Value {

  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

  public LongValue {
    Objects.requireNonNull(type, "type");
    if (!isInteger(type)) {
      throw new IllegalArgumentException("a LongValue must be an integer type, not " + name(type));
    }
    if (type != DataType.UINT64 && (value < min(type) || value > max(type))) {
      throw new IllegalArgumentException(
          value + " does not fit " + name(type) + " " + rangeText(type));
    }
  }

  /** An INT64 value. */
  public static LongValue of(long value) {
    return new LongValue(value, DataType.INT64);
  }

  /**
   * The exact number: for {@link DataType#UINT64} the unsigned interpretation of the bit pattern,
   * for every other type the value itself.
   */
  public BigInteger unsignedValue() {
    BigInteger big = BigInteger.valueOf(value);
    return type == DataType.UINT64 && value < 0 ? big.add(TWO_TO_64) : big;
  }

  /** The value as a double (uint64 read unsigned; may lose precision above 2^53). */
  public double doubleValue() {
    return type == DataType.UINT64 ? unsignedValue().doubleValue() : value;
  }

  static boolean isInteger(DataType type) {
    return type.numeric() && type != DataType.FLOAT32 && type != DataType.FLOAT64;
  }

  /** Smallest value of an integer type, as a mathematical integer. */
  static BigInteger minExact(DataType type) {
    return BigInteger.valueOf(min(type));
  }

  /** Largest value of an integer type, as a mathematical integer. */
  static BigInteger maxExact(DataType type) {
    return type == DataType.UINT64
        ? TWO_TO_64.subtract(BigInteger.ONE)
        : BigInteger.valueOf(max(type));
  }

  /** Builds a value of {@code type} from an exact integer, or says why it does not fit. */
  static LongValue ofExact(BigInteger exact, DataType type) {
    if (exact.compareTo(minExact(type)) < 0 || exact.compareTo(maxExact(type)) > 0) {
      throw new IllegalArgumentException(
          exact + " does not fit " + name(type) + " " + rangeText(type));
    }
    return new LongValue(exact.longValue(), type);
  }

  static String rangeText(DataType type) {
    return "[" + minExact(type) + ", " + maxExact(type) + "]";
  }

  static String name(DataType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  private static long min(DataType type) {
    return switch (type) {
      case INT16 -> Short.MIN_VALUE;
      case INT32 -> Integer.MIN_VALUE;
      case INT64 -> Long.MIN_VALUE;
      default -> 0;
    };
  }

  private static long max(DataType type) {
    return switch (type) {
      case INT16 -> Short.MAX_VALUE;
      case UINT16 -> 0xFFFF;
      case INT32 -> Integer.MAX_VALUE;
      case UINT32 -> 0xFFFF_FFFFL;
      default -> Long.MAX_VALUE;
    };
  }
}
