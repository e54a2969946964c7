package io.minicloud.mapper.api.config;

import io.minicloud.mapper.api.ConfigException.FieldError;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads typed settings out of one untyped config map (a KubeEdge {@code configData}), collecting
 * every error with its field path instead of stopping at the first. Shared by the plugins that bind
 * {@code configData} the same way (MQTT devices, CoAP).
 */
public final class ConfigFields {
  private final Map<String, Object> values;
  private final Function<String, String> fieldPath;
  private final List<FieldError> errors;

  public ConfigFields(
      Map<String, Object> values, Function<String, String> fieldPath, List<FieldError> errors) {
    this.values = values;
    this.fieldPath = fieldPath;
    this.errors = errors;
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public void error(String key, String reason) {
    errors.add(new FieldError(fieldPath.apply(key), reason));
  }

  /** A non-blank string. Numbers are refused: {@code password: 0123} would lose its zero. */
  public Optional<String> text(String key) {
    Object value = present(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String s) || s.isBlank()) {
      error(key, "expected a non-empty string");
      return Optional.empty();
    }
    return Optional.of(s);
  }

  /**
   * One of {@code choices} (upper case; matched case-insensitively), as its upper-case spelling.
   */
  public Optional<String> choice(String key, List<String> choices) {
    Optional<String> text = text(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String upper = text.get().trim().toUpperCase(Locale.ROOT);
    if (!choices.contains(upper)) {
      error(key, "'" + text.get() + "' is not one of " + String.join(", ", choices));
      return Optional.empty();
    }
    return Optional.of(upper);
  }

  /**
   * A whole number in {@code [min, max]}, written as a number or a numeric string, decimal or hex
   * ({@code "0x48"}, as datasheets give I2C addresses and registers).
   */
  public Optional<Long> integer(String key, long min, long max) {
    Object value = present(key);
    if (value == null) {
      return Optional.empty();
    }
    long number;
    try {
      if (value instanceof Number n) {
        if (n.doubleValue() != Math.rint(n.doubleValue())) {
          throw new NumberFormatException();
        }
        number = n.longValue();
      } else if (value instanceof String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        number = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
      } else {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      error(key, "expected a whole number, got '" + value + "'");
      return Optional.empty();
    }
    if (number < min || number > max) {
      error(key, number + " is outside " + min + ".." + max);
      return Optional.empty();
    }
    return Optional.of(number);
  }

  /**
   * A single value (string, number or boolean, as YAML gives it) turned into {@code T} by {@code
   * parser}, whose IllegalArgumentException message becomes the field's error: pins written as
   * {@code 13} or {@code A0}, modes, levels.
   */
  public <T> Optional<T> parsed(String key, Function<String, T> parser) {
    Object value = present(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
      error(key, "expected a single value");
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(value.toString().trim()));
    } catch (IllegalArgumentException e) {
      error(key, e.getMessage());
      return Optional.empty();
    }
  }

  /** A path to a regular file that exists and is readable now (it is read again on connect). */
  public Optional<Path> readableFile(String key) {
    Optional<String> text = text(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      Path path = Path.of(text.get());
      if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
        error(key, "no readable file at " + path);
        return Optional.empty();
      }
      return Optional.of(path);
    } catch (InvalidPathException e) {
      error(key, "not a file path: " + e.getReason());
      return Optional.empty();
    }
  }

  /** The value, or null when absent; an explicit null is an error ({@code scale:} left empty). */
  public Object present(String key) {
    if (!values.containsKey(key)) {
      return null;
    }
    Object value = values.get(key);
    if (value == null) {
      error(key, "has no value");
    }
    return value;
  }

  /** Reports every key that is not in {@code known}, listing what is. */
  public void rejectUnknown(Set<String> known) {
    for (String key : values.keySet()) {
      if (!known.contains(key)) {
        error(
            key,
            "unknown setting; known settings are " + String.join(", ", new LinkedHashSet<>(known)));
      }
    }
  }
}
