package io.minicloud.mapper.coap;

import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.PropertySpec;
import java.util.List;
import java.util.Map;

/** Device specs for tests, spelled like the device files. */
public final class Devices {
  private Devices() {}

  public static PropertySpec property(String name, String type, Map<String, Object> visitor) {
    return new PropertySpec(name, DataType.parse(type), false, visitor);
  }

  public static PropertySpec writable(String name, String type, Map<String, Object> visitor) {
    return new PropertySpec(name, DataType.parse(type), true, visitor);
  }

  public static DeviceSpec device(
      String name, Map<String, Object> protocol, PropertySpec... properties) {
    return new DeviceSpec(name, protocol, List.of(properties));
  }
}
