package io.minicloud.tetherbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.DeviceHealth;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.Quality;
import io.minicloud.mapper.firmata.sim.VirtualBoard;
import io.minicloud.mapper.tether.sim.TetherBoard;
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
 * The whole runtime with a tether-v1 device file against our firmware in simavr: a desired value
 * drives the MCU's pin (written, read back, verified), an input change pushed by the MCU reaches
 * the publisher long before the next scheduled poll, and an analog input arrives scaled.
 */
@Tag("peer")
class TetherRuntimeIT {
  private static final String DEVICE = "bench-board";

  @TempDir Path dir;
  private VirtualBoard board;
  private BridgeUnderTest bridge;

  @BeforeEach
  void start() throws Exception {
    board = TetherBoard.start();
    bridge = new BridgeUnderTest(dir, RuntimeSettings.defaults());
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

  private String deviceFile() {
    return """
        apiVersion: devices.kubeedge.io/v1beta1
        kind: DeviceModel
        metadata:
          name: tether-board
        spec:
          protocol: tether-v1
          properties:
            - {name: led, type: BOOLEAN, accessMode: ReadWrite}
            - {name: button, type: BOOLEAN, accessMode: ReadOnly}
            - {name: voltage, type: FLOAT, accessMode: ReadOnly, unit: V}
        ---
        apiVersion: devices.kubeedge.io/v1beta1
        kind: Device
        metadata:
          name: %s
        spec:
          deviceModelRef:
            name: tether-board
          protocol:
            protocolName: tether-v1
            configData: {port: %s, failSafeTimeout: 1000}
          properties:
            - name: led
              collectCycle: 1000000000
              visitors:
                protocolName: tether-v1
                configData: {pin: 13, mode: digital-out, safeValue: 0}
            - name: button
              collectCycle: 600000000000
              visitors:
                protocolName: tether-v1
                configData: {pin: D2, mode: digital-in}
            - name: voltage
              collectCycle: 500000000
              visitors:
                protocolName: tether-v1
                configData: {pin: A0, mode: analog-in, scale: 0.0048876}
        """
        .formatted(DEVICE, board.pty());
  }

  @Test
  void aWriteDrivesThePinAndPushedAndPolledInputsArePublished() throws Exception {
    // GIVEN the device file loaded by the runtime, A0 at 2.5 V
    board.analogInput(0, 2500);
    Path file = dir.resolve("devices.yaml");
    Files.writeString(file, deviceFile());
    bridge.runtime().apply(new DeviceFileReader().read(file));
    BridgeUnderTest.await(
        "button read once",
        Duration.ofSeconds(15),
        () -> bridge.published().telemetry(DEVICE, "button").size() > 0);

    // WHEN the LED is desired on
    Twin.PropertyTwin twin = bridge.runtime().desire(DEVICE, "led", true).get(20, TimeUnit.SECONDS);

    // THEN the MCU drives pin 13 (PB5) and the twin shows it written and read back
    assertNull(twin.writeError(), twin.writeError());
    assertTrue(board.awaitLevel("B5", 1, Duration.ofSeconds(5)), board.history()::toString);
    assertEquals(new BoolValue(true), twin.observedDesired());
    assertEquals(DeviceHealth.ONLINE, bridge.status(DEVICE).health());

    // WHEN the button is pressed (its poll comes only every 10 minutes)
    long pressed = System.nanoTime();
    board.digitalInput("D2", true);

    // THEN the MCU's input event makes the runtime read and publish it at once
    BridgeUnderTest.await(
        "button press published",
        Duration.ofSeconds(10),
        () ->
            bridge.published().telemetry(DEVICE, "button").stream()
                .anyMatch(t -> new BoolValue(true).equals(t.reading().value())));
    System.out.printf(
        "[TetherRuntimeIT] button press published %d ms after the pin changed%n",
        (System.nanoTime() - pressed) / 1_000_000);

    // AND the analog input is published scaled to volts
    BridgeUnderTest.await(
        "voltage published",
        Duration.ofSeconds(10),
        () ->
            bridge.published().telemetry(DEVICE, "voltage").stream()
                .anyMatch(
                    t ->
                        t.reading().quality() == Quality.GOOD
                            && t.reading().value() instanceof DoubleValue d
                            && Math.abs(d.value() - 2.5) < 0.02));
  }

  @Test
  void theDemoDeviceFileRunsWithItsPortPointedAtTheBoard() throws Exception {
    // GIVEN docs/examples/devices/demo-tether-board.yaml with its placeholder port replaced
    String demo =
        Files.readString(Path.of("..", "docs", "examples", "devices", "demo-tether-board.yaml"))
            .replace("/dev/serial/by-id/REPLACE-WITH-YOUR-BOARD", board.pty());
    Path file = dir.resolve("demo-tether-board.yaml");
    Files.writeString(file, demo);
    board.analogInput(0, 1000);

    // WHEN the runtime loads it
    bridge.runtime().apply(new DeviceFileReader().read(file));

    // THEN the board comes online and its analog input is published in volts
    BridgeUnderTest.await(
        "demo voltage published",
        Duration.ofSeconds(15),
        () ->
            bridge.published().telemetry("demo-tether-board", "voltage").stream()
                .anyMatch(
                    t ->
                        t.reading().value() instanceof DoubleValue d
                            && Math.abs(d.value() - 1.0) < 0.02));
    assertEquals(DeviceHealth.ONLINE, bridge.status("demo-tether-board").health());
  }
}
