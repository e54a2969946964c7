package io.minicloud.mapper.modbus.codec;

/** CRC-16/MODBUS (polynomial 0xA001 reflected, initial 0xFFFF), sent low byte first. */
public final class Crc16 {
  private static final int[] TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int crc = i;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
      }
      TABLE[i] = crc;
    }
  }

  private Crc16() {}

  /** The CRC of {@code bytes[0..length)}. */
  public static int compute(byte[] bytes, int length) {
    int crc = 0xFFFF;
    for (int i = 0; i < length; i++) {
      crc = (crc >>> 8) ^ TABLE[(crc ^ bytes[i]) & 0xFF];
    }
    return crc;
  }

  /** Appends the CRC of {@code body}, low byte first as RTU sends it. */
  public static byte[] append(byte[] body) {
    int crc = compute(body, body.length);
    byte[] frame = java.util.Arrays.copyOf(body, body.length + 2);
    frame[body.length] = (byte) crc;
    frame[body.length + 1] = (byte) (crc >>> 8);
    return frame;
  }

  /** True when the last two bytes of {@code frame} are the CRC of the rest. */
  public static boolean valid(byte[] frame) {
    if (frame.length < 3) {
      return false;
    }
    return compute(frame, frame.length - 2) == carried(frame);
  }

  /** The CRC a frame carries in its last two bytes. */
  static int carried(byte[] frame) {
    return (frame[frame.length - 2] & 0xFF) | (frame[frame.length - 1] & 0xFF) << 8;
  }
}
