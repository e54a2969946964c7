package io.minicloud.mapper.firmata.codec;

/**
 * The read/write mode of an I2C request: bits 3-4 of its flags byte (<a
 * href="https://github.com/firmata/protocol/blob/master/i2c.md">i2c.md</a>).
 */
public enum I2cMode {
  WRITE(0b00),
  READ_ONCE(0b01),
  READ_CONTINUOUSLY(0b10),
  STOP_READING(0b11);

  private final int bits;

  I2cMode(int bits) {
    this.bits = bits;
  }

  int bits() {
    return bits;
  }
}
