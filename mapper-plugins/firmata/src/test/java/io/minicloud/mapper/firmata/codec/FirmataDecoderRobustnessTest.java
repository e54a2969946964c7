package io.minicloud.mapper.firmata.codec;

import static io.minicloud.mapper.firmata.codec.Bytes.concat;
import static io.minicloud.mapper.firmata.codec.Bytes.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.firmata.codec.FirmataMessage.AnalogValue;
import io.minicloud.mapper.firmata.codec.FirmataMessage.ProtocolVersion;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A serial line opened mid-stream, noise and lost bytes: the decoder drops, counts, recovers. */
class FirmataDecoderRobustnessTest {

  @Test
  void randomBytesNeverThrowAndAreCounted() {
    // GIVEN 100 000 seeded random bytes fed in random chunk sizes
    Random random = new Random(20_250_205L);
    byte[] noise = new byte[100_000];
    random.nextBytes(noise);
    FirmataDecoder decoder = new FirmataDecoder();
    int off = 0;
    while (off < noise.length) {
      int len = Math.min(noise.length - off, 1 + random.nextInt(64));
      decoder.feed(noise, off, len); // WHEN fed THEN no exception
      off += len;
    }
    // THEN errors were counted, and a valid message afterwards still decodes
    assertTrue(decoder.errors() > 1000, "errors: " + decoder.errors());
    List<FirmataMessage> after = decoder.feed(hex("F9 02 05"));
    assertEquals(List.of(new ProtocolVersion(2, 5)), after);
  }

  @Test
  void overlongSysexIsDroppedOnceAndTheNextMessageDecodes() {
    // GIVEN a SysEx with more payload than the bound, terminated, then a version report
    byte[] payload = new byte[FirmataDecoder.MAX_SYSEX_LENGTH + 1000];
    Arrays.fill(payload, (byte) 0x01);
    byte[] wire = concat(hex("F0 71"), payload, hex("F7 F9 02 05"));
    FirmataDecoder decoder = new FirmataDecoder();
    // WHEN decoded THEN only the version, and one error for the dropped SysEx
    assertEquals(List.of(new ProtocolVersion(2, 5)), decoder.feed(wire));
    assertEquals(1, decoder.errors());
  }

  @Test
  void overlongSysexWithoutEndIsEndedByTheNextCommand() {
    byte[] payload = new byte[FirmataDecoder.MAX_SYSEX_LENGTH * 3];
    byte[] wire = concat(hex("F0 01"), payload, hex("E3 68 07"));
    FirmataDecoder decoder = new FirmataDecoder();
    assertEquals(List.of(new AnalogValue(3, 1000)), decoder.feed(wire));
    assertEquals(1, decoder.errors());
  }

  @Test
  void sysexOfExactlyTheBoundIsKept() {
    byte[] payload = new byte[FirmataDecoder.MAX_SYSEX_LENGTH - 1]; // plus the command byte
    FirmataDecoder decoder = new FirmataDecoder();
    List<FirmataMessage> got = decoder.feed(concat(hex("F0 6A"), payload, hex("F7")));
    assertEquals(1, got.size());
    assertEquals(0, decoder.errors());
  }

  @Test
  void commandByteInsideSysexAbortsItAndIsParsed() {
    // GIVEN a firmware report that lost its END_SYSEX, then an analog message
    byte[] wire = hex("F0 79 02 05 53 00 E3 68 07");
    FirmataDecoder decoder = new FirmataDecoder();
    // THEN the report is dropped (one error) and the analog message decoded
    assertEquals(List.of(new AnalogValue(3, 1000)), decoder.feed(wire));
    assertEquals(1, decoder.errors());
  }

  @Test
  void commandByteInsideAShortMessageAbortsIt() {
    FirmataDecoder decoder = new FirmataDecoder();
    assertEquals(List.of(new ProtocolVersion(2, 5)), decoder.feed(hex("E3 68 F9 02 05")));
    assertEquals(1, decoder.errors());
  }

  @Test
  void dataBytesWithoutACommandAreSkipped() {
    // GIVEN the port opened mid-message: three stray data bytes, then a version report
    FirmataDecoder decoder = new FirmataDecoder();
    assertEquals(List.of(new ProtocolVersion(2, 5)), decoder.feed(hex("68 07 01 F9 02 05")));
    assertEquals(3, decoder.errors());
  }

  @Test
  void unexpectedCommandsAreCountedOnceWithTheirData() {
    // host-to-board SET_PIN_MODE, a stray END_SYSEX, then a valid analog message
    FirmataDecoder decoder = new FirmataDecoder();
    assertEquals(List.of(new AnalogValue(0, 5)), decoder.feed(hex("F4 0D 01 F7 E0 05 00")));
    assertEquals(2, decoder.errors());
  }

  @Test
  void malformedSysexContentIsCountedNotThrown() {
    FirmataDecoder decoder = new FirmataDecoder();
    byte[] wire =
        hex("F0 F7 F0 79 02 F7 F0 71 48 F7 F0 6C 00 01 F7 F0 6E 01 F7 F0 77 48 F7 F9 02 05");
    assertEquals(List.of(new ProtocolVersion(2, 5)), decoder.feed(wire));
    assertEquals(6, decoder.errors());
  }

  @Test
  void badArgumentsToFeedAreCountedNotThrown() {
    FirmataDecoder decoder = new FirmataDecoder();
    assertEquals(List.of(), decoder.feed(null, 0, 3));
    assertEquals(List.of(), decoder.feed(new byte[2], 1, 5));
    assertEquals(List.of(), decoder.feed(new byte[2], -1, 1));
    assertEquals(3, decoder.errors());
  }
}
