package io.minicloud.mapper.firmata;

import io.minicloud.mapper.api.PointBinding;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One property of a board, bound: its mode and where it is. Exactly one of {@code pin}, {@code
 * analogChannel} (ANALOG by channel) and {@code i2c} is the address; an ANALOG point may name a pin
 * instead, and {@link BoardLayout} resolves the other through the board's analog mapping.
 *
 * @param initialValue the raw value an output gets at attach, before anything was written (a pin
 *     level 0/1, a duty count, an angle)
 * @param safeValue the raw value an output is set to when the bridge closes the connection (a
 *     heater off when the gateway stops)
 */
public record FirmataPoint(
    String property,
    PointMode mode,
    OptionalInt pin,
    OptionalInt analogChannel,
    Optional<I2cRegister> i2c,
    OptionalLong initialValue,
    OptionalLong safeValue,
    PointBinding binding) {

  /** How the point is named in errors: {@code pin 13}, {@code A0}, {@code I2C 0x48}. */
  public String where() {
    if (i2c.isPresent()) {
      return "I2C 0x" + Integer.toHexString(i2c.get().address());
    }
    if (pin.isPresent()) {
      return "pin " + pin.getAsInt();
    }
    return "A" + analogChannel.getAsInt();
  }
}
