package io.minicloud.mapper.firmata;

import io.minicloud.mapper.api.contract.Hex;

/**
 * A fake of StandardFirmata's handshake answers for unit tests, byte for byte as the real firmware
 * sent them in simavr (see {@code firmata.read-analog.hex}); the real firmware runs in the {@code
 * *IT} tests. Answers the queries a host sends at attach and a pin-state query of pin 13.
 */
final class RecordedStandardFirmata implements InMemoryBoard.Responder {
  static final String BOOT =
      "F9 02 04 F0 79 02 04 53 00 74 00 61 00 6E 00 64 00 61 00 72 00 64 00 46 00 69 00 72 00"
          + " 6D 00 61 00 74 00 61 00 2E 00 69 00 6E 00 6F 00 F7";
  static final String CAPABILITIES =
      "F0 6C 7F 7F 00 01 01 01 04 0E 7F 00 01 01 01 03 08 04 0E 7F 00 01 01 01 04 0E 7F 00 01 01"
          + " 01 03 08 04 0E 7F 00 01 01 01 03 08 04 0E 7F 00 01 01 01 04 0E 7F 00 01 01 01 04 0E"
          + " 7F 00 01 01 01 03 08 04 0E 7F 00 01 01 01 03 08 04 0E 7F 00 01 01 01 03 08 04 0E 7F"
          + " 00 01 01 01 04 0E 7F 00 01 01 01 04 0E 7F 00 01 01 01 02 0A 04 0E 7F 00 01 01 01 02"
          + " 0A 04 0E 7F 00 01 01 01 02 0A 04 0E 7F 00 01 01 01 02 0A 04 0E 7F 00 01 01 01 02 0A"
          + " 04 0E 06 01 7F 00 01 01 01 02 0A 04 0E 06 01 7F F7";
  static final String MAPPING =
      "F0 6A 7F 7F 7F 7F 7F 7F 7F 7F 7F 7F 7F 7F 7F 7F 00 01 02 03 04 05 F7";

  private volatile int pin13 = 0;

  @Override
  public String answer(byte[] written) {
    String hex = Hex.format(written);
    return switch (hex) {
      case "F9" -> "F9 02 04";
      case "F0 79 F7" -> BOOT.substring(9);
      case "F0 6B F7" -> CAPABILITIES;
      case "F0 69 F7" -> MAPPING;
      case "F0 6D 0D F7" -> "F0 6E 0D 01 0" + pin13 + " F7";
      default -> {
        if (hex.startsWith("91 ")) {
          pin13 = (written[1] >> 5) & 1;
        }
        yield null;
      }
    };
  }
}
