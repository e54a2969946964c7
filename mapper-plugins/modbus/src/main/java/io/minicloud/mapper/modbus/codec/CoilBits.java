package io.minicloud.mapper.modbus.codec;

/**
 * Coil and discrete-input states packed as Modbus packs them: eight per byte, the first item in the
 * least significant bit of the first byte, the last byte padded with zeros.
 */
public final class CoilBits {
  private CoilBits() {}

  /** Bytes needed for {@code count} bits. */
  public static int byteCount(int count) {
    return (count + 7) / 8;
  }

  /** Packs states 0/1 into bytes. */
  public static byte[] pack(int[] bits) {
    byte[] bytes = new byte[byteCount(bits.length)];
    for (int i = 0; i < bits.length; i++) {
      if (bits[i] != 0) {
        bytes[i / 8] |= (byte) (1 << (i % 8));
      }
    }
    return bytes;
  }

  /** Unpacks {@code count} states from {@code bytes}, starting at {@code offset}. */
  public static int[] unpack(byte[] bytes, int offset, int count) {
    int[] bits = new int[count];
    for (int i = 0; i < count; i++) {
      bits[i] = (bytes[offset + i / 8] >> (i % 8)) & 1;
    }
    return bits;
  }
}
