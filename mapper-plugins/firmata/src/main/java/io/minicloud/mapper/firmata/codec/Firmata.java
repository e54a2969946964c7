package io.minicloud.mapper.firmata.codec;

/**
 * Command and SysEx bytes of Firmata 2.5, named as in <a
 * href="https://github.com/firmata/protocol/blob/master/protocol.md">protocol.md</a>.
 */
final class Firmata {
  static final int DIGITAL_MESSAGE = 0x90;
  static final int REPORT_ANALOG = 0xC0;
  static final int REPORT_DIGITAL = 0xD0;
  static final int ANALOG_MESSAGE = 0xE0;
  static final int START_SYSEX = 0xF0;
  static final int SET_PIN_MODE = 0xF4;
  static final int SET_DIGITAL_PIN_VALUE = 0xF5;
  static final int END_SYSEX = 0xF7;
  static final int REPORT_VERSION = 0xF9;
  static final int SYSTEM_RESET = 0xFF;

  static final int ANALOG_MAPPING_QUERY = 0x69;
  static final int ANALOG_MAPPING_RESPONSE = 0x6A;
  static final int CAPABILITY_QUERY = 0x6B;
  static final int CAPABILITY_RESPONSE = 0x6C;
  static final int PIN_STATE_QUERY = 0x6D;
  static final int PIN_STATE_RESPONSE = 0x6E;
  static final int EXTENDED_ANALOG = 0x6F;
  static final int STRING_DATA = 0x71;
  static final int I2C_REQUEST = 0x76;
  static final int I2C_REPLY = 0x77;
  static final int I2C_CONFIG = 0x78;
  static final int REPORT_FIRMWARE = 0x79;
  static final int SAMPLING_INTERVAL = 0x7A;

  /** Largest value of a 14-bit quantity sent as two 7-bit bytes (LSB first). */
  static final int MAX_14BIT = 0x3FFF;

  private Firmata() {}
}
