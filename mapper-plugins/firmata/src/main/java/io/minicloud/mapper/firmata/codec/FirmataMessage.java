package io.minicloud.mapper.firmata.codec;

import java.util.Arrays;
import java.util.List;

/**
 * A message the board sends to the host, as decoded by {@link FirmataDecoder}. Wire formats are in
 * <a href="https://github.com/firmata/protocol/blob/master/protocol.md">protocol.md</a>.
 */
public sealed interface FirmataMessage {

  /** Reply to REPORT_VERSION (0xF9): the protocol version, e.g. 2.5. */
  record ProtocolVersion(int major, int minor) implements FirmataMessage {}

  /** SysEx REPORT_FIRMWARE (0x79): firmware version and sketch name (e.g. StandardFirmata.ino). */
  record FirmwareReport(int major, int minor, String name) implements FirmataMessage {}

  /**
   * One supported mode of a pin (not a message itself; part of {@link CapabilityResponse}) and its
   * resolution in bits (capability-query.md).
   */
  record PinCapability(int mode, int resolution) {
    /** The known mode, if this firmware's code is one {@link PinMode} has. */
    public java.util.Optional<PinMode> pinMode() {
      return PinMode.fromCode(mode);
    }
  }

  /** SysEx CAPABILITY_RESPONSE (0x6C): for each pin, in pin order, its supported modes. */
  record CapabilityResponse(List<List<PinCapability>> pins) implements FirmataMessage {
    public CapabilityResponse {
      pins = pins.stream().map(List::copyOf).toList();
    }
  }

  /**
   * SysEx ANALOG_MAPPING_RESPONSE (0x6A): for each pin, its analog channel or {@link #NOT_ANALOG}.
   */
  record AnalogMappingResponse(List<Integer> channels) implements FirmataMessage {
    /** The channel value of a pin that is not an analog input. */
    public static final int NOT_ANALOG = 127;

    public AnalogMappingResponse {
      channels = List.copyOf(channels);
    }
  }

  /** SysEx PIN_STATE_RESPONSE (0x6E). {@code state} is assembled from little-endian 7-bit bytes. */
  record PinStateResponse(int pin, int mode, long state) implements FirmataMessage {}

  /** ANALOG_MESSAGE (0xE0|channel) or EXTENDED_ANALOG (0x6F) from the board. */
  record AnalogValue(int channel, int value) implements FirmataMessage {}

  /** DIGITAL_MESSAGE (0x90|port): the 8 pin values of one port as a bit mask. */
  record DigitalPort(int port, int mask) implements FirmataMessage {}

  /** SysEx STRING_DATA (0x71): text, each character sent as two 7-bit bytes. */
  record StringData(String text) implements FirmataMessage {}

  /** SysEx I2C_REPLY (0x77), i2c.md: slave address, register and the bytes read. */
  record I2cReply(int address, int register, List<Integer> data) implements FirmataMessage {
    public I2cReply {
      data = List.copyOf(data);
    }
  }

  /** Any other SysEx: command byte and the raw 7-bit payload (between command and END_SYSEX). */
  record UnknownSysex(int command, byte[] data) implements FirmataMessage {
    public UnknownSysex {
      data = data.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }

    // Records compare arrays by identity; value semantics are what tests and callers expect.
    @Override
    public boolean equals(Object o) {
      return o instanceof UnknownSysex u && u.command == command && Arrays.equals(u.data, data);
    }

    @Override
    public int hashCode() {
      return 31 * command + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return "UnknownSysex[command=" + command + ", data=" + Arrays.toString(data) + "]";
    }
  }
}
