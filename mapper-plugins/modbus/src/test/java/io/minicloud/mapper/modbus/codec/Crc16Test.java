package io.minicloud.mapper.modbus.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.contract.Hex;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Crc16Test {

  @Test
  void checkValueOfTheCatalogue() {
    // GIVEN the standard check input of the CRC catalogue
    byte[] digits = "123456789".getBytes(StandardCharsets.US_ASCII);
    // WHEN its CRC-16/MODBUS is computed
    int crc = Crc16.compute(digits, digits.length);
    // THEN it is the catalogued check value
    assertEquals(0x4B37, crc);
  }

  @Test
  void appendsLowByteFirstAsTheSpecExample() {
    // GIVEN a read of two holding registers from unit 1 (the frame pymodbus computes as C4 0B)
    byte[] body = Hex.parse("01 03 00 00 00 02");
    // WHEN the CRC is appended
    byte[] frame = Crc16.append(body);
    // THEN it goes low byte first
    assertArrayEquals(Hex.parse("01 03 00 00 00 02 C4 0B"), frame);
    assertTrue(Crc16.valid(frame));
  }

  @Test
  void aFlippedBitOrAShortFrameIsNotValid() {
    // GIVEN a valid frame
    byte[] frame = Hex.parse("01 03 00 00 00 02 C4 0B");
    // WHEN any single bit of it flips
    for (int bit = 0; bit < frame.length * 8; bit++) {
      byte[] flipped = frame.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      // THEN the frame is no longer valid
      assertFalse(Crc16.valid(flipped), "bit " + bit);
    }
    assertFalse(Crc16.valid(new byte[] {0x01, 0x02}));
  }
}
