package io.minicloud.mapper.mqtt;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.BytesValue;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.mapper.api.StringValue;
import io.minicloud.mapper.api.Value;
import io.minicloud.mapper.api.json.BytesEncoding;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The payload a write publishes, from a {@code commandPayload} template such as {@code {"mode":
 * ${value}}}.
 *
 * <ul>
 *   <li>{@code ${value}}: the value as a complete JSON value: a number, {@code true}/{@code false},
 *       or a quoted and escaped string (bytes in the property's encoding)
 *   <li>{@code ${text}}: the same value as plain text, unquoted and unescaped, for devices whose
 *       command topic takes a bare word (Shelly's {@code on}/{@code off}); never put it inside a
 *       JSON string, where a value containing a quote would change the document
 *   <li>{@code ${property}}: the property's name
 * </ul>
 *
 * The default template is {@code {"<property>": ${value}}}. Numbers are written exactly: integers
 * in decimal (uint64 unsigned), whole floats without a fraction ({@code 21}), others in the
 * shortest form that reads back as the same double. NaN and infinities have no JSON form and are
 * refused.
 */
public final class CommandTemplate {
  private static final List<String> PLACEHOLDERS = List.of("value", "text", "property");

  /** A literal piece of the template, or a placeholder name. */
  private record Part(String literal, String placeholder) {}

  private final String text;
  private final List<Part> parts;

  private CommandTemplate(String text, List<Part> parts) {
    this.text = text;
    this.parts = List.copyOf(parts);
  }

  /**
   * @throws IllegalArgumentException on an unknown or unclosed placeholder
   */
  public static CommandTemplate parse(String text) {
    Objects.requireNonNull(text, "text");
    List<Part> parts = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf("${", i);
      if (open < 0) {
        parts.add(new Part(text.substring(i), null));
        break;
      }
      if (open > i) {
        parts.add(new Part(text.substring(i, open), null));
      }
      int close = text.indexOf('}', open);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed '${' at position " + open);
      }
      String name = text.substring(open + 2, close).trim();
      if (!PLACEHOLDERS.contains(name)) {
        throw new IllegalArgumentException(
            "unknown placeholder '${" + name + "}': expected ${value}, ${text} or ${property}");
      }
      parts.add(new Part(null, name));
      i = close + 1;
    }
    return new CommandTemplate(text, parts);
  }

  /** {@code {"<property>": ${value}}}. */
  public static CommandTemplate defaultFor(String property) {
    return parse(
        "{\""
            + new String(JsonStringEncoder.getInstance().quoteAsString(property))
            + "\": ${value}}");
  }

  /**
   * @throws DeviceException ({@link ErrorKind#DECODE}) when the value has no JSON form (NaN)
   */
  public byte[] render(String property, Value value, BytesEncoding bytesEncoding)
      throws DeviceException {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (part.literal() != null) {
        out.append(part.literal());
      } else {
        out.append(
            switch (part.placeholder()) {
              case "value" -> json(value, bytesEncoding);
              case "text" -> plain(value, bytesEncoding);
              default -> property;
            });
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String json(Value value, BytesEncoding bytesEncoding) throws DeviceException {
    if (value instanceof StringValue || value instanceof BytesValue) {
      return "\""
          + new String(JsonStringEncoder.getInstance().quoteAsString(plain(value, bytesEncoding)))
          + "\"";
    }
    return plain(value, bytesEncoding);
  }

  private static String plain(Value value, BytesEncoding bytesEncoding) throws DeviceException {
    if (value instanceof BoolValue b) {
      return Boolean.toString(b.value());
    }
    if (value instanceof LongValue l) {
      return l.unsignedValue().toString();
    }
    if (value instanceof DoubleValue d) {
      return number(d.value());
    }
    if (value instanceof BytesValue b) {
      return bytesEncoding.encode(b.value());
    }
    return ((StringValue) value).value();
  }

  private static String number(double value) throws DeviceException {
    if (!Double.isFinite(value)) {
      throw new DeviceException(
          ErrorKind.DECODE, "cannot write " + value + ": JSON has no such number");
    }
    if (value == Math.rint(value) && Math.abs(value) < 0x1p53) {
      return Long.toString((long) value);
    }
    // BigDecimal.valueOf gives the shortest decimal that reads back as the same double
    return BigDecimal.valueOf(value).toString();
  }

  /** The template as configured. */
  @Override
  public String toString() {
    return text;
  }
}
