package io.minicloud.tetherbridge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.tetherbridge.devices.DeviceFileReader;
import io.minicloud.tetherbridge.devices.DeviceSet;
import io.minicloud.tetherbridge.runtime.BoundDevice;
import io.minicloud.tetherbridge.runtime.DeviceBinder;
import io.minicloud.tetherbridge.runtime.PluginRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every device file example in docs/ loads and binds with the plugins the bridge ships. */
class DocsExamplesTest {
  @org.junit.jupiter.api.io.TempDir Path dir;

  private static final Path EXAMPLES = Path.of("..", "docs", "examples", "devices");

  @Test
  void theBridgeShipsEveryDeviceProtocolPlugin() {
    assertTrue(
        PluginRegistry.discover()
            .protocols()
            .containsAll(List.of("modbus", "mqtt", "coap", "firmata", "tether-v1")),
        PluginRegistry.discover().protocols().toString());
  }

  /**
   * The Firmata demo file names its port by a placeholder the demo fills in (edge-agent/cli
   * DemoDevices); filled in the same way here, so the file is checked as the demo uses it.
   */
  private Path substituted(Path file) throws java.io.IOException {
    String text = Files.readString(file);
    if (!text.contains("${FIRMATA_PORT}")) {
      return file;
    }
    Path copy = dir.resolve(file.getFileName());
    Files.writeString(copy, text.replace("${FIRMATA_PORT}", "/dev/serial/by-id/usb-Arduino_Uno"));
    return copy;
  }

  @TestFactory
  Stream<DynamicTest> everyExampleLoadsAndBinds() throws Exception {
    List<Path> files;
    try (Stream<Path> list = Files.list(EXAMPLES)) {
      files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no examples under " + EXAMPLES.toAbsolutePath());
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      DeviceSet set = new DeviceFileReader().read(substituted(file));
                      Map<String, BoundDevice> bound =
                          new DeviceBinder(PluginRegistry.discover(), 1000).bind(set);
                      assertFalse(bound.isEmpty(), file + " declares no device");
                    }));
  }
}
