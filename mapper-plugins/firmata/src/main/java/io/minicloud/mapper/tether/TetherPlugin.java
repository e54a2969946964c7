package io.minicloud.mapper.tether;

import io.minicloud.mapper.api.ConfigException;
import io.minicloud.mapper.api.ConfigException.FieldError;
import io.minicloud.mapper.api.DeviceDriver;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.MapperPlugin;
import io.minicloud.mapper.api.PropertySpec;
import io.minicloud.mapper.tether.config.TetherDeviceConfig;
import io.minicloud.mapper.tether.config.TetherPointConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Microcontrollers we flash with the tether v1 firmware (docs/api/tether-v1.md): framed, checked,
 * acknowledged serial I/O with a fail-safe on the MCU.
 */
public final class TetherPlugin implements MapperPlugin {

  @Override
  public String protocol() {
    return "tether-v1";
  }

  @Override
  public DeviceDriver bind(DeviceSpec device) throws ConfigException {
    List<FieldError> errors = new ArrayList<>();
    TetherDeviceConfig config = TetherDeviceConfig.bind(device.protocolConfig(), errors);
    Map<String, TetherPointConfig> points = new LinkedHashMap<>();
    Map<Integer, String> byPin = new HashMap<>();
    for (PropertySpec property : device.properties()) {
      TetherPointConfig.bind(property, errors)
          .ifPresent(
              point -> {
                String other = byPin.putIfAbsent(point.pin().pin(), property.name());
                if (other != null) {
                  errors.add(
                      new FieldError(
                          property.field("pin"),
                          "pin " + point.pin().pin() + " is already used by property " + other));
                } else {
                  points.put(property.name(), point);
                }
              });
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    return new TetherDriver(device.name(), config, points);
  }
}
