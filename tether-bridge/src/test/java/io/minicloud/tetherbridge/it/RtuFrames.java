package io.minicloud.tetherbridge.it;

import java.util.HexFormat;

/**
 * Reads Modbus RTU frames as the frame log shows them ({@code "01 03 00 00 00 02 C4 0B"}), with a
 * CRC-16/MODBUS written here from the spec (poly 0xA001 reflected, init 0xFFFF, low byte first),
 * not the plugin's: the log is checked against the standard, not against our own codec.
 */
final class RtuFrames {
  private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

  private RtuFrames() {}

  static byte[] bytes(String hex) {
    return hex.isEmpty() ? new byte[0] : HEX.parseHex(hex);
  }

  static int crc16(byte[] frame, int length) {
    int crc = 0xFFFF;
    for (int i = 0; i < length; i++) {
      crc ^= frame[i] & 0xFF;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
      }
    }
    return crc;
  }

  /** True when the last two bytes are the CRC of the rest, low byte first. */
  static boolean crcOk(byte[] frame) {
    if (frame.length < 4) {
      return false;
    }
    int crc = crc16(frame, frame.length - 2);
    return (frame[frame.length - 2] & 0xFF) == (crc & 0xFF)
        && (frame[frame.length - 1] & 0xFF) == crc >>> 8;
  }

  static int u8(byte[] frame, int index) {
    return frame[index] & 0xFF;
  }

  static int u16(byte[] frame, int index) {
    return (frame[index] & 0xFF) << 8 | frame[index + 1] & 0xFF;
  }
}
