package io.minicloud.tetherbridge.runtime;

import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.BytesValue;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.mapper.api.StringValue;
import io.minicloud.mapper.api.Value;
import java.util.HexFormat;

/** Small conversions of typed values for comparisons, JSON and messages. */
public final class Values {
  private Values() {}

  /** The value as a double, or null for booleans, strings and bytes. */
  public static Double number(Value value) {
    if (value instanceof DoubleValue d) {
      return d.value();
    }
    if (value instanceof LongValue l) {
      return l.doubleValue();
    }
    return null;
  }

  /** The value as a JSON-friendly Java object: Boolean, Long, BigInteger, Double, String. */
  public static Object plain(Value value) {
    if (value instanceof BoolValue b) {
      return b.value();
    }
    if (value instanceof LongValue l) {
      return l.type() == DataType.UINT64 ? l.unsignedValue() : l.value();
    }
    if (value instanceof DoubleValue d) {
      return d.value();
    }
    if (value instanceof StringValue s) {
      return s.value();
    }
    return HexFormat.of().formatHex(((BytesValue) value).value());
  }

  public static String text(Value value) {
    return String.valueOf(plain(value));
  }

  /**
   * True when a value read back after a write is the one written: numbers within {@code tolerance}
   * (a scaled register cannot hold more precision than its scale), others equal.
   */
  public static boolean sameReading(Value written, Value readBack, double tolerance) {
    Double a = number(written);
    Double b = number(readBack);
    if (a != null && b != null) {
      return Math.abs(a - b) <= tolerance + 1e-9 * Math.max(Math.abs(a), Math.abs(b));
    }
    return written.equals(readBack) || text(written).equals(text(readBack));
  }
}
