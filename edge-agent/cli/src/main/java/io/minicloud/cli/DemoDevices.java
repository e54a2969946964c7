package io.minicloud.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The demo's simulated field device: the tether-bridge serves a simulated Modbus TCP climate
 * controller on loopback and reads it through the device file {@code
 * docs/examples/devices/demo-climate.yaml} (the same file a real device would use), so live values
 * appear on MQTT and over REST at once.
 */
final class DemoDevices {
  static final int MODBUS_PORT = 15020;
  static final String DEVICE = "demo-climate";
  static final Path EXAMPLE = Path.of("docs", "examples", "devices", "demo-climate.yaml");

  private DemoDevices() {}

  /** Whether the bridge runs in this demo. */
  static boolean needed(List<Agent> agents) {
    return agents.stream().anyMatch(a -> a.name().equals("tether-bridge"));
  }

  static Path devicesDir(DemoLayout layout) {
    return layout.dir().resolve("devices");
  }

  /** Copies the example device file into the demo's device directory. */
  static void install(DemoLayout layout) throws IOException {
    Path dir = devicesDir(layout);
    Files.createDirectories(dir);
    Files.copy(
        layout.repoRoot().resolve(EXAMPLE),
        dir.resolve(EXAMPLE.getFileName()),
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** Demo-only settings of an agent, as {@code -D} options. */
  static List<String> settings(Agent agent, DemoLayout layout) {
    if (!agent.name().equals("tether-bridge")) {
      return List.of();
    }
    return List.of(
        "-Dminicloud.tether-bridge.devices-dir=" + devicesDir(layout).toAbsolutePath(),
        "-Dminicloud.tether-bridge.demo-modbus-port=" + MODBUS_PORT);
  }

  /** What to try once the bridge is up. */
  static List<String> hints(List<Agent> running) {
    if (!needed(running)) {
      return List.of();
    }
    return List.of(
        "  device " + DEVICE + " (simulated Modbus TCP on 127.0.0.1:" + MODBUS_PORT + "):",
        "    curl -s http://127.0.0.1:9102/api/v1/devices/" + DEVICE,
        "    mosquitto_sub -h 127.0.0.1 -p 1883 -i demo-sub -t 'minicloud/v1/#' -v",
        "    curl -s -X PUT -H 'Content-Type: application/json' -d '{\"value\": 23.5}' "
            + "http://127.0.0.1:9102/api/v1/devices/"
            + DEVICE
            + "/properties/setpoint");
  }
}
