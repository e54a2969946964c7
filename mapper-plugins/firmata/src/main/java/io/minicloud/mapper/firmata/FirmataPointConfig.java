package io.minicloud.mapper.firmata;

import io.minicloud.mapper.api.ConfigException.FieldError;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.PointBinding;
import io.minicloud.mapper.api.PropertySpec;
import io.minicloud.mapper.api.Transform;
import io.minicloud.mapper.api.config.ConfigFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/** Binds a property's {@code visitors.configData} into a {@link FirmataPoint}. */
final class FirmataPointConfig {
  static final List<String> TRANSFORM_KEYS =
      List.of("scale", "offset", "mask", "shift", "min", "max", "enum", "base");
  static final Set<String> KEYS = new LinkedHashSet<>();

  static {
    KEYS.addAll(
        List.of(
            "pin",
            "analogChannel",
            "mode",
            "i2cAddress",
            "register",
            "length",
            "byteOrder",
            "initialValue",
            "safeValue"));
    KEYS.addAll(TRANSFORM_KEYS);
  }

  private FirmataPointConfig() {}

  /** Binds one property, adding every problem to {@code errors}; empty when there were any. */
  static Optional<FirmataPoint> bind(PropertySpec property, List<FieldError> errors) {
    int before = errors.size();
    ConfigFields fields = new ConfigFields(property.visitorConfig(), property::field, errors);
    fields.rejectUnknown(KEYS);
    List<String> modes = new ArrayList<>(PointMode.names());
    modes.add("PULLUP");
    Optional<PointMode> mode =
        fields
            .choice("mode", modes)
            .map(m -> m.equals("PULLUP") ? PointMode.INPUT_PULLUP : PointMode.valueOf(m));
    if (!fields.has("mode")) {
      fields.error("mode", "required: one of " + String.join(", ", PointMode.names()));
    }
    OptionalInt pin = optionalInt(fields.integer("pin", 0, 127));
    OptionalInt channel = optionalInt(fields.integer("analogChannel", 0, 15));
    Optional<I2cRegister> i2c = Optional.empty();
    if (mode.isPresent()) {
      address(fields, mode.get(), pin, channel);
      i2c = i2c(fields, mode.get());
      checkTypes(fields, property, mode.get());
    }
    OptionalLong initial = outputValue(fields, mode, "initialValue");
    OptionalLong safe = outputValue(fields, mode, "safeValue");
    Transform transform = transform(fields, mode);
    if (errors.size() > before) {
      return Optional.empty();
    }
    DataType rawType = mode.get().rawType();
    return Optional.of(
        new FirmataPoint(
            property.name(),
            mode.get(),
            pin,
            channel,
            i2c,
            initial,
            safe,
            new PointBinding(rawType, transform)));
  }

  private static void address(
      ConfigFields fields, PointMode mode, OptionalInt pin, OptionalInt channel) {
    if (mode == PointMode.I2C) {
      for (String key : List.of("pin", "analogChannel")) {
        if (fields.has(key)) {
          fields.error(key, "mode I2C uses the board's SDA/SCL pins: give i2cAddress instead");
        }
      }
    } else if (mode == PointMode.ANALOG) {
      if (fields.has("pin") == fields.has("analogChannel")) {
        fields.error("pin", "mode ANALOG needs either pin (e.g. 14) or analogChannel (e.g. 0)");
      }
    } else {
      if (!fields.has("pin")) {
        fields.error("pin", "required for mode " + mode + ": the Arduino pin number, e.g. 13");
      }
      if (fields.has("analogChannel")) {
        fields.error("analogChannel", "only mode ANALOG reads a channel; use pin for " + mode);
      }
    }
    if (mode != PointMode.I2C) {
      for (String key : List.of("i2cAddress", "register", "length", "byteOrder")) {
        if (fields.has(key)) {
          fields.error(key, "only mode I2C has " + key);
        }
      }
    }
  }

  private static Optional<I2cRegister> i2c(ConfigFields fields, PointMode mode) {
    if (mode != PointMode.I2C) {
      return Optional.empty();
    }
    Optional<Long> address = fields.integer("i2cAddress", 0, 0x3FF);
    if (!fields.has("i2cAddress")) {
      fields.error("i2cAddress", "required for mode I2C: the slave address, e.g. 0x48");
    }
    OptionalInt register = optionalInt(fields.integer("register", 0, 0x3FFF));
    int length = fields.integer("length", 1, 7).orElse(1L).intValue();
    String order = fields.choice("byteOrder", List.of("BIG", "LITTLE")).orElse("BIG");
    return address.map(a -> new I2cRegister(a.intValue(), register, length, order.equals("BIG")));
  }

  private static void checkTypes(ConfigFields fields, PropertySpec property, PointMode mode) {
    if (property.writable() && !mode.output()) {
      fields.error(
          "mode",
          "mode "
              + mode
              + " is read-only, but property "
              + property.name()
              + " is ReadWrite: writable modes are OUTPUT, PWM, SERVO, I2C");
    }
    if (mode.digital() && property.type() != DataType.BOOL) {
      fields.error(
          "mode",
          "mode "
              + mode
              + " is a digital pin: the property's type must be boolean, not "
              + property.type().name().toLowerCase(java.util.Locale.ROOT));
    } else if (!mode.digital() && !property.type().numeric()) {
      fields.error(
          "mode",
          "mode "
              + mode
              + " gives numbers: the property's type must be numeric, not "
              + property.type().name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  /** {@code initialValue} or {@code safeValue}: a raw output value (a level, a duty, an angle). */
  private static OptionalLong outputValue(
      ConfigFields fields, Optional<PointMode> mode, String key) {
    Object value = fields.present(key);
    if (value == null || mode.isEmpty()) {
      return OptionalLong.empty();
    }
    if (!mode.get().output() || mode.get() == PointMode.I2C) {
      fields.error(key, "only outputs (OUTPUT, PWM, SERVO) have an " + key);
      return OptionalLong.empty();
    }
    if (mode.get() == PointMode.OUTPUT) {
      if (value instanceof Boolean b) {
        return OptionalLong.of(b ? 1 : 0);
      }
      return optionalLong(fields.integer(key, 0, 1));
    }
    return optionalLong(fields.integer(key, 0, 0x0FFF_FFFF));
  }

  /** Transform keys bound one at a time so each error names its own field. */
  private static Transform transform(ConfigFields fields, Optional<PointMode> mode) {
    Map<String, Object> config = new HashMap<>();
    boolean valid = true;
    for (String key : TRANSFORM_KEYS) {
      Object value = fields.present(key);
      if (value == null) {
        valid &= !fields.has(key);
        continue;
      }
      if (mode.isPresent() && mode.get().digital()) {
        fields.error(key, "a digital pin is a boolean: transforms apply to numeric modes");
        valid = false;
        continue;
      }
      try {
        Transform.fromConfig(Map.of(key, value));
        config.put(key, value);
      } catch (IllegalArgumentException e) {
        fields.error(key, e.getMessage());
        valid = false;
      }
    }
    if (!valid) {
      return Transform.IDENTITY;
    }
    try {
      return Transform.fromConfig(config);
    } catch (IllegalArgumentException e) {
      fields.error(config.containsKey("min") ? "min" : "max", e.getMessage());
      return Transform.IDENTITY;
    }
  }

  private static OptionalInt optionalInt(Optional<Long> value) {
    return value.map(v -> OptionalInt.of(v.intValue())).orElse(OptionalInt.empty());
  }

  private static OptionalLong optionalLong(Optional<Long> value) {
    return value.map(OptionalLong::of).orElse(OptionalLong.empty());
  }
}
