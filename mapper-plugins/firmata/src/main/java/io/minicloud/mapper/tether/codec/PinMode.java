package io.minicloud.mapper.tether.codec;

import java.util.Locale;

/** A pin mode on the wire; capability masks have bit {@code code - 1} set per supported mode. */
public enum PinMode {
  DIGITAL_IN(1),
  DIGITAL_IN_PULLUP(2),
  DIGITAL_OUT(3),
  ANALOG_IN(4);

  private final int code;

  PinMode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public int capabilityBit() {
    return 1 << (code - 1);
  }

  public boolean output() {
    return this == DIGITAL_OUT;
  }

  /** The config spelling: {@code digital-in}, {@code digital-in-pullup}, ... */
  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static PinMode parse(String text) {
    for (PinMode mode : values()) {
      if (mode.configName().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "'"
            + text
            + "' is not a pin mode; expected digital-in, digital-in-pullup, digital-out or"
            + " analog-in");
  }
}
