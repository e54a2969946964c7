package io.minicloud.mapper.firmata;

import java.util.OptionalInt;

/**
 * Where an I2C property lives: the slave address, the register written before reading (none for
 * devices without registers), how many bytes make the value and in which order.
 */
public record I2cRegister(int address, OptionalInt register, int length, boolean bigEndian) {

  /** Joins the bytes of a reply into the raw value (at most 7 bytes fit a signed long). */
  long join(java.util.List<Integer> bytes) {
    long value = 0;
    for (int i = 0; i < length; i++) {
      int b = bytes.get(bigEndian ? i : length - 1 - i) & 0xFF;
      value = value << 8 | b;
    }
    return value;
  }

  /** Splits a raw value into {@link #length} bytes in the register's order. */
  int[] split(long value) {
    int[] bytes = new int[length];
    for (int i = 0; i < length; i++) {
      int shift = 8 * (bigEndian ? length - 1 - i : i);
      bytes[i] = (int) (value >>> shift) & 0xFF;
    }
    return bytes;
  }
}
