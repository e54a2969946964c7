package io.minicloud.mapper.firmata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.firmata.codec.PinMode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The less common paths against the real StandardFirmata in simavr: I2C with nothing on the bus
 * (the emulator has no I2C device), a servo on a pin above 15 (EXTENDED_ANALOG), and the board
 * vanishing under an open connection.
 */
@Tag("peer")
class StandardFirmataPeripheralsIT extends StandardFirmataBoardFixture {

  private DeviceSpec device(io.minicloud.mapper.api.PropertySpec... properties) {
    return new DeviceSpec("board-1", Map.of("port", board.pty()), List.of(properties));
  }

  @Test
  void anI2cReadWithNothingOnTheBusFailsWithTheFirmwaresOwnWords() throws Exception {
    // GIVEN a sensor at 0x48 declared, and no I2C device in the emulator
    FirmataDriver driver =
        attach(
            device(
                Devices.property(
                    "temperature",
                    DataType.INT64,
                    true,
                    "mode",
                    "I2C",
                    "i2cAddress",
                    "0x48",
                    "register",
                    0,
                    "length",
                    2)));

    // WHEN it is read
    PointResult result = driver.read(session(), List.of("temperature")).get(0);

    // THEN the firmware's complaint (a STRING_DATA message) fails the read instead of the padded
    // reply that follows it, and the string is kept in the board model
    assertFalse(result.isOk(), () -> "read " + result.raw());
    assertEquals(ErrorKind.DEVICE_EXCEPTION, result.error().kind());
    assertTrue(
        result.error().getMessage().contains("I2C: Too few bytes received"),
        result.error().getMessage());
    assertTrue(connection.board().strings().contains("I2C: Too few bytes received"));
    assertEquals(0x48, connection.board().i2cReply(0x48).orElseThrow().address(), "padded reply");
    assertTrue(
        connection.board().capabilities().isPresent()
            && new BoardLayout(
                    connection.board().capabilities().get(),
                    connection.board().analogMapping().orElseThrow())
                .resolution(18, PinMode.I2C)
                .isPresent());

    // AND a write to the absent device leaves the firmware responsive (no hang on the bus)
    driver.write(session(), "temperature", new LongValue(0x1234, DataType.INT64));
    assertEquals(
        PinMode.I2C.code(), connection.queryPinState(18, WAIT).orElseThrow().mode(), "SDA (A4)");
  }

  @Test
  void aServoAbovePin15GoesAsExtendedAnalogAndPulses() throws Exception {
    // GIVEN a servo on pin 16 (A2, AVR C2): beyond what ANALOG_MESSAGE can address
    FirmataDriver driver =
        attach(device(Devices.property("arm", DataType.INT32, true, "pin", 16, "mode", "SERVO")));
    int mark = board.history().size();

    // WHEN it is moved to 90°
    driver.write(session(), "arm", new LongValue(90, DataType.INT32));

    // THEN the firmware holds 90 for the pin and the Servo library pulses C2
    PointResult read = driver.read(session(), List.of("arm")).get(0);
    assertTrue(read.isOk(), () -> "arm: " + read.error());
    assertEquals(new LongValue(90, DataType.INT32), read.raw());
    assertTrue(
        BoardWait.until(
            WAIT,
            () ->
                board.history().subList(mark, board.history().size()).stream()
                        .filter(e -> e.pin().equals("C2"))
                        .count()
                    >= 4),
        "servo pulses on C2");
  }

  @Test
  void closingTheConnectionDrivesOutputsToTheirSafeValue() throws Exception {
    // GIVEN a heater relay on pin 13 with safeValue off, switched on
    FirmataDriver driver =
        attach(
            device(
                Devices.property(
                    "heater",
                    DataType.BOOL,
                    true,
                    "pin",
                    13,
                    "mode",
                    "OUTPUT",
                    "safeValue",
                    false)));
    driver.write(session(), "heater", new io.minicloud.mapper.api.BoolValue(true));
    assertTrue(board.awaitLevel("B5", 1, WAIT));

    // WHEN the bridge closes the connection (shutdown, device removed)
    connection.close();

    // THEN the MCU drives the pin low
    assertTrue(board.awaitLevel("B5", 0, WAIT), board.history()::toString);
  }

  @Test
  void aBoardThatVanishesIsALinkFailure() throws Exception {
    FirmataDriver driver = attach(Devices.demo(board.pty()));

    // WHEN the emulator (the USB device) goes away under the open port
    board.close();

    // THEN the connection notices and reads throw a plain IOException, so the core reconnects
    assertTrue(BoardWait.until(WAIT, () -> !connection.isOpen()), "connection closed");
    IOException e = assertThrows(IOException.class, () -> driver.read(session(), List.of("a0")));
    assertFalse(e instanceof DeviceException, e.toString());
  }
}
