package io.minicloud.mapper.firmata.codec;

import static io.minicloud.mapper.firmata.codec.Firmata.*;

import io.minicloud.mapper.firmata.codec.FirmataMessage.AnalogMappingResponse;
import io.minicloud.mapper.firmata.codec.FirmataMessage.AnalogValue;
import io.minicloud.mapper.firmata.codec.FirmataMessage.CapabilityResponse;
import io.minicloud.mapper.firmata.codec.FirmataMessage.FirmwareReport;
import io.minicloud.mapper.firmata.codec.FirmataMessage.I2cReply;
import io.minicloud.mapper.firmata.codec.FirmataMessage.PinCapability;
import io.minicloud.mapper.firmata.codec.FirmataMessage.PinStateResponse;
import io.minicloud.mapper.firmata.codec.FirmataMessage.StringData;
import io.minicloud.mapper.firmata.codec.FirmataMessage.UnknownSysex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The content of one complete SysEx (between START_SYSEX and END_SYSEX, all bytes 7-bit), per
 * protocol.md and the feature docs of <a href="https://github.com/firmata/protocol">
 * firmata/protocol</a>. Returns {@code null} for a malformed payload, which the decoder counts.
 */
final class SysexParser {

  /** A long carries 63 bits: nine 7-bit groups. */
  private static final int MAX_STATE_BYTES = 9;

  /** An int here carries 28 bits: four 7-bit groups (extended-analog.md allows more; unused). */
  private static final int MAX_ANALOG_BYTES = 4;

  private SysexParser() {}

  static FirmataMessage parse(byte[] payload) {
    if (payload.length == 0) {
      return null; // F0 F7: no command
    }
    int command = payload[0];
    byte[] d = Arrays.copyOfRange(payload, 1, payload.length);
    return switch (command) {
      case REPORT_FIRMWARE -> firmware(d);
      case CAPABILITY_RESPONSE -> capabilities(d);
      case ANALOG_MAPPING_RESPONSE -> analogMapping(d);
      case PIN_STATE_RESPONSE -> pinState(d);
      case EXTENDED_ANALOG -> extendedAnalog(d);
      case STRING_DATA -> stringData(d);
      case I2C_REPLY -> i2cReply(d);
      default -> new UnknownSysex(command, d);
    };
  }

  /** {@code 79 major minor (LSB MSB)*}: the sketch name, two 7-bit bytes per character. */
  private static FirmataMessage firmware(byte[] d) {
    if (d.length < 2) {
      return null;
    }
    String name = text(d, 2);
    return name == null ? null : new FirmwareReport(d[0], d[1], name);
  }

  /** {@code 71 (LSB MSB)*}: free text from the sketch, e.g. an error message. */
  private static FirmataMessage stringData(byte[] d) {
    String text = text(d, 0);
    return text == null ? null : new StringData(text);
  }

  /**
   * {@code 6C (mode resolution)* 7F ...} (capability-query.md): each pin's modes end with 7F, so a
   * pin with no usable modes is a bare 7F.
   */
  private static FirmataMessage capabilities(byte[] d) {
    List<List<PinCapability>> pins = new ArrayList<>();
    List<PinCapability> pin = new ArrayList<>();
    int i = 0;
    while (i < d.length) {
      if (d[i] == 0x7F) {
        pins.add(pin);
        pin = new ArrayList<>();
        i++;
      } else if (i + 1 < d.length) {
        pin.add(new PinCapability(d[i], d[i + 1]));
        i += 2;
      } else {
        return null; // a mode without its resolution
      }
    }
    return pin.isEmpty() ? new CapabilityResponse(pins) : null; // last pin lacks its 7F
  }

  /** {@code 6A channel*}: one byte per pin, 127 for pins that are not analog inputs. */
  private static FirmataMessage analogMapping(byte[] d) {
    List<Integer> channels = new ArrayList<>(d.length);
    for (byte b : d) {
      channels.add((int) b);
    }
    return new AnalogMappingResponse(channels);
  }

  /** {@code 6E pin mode state0 [state1 ...]} (pin-state-query.md), state little-endian. */
  private static FirmataMessage pinState(byte[] d) {
    if (d.length < 3 || d.length - 2 > MAX_STATE_BYTES) {
      return null;
    }
    return new PinStateResponse(d[0], d[1], littleEndian(d, 2));
  }

  /** {@code 6F pin v0 [v1 ...]} (extended-analog.md), value little-endian. */
  private static FirmataMessage extendedAnalog(byte[] d) {
    if (d.length < 2 || d.length - 1 > MAX_ANALOG_BYTES) {
      return null;
    }
    return new AnalogValue(d[0], (int) littleEndian(d, 1));
  }

  /**
   * {@code 77 addrLSB addrMSB regLSB regMSB (LSB MSB)*} (i2c.md): every quantity is two 7-bit
   * bytes.
   */
  private static FirmataMessage i2cReply(byte[] d) {
    if (d.length < 4 || d.length % 2 != 0) {
      return null;
    }
    List<Integer> data = new ArrayList<>(d.length / 2 - 2);
    for (int i = 4; i < d.length; i += 2) {
      data.add(d[i] | d[i + 1] << 7);
    }
    return new I2cReply(d[0] | d[1] << 7, d[2] | d[3] << 7, data);
  }

  /** Characters from 7-bit pairs starting at {@code from}; null if a pair is incomplete. */
  private static String text(byte[] d, int from) {
    if ((d.length - from) % 2 != 0) {
      return null;
    }
    StringBuilder text = new StringBuilder((d.length - from) / 2);
    for (int i = from; i < d.length; i += 2) {
      text.append((char) (d[i] | d[i + 1] << 7));
    }
    return text.toString();
  }

  private static long littleEndian(byte[] d, int from) {
    long value = 0;
    for (int i = d.length - 1; i >= from; i--) {
      value = value << 7 | d[i];
    }
    return value;
  }
}
