package io.minicloud.mapper.modbus;

import io.minicloud.mapper.api.ConfigException;
import io.minicloud.mapper.api.ConfigException.FieldError;
import io.minicloud.mapper.api.DeviceDriver;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.MapperPlugin;
import io.minicloud.mapper.api.PropertySpec;
import io.minicloud.mapper.modbus.config.ModbusPointConfig;
import io.minicloud.mapper.modbus.config.ModbusProtocolConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Modbus TCP, RTU over serial and RTU over TCP, as KubeEdge's {@code modbus} protocol. */
public final class ModbusPlugin implements MapperPlugin {

  @Override
  public String protocol() {
    return "modbus";
  }

  @Override
  public DeviceDriver bind(DeviceSpec device) throws ConfigException {
    List<FieldError> errors = new ArrayList<>();
    ModbusProtocolConfig protocol = ModbusProtocolConfig.bind(device.protocolConfig(), errors);
    Map<String, ModbusPointConfig> points = new LinkedHashMap<>();
    for (PropertySpec property : device.properties()) {
      ModbusPointConfig.bind(property, protocol, errors)
          .ifPresent(point -> points.put(property.name(), point));
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    return new ModbusDriver(protocol, points);
  }
}
