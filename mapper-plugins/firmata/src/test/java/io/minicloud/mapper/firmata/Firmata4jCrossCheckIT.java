package io.minicloud.mapper.firmata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.Value;
import io.minicloud.mapper.api.transport.SerialConnection;
import io.minicloud.mapper.api.transport.SerialSettings;
import io.minicloud.mapper.firmata.codec.FirmataMessage.PinCapability;
import io.minicloud.mapper.firmata.codec.PinMode;
import io.minicloud.mapper.firmata.sim.StandardFirmataHex;
import io.minicloud.mapper.firmata.sim.VirtualBoard;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.firmata4j.IODevice;
import org.firmata4j.Pin;
import org.firmata4j.firmata.FirmataDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A second, independent Firmata host (firmata4j 2.3.8, over jSSC) against its own emulated board
 * running the same StandardFirmata, driven with the same inputs: it must see what our host sees. A
 * pty has one reader, so each host gets its own board (two boards: the most this machine runs).
 */
@Tag("peer")
class Firmata4jCrossCheckIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private VirtualBoard ours;
  private VirtualBoard theirs;
  private FirmataConnection connection;
  private IODevice firmata4j;
  private FirmataDriver driver;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(VirtualBoard.available(), "simavr development files and gcc are installed");
    ours = VirtualBoard.start(StandardFirmataHex.path());
    theirs = VirtualBoard.start(StandardFirmataHex.path());
    driver = (FirmataDriver) new FirmataPlugin().bind(Devices.demo(ours.pty()));
    connection = (FirmataConnection) driver.link().opener().open();
    driver.attach(session());
    // both boards have booted by now; firmata4j asks once and would miss a booting board
    drainBootReport(theirs);
    firmata4j = new FirmataDevice(theirs.pty());
    firmata4j.start();
    CompletableFuture<Void> ready =
        CompletableFuture.runAsync(
            () -> {
              try {
                firmata4j.ensureInitializationIsDone();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
              }
            });
    ready.get(20, TimeUnit.SECONDS);
  }

  /**
   * The pty keeps the boot-time firmware report until someone reads it. firmata4j 2.3.8 answers
   * every firmware report with a capability query and appends the pins of every response: with the
   * stale boot report plus the answer to its own query it ends up with 40 pins, two objects per
   * pin, and its reads go to one while the board's reports update the other (seen here). Our host
   * asks for capabilities once per handshake. Reading the stale report away first gives firmata4j
   * the board it expects.
   */
  private static void drainBootReport(VirtualBoard board) throws Exception {
    try (SerialConnection serial =
        SerialConnection.open(
            new SerialSettings(board.pty(), 57600, 8, SerialSettings.Parity.NONE, 1))) {
      byte[] buffer = new byte[512];
      while (serial.read(buffer, 0, buffer.length, 300) > 0) {
        // until 300 ms of quiet
      }
    }
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (firmata4j != null) {
        firmata4j.stop();
      }
    } finally {
      if (connection != null) {
        connection.close();
      }
      if (ours != null) {
        ours.close();
      }
      if (theirs != null) {
        theirs.close();
      }
    }
  }

  private BoardLinkSession session() {
    return new BoardLinkSession(connection, 2000, new RecordingPushSignal());
  }

  private Value read(String property) throws Exception {
    PointResult result = driver.read(session(), List.of(property)).get(0);
    assertTrue(result.isOk(), () -> property + ": " + result.error());
    return result.raw();
  }

  @Test
  void bothHostsSeeTheSameProtocolAndCapabilities() {
    BoardModel model = connection.board();
    var version = model.protocolVersion().orElseThrow();
    var firmware = model.firmware().orElseThrow();
    // firmata4j names the protocol by the firmware report: "StandardFirmata.ino - 2.4"
    assertEquals(
        firmware.name() + " - " + version.major() + "." + version.minor(), firmata4j.getProtocol());
    List<List<PinCapability>> pins = model.capabilities().orElseThrow().pins();
    assertEquals(pins.size(), firmata4j.getPinsCount());
    for (int pin = 0; pin < pins.size(); pin++) {
      Set<String> ourModes =
          pins.get(pin).stream()
              .map(c -> c.pinMode().map(PinMode::name).orElse("?"))
              .collect(Collectors.toCollection(TreeSet::new));
      Set<String> theirModes =
          firmata4j.getPin(pin).getSupportedModes().stream()
              .map(Enum::name)
              .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(theirModes, ourModes, "modes of pin " + pin);
    }
  }

  @Test
  void bothHostsReadTheSameAnalogCounts() throws Exception {
    // GIVEN the same voltage on A0 of both boards
    for (VirtualBoard board : List.of(ours, theirs)) {
      board.analogInput(0, 1234);
    }
    Pin a0 = firmata4j.getPin(14);
    a0.setMode(Pin.Mode.ANALOG);

    // THEN both hosts settle on the same count (1234 mV of 5000 → about 252)
    assertTrue(BoardWait.until(WAIT, () -> Math.abs(a0.getValue() - 252) <= 2), "firmata4j A0");
    assertTrue(
        BoardWait.until(WAIT, () -> ((LongValue) read("a0")).value() == a0.getValue()),
        () -> "ours " + connection.board().analog(0) + " vs firmata4j " + a0.getValue());
  }

  @Test
  void bothHostsSeeTheSameDigitalInput() throws Exception {
    Pin button = firmata4j.getPin(2);
    button.setMode(Pin.Mode.INPUT);
    // firmata4j does not wait for the board: a level driven before SET_PIN_MODE is processed is
    // lost when the firmware configures the pin (seen in simavr), so let the mode arrive first
    Thread.sleep(500);
    for (VirtualBoard board : List.of(ours, theirs)) {
      board.digitalInput("D2", true);
    }

    assertTrue(BoardWait.until(WAIT, () -> read("button").equals(new BoolValue(true))));
    assertTrue(
        BoardWait.until(WAIT, () -> button.getValue() == 1),
        () -> "firmata4j sees D2 " + button.getValue() + " in mode " + button.getMode());
  }

  @Test
  void bothHostsDriveTheSamePinLevel() throws Exception {
    Pin led = firmata4j.getPin(13);
    led.setMode(Pin.Mode.OUTPUT);

    led.setValue(1);
    driver.write(session(), "led", new BoolValue(true));

    assertTrue(theirs.awaitLevel("B5", 1, WAIT), "firmata4j's board drives B5");
    assertTrue(ours.awaitLevel("B5", 1, WAIT), "our board drives B5");
  }
}
