package io.minicloud.mapper.coap.config;

import io.minicloud.mapper.api.ConfigException.FieldError;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.PropertySpec;
import io.minicloud.mapper.api.Transform;
import io.minicloud.mapper.api.config.ConfigFields;
import io.minicloud.mapper.api.json.BytesEncoding;
import io.minicloud.mapper.api.json.JsonPath;
import io.minicloud.mapper.coap.payload.PayloadFormat;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Binds a property's {@code visitors.configData} into a {@link CoapPoint}; see the README. */
public final class CoapPointConfig {
  static final List<String> TRANSFORM_KEYS =
      List.of("scale", "offset", "mask", "shift", "min", "max", "enum", "base");
  static final Set<String> KEYS = new LinkedHashSet<>();

  static {
    KEYS.addAll(
        List.of(
            "path",
            "method",
            "accept",
            "contentFormat",
            "jsonPath",
            "observe",
            "maxAge",
            "rawType",
            "bytesEncoding"));
    KEYS.addAll(TRANSFORM_KEYS);
  }

  private static final int MAX_PATH_LENGTH = 255;

  private CoapPointConfig() {}

  /**
   * Binds the property's visitor config, adding every problem to {@code errors}.
   *
   * @return the point, or empty when there were errors
   */
  public static Optional<CoapPoint> bind(PropertySpec property, List<FieldError> errors) {
    int before = errors.size();
    ConfigFields fields = new ConfigFields(property.visitorConfig(), property::field, errors);
    fields.rejectUnknown(KEYS);
    String path = path(fields);
    WriteMethod method = WriteMethod.PUT;
    Optional<String> methodText = fields.text("method");
    try {
      method = methodText.map(WriteMethod::parse).orElse(WriteMethod.PUT);
    } catch (IllegalArgumentException e) {
      fields.error("method", e.getMessage());
    }
    if (fields.has("method") && !property.writable()) {
      fields.error("method", "the property is not writable (ReadWrite in the DeviceModel)");
    }
    Optional<String> pathText = fields.text("jsonPath");
    JsonPath jsonPath = JsonPath.parse("$");
    try {
      jsonPath = pathText.map(JsonPath::parse).orElse(jsonPath);
    } catch (IllegalArgumentException e) {
      fields.error("jsonPath", e.getMessage());
    }
    PayloadFormat fallback = pathText.isPresent() ? PayloadFormat.JSON : PayloadFormat.TEXT;
    PayloadFormat accept = format(fields, "accept", fallback);
    PayloadFormat contentFormat = format(fields, "contentFormat", accept);
    if (pathText.isPresent() && !accept.structured()) {
      fields.error("jsonPath", "needs accept application/json or application/cbor");
    }
    boolean observe = CoapProtocolConfig.bool(fields, "observe");
    Optional<Duration> maxAge =
        fields.integer("maxAge", 1, 7L * 24 * 3600 * 1000).map(Duration::ofMillis);
    DataType rawType = property.type();
    try {
      rawType = fields.text("rawType").map(DataType::parse).orElse(property.type());
    } catch (IllegalArgumentException e) {
      fields.error("rawType", e.getMessage());
    }
    if (method == WriteMethod.DELETE && rawType != DataType.BOOL) {
      fields.error("method", "DELETE suits a bool trigger property (write true to delete)");
    }
    if (accept == PayloadFormat.OCTETS && rawType != DataType.BYTES) {
      fields.error("accept", "application/octet-stream needs raw type bytes");
    }
    BytesEncoding bytesEncoding = BytesEncoding.BASE64;
    try {
      bytesEncoding =
          fields.text("bytesEncoding").map(BytesEncoding::parse).orElse(BytesEncoding.BASE64);
    } catch (IllegalArgumentException e) {
      fields.error("bytesEncoding", e.getMessage());
    }
    Transform transform = transform(fields);
    if (errors.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new CoapPoint(
            path,
            method,
            accept,
            contentFormat,
            jsonPath,
            observe,
            maxAge,
            rawType,
            transform,
            bytesEncoding,
            property.writable()));
  }

  private static String path(ConfigFields fields) {
    Optional<String> text = fields.text("path");
    if (text.isEmpty()) {
      if (!fields.has("path")) {
        fields.error("path", "required: the resource path, e.g. /sensors/temperature");
      }
      return "/";
    }
    String path = text.get();
    if (!path.startsWith("/")
        || path.length() > MAX_PATH_LENGTH
        || path.contains("#")
        || path.contains("//")
        || path.chars().anyMatch(c -> c < 0x21 || c == 0x7F)) {
      fields.error(
          "path",
          "must start with /, hold no spaces, control characters, '#' or '//', and be at most "
              + MAX_PATH_LENGTH
              + " characters");
    }
    return path;
  }

  private static PayloadFormat format(ConfigFields fields, String key, PayloadFormat fallback) {
    Object value = fields.present(key);
    if (value == null) {
      return fallback;
    }
    try {
      return PayloadFormat.parse(value);
    } catch (IllegalArgumentException e) {
      fields.error(key, e.getMessage());
      return fallback;
    }
  }

  /** Each key is checked alone (its own field path), then together (min above max). */
  private static Transform transform(ConfigFields fields) {
    Map<String, Object> config = new HashMap<>();
    for (String key : TRANSFORM_KEYS) {
      Object value = fields.present(key);
      if (value == null) {
        continue;
      }
      try {
        Transform.fromConfig(Map.of(key, value));
        config.put(key, value);
      } catch (IllegalArgumentException e) {
        fields.error(key, e.getMessage());
      }
    }
    try {
      return Transform.fromConfig(config);
    } catch (IllegalArgumentException e) {
      fields.error(config.containsKey("min") ? "min" : "max", e.getMessage());
      return Transform.IDENTITY;
    }
  }
}
