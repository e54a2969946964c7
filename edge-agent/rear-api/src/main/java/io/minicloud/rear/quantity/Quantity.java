package io.minicloud.rear.quantity;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A Kubernetes resource quantity ({@code k8s.io/apimachinery/pkg/api/resource.Quantity}) with the
 * same parsing, comparison and canonical string form, because REAR peers (the Go FLUIDOS node) read
 * and write every cpu, memory, pods, storage and gpu figure as one. A consumer that receives a form
 * it cannot parse (an empty string, a stray space) drops our whole flavor list, so only {@link
 * #toString()} may produce the wire text.
 *
 * <p>Semantics kept from apimachinery: suffixes {@code n u m "" k M G T P E} (decimal), {@code Ki
 * .. Ei} (binary) and {@code e<exp>} (decimal exponent); values are rounded up (away from zero) to
 * nano precision; binary values are capped at 2^63-1; the canonical form keeps the parsed format
 * (binary stays binary unless it is below 1024 or fractional) with the largest exact suffix.
 */
public final class Quantity implements Comparable<Quantity> {

  /** How a quantity is written, kept from the parsed text as apimachinery does. */
  public enum Format {
    DECIMAL_SI,
    BINARY_SI,
    DECIMAL_EXPONENT
  }

  public static final Quantity ZERO = new Quantity(BigDecimal.ZERO, Format.DECIMAL_SI);

  /** Longest text we parse: no real quantity is near it, and it bounds the work per value. */
  public static final int MAX_TEXT_LENGTH = 64;

  private static final BigDecimal MAX_BINARY = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final int NANO_SCALE = 9;

  private final BigDecimal value;
  private final Format format;
  private String canonical;

  private Quantity(BigDecimal value, Format format) {
    this.value = value;
    this.format = format;
  }

  /** Parses {@code text} as apimachinery's {@code ParseQuantity} does. */
  public static Quantity parse(String text) {
    Objects.requireNonNull(text, "quantity");
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new QuantityFormatException(text, "longer than " + MAX_TEXT_LENGTH + " characters");
    }
    return QuantityParser.parse(text);
  }

  /** A whole number of units, written in decimal SI (what {@code resource.NewQuantity} does). */
  public static Quantity of(long units) {
    return new Quantity(BigDecimal.valueOf(units), Format.DECIMAL_SI);
  }

  /** A byte count written with binary suffixes ({@code 2Gi}), as kubelet reports memory. */
  public static Quantity bytes(long bytes) {
    return new Quantity(BigDecimal.valueOf(bytes), Format.BINARY_SI);
  }

  /** Thousandths of a unit ({@code 500m} CPU). */
  public static Quantity milli(long milliUnits) {
    return new Quantity(BigDecimal.valueOf(milliUnits, 3), Format.DECIMAL_SI);
  }

  /** Internal: builds a parsed value, applying the nano round-up and the binary cap. */
  static Quantity normalized(BigDecimal raw, Format format) {
    if (raw.signum() == 0) {
      return new Quantity(BigDecimal.ZERO, format);
    }
    BigDecimal magnitude = raw.abs();
    if (magnitude.scale() > NANO_SCALE) {
      // apimachinery rounds tiny requests up: asking for some of a resource must get some
      magnitude = magnitude.setScale(NANO_SCALE, RoundingMode.UP);
    }
    Format effective = format;
    if (format == Format.BINARY_SI && magnitude.compareTo(MAX_BINARY) > 0) {
      magnitude = MAX_BINARY;
    }
    if (format == Format.BINARY_SI && magnitude.compareTo(BigDecimal.ONE) < 0) {
      effective = Format.DECIMAL_SI;
    }
    return new Quantity(raw.signum() < 0 ? magnitude.negate() : magnitude, effective);
  }

  /** The exact value in units (cores, bytes, pods). */
  public BigDecimal value() {
    return value;
  }

  public Format format() {
    return format;
  }

  public int signum() {
    return value.signum();
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  /** Thousandths of a unit rounded up, as {@code MilliValue()}; saturates at the long range. */
  public long milliValue() {
    BigDecimal milli = value.movePointRight(3).setScale(0, RoundingMode.CEILING);
    return saturate(milli.toBigInteger());
  }

  /** Whole units rounded up, as {@code Value()} (which rounds away from zero). */
  public long wholeValue() {
    return saturate(value.setScale(0, RoundingMode.UP).toBigInteger());
  }

  /** The sum, in this quantity's format (the other's when this is zero, as {@code Add}). */
  public Quantity plus(Quantity other) {
    Format result = isZero() ? other.format : format;
    return new Quantity(value.add(other.value), result);
  }

  /** The difference, in this quantity's format (the other's when this is zero, as {@code Sub}). */
  public Quantity minus(Quantity other) {
    Format result = isZero() ? other.format : format;
    return new Quantity(value.subtract(other.value), result);
  }

  /** This quantity times a whole number, e.g. a step count. */
  public Quantity times(long factor) {
    return new Quantity(value.multiply(BigDecimal.valueOf(factor)), format);
  }

  public Quantity min(Quantity other) {
    return compareTo(other) <= 0 ? this : other;
  }

  public Quantity max(Quantity other) {
    return compareTo(other) >= 0 ? this : other;
  }

  @Override
  public int compareTo(Quantity other) {
    return value.compareTo(other.value);
  }

  /** Numeric equality ({@code Cmp == 0}): {@code 1} equals {@code 1000m}. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Quantity q && value.compareTo(q.value) == 0;
  }

  @Override
  public int hashCode() {
    return value.stripTrailingZeros().hashCode();
  }

  /** The canonical wire form, e.g. {@code 1} for {@code 1000m}, {@code 512Mi} for {@code 0.5Gi}. */
  @Override
  public String toString() {
    String text = canonical;
    if (text == null) {
      text = QuantityFormatter.canonical(value, format);
      canonical = text;
    }
    return text;
  }

  private static long saturate(BigInteger v) {
    if (v.bitLength() < 64) {
      return v.longValue();
    }
    return v.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
  }
}
