package io.minicloud.mapper.tether.codec;

import java.util.Optional;

/** Consistent Overhead Byte Stuffing: an encoded frame holds no 0x00, so 0x00 delimits frames. */
public final class Cobs {
  private Cobs() {}

  /** The encoded bytes, without the delimiter. */
  public static byte[] encode(byte[] data) {
    byte[] out = new byte[data.length + data.length / 254 + 1];
    int codeAt = 0;
    int w = 1;
    int code = 1;
    for (int r = 0; r < data.length; r++) {
      byte b = data[r];
      if (b == 0) {
        out[codeAt] = (byte) code;
        codeAt = w++;
        code = 1;
      } else {
        out[w++] = b;
        // a full block starts the next one only if data follows (the minimal encoding)
        if (++code == 0xFF && r + 1 < data.length) {
          out[codeAt] = (byte) code;
          codeAt = w++;
          code = 1;
        }
      }
    }
    out[codeAt] = (byte) code;
    return java.util.Arrays.copyOf(out, w);
  }

  /**
   * Decodes one frame (without its delimiter); empty when it is not valid COBS or decodes to more
   * than {@code maxLength} bytes.
   */
  public static Optional<byte[]> decode(byte[] encoded, int offset, int length, int maxLength) {
    byte[] out = new byte[Math.min(length, maxLength)];
    int r = offset;
    int end = offset + length;
    int w = 0;
    while (r < end) {
      int code = encoded[r++] & 0xFF;
      if (code == 0) {
        return Optional.empty();
      }
      for (int i = 1; i < code; i++) {
        if (r >= end || encoded[r] == 0 || w >= out.length) {
          return Optional.empty();
        }
        out[w++] = encoded[r++];
      }
      if (code != 0xFF && r < end) {
        if (w >= out.length) {
          return Optional.empty();
        }
        out[w++] = 0;
      }
    }
    return Optional.of(java.util.Arrays.copyOf(out, w));
  }
}
