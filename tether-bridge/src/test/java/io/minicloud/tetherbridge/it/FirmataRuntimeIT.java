package io.minicloud.tetherbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.DeviceHealth;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.Quality;
import io.minicloud.mapper.api.Value;
import io.minicloud.mapper.firmata.sim.StandardFirmataHex;
import io.minicloud.mapper.firmata.sim.VirtualBoard;
import io.minicloud.tetherbridge.devices.DeviceFileReader;
import io.minicloud.tetherbridge.runtime.RuntimeSettings;
import io.minicloud.tetherbridge.runtime.Twin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole runtime with the demo's Firmata device file, its port pointed at an emulated Uno
 * running the real StandardFirmata: pushed analog values and button presses reach the publisher
 * transformed, and a desired LED state drives the MCU pin.
 */
@Tag("peer")
class FirmataRuntimeIT {
  private static final String DEVICE = "demo-firmata-board";
  private static final Path DEMO = Path.of("../docs/examples/devices/demo-firmata-board.yaml");

  @TempDir Path dir;
  private VirtualBoard board;
  private BridgeUnderTest bridge;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(VirtualBoard.available(), "simavr development files and gcc are installed");
    board = VirtualBoard.start(StandardFirmataHex.path());
    bridge = new BridgeUnderTest(dir, RuntimeSettings.defaults());
    // what the demo wiring does with the placeholder
    String yaml = Files.readString(DEMO).replace("${FIRMATA_PORT}", board.pty());
    Path file = dir.resolve("devices/demo-firmata-board.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    bridge.runtime().apply(new DeviceFileReader().read(file));
  }

  @AfterEach
  void stop() {
    if (bridge != null) {
      bridge.close();
    }
    if (board != null) {
      board.close();
    }
  }

  @Test
  void anAnalogInputReachesThePublisherInVolts() throws Exception {
    // GIVEN the board attached and publishing
    BridgeUnderTest.await("first voltage", Duration.ofSeconds(20), () -> published(0.0));

    // WHEN 2.5 V are applied to A0
    board.analogInput(0, 2500);

    // THEN the pushed report goes north as volts (511 counts × 5/1023), long before the 5 s poll
    Duration took =
        BridgeUnderTest.await("2.5 V published", Duration.ofSeconds(3), () -> published(2.497));
    System.out.println("[FirmataRuntimeIT] 2.5 V published after " + took.toMillis() + " ms");
    assertEquals(DeviceHealth.ONLINE, bridge.status(DEVICE).health());
  }

  @Test
  void aButtonPressIsPublished() throws Exception {
    BridgeUnderTest.await(
        "button released", Duration.ofSeconds(20), () -> publishedBool("button", false));

    board.digitalInput("D2", true);

    BridgeUnderTest.await(
        "button pressed", Duration.ofSeconds(3), () -> publishedBool("button", true));
  }

  @Test
  void aDesiredLedStateDrivesThePinAndIsVerified() throws Exception {
    BridgeUnderTest.await(
        "LED read (initialValue false)", Duration.ofSeconds(20), () -> publishedBool("led", false));

    // WHEN the LED is desired on
    Twin.PropertyTwin twin = bridge.runtime().desire(DEVICE, "led", true).get(20, TimeUnit.SECONDS);

    // THEN the MCU drives pin 13 (B5) high and the pin-state read-back verifies the write
    assertTrue(board.awaitLevel(VirtualBoard.avrPin(13), 1, Duration.ofSeconds(5)));
    assertNull(twin.writeError(), twin.writeError());
    assertEquals(new BoolValue(true), twin.observedDesired());
    assertTrue(twin.verifiedAt() != null);
  }

  private boolean published(double volts) {
    return bridge.published().telemetry(DEVICE, "voltage").stream()
        .map(NorthboundRecorder.Telemetry::reading)
        .filter(r -> r.quality() == Quality.GOOD)
        .map(r -> r.value())
        .anyMatch(v -> near(v, volts));
  }

  private boolean publishedBool(String property, boolean value) {
    return bridge.published().telemetry(DEVICE, property).stream()
        .map(NorthboundRecorder.Telemetry::reading)
        .anyMatch(r -> r.quality() == Quality.GOOD && new BoolValue(value).equals(r.value()));
  }

  private static boolean near(Value value, double expected) {
    return value instanceof DoubleValue d && Math.abs(d.value() - expected) < 0.01;
  }
}
