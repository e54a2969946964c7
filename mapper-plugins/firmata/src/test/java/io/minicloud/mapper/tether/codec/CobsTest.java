package io.minicloud.mapper.tether.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The vectors of Cheshire and Baker's paper (as Wikipedia lists them), round trips, bad input. */
class CobsTest {

  @Test
  void publishedVectors() {
    vector("00", "01 01");
    vector("00 00", "01 01 01");
    vector("00 11 00", "01 02 11 01");
    vector("11 22 00 33", "03 11 22 02 33");
    vector("11 22 33 44", "05 11 22 33 44");
    vector("11 00 00 00", "02 11 01 01 01");
    byte[] run254 = new byte[254];
    byte[] enc254 = new byte[255];
    enc254[0] = (byte) 0xFF;
    for (int i = 0; i < 254; i++) {
      run254[i] = (byte) (i + 1);
      enc254[i + 1] = (byte) (i + 1);
    }
    assertArrayEquals(enc254, Cobs.encode(run254));
  }

  private static void vector(String data, String encoded) {
    assertEquals(encoded, Hex.format(Cobs.encode(Hex.parse(data))));
    byte[] e = Hex.parse(encoded);
    assertArrayEquals(Hex.parse(data), Cobs.decode(e, 0, e.length, 300).orElseThrow());
  }

  @Test
  void randomDataRoundTripsAndEncodesWithoutZeros() {
    Random random = new Random(1);
    for (int i = 0; i < 2000; i++) {
      byte[] data = new byte[random.nextInt(300)];
      random.nextBytes(data);
      byte[] encoded = Cobs.encode(data);
      for (byte b : encoded) {
        assertTrue(b != 0);
      }
      assertArrayEquals(data, Cobs.decode(encoded, 0, encoded.length, 300).orElseThrow());
    }
  }

  @Test
  void invalidOrOversizeInputIsRefusedNotThrown() {
    assertTrue(Cobs.decode(Hex.parse("05 11 22"), 0, 3, 64).isEmpty(), "truncated");
    assertTrue(Cobs.decode(Hex.parse("03 11 00 22"), 0, 4, 64).isEmpty(), "zero inside");
    assertTrue(Cobs.decode(Hex.parse("00"), 0, 1, 64).isEmpty(), "zero code");
    byte[] big = Cobs.encode(new byte[100]);
    assertTrue(Cobs.decode(big, 0, big.length, 64).isEmpty(), "longer than allowed");
  }
}
