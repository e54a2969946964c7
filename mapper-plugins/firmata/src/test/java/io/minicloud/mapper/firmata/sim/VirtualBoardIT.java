package io.minicloud.mapper.firmata.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.mapper.api.transport.SerialConnection;
import io.minicloud.mapper.api.transport.SerialSettings;
import io.minicloud.mapper.firmata.codec.FirmataDecoder;
import io.minicloud.mapper.firmata.codec.FirmataEncoder;
import io.minicloud.mapper.firmata.codec.FirmataMessage;
import io.minicloud.mapper.firmata.codec.PinMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The simavr board harness with the stock StandardFirmata hex: pty, pins, analog inputs, reset. */
@Tag("peer")
class VirtualBoardIT {

  @Test
  void standardFirmataAnswersOnThePtyAndDrivesPins() throws Exception {
    assumeTrue(VirtualBoard.available(), "simavr development files and gcc are installed");
    try (VirtualBoard board = VirtualBoard.start(StandardFirmataHex.path());
        SerialConnection serial =
            SerialConnection.open(
                new SerialSettings(board.pty(), 57600, 8, SerialSettings.Parity.NONE, 1))) {
      FirmataDecoder decoder = new FirmataDecoder();
      serial.write(FirmataEncoder.reportFirmware());
      FirmataMessage.FirmwareReport firmware =
          await(serial, decoder, FirmataMessage.FirmwareReport.class);
      assertEquals("StandardFirmata.ino", firmware.name());
      assertEquals(2, firmware.major());
      // the boot-time report may answer the query before setup() has finished: a capability
      // response proves the firmware is now in its loop, taking commands
      serial.write(FirmataEncoder.capabilityQuery());
      assertEquals(
          20, await(serial, decoder, FirmataMessage.CapabilityResponse.class).pins().size());

      serial.write(FirmataEncoder.setPinMode(13, PinMode.OUTPUT));
      // this StandardFirmata build ignores SET_DIGITAL_PIN_VALUE (0xF5): hosts write whole ports
      serial.write(FirmataEncoder.digitalPort(1, 1 << 5));
      assertTrue(
          board.awaitLevel(VirtualBoard.avrPin(13), 1, Duration.ofSeconds(5)),
          () -> board.history() + board.errors());
      serial.write(FirmataEncoder.digitalPort(1, 0));
      assertTrue(board.awaitLevel("B5", 0, Duration.ofSeconds(5)));

      board.analogInput(0, 2500);
      serial.write(FirmataEncoder.reportAnalog(0, true));
      FirmataMessage.AnalogValue value = await(serial, decoder, FirmataMessage.AnalogValue.class);
      assertEquals(0, value.channel());
      assertTrue(Math.abs(value.value() - 512) <= 2, "2.5 V of 5 V reads about 512: " + value);

      board.reset();
      serial.write(FirmataEncoder.reportFirmware());
      assertEquals(
          "StandardFirmata.ino",
          await(serial, decoder, FirmataMessage.FirmwareReport.class).name());
    }
  }

  @Test
  void aMissingFirmwareFileIsNamed() {
    assumeTrue(VirtualBoard.available(), "simavr development files and gcc are installed");
    var error =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.io.IOException.class,
            () -> VirtualBoard.start(java.nio.file.Path.of("/nonexistent/fw.hex")));
    assertTrue(error.getMessage().contains("cannot load /nonexistent/fw.hex"), error.getMessage());
  }

  private static <T extends FirmataMessage> T await(
      SerialConnection serial, FirmataDecoder decoder, Class<T> type) throws Exception {
    byte[] buffer = new byte[512];
    List<FirmataMessage> seen = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      int n = serial.read(buffer, 0, buffer.length, 200);
      for (FirmataMessage m : decoder.feed(buffer, 0, n)) {
        if (type.isInstance(m)) {
          return type.cast(m);
        }
        seen.add(m);
      }
    }
    assertFalse(true, "no " + type.getSimpleName() + " within 10 s; saw " + seen);
    return null;
  }
}
