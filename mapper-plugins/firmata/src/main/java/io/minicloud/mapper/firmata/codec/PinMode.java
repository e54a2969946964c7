package io.minicloud.mapper.firmata.codec;

import java.util.Optional;

/**
 * Pin modes and their wire codes, as listed in the "pin modes" table of <a
 * href="https://github.com/firmata/protocol/blob/master/protocol.md">protocol.md</a> (Firmata 2.5).
 */
public enum PinMode {
  INPUT(0x00),
  OUTPUT(0x01),
  ANALOG(0x02),
  PWM(0x03),
  SERVO(0x04),
  SHIFT(0x05),
  I2C(0x06),
  ONEWIRE(0x07),
  STEPPER(0x08),
  ENCODER(0x09),
  SERIAL(0x0A),
  PULLUP(0x0B),
  /** Pin reserved or otherwise unusable (the firmware reports it, hosts must not set it). */
  IGNORE(0x7F);

  private final int code;

  PinMode(int code) {
    this.code = code;
  }

  /** The 7-bit code sent in SET_PIN_MODE and reported in capability / pin state responses. */
  public int code() {
    return code;
  }

  /**
   * The mode for a wire code. Newer firmware may report modes this enum does not know yet, so an
   * unknown code is an empty result rather than an exception.
   */
  public static Optional<PinMode> fromCode(int code) {
    for (PinMode mode : values()) {
      if (mode.code == code) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
