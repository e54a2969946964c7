package io.minicloud.mapper.firmata;

import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.PropertySpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Device specs for tests, spelled like the Device file would be. */
final class Devices {
  private Devices() {}

  static PropertySpec property(String name, DataType type, boolean writable, Object... visitor) {
    Map<String, Object> config = new LinkedHashMap<>();
    for (int i = 0; i < visitor.length; i += 2) {
      config.put((String) visitor[i], visitor[i + 1]);
    }
    return new PropertySpec(name, type, writable, config);
  }

  /** The demo board: LED on 13, A0, a button on 2, PWM on 9. */
  static DeviceSpec demo(String port, Object... protocol) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("port", port);
    for (int i = 0; i < protocol.length; i += 2) {
      config.put((String) protocol[i], protocol[i + 1]);
    }
    return new DeviceSpec(
        "board-1",
        config,
        List.of(
            property("led", DataType.BOOL, true, "pin", 13, "mode", "OUTPUT"),
            property("a0", DataType.INT32, false, "analogChannel", 0, "mode", "ANALOG"),
            property("button", DataType.BOOL, false, "pin", 2, "mode", "INPUT"),
            property("dimmer", DataType.INT32, true, "pin", 9, "mode", "PWM")));
  }
}
