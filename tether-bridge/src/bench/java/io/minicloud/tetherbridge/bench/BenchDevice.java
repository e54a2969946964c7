package io.minicloud.tetherbridge.bench;

import io.minicloud.tetherbridge.devices.DeviceFileReader;
import io.minicloud.tetherbridge.devices.DeviceSet;
import io.minicloud.tetherbridge.runtime.BoundDevice;
import io.minicloud.tetherbridge.runtime.DeviceBinder;
import io.minicloud.tetherbridge.runtime.PluginRegistry;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bench's device: the demo climate controller (docs/examples/devices/demo-climate.yaml) on a
 * free port, temperature and humidity read every {@code collectMillis} and every reading reported
 * (periodic, 1 ms period), so each poll becomes telemetry messages.
 */
final class BenchDevice {
  static final String NAME = "bench-climate";

  private BenchDevice() {}

  static String yaml(int port, long collectMillis) {
    long ns = collectMillis * 1_000_000L;
    return """
    apiVersion: devices.kubeedge.io/v1beta1
    kind: DeviceModel
    metadata:
      name: climate-controller
    spec:
      protocol: modbus
      properties:
        - name: temperature
          type: FLOAT
          accessMode: ReadOnly
          minimum: "-40"
          maximum: "125"
          unit: "°C"
        - name: humidity
          type: FLOAT
          accessMode: ReadOnly
          minimum: "0"
          maximum: "100"
          unit: "%%"
    ---
    apiVersion: devices.kubeedge.io/v1beta1
    kind: Device
    metadata:
      name: %s
    spec:
      deviceModelRef:
        name: climate-controller
      protocol:
        protocolName: modbus
        configData:
          host: 127.0.0.1
          port: %d
          slaveID: 1
      properties:
        - name: temperature
          collectCycle: %d
          visitors:
            protocolName: modbus
            configData:
              register: HoldingRegister
              offset: 0
              limit: 2
              report: {strategy: periodic, period: 1}
        - name: humidity
          collectCycle: %d
          visitors:
            protocolName: modbus
            configData:
              register: InputRegister
              offset: 0
              limit: 1
              rawType: uint16
              scale: 0.1
              report: {strategy: periodic, period: 1}
    """
        .formatted(NAME, port, ns, ns);
  }

  /** Writes the device file into {@code dir} and reads it back as the bridge does. */
  static DeviceSet write(Path dir, int port, long collectMillis) throws Exception {
    Files.createDirectories(dir);
    Path file = dir.resolve("bench-climate.yaml");
    Files.writeString(file, yaml(port, collectMillis));
    return new DeviceFileReader().read(file);
  }

  /**
   * The device bound by the real Modbus plugin but not started: the throughput producer hands its
   * property to the publisher, so payloads are the bridge's own telemetry JSON.
   */
  static BoundDevice bound(Path dir, PluginRegistry plugins) throws Exception {
    DeviceSet set = write(dir, 1502, 1000);
    return new DeviceBinder(plugins, 1000).bind(set).get(NAME);
  }
}
