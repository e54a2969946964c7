package io.minicloud.mapper.tether.config;

import io.minicloud.mapper.api.ConfigException.FieldError;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads one untyped config map (KubeEdge {@code configData}) field by field. Every problem is added
 * to a shared error list with its field path instead of being thrown, so one bind reports all of
 * them; a field with an error reads as absent, and the caller falls back to its default. (Each
 * plugin keeps its own copy, as mapper-modbus and mapper-mqtt do: plugins depend on mapper-api
 * only, and this is config binding, not SPI.)
 */
final class ConfigFields {
  private final Map<String, ?> values;
  private final Function<String, String> path;
  private final List<FieldError> errors;
  private final Set<String> known = new TreeSet<>();

  ConfigFields(Map<String, ?> values, Function<String, String> path, List<FieldError> errors) {
    this.values = values;
    this.path = path;
    this.errors = errors;
  }

  /** True when the key is set (non-null); marks it as a known key. */
  boolean has(String key) {
    known.add(key);
    return values.get(key) != null;
  }

  /** The raw value, or null. */
  Object raw(String key) {
    known.add(key);
    return values.get(key);
  }

  Optional<String> text(String key) {
    Object value = raw(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      error(key, "expected a single value, got " + value);
      return Optional.empty();
    }
    String text = value.toString().trim();
    if (text.isEmpty()) {
      error(key, "must not be empty");
      return Optional.empty();
    }
    return Optional.of(text);
  }

  /** An integer in {@code min..max}; numbers, numeric strings and {@code 0x} hex are accepted. */
  Optional<Integer> integer(String key, int min, int max) {
    Object value = raw(key);
    if (value == null) {
      return Optional.empty();
    }
    Long number = toLong(value);
    if (number == null) {
      error(key, "'" + value + "' is not an integer");
      return Optional.empty();
    }
    if (number < min || number > max) {
      error(key, number + " is outside " + min + ".." + max);
      return Optional.empty();
    }
    return Optional.of(number.intValue());
  }

  Optional<Boolean> bool(String key) {
    Object value = raw(key);
    if (value == null) {
      return Optional.empty();
    }
    String text = value.toString().trim().toLowerCase(Locale.ROOT);
    if (text.equals("true") || text.equals("false")) {
      return Optional.of(text.equals("true"));
    }
    error(key, "'" + value + "' is not true or false");
    return Optional.empty();
  }

  /** A value parsed by {@code parser}, whose IllegalArgumentException message becomes the error. */
  <T> Optional<T> parsed(String key, Function<String, T> parser) {
    Optional<String> text = text(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(text.get()));
    } catch (IllegalArgumentException e) {
      error(key, e.getMessage());
      return Optional.empty();
    }
  }

  void error(String key, String reason) {
    errors.add(new FieldError(path.apply(key), reason));
  }

  /** Marks keys read elsewhere (the transform's) as known. */
  void accept(String... keys) {
    known.addAll(List.of(keys));
  }

  /** Reports every key no reader asked for; call last. */
  void rejectUnknown() {
    for (String key : new TreeSet<>(values.keySet())) {
      if (!known.contains(key)) {
        error(key, "unknown setting; expected one of " + String.join(", ", known));
      }
    }
  }

  private static Long toLong(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    String text = value.toString().trim().toLowerCase(Locale.ROOT).replace("_", "");
    try {
      if (text.startsWith("0x")) {
        return Long.parseLong(text.substring(2), 16);
      }
      return new BigDecimal(text).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      return null; // the caller reports the value as not an integer, naming the field
    }
  }
}
