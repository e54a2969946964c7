package io.minicloud.mapper.modbus;

import io.minicloud.mapper.api.ConfigException;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.PropertySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds devices for tests the way a KubeEdge Device document would describe them. */
final class ModbusDevices {
  private final Map<String, Object> protocol = new LinkedHashMap<>();
  private final List<PropertySpec> properties = new ArrayList<>();

  private ModbusDevices() {}

  static ModbusDevices tcp(String host, int port, int unit) {
    return new ModbusDevices().with("host", host).with("port", port).with("slaveID", unit);
  }

  static ModbusDevices rtu(String serialPort, int unit) {
    return new ModbusDevices()
        .with("serialPort", serialPort)
        .with("parity", "none")
        .with("slaveID", unit);
  }

  /** Sets a {@code protocol.configData} key. */
  ModbusDevices with(String key, Object value) {
    protocol.put(key, value);
    return this;
  }

  /** Adds a property; {@code visitor} alternates keys and values. */
  ModbusDevices property(String name, String type, boolean writable, Object... visitor) {
    Map<String, Object> config = new LinkedHashMap<>();
    for (int i = 0; i < visitor.length; i += 2) {
      config.put((String) visitor[i], visitor[i + 1]);
    }
    properties.add(new PropertySpec(name, DataType.parse(type), writable, config));
    return this;
  }

  DeviceSpec spec() {
    return new DeviceSpec("test-device", protocol, properties);
  }

  ModbusDriver bind() throws ConfigException {
    return (ModbusDriver) new ModbusPlugin().bind(spec());
  }
}
