package io.minicloud.tetherbridge.runtime;

import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.BytesValue;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.mapper.api.PointBinding;
import io.minicloud.mapper.api.StringValue;
import io.minicloud.mapper.api.Value;
import io.minicloud.tetherbridge.devices.ModelProperty;
import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns what an operator asks for (a device file's {@code desired.value} string, a JSON value from
 * REST or MQTT) into an engineering {@link Value}, and checks at once that it can be written: the
 * transform's range, enum labels and the raw type's bounds.
 */
public final class DesiredValues {
  private DesiredValues() {}

  /**
   * @throws IllegalArgumentException saying why the value cannot be written to this property
   */
  public static Value parse(Object requested, ModelProperty property, PointBinding point) {
    if (requested == null) {
      throw new IllegalArgumentException("a value is required");
    }
    Value value = toValue(requested, property.type(), !point.transform().enumMap().isEmpty());
    ModelRange.check(property, value, Values.text(value));
    point
        .transform()
        .write(value, point.rawType()); // throws with the reason when it cannot be written
    return value;
  }

  private static Value toValue(Object requested, DataType type, boolean enumLabels) {
    if (requested instanceof Boolean b) {
      return new BoolValue(b);
    }
    String text = String.valueOf(requested).trim();
    if (enumLabels && !(requested instanceof Number)) {
      return new StringValue(text);
    }
    switch (type) {
      case BOOL:
        return switch (text.toLowerCase(Locale.ROOT)) {
          case "true", "1", "on" -> new BoolValue(true);
          case "false", "0", "off" -> new BoolValue(false);
          default -> throw new IllegalArgumentException("'" + text + "' is not a boolean");
        };
      case STRING:
        return new StringValue(text);
      case BYTES:
        try {
          return new BytesValue(HexFormat.of().parseHex(text.replaceAll("\\s+", "")));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("'" + text + "' is not hex bytes", e);
        }
      default:
        return number(text, type);
    }
  }

  private static Value number(String text, DataType type) {
    BigDecimal decimal;
    try {
      decimal = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a number", e);
    }
    boolean integral = decimal.stripTrailingZeros().scale() <= 0;
    if (integral && type != DataType.FLOAT32 && type != DataType.FLOAT64) {
      try {
        return new LongValue(decimal.longValueExact(), DataType.INT64);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("'" + text + "' does not fit a 64-bit integer", e);
      }
    }
    double d = decimal.doubleValue();
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("'" + text + "' is out of range");
    }
    return new DoubleValue(d, DataType.FLOAT64);
  }
}
