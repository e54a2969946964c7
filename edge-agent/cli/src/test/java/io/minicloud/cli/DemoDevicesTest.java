package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
  void onlyTheBridgeGetsTheSimulatedDeviceAndItsDirectory() {
    DemoLayout layout = new DemoLayout(root);
    assertEquals(List.of(), DemoDevices.settings(chars, layout));
    assertEquals(
        List.of(
            "-Dminicloud.tether-bridge.devices-dir=" + root.resolve(".minicloud/demo/devices"),
            "-Dminicloud.tether-bridge.demo-modbus-port=15020"),
        DemoDevices.settings(bridge, layout));
    assertTrue(DemoDevices.needed(List.of(chars, bridge)));
    assertTrue(DemoDevices.hints(List.of(chars)).isEmpty());
    assertTrue(DemoDevices.hints(List.of(bridge)).get(1).contains("/api/v1/devices/demo-climate"));
  }

  @Test
  void installCopiesTheExampleDeviceFileOfTheRepository() throws Exception {
    Files.createDirectories(root.resolve("docs/examples/devices"));
    Files.writeString(root.resolve(DemoDevices.EXAMPLE), "kind: Device\n");
    DemoDevices.install(new DemoLayout(root));
    assertEquals(
        "kind: Device\n",
        Files.readString(root.resolve(".minicloud/demo/devices/demo-climate.yaml")));
  }

  @Test
  void theRealExampleExists() {
    // the demo reads it from the repository it runs in (edge-agent/cli → ../..)
    assertTrue(Files.isRegularFile(Path.of("..", "..").resolve(DemoDevices.EXAMPLE)));
  }
}
