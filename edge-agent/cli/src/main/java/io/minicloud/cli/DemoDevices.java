package io.minicloud.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's simulated field devices, one of each kind the bridge speaks to: the tether-bridge
 * serves a Modbus TCP climate controller and a CoAP sensor on loopback and, where simavr is
 * installed, runs an Arduino Uno with the stock StandardFirmata in simavr; it reads them through
 * the device files in {@code docs/examples/devices/} (the same files real devices would use), so
 * live values appear on MQTT and over REST at once.
 */
final class DemoDevices {
  static final int MODBUS_PORT = 15020;
  static final int COAP_PORT = 15683;
  static final String DEVICE = "demo-climate";
  static final Path EXAMPLES = Path.of("docs", "examples", "devices");
  static final Path EXAMPLE = EXAMPLES.resolve("demo-climate.yaml");
  static final Path COAP_EXAMPLE = EXAMPLES.resolve("demo-coap-sensor.yaml");
  static final Path FIRMATA_EXAMPLE = EXAMPLES.resolve("demo-firmata-board.yaml");

  /** The placeholder the Firmata example has for its serial port. */
  static final String FIRMATA_PORT = "${FIRMATA_PORT}";

  private static final Path SIMAVR_HEADERS = Path.of("/usr/include/simavr/sim_avr.h");

  private DemoDevices() {}

  /** Whether the bridge runs in this demo. */
  static boolean needed(List<Agent> agents) {
    return agents.stream().anyMatch(a -> a.name().equals("tether-bridge"));
  }

  /** Whether the emulated Uno can be built here: simavr's development files and gcc. */
  static boolean boardAvailable(ExecutableLookup lookup) {
    return Files.isRegularFile(SIMAVR_HEADERS) && lookup.find("gcc").isPresent();
  }

  static Path devicesDir(DemoLayout layout) {
    return layout.dir().resolve("devices");
  }

  /** Where the bridge makes the emulated Uno's serial port appear. */
  static Path boardLink(DemoLayout layout) {
    return layout.dir().resolve("firmata-uno");
  }

  /**
   * Copies the example device files into the demo's device directory; the Firmata board's only
   * where it can run (a device that can never connect would only confuse).
   */
  static void install(DemoLayout layout, boolean board) throws IOException {
    Path dir = devicesDir(layout);
    Files.createDirectories(dir);
    Files.deleteIfExists(dir.resolve(FIRMATA_EXAMPLE.getFileName()));
    for (Path example : List.of(EXAMPLE, COAP_EXAMPLE)) {
      copy(layout, example, dir, null);
    }
    if (board) {
      copy(layout, FIRMATA_EXAMPLE, dir, boardLink(layout).toAbsolutePath().toString());
    }
  }

  private static void copy(DemoLayout layout, Path example, Path dir, String port)
      throws IOException {
    String text = Files.readString(layout.repoRoot().resolve(example));
    if (port != null) {
      text = text.replace(FIRMATA_PORT, port);
    }
    Files.writeString(dir.resolve(example.getFileName()), text);
  }

  /** Demo-only settings of an agent, as {@code -D} options. */
  static List<String> settings(Agent agent, DemoLayout layout, boolean board) {
    if (!agent.name().equals("tether-bridge")) {
      return List.of();
    }
    List<String> settings = new ArrayList<>();
    settings.add("-Dminicloud.tether-bridge.devices-dir=" + devicesDir(layout).toAbsolutePath());
    settings.add("-Dminicloud.tether-bridge.demo-modbus-port=" + MODBUS_PORT);
    settings.add("-Dminicloud.tether-bridge.demo-coap-port=" + COAP_PORT);
    if (board) {
      settings.add(
          "-Dminicloud.tether-bridge.demo-firmata-link=" + boardLink(layout).toAbsolutePath());
    }
    return settings;
  }

  /** What to try once the bridge is up. */
  static List<String> hints(List<Agent> running, boolean board) {
    if (!needed(running)) {
      return List.of();
    }
    String api = "http://127.0.0.1:9102/api/v1/devices/";
    List<String> hints = new ArrayList<>();
    hints.add("  device " + DEVICE + " (simulated Modbus TCP on 127.0.0.1:" + MODBUS_PORT + "):");
    hints.add("    curl -s " + api + DEVICE);
    hints.add("    mosquitto_sub -h 127.0.0.1 -p 1883 -i demo-sub -t 'minicloud/v1/#' -v");
    hints.add(
        "    curl -s -X PUT -H 'Content-Type: application/json' -d '{\"value\": 23.5}' "
            + api
            + DEVICE
            + "/properties/setpoint");
    hints.add("  device demo-coap-sensor (simulated CoAP on 127.0.0.1:" + COAP_PORT + "):");
    hints.add("    curl -s " + api + "demo-coap-sensor");
    hints.add("    ./minicloud devices discover coap://127.0.0.1:" + COAP_PORT);
    if (board) {
      hints.add("  device demo-firmata-board (StandardFirmata on an emulated Uno in simavr):");
      hints.add(
          "    curl -s -X PUT -H 'Content-Type: application/json' -d '{\"value\": true}' "
              + api
              + "demo-firmata-board/properties/led");
    } else {
      hints.add(
          "  (no Firmata board: simavr is not installed;"
              + " apt-get install simavr libsimavr-dev libelf-dev gcc)");
    }
    return hints;
  }
}
