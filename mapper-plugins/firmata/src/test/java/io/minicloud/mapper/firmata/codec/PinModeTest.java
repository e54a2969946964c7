package io.minicloud.mapper.firmata.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PinModeTest {

  @Test
  void codesAreThoseOfFirmata25() {
    assertEquals(0x00, PinMode.INPUT.code());
    assertEquals(0x03, PinMode.PWM.code());
    assertEquals(0x06, PinMode.I2C.code());
    assertEquals(0x0A, PinMode.SERIAL.code());
    assertEquals(0x0B, PinMode.PULLUP.code());
    assertEquals(0x7F, PinMode.IGNORE.code());
  }

  @Test
  void fromCodeRoundTripsAndUnknownIsEmpty() {
    for (PinMode mode : PinMode.values()) {
      assertEquals(Optional.of(mode), PinMode.fromCode(mode.code()));
    }
    // GIVEN a code from a newer firmware WHEN looked up THEN empty, no exception
    assertEquals(Optional.empty(), PinMode.fromCode(0x0C));
    assertEquals(Optional.empty(), PinMode.fromCode(-1));
  }
}
