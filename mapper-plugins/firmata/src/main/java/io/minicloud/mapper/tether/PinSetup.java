package io.minicloud.mapper.tether;

import io.minicloud.mapper.tether.codec.PinMode;

/**
 * One pin as the host configures it.
 *
 * @param safeValue the level the MCU drives on its own when the host falls silent (outputs only; 0
 *     for inputs)
 */
public record PinSetup(int pin, PinMode mode, int safeValue) {
  public PinSetup {
    if (pin < 0 || pin > 255) {
      throw new IllegalArgumentException("pin " + pin + " is outside 0..255");
    }
    if (safeValue != 0 && safeValue != 1) {
      throw new IllegalArgumentException("safeValue must be 0 or 1, not " + safeValue);
    }
  }
}
