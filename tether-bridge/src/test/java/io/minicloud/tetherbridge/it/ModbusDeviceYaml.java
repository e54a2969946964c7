package io.minicloud.tetherbridge.it;

import io.minicloud.tetherbridge.devices.DeviceFileException;
import io.minicloud.tetherbridge.devices.DeviceFileReader;
import io.minicloud.tetherbridge.devices.DeviceSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes real KubeEdge v1beta1 device files (protocol {@code modbus}) the way an operator would,
 * and reads them back through the bridge's own {@link DeviceFileReader}. Config maps are YAML flow
 * mappings exactly as mapper-plugins/modbus/README.md spells them, so a test reads like the file.
 */
public final class ModbusDeviceYaml {
  private final List<String> documents = new ArrayList<>();

  /** One property of a Device: its read period and its {@code visitors.configData}. */
  public record Property(String name, long collectMillis, String visitorConfig) {}

  public static Property property(String name, long collectMillis, String visitorConfig) {
    return new Property(name, collectMillis, visitorConfig);
  }

  /**
   * A DeviceModel.
   *
   * @param properties flow mappings, {@code {name: temperature, type: FLOAT, accessMode: ReadOnly}}
   */
  public ModbusDeviceYaml model(String name, String... properties) {
    StringBuilder yaml =
        new StringBuilder(
            """
            apiVersion: devices.kubeedge.io/v1beta1
            kind: DeviceModel
            metadata:
              name: %s
            spec:
              protocol: modbus
              properties:
            """
                .formatted(name));
    for (String p : properties) {
      yaml.append("    - ").append(p).append('\n');
    }
    documents.add(yaml.toString());
    return this;
  }

  /**
   * A Device.
   *
   * @param protocolConfig {@code spec.protocol.configData} as a flow mapping, {@code {ip:
   *     127.0.0.1, port: 5020, slaveID: 1}}
   */
  public ModbusDeviceYaml device(
      String name, String model, String protocolConfig, Property... properties) {
    StringBuilder yaml =
        new StringBuilder(
            """
            apiVersion: devices.kubeedge.io/v1beta1
            kind: Device
            metadata:
              name: %s
            spec:
              deviceModelRef:
                name: %s
              protocol:
                protocolName: modbus
                configData: %s
              properties:
            """
                .formatted(name, model, protocolConfig));
    for (Property p : properties) {
      // KubeEdge's collectCycle is a Go time.Duration: nanoseconds
      yaml.append(
          """
              - name: %s
                collectCycle: %d
                visitors:
                  protocolName: modbus
                  configData: %s
          """
              .formatted(p.name(), p.collectMillis() * 1_000_000L, p.visitorConfig()));
    }
    documents.add(yaml.toString());
    return this;
  }

  public String yaml() {
    return String.join("---\n", documents);
  }

  /** Writes {@code file} and reads it back as the bridge does. */
  public DeviceSet writeAndRead(Path file) throws IOException, DeviceFileException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml());
    return new DeviceFileReader().read(file);
  }
}
