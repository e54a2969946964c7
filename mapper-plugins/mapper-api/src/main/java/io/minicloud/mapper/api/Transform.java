package io.minicloud.mapper.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Turns a raw device value into an engineering value and back, from a property's visitor config.
 *
 * <p><b>Read order</b> (integers): mask → shift → enum map → scale → offset → range check.
 *
 * <ol>
 *   <li>{@code mask} and {@code shift} extract a bit field from the raw bit pattern of the value's
 *       width (int16 −2 is 0xFFFE). A bit field has no sign, so the result is the unsigned type of
 *       the same width (int16 → uint16, int64 → uint64). Shift is a logical right shift.
 *   <li>{@code enum}: the raw code becomes its label, a {@link StringValue}; nothing follows. A
 *       code with no label is rejected.
 *   <li>{@code scale} then {@code offset}: {@code engineering = raw * scale + offset}. With the
 *       defaults (1, 0) the value keeps its type. When both are whole numbers the arithmetic is
 *       exact and the result is int64 (its type does not depend on the reading); otherwise it is
 *       float64.
 *   <li>{@code min}/{@code max}: a reading outside them is <em>rejected</em> with an error, not
 *       clamped: a sensor reporting 6553.5 °C is broken, and publishing the number would be a lie.
 * </ol>
 *
 * <p>Floats take scale, offset and range only (mask, shift and enum are integer operations). A NaN
 * or infinite reading is rejected: devices use them for "no measurement", which is not a value.
 * Booleans, strings and bytes pass through unchanged.
 *
 * <p><b>Write order</b> is the exact inverse: range check on the engineering value (before anything
 * is sent) → enum label to code, or {@code (value − offset) / scale} rounded half away from zero
 * for integer types → shift left, checked against the mask → overflow check against the target
 * type's range. A written bit field has zeros outside the mask; merging it into the current
 * register is the caller's business.
 *
 * <p>{@code base} is the radix for numbers that text protocols send as strings, see {@link
 * #parse(String, DataType)}.
 */
public record Transform(
    double scale,
    double offset,
    OptionalLong mask,
    int shift,
    OptionalDouble min,
    OptionalDouble max,
    Map<Long, String> enumMap,
    int base) {

  /** Scale 1, offset 0, no mask, no shift, no range, no enum map, base 10. */
  public static final Transform IDENTITY =
      new Transform(
          1,
          0,
          OptionalLong.empty(),
          0,
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          Map.of(),
          10);

  public Transform {
    Objects.requireNonNull(mask, "mask");
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    if (!Double.isFinite(scale) || scale == 0) {
      throw new IllegalArgumentException("scale must be a finite non-zero number, got " + scale);
    }
    if (!Double.isFinite(offset)) {
      throw new IllegalArgumentException("offset must be finite, got " + offset);
    }
    if (shift < 0 || shift > 63) {
      throw new IllegalArgumentException("shift must be 0..63, got " + shift);
    }
    if (min.isPresent() && max.isPresent() && min.getAsDouble() > max.getAsDouble()) {
      throw new IllegalArgumentException(
          "min " + min.getAsDouble() + " is greater than max " + max.getAsDouble());
    }
    if (base < Character.MIN_RADIX || base > Character.MAX_RADIX) {
      throw new IllegalArgumentException("base must be 2..36, got " + base);
    }
    enumMap = Map.copyOf(new LinkedHashMap<>(Objects.requireNonNull(enumMap, "enumMap")));
    if (enumMap.values().stream().distinct().count() != enumMap.size()) {
      throw new IllegalArgumentException("enum labels must be unique, got " + enumMap.values());
    }
  }

  /**
   * Binds a visitor config: {@code scale}, {@code offset}, {@code mask} (a number, or a string such
   * as {@code "0x0F00"}), {@code shift}, {@code min}, {@code max}, {@code enum} (a map from raw
   * code to label) and {@code base}. Unknown keys are ignored: they belong to the plugin.
   *
   * @throws IllegalArgumentException naming the field and the reason
   */
  public static Transform fromConfig(Map<String, ?> config) {
    return TransformConfig.bind(config);
  }

  /** True when every setting has its default. */
  public boolean isIdentity() {
    return equals(IDENTITY);
  }

  /**
   * Applies the transform to a raw device value (see the class comment for the order).
   *
   * @throws IllegalArgumentException when the reading is NaN or infinite, has no enum label, or is
   *     outside min/max
   */
  public Value read(Value raw) {
    Objects.requireNonNull(raw, "raw");
    if (raw instanceof DoubleValue d) {
      requireNoBitOperations(d.type());
      if (!Double.isFinite(d.value())) {
        throw new IllegalArgumentException("reading is " + d.value() + ", not a measurement");
      }
      Value result = scale == 1 && offset == 0 ? d : DoubleValue.of(d.value() * scale + offset);
      return checkRange(result, "reading");
    }
    if (!(raw instanceof LongValue l)) {
      return raw;
    }
    LongValue field = l;
    if (mask.isPresent() || shift != 0) {
      int bits = l.type().bits();
      long pattern = bits == 64 ? l.value() : l.value() & ((1L << bits) - 1);
      pattern = (pattern & mask.orElse(-1L)) >>> shift;
      field = new LongValue(pattern, unsigned(l.type()));
    }
    if (!enumMap.isEmpty()) {
      String label = enumMap.get(field.value());
      if (label == null) {
        throw new IllegalArgumentException(
            "reading "
                + field.unsignedValue()
                + " has no enum label; known codes are "
                + enumMap.keySet());
      }
      return new StringValue(label);
    }
    Value result;
    if (scale == 1 && offset == 0) {
      result = field;
    } else if (wholeScaleAndOffset()) {
      BigInteger exact =
          field
              .unsignedValue()
              .multiply(BigInteger.valueOf((long) scale))
              .add(BigInteger.valueOf((long) offset));
      result = LongValue.ofExact(exact, DataType.INT64);
    } else {
      result = DoubleValue.of(field.doubleValue() * scale + offset);
    }
    return checkRange(result, "reading");
  }

  /**
   * Turns an engineering value into the raw value to write to a property of type {@code target}.
   *
   * @throws IllegalArgumentException when the value is outside min/max, is not a known enum label,
   *     is NaN or infinite, does not fit the mask, overflows {@code target} or has the wrong kind
   */
  public Value write(Value desired, DataType target) {
    Objects.requireNonNull(desired, "desired");
    Objects.requireNonNull(target, "target");
    if (!enumMap.isEmpty() && LongValue.isInteger(target)) {
      if (!(desired instanceof StringValue s)) {
        throw new IllegalArgumentException(
            "expected one of the labels " + enumMap.values() + ", got " + desired);
      }
      long code =
          enumMap.entrySet().stream()
              .filter(e -> e.getValue().equals(s.value()))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown label '"
                              + s.value()
                              + "': expected one of "
                              + enumMap.values()));
      return toTarget(BigDecimal.valueOf(code), desired, target);
    }
    if (!target.numeric()) {
      if (desired.type() != target) {
        throw new IllegalArgumentException(
            "cannot write " + desired + " to a " + LongValue.name(target) + " property");
      }
      return desired;
    }
    BigDecimal engineering = toDecimal(desired, target);
    checkRange(engineering.doubleValue(), desired, "value");
    BigDecimal raw = engineering;
    if (scale != 1 || offset != 0) {
      raw =
          engineering
              .subtract(BigDecimal.valueOf(offset))
              .divide(BigDecimal.valueOf(scale), MathContext.DECIMAL128);
    }
    if (target == DataType.FLOAT32 || target == DataType.FLOAT64) {
      requireNoBitOperations(target);
      double value = raw.doubleValue();
      if (target == DataType.FLOAT32 && Math.abs(value) > Float.MAX_VALUE) {
        throw new IllegalArgumentException(value + " does not fit float32");
      }
      return new DoubleValue(value, target);
    }
    return toTarget(raw, desired, target);
  }

  /**
   * Parses a number a text protocol sent, in {@link #base()} for integer types ({@code 0x} is
   * accepted in base 16) and in decimal for floats.
   *
   * @throws IllegalArgumentException naming the text, the base and the type
   */
  public Value parse(String text, DataType type) {
    Objects.requireNonNull(text, "text");
    String digits = text.trim();
    try {
      if (type == DataType.FLOAT32 || type == DataType.FLOAT64) {
        return new DoubleValue(Double.parseDouble(digits), type);
      }
      if (!LongValue.isInteger(type)) {
        throw new IllegalArgumentException("parse supports numeric types only");
      }
      if (base == 16 && digits.toLowerCase(Locale.ROOT).startsWith("0x")) {
        digits = digits.substring(2);
      }
      return LongValue.ofExact(new BigInteger(digits, base), type);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a base-" + base + " " + LongValue.name(type), e);
    }
  }

  private Value toTarget(BigDecimal raw, Value desired, DataType target) {
    if (!LongValue.isInteger(target)) {
      throw new IllegalArgumentException(
          "cannot write " + desired + " to a " + LongValue.name(target) + " property");
    }
    BigInteger exact = raw.setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
    if (mask.isPresent() || shift != 0) {
      exact = exact.shiftLeft(shift);
      BigInteger field =
          BigInteger.valueOf(mask.orElse(-1L)).and(LongValue.maxExact(DataType.UINT64));
      if (exact.signum() < 0 || !exact.andNot(field).equals(BigInteger.ZERO)) {
        throw new IllegalArgumentException(
            desired
                + " does not fit the bit field (mask 0x"
                + Long.toHexString(mask.orElse(-1L))
                + ", shift "
                + shift
                + ")");
      }
      if (exact.bitLength() <= target.bits() && target.signed()) {
        // a bit field written into a signed register is the same bit pattern
        exact =
            BigInteger.valueOf(
                switch (target) {
                  case INT16 -> (short) exact.longValue();
                  case INT32 -> (int) exact.longValue();
                  default -> exact.longValue();
                });
      }
    }
    try {
      return LongValue.ofExact(exact, target);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot write " + describe(desired) + ": raw value " + e.getMessage(), e);
    }
  }

  private static BigDecimal toDecimal(Value desired, DataType target) {
    if (desired instanceof LongValue l) {
      return new BigDecimal(l.unsignedValue());
    }
    if (desired instanceof DoubleValue d) {
      if (!Double.isFinite(d.value())) {
        throw new IllegalArgumentException("cannot write " + d.value() + ": not a number");
      }
      return BigDecimal.valueOf(d.value());
    }
    throw new IllegalArgumentException(
        "cannot write " + desired + " to a " + LongValue.name(target) + " property");
  }

  private Value checkRange(Value value, String what) {
    if (value instanceof LongValue l) {
      checkRange(l.doubleValue(), value, what);
    } else if (value instanceof DoubleValue d) {
      checkRange(d.value(), value, what);
    }
    return value;
  }

  private void checkRange(double number, Value value, String what) {
    boolean below = min.isPresent() && number < min.getAsDouble();
    boolean above = max.isPresent() && number > max.getAsDouble();
    if (below || above) {
      throw new IllegalArgumentException(
          what + " " + describe(value) + " is outside [" + bound(min) + ", " + bound(max) + "]");
    }
  }

  private void requireNoBitOperations(DataType type) {
    if (mask.isPresent() || shift != 0 || !enumMap.isEmpty()) {
      throw new IllegalArgumentException(
          "mask, shift and enum apply to integer types, not " + LongValue.name(type));
    }
  }

  private boolean wholeScaleAndOffset() {
    return scale == Math.rint(scale)
        && offset == Math.rint(offset)
        && Math.abs(scale) < 0x1p53
        && Math.abs(offset) < 0x1p53;
  }

  private static DataType unsigned(DataType type) {
    return switch (type.bits()) {
      case 16 -> DataType.UINT16;
      case 32 -> DataType.UINT32;
      default -> DataType.UINT64;
    };
  }

  private static String describe(Value value) {
    if (value instanceof LongValue l) {
      return l.unsignedValue().toString();
    }
    if (value instanceof DoubleValue d) {
      return Double.toString(d.value());
    }
    return value.toString();
  }

  private static String bound(OptionalDouble bound) {
    return bound.isPresent() ? Double.toString(bound.getAsDouble()) : "unbounded";
  }
}
