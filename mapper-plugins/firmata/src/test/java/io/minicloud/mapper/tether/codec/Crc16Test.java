package io.minicloud.mapper.tether.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Crc16Test {

  @Test
  void theCheckValueOfCrc16CcittFalse() {
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
    assertEquals(0x29B1, Crc16.of(check, 0, check.length));
    assertEquals(Crc16.CHECK_VALUE, Crc16.of(check, 0, check.length));
  }

  @Test
  void nothingLeavesTheInitialValue() {
    assertEquals(0xFFFF, Crc16.of(new byte[0], 0, 0));
  }

  @Test
  void theWorkedExampleOfTheSpec() {
    byte[] payload = Hex.parse("01 2a 03 0d 00 01");
    assertEquals(0xCC06, Crc16.of(payload, 0, payload.length));
  }
}
