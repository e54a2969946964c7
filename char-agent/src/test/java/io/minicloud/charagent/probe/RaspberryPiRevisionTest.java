package io.minicloud.charagent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.charagent.model.Board;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Codes and their meaning from the Raspberry Pi documentation's "revision codes" tables. */
class RaspberryPiRevisionTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "900021, Raspberry Pi Model A+,   BCM2835,   512, Sony UK,    1.1",
    "900032, Raspberry Pi Model B+,   BCM2835,   512, Sony UK,    1.2",
    "a01041, Raspberry Pi 2 Model B,  BCM2836,  1024, Sony UK,    1.1",
    "a21041, Raspberry Pi 2 Model B,  BCM2836,  1024, Embest,     1.1",
    "a22042, Raspberry Pi 2 Model B,  BCM2837,  1024, Embest,     1.2",
    "9020e0, Raspberry Pi 3 Model A+, BCM2837,   512, Sony UK,    1.0",
    "a02082, Raspberry Pi 3 Model B,  BCM2837,  1024, Sony UK,    1.2",
    "a32082, Raspberry Pi 3 Model B,  BCM2837,  1024, Sony Japan, 1.2",
    "a52082, Raspberry Pi 3 Model B,  BCM2837,  1024, Stadium,    1.2",
    "a020d3, Raspberry Pi 3 Model B+, BCM2837,  1024, Sony UK,    1.3",
    "a020d4, Raspberry Pi 3 Model B+, BCM2837,  1024, Sony UK,    1.4",
    "9000c1, Raspberry Pi Zero W,     BCM2835,   512, Sony UK,    1.1",
    "920093, Raspberry Pi Zero,       BCM2835,   512, Embest,     1.3",
    "a02100, Compute Module 3+,       BCM2837,  1024, Sony UK,    1.0",
    "a03111, Raspberry Pi 4 Model B,  BCM2711,  1024, Sony UK,    1.1",
    "b03114, Raspberry Pi 4 Model B,  BCM2711,  2048, Sony UK,    1.4",
    "c03114, Raspberry Pi 4 Model B,  BCM2711,  4096, Sony UK,    1.4",
    "d03114, Raspberry Pi 4 Model B,  BCM2711,  8192, Sony UK,    1.4",
    "d03115, Raspberry Pi 4 Model B,  BCM2711,  8192, Sony UK,    1.5",
    "c03130, Raspberry Pi 400,        BCM2711,  4096, Sony UK,    1.0",
    "902120, Raspberry Pi Zero 2 W,   BCM2837,   512, Sony UK,    1.0",
    "a03140, Compute Module 4,        BCM2711,  1024, Sony UK,    1.0",
    "b03140, Compute Module 4,        BCM2711,  2048, Sony UK,    1.0",
    "d03140, Compute Module 4,        BCM2711,  8192, Sony UK,    1.0",
    "c04170, Raspberry Pi 5,          BCM2712,  4096, Sony UK,    1.0",
    "d04170, Raspberry Pi 5,          BCM2712,  8192, Sony UK,    1.0",
    "e04171, Raspberry Pi 5,          BCM2712, 16384, Sony UK,    1.1",
    "b04180, Compute Module 5,        BCM2712,  2048, Sony UK,    1.0",
    "d04180, Compute Module 5,        BCM2712,  8192, Sony UK,    1.0",
    "d04190, Raspberry Pi 500,        BCM2712,  8192, Sony UK,    1.0",
    "e04190, Raspberry Pi 500+,       BCM2712, 16384, Sony UK,    1.0",
    "c041a0, Compute Module 5 Lite,   BCM2712,  4096, Sony UK,    1.0",
  })
  void decodesNewStyleCodes(
      String code, String model, String processor, long ramMib, String maker, String rev) {
    Board.RaspberryPi pi = RaspberryPiRevision.decode(code).orElseThrow();

    assertEquals(code, pi.revisionCode());
    assertEquals(model, pi.model());
    assertEquals(processor, pi.processor());
    assertEquals(ramMib << 20, pi.memoryBytes());
    assertEquals(maker, pi.manufacturer());
    assertEquals(rev, pi.boardRevision());
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "0002, Raspberry Pi Model B,  256, Egoman,  1.0",
    "0005, Raspberry Pi Model B,  256, Qisda,   2.0",
    "0008, Raspberry Pi Model A,  256, Sony UK, 2.0",
    "000e, Raspberry Pi Model B,  512, Sony UK, 2.0",
    "0010, Raspberry Pi Model B+, 512, Sony UK, 1.2",
    "0014, Compute Module 1,      512, Embest,  1.0",
    // Over-volted boards carry the warranty bit in front of the old code.
    "1000002, Raspberry Pi Model B, 256, Egoman, 1.0",
  })
  void decodesOldStyleCodes(String code, String model, long ramMib, String maker, String rev) {
    Board.RaspberryPi pi = RaspberryPiRevision.decode(code).orElseThrow();

    assertEquals(model, pi.model());
    assertEquals("BCM2835", pi.processor());
    assertEquals(ramMib << 20, pi.memoryBytes());
    assertEquals(maker, pi.manufacturer());
    assertEquals(rev, pi.boardRevision());
  }

  @Test
  void oldStyleCodeWithTwoPossibleSizesHasNoMemory() {
    Board.RaspberryPi pi = RaspberryPiRevision.decode("0015").orElseThrow();

    assertEquals("Raspberry Pi Model A+", pi.model());
    assertNull(pi.memoryBytes());
  }

  @Test
  void newStyleCodeOfAFutureBoardKeepsTheFieldsItCanRead() {
    // GIVEN type 0x7f, which no board has yet
    Board.RaspberryPi pi = RaspberryPiRevision.decode("d047f0").orElseThrow();

    assertEquals("unknown", pi.model());
    assertEquals("BCM2712", pi.processor());
    assertEquals(8192L << 20, pi.memoryBytes());
  }

  @Test
  void memoryOtherIsNullAndUnknownManufacturerIsUnknown() {
    Board.RaspberryPi pi = RaspberryPiRevision.decode("f94170").orElseThrow();

    assertNull(pi.memoryBytes());
    assertEquals("unknown", pi.manufacturer());
    assertEquals("Raspberry Pi 5", pi.model());
  }

  @Test
  void acceptsAHexPrefixAndUpperCase() {
    assertEquals("c03114", RaspberryPiRevision.decode("0xC03114").orElseThrow().revisionCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "zz", "c0311g", "123456789", "0x", "0001", "000a", "0016", "-1"})
  void rejectsWhatIsNotARevisionCode(String code) {
    assertTrue(RaspberryPiRevision.decode(code).isEmpty(), code);
  }

  @Test
  void rejectsNull() {
    assertTrue(RaspberryPiRevision.decode(null).isEmpty());
  }
}
