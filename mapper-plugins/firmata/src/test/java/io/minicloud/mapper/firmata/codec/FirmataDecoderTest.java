package io.minicloud.mapper.firmata.codec;

import static io.minicloud.mapper.firmata.codec.Bytes.concat;
import static io.minicloud.mapper.firmata.codec.Bytes.hex;
import static io.minicloud.mapper.firmata.codec.Bytes.sevenBitPairs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.minicloud.mapper.firmata.codec.FirmataMessage.AnalogMappingResponse;
import io.minicloud.mapper.firmata.codec.FirmataMessage.AnalogValue;
import io.minicloud.mapper.firmata.codec.FirmataMessage.CapabilityResponse;
import io.minicloud.mapper.firmata.codec.FirmataMessage.DigitalPort;
import io.minicloud.mapper.firmata.codec.FirmataMessage.FirmwareReport;
import io.minicloud.mapper.firmata.codec.FirmataMessage.I2cReply;
import io.minicloud.mapper.firmata.codec.FirmataMessage.PinCapability;
import io.minicloud.mapper.firmata.codec.FirmataMessage.PinStateResponse;
import io.minicloud.mapper.firmata.codec.FirmataMessage.ProtocolVersion;
import io.minicloud.mapper.firmata.codec.FirmataMessage.StringData;
import io.minicloud.mapper.firmata.codec.FirmataMessage.UnknownSysex;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Responses as protocol.md and the feature docs print them; every one is also split. */
class FirmataDecoderTest {

  static List<Arguments> responses() {
    return List.of(
        Arguments.of("F9 02 05", new ProtocolVersion(2, 5)),
        Arguments.of("E3 68 07", new AnalogValue(3, 1000)),
        Arguments.of("91 25 01", new DigitalPort(1, 0xA5)),
        Arguments.of("F0 79 02 05 53 00 74 00 F7", new FirmwareReport(2, 5, "St")),
        Arguments.of(
            "F0 6C 00 01 01 01 7F 7F 00 01 01 01 02 0A 03 08 7F F7",
            new CapabilityResponse(
                List.of(
                    List.of(new PinCapability(0, 1), new PinCapability(1, 1)),
                    List.of(),
                    List.of(
                        new PinCapability(0, 1),
                        new PinCapability(1, 1),
                        new PinCapability(2, 10),
                        new PinCapability(3, 8))))),
        Arguments.of("F0 6A 7F 7F 00 01 F7", new AnalogMappingResponse(List.of(127, 127, 0, 1))),
        Arguments.of("F0 6E 0D 01 01 F7", new PinStateResponse(13, 1, 1)),
        // state 7F 01 little-endian = 0x7F | 1 << 7 = 255
        Arguments.of("F0 6E 03 03 7F 01 F7", new PinStateResponse(3, 3, 255)),
        Arguments.of("F0 6F 14 68 07 F7", new AnalogValue(20, 1000)),
        Arguments.of("F0 71 48 00 69 00 F7", new StringData("Hi")),
        // address 0x48, register 1, bytes 0xFF (7F 01) and 5
        Arguments.of("F0 77 48 00 01 00 7F 01 05 00 F7", new I2cReply(0x48, 1, List.of(255, 5))),
        Arguments.of("F0 01 02 03 F7", new UnknownSysex(1, new byte[] {2, 3})));
  }

  @ParameterizedTest
  @MethodSource("responses")
  void decodesEachResponseWholeAndSplitAtEveryBoundary(String wire, FirmataMessage expected) {
    byte[] bytes = hex(wire);
    // GIVEN the whole message WHEN fed at once THEN exactly it, no errors
    assertDecodes(List.of(expected), bytes);
  }

  @Test
  void aStreamOfAllResponsesIsTheSameWhateverTheChunking() {
    List<FirmataMessage> expected = new ArrayList<>();
    List<byte[]> wires = new ArrayList<>();
    for (Arguments a : responses()) {
      wires.add(hex((String) a.get()[0]));
      expected.add((FirmataMessage) a.get()[1]);
    }
    assertDecodes(expected, concat(wires.toArray(byte[][]::new)));
  }

  @Test
  void standardFirmataStartup() {
    // GIVEN what StandardFirmata sends after reset and the host's three queries
    byte[] startup =
        concat(
            hex("F9 02 05"),
            hex("F0 79 02 05"),
            sevenBitPairs("StandardFirmata.ino"),
            hex("F7"),
            // pin 0 and 1 serial/ignored (bare 7F), pin 2 digital in/out/pullup
            hex("F0 6C 7F 7F 00 01 01 01 0B 01 7F F7"),
            hex("F0 6A 7F 7F 7F F7"));
    // WHEN decoded THEN four messages in order, names intact
    assertDecodes(
        List.of(
            new ProtocolVersion(2, 5),
            new FirmwareReport(2, 5, "StandardFirmata.ino"),
            new CapabilityResponse(
                List.of(
                    List.of(),
                    List.of(),
                    List.of(
                        new PinCapability(0, 1),
                        new PinCapability(1, 1),
                        new PinCapability(0x0B, 1)))),
            new AnalogMappingResponse(List.of(127, 127, 127))),
        startup);
  }

  @Test
  void encoderOutputForSharedFormatsDecodesBack() {
    // ANALOG and DIGITAL messages and STRING_DATA have the same format in both directions
    FirmataDecoder decoder = new FirmataDecoder();
    byte[] wire =
        concat(
            FirmataEncoder.analogWrite(3, 1000),
            FirmataEncoder.digitalPort(2, 0xFF),
            FirmataEncoder.stringData("ok \u00e9"),
            FirmataEncoder.extendedAnalog(40, 70000));
    assertEquals(
        List.of(
            new AnalogValue(3, 1000),
            new DigitalPort(2, 0xFF),
            new StringData("ok \u00e9"),
            new AnalogValue(40, 70000)),
        decoder.feed(wire));
    assertEquals(0, decoder.errors());
  }

  /** Whole, one byte at a time, and in two chunks at every split point: the same messages. */
  static void assertDecodes(List<FirmataMessage> expected, byte[] bytes) {
    FirmataDecoder whole = new FirmataDecoder();
    assertEquals(expected, whole.feed(bytes, 0, bytes.length));
    assertEquals(0, whole.errors());

    FirmataDecoder byByte = new FirmataDecoder();
    List<FirmataMessage> got = new ArrayList<>();
    for (int i = 0; i < bytes.length; i++) {
      got.addAll(byByte.feed(bytes, i, 1));
    }
    assertEquals(expected, got, "one byte at a time");
    assertEquals(0, byByte.errors());

    for (int split = 0; split <= bytes.length; split++) {
      FirmataDecoder two = new FirmataDecoder();
      List<FirmataMessage> parts = new ArrayList<>(two.feed(bytes, 0, split));
      parts.addAll(two.feed(bytes, split, bytes.length - split));
      assertEquals(expected, parts, "split at " + split);
      assertEquals(0, two.errors(), "split at " + split);
    }
  }
}
