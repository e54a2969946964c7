package io.minicloud.mapper.tether.config;

import io.minicloud.mapper.api.ConfigException.FieldError;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.PointBinding;
import io.minicloud.mapper.api.PropertySpec;
import io.minicloud.mapper.api.Transform;
import io.minicloud.mapper.api.config.ConfigFields;
import io.minicloud.mapper.tether.PinSetup;
import io.minicloud.mapper.tether.codec.PinMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One property's pin ({@code visitors.configData}): {@code pin} (2..19, or {@code D2}..{@code D13},
 * {@code A0}..{@code A5}), {@code mode}, {@code safeValue} (required for outputs, refused for
 * inputs), and for analog inputs the transform keys {@code scale}, {@code offset}, {@code min},
 * {@code max}.
 */
public record TetherPointConfig(String property, PinSetup pin, PointBinding binding) {
  private static final List<String> TRANSFORM_KEYS = List.of("scale", "offset", "min", "max");
  private static final Set<String> KNOWN =
      Set.of("pin", "mode", "safeValue", "scale", "offset", "min", "max");

  public boolean output() {
    return pin.mode().output();
  }

  public static Optional<TetherPointConfig> bind(PropertySpec property, List<FieldError> errors) {
    int before = errors.size();
    ConfigFields f =
        new ConfigFields(
            new LinkedHashMap<String, Object>(property.visitorConfig()), property::field, errors);
    f.rejectUnknown(KNOWN);
    Optional<Integer> pin = f.parsed("pin", TetherPointConfig::parsePin);
    if (pin.isEmpty() && !f.has("pin")) {
      f.error("pin", "missing: 2..19, D2..D13 or A0..A5");
    }
    Optional<PinMode> mode = f.parsed("mode", PinMode::parse);
    if (mode.isEmpty() && !f.has("mode")) {
      f.error("mode", "missing: digital-in, digital-in-pullup, digital-out or analog-in");
    }
    int safe = 0;
    if (mode.isPresent()) {
      PinMode m = mode.get();
      Optional<Integer> safeValue = f.parsed("safeValue", TetherPointConfig::parseLevel);
      if (m.output() && safeValue.isEmpty() && !f.has("safeValue")) {
        f.error(
            "safeValue",
            "missing: an output needs the level the MCU falls back to when the host is silent");
      } else if (!m.output() && f.has("safeValue")) {
        f.error("safeValue", "applies to digital-out pins only, not " + m.configName());
      }
      safe = safeValue.orElse(0);
      if (property.writable() && !m.output()) {
        f.error("mode", "a ReadWrite property needs mode digital-out, not " + m.configName());
      }
      if (m == PinMode.ANALOG_IN && pin.isPresent() && pin.get() < 14) {
        f.error("pin", "analog-in needs A0..A5 (14..19), not " + pin.get());
      }
      if (m != PinMode.ANALOG_IN && property.type() != DataType.BOOL) {
        f.error("mode", m.configName() + " pins are booleans; the property is " + property.type());
      }
    }
    Transform transform = transform(f, mode.orElse(null));
    if (errors.size() > before) {
      return Optional.empty();
    }
    DataType raw = mode.get() == PinMode.ANALOG_IN ? DataType.UINT16 : DataType.BOOL;
    return Optional.of(
        new TetherPointConfig(
            property.name(),
            new PinSetup(pin.get(), mode.get(), safe),
            new PointBinding(raw, transform)));
  }

  private static Transform transform(ConfigFields f, PinMode mode) {
    Map<String, Object> keys = new LinkedHashMap<>();
    for (String key : TRANSFORM_KEYS) {
      if (f.has(key)) {
        if (mode != PinMode.ANALOG_IN) {
          f.error(key, "transforms apply to analog-in pins only");
        } else {
          keys.put(key, f.present(key));
        }
      }
    }
    try {
      return Transform.fromConfig(keys);
    } catch (IllegalArgumentException e) {
      f.error(keys.keySet().iterator().next(), e.getMessage());
      return Transform.IDENTITY;
    }
  }

  static int parsePin(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    int pin;
    try {
      if (t.startsWith("A")) {
        pin = 14 + Integer.parseInt(t.substring(1));
        if (pin > 19) {
          throw new IllegalArgumentException("'" + text + "': the Uno has A0..A5");
        }
      } else {
        pin = Integer.parseInt(t.startsWith("D") ? t.substring(1) : t);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a pin: 2..19, D2..D13 or A0..A5");
    }
    if (pin < 2 || pin > 19) {
      throw new IllegalArgumentException(
          "pin " + text + " is outside 2..19 (0 and 1 carry the MCU's UART)");
    }
    return pin;
  }

  static int parseLevel(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "0", "false", "low" -> 0;
      case "1", "true", "high" -> 1;
      default ->
          throw new IllegalArgumentException("'" + text + "' is not a level: 0, 1, low or high");
    };
  }
}
