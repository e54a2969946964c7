package io.minicloud.tetherbridge.runtime;

import io.minicloud.tetherbridge.devices.DeviceFileReader;
import io.minicloud.tetherbridge.devices.DeviceSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes KubeEdge device files for the fake plugin and reads them back as a {@link DeviceSet}. */
final class DeviceFiles {
  static final String MODEL =
      """
      apiVersion: devices.kubeedge.io/v1beta1
      kind: DeviceModel
      metadata:
        name: fake-model
      spec:
        protocol: fake
        properties:
          - name: temperature
            type: FLOAT
            accessMode: ReadOnly
          - name: setpoint
            type: INT
            accessMode: ReadWrite
            minimum: "0"
            maximum: "100"
      """;

  private DeviceFiles() {}

  /** A device on {@code bus} as unit {@code unit}, both properties read every {@code collectMs}. */
  static String device(String name, String bus, int unit, long collectMs, String extraVisitor) {
    return device(name, bus, unit, collectMs, extraVisitor, 1);
  }

  /** The same, on a link that allows {@code connections} connections at once. */
  static String device(
      String name, String bus, int unit, long collectMs, String extraVisitor, int connections) {
    long ns = collectMs * 1_000_000L;
    return """
        ---
        apiVersion: devices.kubeedge.io/v1beta1
        kind: Device
        metadata:
          name: %s
        spec:
          deviceModelRef:
            name: fake-model
          protocol:
            protocolName: fake
            configData:
              bus: %s
              unit: %d
              timeoutMs: 100
              connections: %d
          properties:
            - name: temperature
              collectCycle: %d
              visitors:
                protocolName: fake
                configData:
                  key: t
                  %s
            - name: setpoint
              collectCycle: %d
              visitors:
                protocolName: fake
                configData:
                  key: sp
        """
        .formatted(name, bus, unit, connections, ns, extraVisitor, ns);
  }

  static DeviceSet read(Path dir, String yaml) throws Exception {
    Files.createDirectories(dir);
    Path file = dir.resolve("devices.yaml");
    Files.writeString(file, yaml);
    return new DeviceFileReader().read(file);
  }

  static void write(Path file, String yaml) throws IOException {
    Files.writeString(file, yaml);
  }
}
