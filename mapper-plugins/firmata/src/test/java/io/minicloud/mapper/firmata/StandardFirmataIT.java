package io.minicloud.mapper.firmata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.Value;
import io.minicloud.mapper.firmata.codec.FirmataEncoder;
import io.minicloud.mapper.firmata.codec.FirmataMessage;
import io.minicloud.mapper.firmata.codec.PinMode;
import io.minicloud.mapper.firmata.sim.VirtualBoard;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The driver against the real StandardFirmata (avrgirl-arduino 4.2.3's Uno build) on an emulated
 * ATmega328P: what attach learns and configures, and every kind of point, read and written through
 * the same serial path a gateway uses.
 */
@Tag("peer")
class StandardFirmataIT extends StandardFirmataBoardFixture {

  private Value read(FirmataDriver driver, String property) throws Exception {
    PointResult result = driver.read(session(), List.of(property)).get(0);
    assertTrue(result.isOk(), () -> property + ": " + result.error());
    return result.raw();
  }

  @Test
  void attachLearnsFirmwareVersionCapabilitiesAndAnalogMapping() throws Exception {
    // WHEN the demo device attaches to a freshly booted board
    attach(Devices.demo(board.pty()));

    // THEN the board model holds what StandardFirmata reported about itself
    BoardModel model = connection.board();
    FirmataMessage.FirmwareReport firmware = model.firmware().orElseThrow();
    System.out.println("[StandardFirmataIT] firmware " + firmware);
    assertEquals("StandardFirmata.ino", firmware.name());
    assertEquals(2, firmware.major(), "the sketch's version is 2.x");
    // this build (avrgirl-arduino 4.2.3's Uno hex) speaks protocol 2.4 and says so: the reason it
    // ignores 2.5's SET_DIGITAL_PIN_VALUE, and why modes are checked against its capabilities
    assertEquals(new FirmataMessage.ProtocolVersion(2, 4), model.protocolVersion().orElseThrow());
    assertTrue(layout(model).resolution(2, PinMode.PULLUP).isEmpty(), "2.4 has no PULLUP pin mode");
    assertEquals(20, model.capabilities().orElseThrow().pins().size(), "an Uno has 20 pins");
    BoardLayout layout = layout(model);
    for (int channel = 0; channel < 6; channel++) {
      assertEquals(14 + channel, layout.pinOf(channel).orElseThrow(), "A" + channel);
    }
    assertTrue(layout.resolution(9, PinMode.PWM).isPresent(), "pin 9 has PWM");
    assertEquals(8, layout.resolution(9, PinMode.PWM).get());
    assertTrue(layout.resolution(13, PinMode.PWM).isEmpty(), "pin 13 has no PWM");
    assertTrue(layout.resolution(18, PinMode.I2C).isPresent(), "A4 is SDA");
    // AND the pin-state query sees the modes attach set
    assertEquals(PinMode.OUTPUT.code(), connection.queryPinState(13, WAIT).orElseThrow().mode());
    assertEquals(PinMode.INPUT.code(), connection.queryPinState(2, WAIT).orElseThrow().mode());
    assertEquals(PinMode.PWM.code(), connection.queryPinState(9, WAIT).orElseThrow().mode());
  }

  @Test
  void aDigitalWriteDrivesTheMcuPinAndReadsBack() throws Exception {
    // GIVEN the LED on pin 13 (AVR B5)
    FirmataDriver driver = attach(Devices.demo(board.pty()));

    // WHEN it is switched on, then off
    driver.write(session(), "led", new BoolValue(true));
    assertTrue(board.awaitLevel(VirtualBoard.avrPin(13), 1, WAIT), board.history()::toString);
    assertEquals(new BoolValue(true), read(driver, "led"), "pin state read back");
    driver.write(session(), "led", new BoolValue(false));

    // THEN the MCU drove the pin low again and the firmware's pin state says so
    assertTrue(board.awaitLevel("B5", 0, WAIT));
    assertEquals(new BoolValue(false), read(driver, "led"));
  }

  @Test
  void aPwmWriteReachesTheFirmware() throws Exception {
    FirmataDriver driver = attach(Devices.demo(board.pty()));

    driver.write(session(), "dimmer", new LongValue(200, DataType.INT32));

    assertEquals(new LongValue(200, DataType.INT32), read(driver, "dimmer"));
    assertThrows(
        IllegalArgumentException.class,
        () -> driver.write(session(), "dimmer", new LongValue(256, DataType.INT32)),
        "8-bit PWM takes 0..255");
  }

  @Test
  void aDigitalInputIsReportedPushedAndRead() throws Exception {
    // GIVEN the button on pin 2 (AVR D2), reported low at attach
    FirmataDriver driver = attach(Devices.demo(board.pty()));
    assertTrue(pushed.await("button", 0, WAIT), "first report of port 0: " + pushed.changed());
    assertEquals(new BoolValue(false), read(driver, "button"));
    int before = pushed.count("button");

    // WHEN the pin is driven high
    board.digitalInput("D2", true);

    // THEN the board reports it, the push signal fires, and the read sees it
    assertTrue(pushed.await("button", before, WAIT), "pushed: " + pushed.changed());
    assertEquals(new BoolValue(true), read(driver, "button"));
  }

  @Test
  void anAnalogInputIsReportedPushedAndRead() throws Exception {
    // GIVEN A0 at 0 V
    board.analogInput(0, 0);
    FirmataDriver driver = attach(Devices.demo(board.pty()));
    assertTrue(pushed.await("a0", 0, WAIT));
    int before = pushed.count("a0");

    // WHEN 2.5 V are applied (AREF 5 V)
    board.analogInput(0, 2500);

    // THEN a push arrives and the read gives about half of 1023
    assertTrue(pushed.await("a0", before, WAIT));
    long counts = ((LongValue) read(driver, "a0")).value();
    assertTrue(Math.abs(counts - 512) <= 2, "2.5 V reads about 512, got " + counts);
  }

  @Test
  void theSamplingIntervalSetsTheReportRate() throws Exception {
    // GIVEN A0 reported every 200 ms
    attach(Devices.demo(board.pty(), "samplingInterval", 200));
    long slow = reportsDuring(Duration.ofSeconds(2));

    // WHEN the host asks for 20 ms
    connection.send(FirmataEncoder.samplingInterval(20));
    long fast = reportsDuring(Duration.ofSeconds(2));

    // THEN the board reports several times as often (rates loose: emulated time)
    assertTrue(slow >= 4 && slow <= 16, "about 10 reports in 2 s at 200 ms, got " + slow);
    assertTrue(fast > 3 * slow, "20 ms reports much faster: " + fast + " vs " + slow);
  }

  private long reportsDuring(Duration window) throws InterruptedException {
    Thread.sleep(300); // let the new interval take effect
    long start = connection.board().analogReports();
    Thread.sleep(window.toMillis());
    return connection.board().analogReports() - start;
  }

  @Test
  void anMcuResetIsDetectedAndTheBoardConfiguredAgain() throws Exception {
    // GIVEN the LED on and A0 reporting
    board.analogInput(0, 1000);
    FirmataDriver driver = attach(Devices.demo(board.pty()));
    driver.write(session(), "led", new BoolValue(true));
    assertTrue(board.awaitLevel("B5", 1, WAIT));
    int pushesBefore = pushed.count("led");
    int mark = board.history().size();

    // WHEN the MCU resets (its outputs go low, its reporting stops)
    board.reset();

    // THEN the connection notices the unasked firmware report and configures the board again:
    // the LED goes low with the reset and comes back on, every property is pushed, A0 reports
    assertTrue(
        BoardWait.until(Duration.ofSeconds(20), () -> connection.resets() == 1), "reset detected");
    assertTrue(
        BoardWait.until(Duration.ofSeconds(20), () -> lowThenHigh(board.history(), mark, "B5")),
        board.history()::toString);
    assertTrue(pushed.await("led", pushesBefore, WAIT), "all properties pushed after reset");
    assertEquals(new BoolValue(true), read(driver, "led"));
    board.analogInput(0, 4000);
    assertTrue(
        BoardWait.until(WAIT, () -> ((LongValue) read(driver, "a0")).value() > 800),
        "A0 reporting again after the reset");
  }

  private static BoardLayout layout(BoardModel model) {
    return new BoardLayout(model.capabilities().orElseThrow(), model.analogMapping().orElseThrow());
  }

  private static boolean lowThenHigh(List<VirtualBoard.PinEvent> history, int from, String pin) {
    boolean low = false;
    for (VirtualBoard.PinEvent e : history.subList(from, history.size())) {
      if (e.pin().equals(pin)) {
        low |= e.level() == 0;
        if (low && e.level() == 1) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void anAnalogPointOnADigitalOnlyPinIsRefusedNamingTheModes() throws Exception {
    // GIVEN a Device file declaring pin 13 as ANALOG
    DeviceSpec spec =
        new DeviceSpec(
            "board-1",
            Map.of("port", board.pty()),
            List.of(Devices.property("level", DataType.INT32, false, "pin", 13, "mode", "ANALOG")));

    // WHEN it attaches
    DeviceException e = assertThrows(DeviceException.class, () -> attach(spec));

    // THEN the error names the pin and what it supports, and reads say so too
    assertEquals(ErrorKind.DEVICE_EXCEPTION, e.kind());
    assertTrue(e.getMessage().contains("pin 13 has no ANALOG capability"), e.getMessage());
    assertTrue(e.getMessage().contains("it supports INPUT, OUTPUT"), e.getMessage());
    FirmataDriver driver = (FirmataDriver) new FirmataPlugin().bind(spec);
    PointResult result = driver.read(session(), List.of("level")).get(0);
    assertFalse(result.isOk());
    assertEquals(e.getMessage(), result.error().getMessage());
  }
}
