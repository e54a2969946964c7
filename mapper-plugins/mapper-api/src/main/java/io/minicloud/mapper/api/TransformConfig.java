package io.minicloud.mapper.api;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Binds a property's visitor config (an untyped map from the device model) into a {@link
 * Transform}.
 */
final class TransformConfig {

  private TransformConfig() {}

  /**
   * Binds a visitor config: {@code scale}, {@code offset}, {@code mask} (a number, or a string such
   * as {@code "0x0F00"}), {@code shift}, {@code min}, {@code max}, {@code enum} (a map from raw
   * code to label) and {@code base}. Unknown keys are ignored: they belong to the plugin.
   *
   * @throws IllegalArgumentException naming the field and the reason
   */
  static Transform bind(Map<String, ?> config) {
    Objects.requireNonNull(config, "config");
    Map<Long, String> labels = new LinkedHashMap<>();
    if (config.get("enum") instanceof Map<?, ?> map) {
      map.forEach((code, label) -> labels.put(toLong("enum", code), String.valueOf(label)));
    } else if (config.get("enum") != null) {
      throw new IllegalArgumentException("enum: expected a map from raw code to label");
    }
    try {
      return new Transform(
          toDouble("scale", config.get("scale"), 1),
          toDouble("offset", config.get("offset"), 0),
          config.get("mask") == null
              ? OptionalLong.empty()
              : OptionalLong.of(toLong("mask", config.get("mask"))),
          config.get("shift") == null ? 0 : (int) toLong("shift", config.get("shift")),
          config.get("min") == null
              ? OptionalDouble.empty()
              : OptionalDouble.of(toDouble("min", config.get("min"), 0)),
          config.get("max") == null
              ? OptionalDouble.empty()
              : OptionalDouble.of(toDouble("max", config.get("max"), 0)),
          labels,
          config.get("base") == null ? 10 : (int) toLong("base", config.get("base")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid transform: " + e.getMessage(), e);
    }
  }

  private static double toDouble(String field, Object value, double fallback) {
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + ": '" + value + "' is not a number", e);
    }
  }

  private static long toLong(String field, Object value) {
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
    try {
      return text.startsWith("0x")
          ? Long.parseUnsignedLong(text.substring(2), 16)
          : Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + ": '" + value + "' is not an integer", e);
    }
  }
}
