package io.minicloud.mapper.tether.codec;

import java.util.Optional;

/** The message type byte of a tether v1 frame. */
public enum MessageType {
  HELLO(0x01),
  CONFIG_PIN(0x02),
  SET(0x03),
  READ(0x04),
  HEARTBEAT(0x05),
  DIAGNOSTICS(0x06),
  IDENTITY(0x81),
  REPORT(0x84),
  DIAGNOSTICS_REPORT(0x86),
  ACK(0xC0),
  NACK(0xC1),
  EVENT(0xE0);

  private final int code;

  MessageType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** True for what the MCU sends. */
  public boolean fromMcu() {
    return (code & 0x80) != 0;
  }

  public static Optional<MessageType> of(int code) {
    for (MessageType t : values()) {
      if (t.code == code) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
