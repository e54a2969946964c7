package io.minicloud.mapper.firmata.codec;

import static io.minicloud.mapper.firmata.codec.Firmata.*;

import java.io.ByteArrayOutputStream;

/**
 * Host-to-board messages of Firmata 2.5 (<a
 * href="https://github.com/firmata/protocol/blob/master/protocol.md">protocol.md</a>, <a
 * href="https://github.com/firmata/protocol/blob/master/i2c.md">i2c.md</a>, <a
 * href="https://github.com/firmata/protocol/blob/master/extended-analog.md">extended-analog.md</a>).
 *
 * <p>Every data byte on the wire has its high bit clear (MIDI-style framing), so multi-bit values
 * are split into 7-bit groups, least significant first. Arguments out of range are rejected with an
 * {@link IllegalArgumentException} naming the argument instead of being silently masked, which
 * would address another pin or send another value.
 */
public final class FirmataEncoder {

  private FirmataEncoder() {}

  /** REPORT_VERSION request: {@code F9}. */
  public static byte[] reportVersion() {
    return bytes(REPORT_VERSION);
  }

  /** SYSTEM_RESET: {@code FF}. */
  public static byte[] systemReset() {
    return bytes(SYSTEM_RESET);
  }

  /** SET_PIN_MODE: {@code F4 pin mode}. */
  public static byte[] setPinMode(int pin, PinMode mode) {
    check("pin", pin, 0, 127);
    if (mode == null) {
      throw new IllegalArgumentException("mode must not be null");
    }
    return bytes(SET_PIN_MODE, pin, mode.code());
  }

  /** SET_DIGITAL_PIN_VALUE (Firmata 2.5): {@code F5 pin value}, value 0 or 1. */
  public static byte[] setDigitalPinValue(int pin, int value) {
    check("pin", pin, 0, 127);
    check("value", value, 0, 1);
    return bytes(SET_DIGITAL_PIN_VALUE, pin, value);
  }

  /** DIGITAL_MESSAGE: {@code 9p LSB MSB}, the 8 pins of port p as a mask (MSB holds bit 7). */
  public static byte[] digitalPort(int port, int mask) {
    check("port", port, 0, 15);
    check("mask", mask, 0, 0xFF);
    return bytes(DIGITAL_MESSAGE | port, mask & 0x7F, mask >> 7);
  }

  /** ANALOG_MESSAGE (analog write, PWM/servo on pins 0..15): {@code Ep LSB MSB}, 14-bit value. */
  public static byte[] analogWrite(int pin, int value) {
    check("pin", pin, 0, 15);
    check("value", value, 0, MAX_14BIT);
    return bytes(ANALOG_MESSAGE | pin, value & 0x7F, value >> 7);
  }

  /** REPORT_ANALOG: {@code Cc 0|1}, enable or disable reporting of analog channel c (0..15). */
  public static byte[] reportAnalog(int channel, boolean enable) {
    check("channel", channel, 0, 15);
    return bytes(REPORT_ANALOG | channel, enable ? 1 : 0);
  }

  /** REPORT_DIGITAL: {@code Dp 0|1}, enable or disable reporting of digital port p. */
  public static byte[] reportDigital(int port, boolean enable) {
    check("port", port, 0, 15);
    return bytes(REPORT_DIGITAL | port, enable ? 1 : 0);
  }

  /** REPORT_FIRMWARE query: {@code F0 79 F7}. */
  public static byte[] reportFirmware() {
    return bytes(START_SYSEX, REPORT_FIRMWARE, END_SYSEX);
  }

  /** CAPABILITY_QUERY: {@code F0 6B F7}. */
  public static byte[] capabilityQuery() {
    return bytes(START_SYSEX, CAPABILITY_QUERY, END_SYSEX);
  }

  /** ANALOG_MAPPING_QUERY: {@code F0 69 F7}. */
  public static byte[] analogMappingQuery() {
    return bytes(START_SYSEX, ANALOG_MAPPING_QUERY, END_SYSEX);
  }

