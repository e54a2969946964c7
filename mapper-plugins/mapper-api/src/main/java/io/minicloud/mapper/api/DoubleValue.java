package io.minicloud.mapper.api;

import java.util.Objects;

/**
 * A floating point value of type {@link DataType#FLOAT32} or {@link DataType#FLOAT64}. A FLOAT32
 * value is carried widened to double; the codec narrows it again on write. NaN and infinities are
 * allowed here (they are valid bit patterns on the wire); {@link Transform} rejects them.
 */
public record DoubleValue(double value, DataType type) implements Value {

  public DoubleValue {
    Objects.requireNonNull(type, "type");
    if (type != DataType.FLOAT32 && type != DataType.FLOAT64) {
      throw new IllegalArgumentException(
          "a DoubleValue must be float32 or float64, not " + type.name().toLowerCase());
    }
  }

  /** A FLOAT64 value. */
  public static DoubleValue of(double value) {
    return new DoubleValue(value, DataType.FLOAT64);
  }
}
