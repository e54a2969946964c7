package io.minicloud.mapper.firmata;

import io.minicloud.mapper.api.ConfigException;
import io.minicloud.mapper.api.ConfigException.FieldError;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.PropertySpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A whole board, bound: its protocol config and every property's point. */
public record FirmataDeviceConfig(
    String device, FirmataProtocolConfig protocol, Map<String, FirmataPoint> points) {

  public FirmataDeviceConfig {
    points = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(points));
  }

  /**
   * @throws ConfigException listing every invalid field of the device at once
   */
  public static FirmataDeviceConfig bind(DeviceSpec spec) throws ConfigException {
    List<FieldError> errors = new ArrayList<>();
    Optional<FirmataProtocolConfig> protocol =
        FirmataProtocolConfig.bind(spec.protocolConfig(), errors);
    Map<String, FirmataPoint> points = new LinkedHashMap<>();
    for (PropertySpec property : spec.properties()) {
      FirmataPointConfig.bind(property, errors).ifPresent(p -> points.put(property.name(), p));
    }
    if (spec.properties().isEmpty()) {
      errors.add(new FieldError("properties", "a board needs at least one property"));
    }
    rejectSharedPins(spec, points, errors);
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    return new FirmataDeviceConfig(spec.name(), protocol.orElseThrow(), points);
  }

  /** One pin has one mode: two properties on it would fight over it at every attach. */
  private static void rejectSharedPins(
      DeviceSpec spec, Map<String, FirmataPoint> points, List<FieldError> errors) {
    Map<String, String> owners = new HashMap<>();
    for (FirmataPoint point : points.values()) {
      if (point.i2c().isPresent()) {
        continue; // many registers of many I2C devices share SDA/SCL by design
      }
      String owner = owners.putIfAbsent(point.where(), point.property());
      if (owner != null) {
        PropertySpec property = spec.property(point.property()).orElseThrow();
        errors.add(
            new FieldError(
                property.field(point.pin().isPresent() ? "pin" : "analogChannel"),
                point.where() + " is already used by property " + owner));
      }
    }
  }
}
