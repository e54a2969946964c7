package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDevicesTest {
  @TempDir Path root;

  private final Agent bridge = new Agent("tether-bridge", "tether-bridge", 9102);
  private final Agent chars = new Agent("char-agent", "char-agent", 9101);

  @Test
  void onlyTheBridgeGetsTheSimulatedDevicesAndItsDirectory() {
    DemoLayout layout = new DemoLayout(root);
    assertEquals(List.of(), DemoDevices.settings(chars, layout, true));
    String demo = root.resolve(".minicloud/demo").toString();
    assertEquals(
        List.of(
            "-Dminicloud.tether-bridge.devices-dir=" + demo + "/devices",
            "-Dminicloud.tether-bridge.demo-modbus-port=15020",
            "-Dminicloud.tether-bridge.demo-coap-port=15683",
            "-Dminicloud.tether-bridge.demo-firmata-link=" + demo + "/firmata-uno"),
        DemoDevices.settings(bridge, layout, true));
    assertFalse(
        String.join(" ", DemoDevices.settings(bridge, layout, false)).contains("firmata"),
        "no board without simavr");
    assertTrue(DemoDevices.needed(List.of(chars, bridge)));
    assertTrue(DemoDevices.hints(List.of(chars), true).isEmpty());
    assertTrue(
        DemoDevices.hints(List.of(bridge), true).get(1).contains("/api/v1/devices/demo-climate"));
    assertTrue(String.join("\n", DemoDevices.hints(List.of(bridge), false)).contains("simavr"));
  }

  @Test
  void installCopiesTheExampleDeviceFilesAndNamesTheBoardsPort() throws Exception {
    Files.createDirectories(root.resolve("docs/examples/devices"));
    Files.writeString(root.resolve(DemoDevices.EXAMPLE), "kind: Device\n");
    Files.writeString(root.resolve(DemoDevices.COAP_EXAMPLE), "kind: Device # coap\n");
    Files.writeString(root.resolve(DemoDevices.FIRMATA_EXAMPLE), "port: \"${FIRMATA_PORT}\"\n");
    DemoLayout layout = new DemoLayout(root);
    DemoDevices.install(layout, true);
    Path devices = root.resolve(".minicloud/demo/devices");
    assertEquals("kind: Device\n", Files.readString(devices.resolve("demo-climate.yaml")));
    assertEquals(
        "kind: Device # coap\n", Files.readString(devices.resolve("demo-coap-sensor.yaml")));
    assertEquals(
        "port: \"" + root.resolve(".minicloud/demo/firmata-uno") + "\"\n",
        Files.readString(devices.resolve("demo-firmata-board.yaml")));
    DemoDevices.install(layout, false);
    assertFalse(
        Files.exists(devices.resolve("demo-firmata-board.yaml")),
        "a board that cannot run leaves no device behind from an earlier demo");
  }

  @Test
  void theRealExamplesExistAndTheFirmataOneHasThePlaceholder() throws Exception {
    // the demo reads them from the repository it runs in (edge-agent/cli → ../..)
    Path repo = Path.of("..", "..");
    assertTrue(Files.isRegularFile(repo.resolve(DemoDevices.EXAMPLE)));
    assertTrue(Files.isRegularFile(repo.resolve(DemoDevices.COAP_EXAMPLE)));
    assertTrue(
        Files.readString(repo.resolve(DemoDevices.FIRMATA_EXAMPLE))
            .contains(DemoDevices.FIRMATA_PORT));
  }
}
