package io.minicloud.mapper.api.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.BytesValue;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.mapper.api.StringValue;
import io.minicloud.mapper.api.Transform;
import io.minicloud.mapper.api.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the JSON value a path found into a raw {@link Value} of the property's raw type, exactly or
 * not at all: a number that does not fit, a fraction for an integer type or text that is not a
 * number is a {@link ErrorKind#DECODE} error, never a rounded or clamped value.
 *
 * <ul>
 *   <li>integers: a JSON number with no fractional part ({@code 21}, {@code 21.0}, {@code 2.1e1}),
 *       or a string holding one in the property's {@code base} ({@code "0x1F"} in base 16)
 *   <li>floats: a JSON number or a string holding a JSON number; float32 must be within float
 *       range. Values keep the double nearest to the decimal text (narrowing {@code 0.1} to a float
 *       would only add noise: JSON has no float32).
 *   <li>bool: {@code true}/{@code false}, the numbers 0/1, or the strings {@code true}, {@code
 *       false}, {@code on}, {@code off}, {@code 1}, {@code 0} in any case (Tasmota sends {@code
 *       "ON"})
 *   <li>string: a JSON string as is; a number or boolean as its JSON text
 *   <li>bytes: a string in the property's {@link BytesEncoding}
 * </ul>
 *
 * {@code null}, objects and arrays are never a value.
 */
public final class JsonValueConverter {
  /** The JSON number grammar (RFC 8259), for numbers that arrive as strings. */
  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private static final int MAX_NUMBER_TEXT = 100;

  /** Integer digits beyond which no 64-bit type can hold a number (2^64 has 20). */
  private static final int MAX_INTEGER_DIGITS = 20;

  private JsonValueConverter() {}

  /**
   * @param numberBase the property's transform, whose {@code base} reads integers sent as text
   * @throws DeviceException ({@link ErrorKind#DECODE}) saying why the value cannot be {@code type}
   */
  public static Value convert(
      JsonNode node, DataType type, Transform numberBase, BytesEncoding bytesEncoding)
      throws DeviceException {
    if (node.isNull() || node.isContainerNode() || !node.isValueNode()) {
      throw decode(describe(node) + " is not a " + name(type));
    }
    return switch (type) {
      case BOOL -> toBool(node);
      case STRING -> new StringValue(node.isTextual() ? node.textValue() : node.toString());
      case BYTES -> toBytes(node, bytesEncoding);
      case FLOAT32, FLOAT64 -> toDouble(node, type);
      default -> toInteger(node, type, numberBase);
    };
  }

  private static Value toBool(JsonNode node) throws DeviceException {
    if (node.isBoolean()) {
      return new BoolValue(node.booleanValue());
    }
    if (node.isNumber()) {
      BigDecimal number = node.decimalValue();
      if (number.compareTo(BigDecimal.ZERO) == 0 || number.compareTo(BigDecimal.ONE) == 0) {
        return new BoolValue(number.signum() != 0);
      }
    } else {
      switch (node.textValue().trim().toLowerCase(Locale.ROOT)) {
        case "true", "on", "1":
          return new BoolValue(true);
        case "false", "off", "0":
          return new BoolValue(false);
        default:
          break;
      }
    }
    throw decode(describe(node) + " is not a bool (true/false, on/off, 1/0)");
  }

  private static Value toBytes(JsonNode node, BytesEncoding encoding) throws DeviceException {
    if (!node.isTextual()) {
      throw decode(
          describe(node)
              + " is not bytes: expected a "
              + encoding.name().toLowerCase(Locale.ROOT)
              + " string");
    }
    try {
      return new BytesValue(encoding.decode(node.textValue()));
    } catch (IllegalArgumentException e) {
      throw decode(
          "the string is not valid "
              + encoding.name().toLowerCase(Locale.ROOT)
              + ": "
              + e.getMessage());
    }
  }

  private static Value toDouble(JsonNode node, DataType type) throws DeviceException {
    BigDecimal exact = decimal(node, type);
    if (exact.precision() - exact.scale() > 400) {
      throw decode(exact + " does not fit " + name(type));
    }
    double value = exact.doubleValue();
    double limit = type == DataType.FLOAT32 ? Float.MAX_VALUE : Double.MAX_VALUE;
    if (Double.isInfinite(value) || Math.abs(value) > limit) {
      throw decode(exact + " does not fit " + name(type));
    }
    return new DoubleValue(value, type);
  }

  private static Value toInteger(JsonNode node, DataType type, Transform numberBase)
      throws DeviceException {
    if (node.isTextual() && numberBase.base() != 10) {
      String text = node.textValue();
      if (text.length() > MAX_NUMBER_TEXT) {
        throw decode("a " + text.length() + "-character string is not a " + name(type));
      }
      try {
        return numberBase.parse(text, type);
      } catch (IllegalArgumentException e) {
        throw decode(e.getMessage());
      }
    }
    BigDecimal exact = decimal(node, type);
    // check the magnitude before making an integer of it: 1e999999999 would take gigabytes
    if (exact.signum() != 0 && exact.precision() - exact.scale() > MAX_INTEGER_DIGITS) {
      throw decode(exact + " does not fit " + name(type) + " " + range(type));
    }
    BigInteger whole;
    try {
      whole = exact.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw decode(exact.toPlainString() + " is not a whole number, so not a " + name(type));
    }
    if (whole.compareTo(min(type)) < 0 || whole.compareTo(max(type)) > 0) {
      throw decode(whole + " does not fit " + name(type) + " " + range(type));
    }
    // for uint64 the low 64 bits are the stored bit pattern (LongValue's convention)
    return new LongValue(whole.longValue(), type);
  }

  private static BigDecimal decimal(JsonNode node, DataType type) throws DeviceException {
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual()) {
      String text = node.textValue().trim();
      if (text.length() <= MAX_NUMBER_TEXT && JSON_NUMBER.matcher(text).matches()) {
        return new BigDecimal(text);
      }
    }
    throw decode(describe(node) + " is not a " + name(type));
  }

  private static BigInteger min(DataType type) {
    return type.signed() ? BigInteger.ONE.shiftLeft(type.bits() - 1).negate() : BigInteger.ZERO;
  }

  private static BigInteger max(DataType type) {
    int valueBits = type.signed() ? type.bits() - 1 : type.bits();
    return BigInteger.ONE.shiftLeft(valueBits).subtract(BigInteger.ONE);
  }

  private static String range(DataType type) {
    return "[" + min(type) + ", " + max(type) + "]";
  }

  private static String describe(JsonNode node) {
    String text = node.isTextual() ? "the string '" + node.textValue() + "'" : node.toString();
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }

  private static String name(DataType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  private static DeviceException decode(String message) {
    return new DeviceException(ErrorKind.DECODE, message);
  }
}