  /** PIN_STATE_QUERY: {@code F0 6D pin F7}. */
  public static byte[] pinStateQuery(int pin) {
    check("pin", pin, 0, 127);
    return bytes(START_SYSEX, PIN_STATE_QUERY, pin, END_SYSEX);
  }

  /**
   * EXTENDED_ANALOG: {@code F0 6F pin v0 v1 [v2 [v3]] F7}, for pins above 15 or values above 14
   * bits. Like firmata.js, at least two value bytes are sent and more only when needed; the
   * firmware assembles however many arrive.
   */
  public static byte[] extendedAnalog(int pin, int value) {
    check("pin", pin, 0, 127);
    check("value", value, 0, 0x0FFF_FFFF); // four 7-bit groups
    ByteArrayOutputStream out = sysex(EXTENDED_ANALOG);
    out.write(pin);
    out.write(value & 0x7F);
    out.write((value >> 7) & 0x7F);
    for (int shift = 14; shift < 28 && (value >> shift) != 0; shift += 7) {
      out.write((value >> shift) & 0x7F);
    }
    return end(out);
  }

  /** SAMPLING_INTERVAL: {@code F0 7A LSB MSB F7}, the reporting period in milliseconds. */
  public static byte[] samplingInterval(int millis) {
    check("millis", millis, 0, MAX_14BIT);
    return bytes(START_SYSEX, SAMPLING_INTERVAL, millis & 0x7F, millis >> 7, END_SYSEX);
  }

  /** STRING_DATA: {@code F0 71 (LSB MSB)* F7}, each character as two 7-bit bytes. */
  public static byte[] stringData(String text) {
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
    ByteArrayOutputStream out = sysex(STRING_DATA);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // Two 7-bit bytes carry 14 bits; a wider char cannot be represented.
      check("text character at " + i, c, 0, MAX_14BIT);
      out.write(c & 0x7F);
      out.write(c >> 7);
    }
    return end(out);
  }

  /** I2C_CONFIG: {@code F0 78 delayLSB delayMSB F7}, delay in microseconds before a read. */
  public static byte[] i2cConfig(int delayMicros) {
    check("delayMicros", delayMicros, 0, MAX_14BIT);
    return bytes(START_SYSEX, I2C_CONFIG, delayMicros & 0x7F, delayMicros >> 7, END_SYSEX);
  }

  /**
   * I2C_REQUEST: {@code F0 76 addrLSB flags (LSB MSB)* F7}. The flags byte carries the read/write
   * mode in bits 3-4, auto-restart in bit 6 and, for 10-bit addresses (above 127), the 10-bit flag
   * in bit 5 and address bits 7-9 in bits 0-2 (i2c.md).
   */
  public static byte[] i2cRequest(int address, I2cMode mode, boolean autoRestart, int... data) {
    check("address", address, 0, 0x3FF);
    if (mode == null) {
      throw new IllegalArgumentException("mode must not be null");
    }
    int flags = mode.bits() << 3;
    if (autoRestart) {
      flags |= 0x40;
    }
    if (address > 0x7F) {
      flags |= 0x20 | (address >> 7);
    }
    ByteArrayOutputStream out = sysex(I2C_REQUEST);
    out.write(address & 0x7F);
    out.write(flags);
    for (int i = 0; data != null && i < data.length; i++) {
      check("data[" + i + "]", data[i], 0, MAX_14BIT); // a register or byte, 14 bits on the wire
      out.write(data[i] & 0x7F);
      out.write(data[i] >> 7);
    }
    return end(out);
  }

  private static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be in " + min + ".." + max + " but was " + value);
    }
  }

  private static ByteArrayOutputStream sysex(int command) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(START_SYSEX);
    out.write(command);
    return out;
  }

  private static byte[] end(ByteArrayOutputStream out) {
    out.write(END_SYSEX);
    return out.toByteArray();
  }

  private static byte[] bytes(int... values) {
    byte[] result = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (byte) values[i];
    }
    return result;
  }
}
