package io.minicloud.mapper.firmata.codec;

import java.io.ByteArrayOutputStream;

/** Test helper: wire bytes written the way protocol.md prints them, e.g. {@code "E3 68 07"}. */
final class Bytes {
  private Bytes() {}

  static byte[] hex(String spaced) {
    String[] parts = spaced.trim().split("\\s+");
    byte[] out = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return out;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** Text as Firmata sends it in STRING_DATA and REPORT_FIRMWARE: LSB, MSB per character. */
  static byte[] sevenBitPairs(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (char c : text.toCharArray()) {
      out.write(c & 0x7F);
      out.write(c >> 7);
    }
    return out.toByteArray();
  }
}
