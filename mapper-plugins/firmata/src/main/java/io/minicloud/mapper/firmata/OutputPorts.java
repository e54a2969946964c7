package io.minicloud.mapper.firmata;

import io.minicloud.mapper.firmata.codec.FirmataEncoder;

/**
 * The levels the host drives on each digital port. StandardFirmata 2.5 (the build tested here)
 * ignores SET_DIGITAL_PIN_VALUE, so a pin is written by sending its whole port (DIGITAL_MESSAGE),
 * and the other output pins of that port must keep their level. Bits of pins that are not outputs
 * stay 0: StandardFirmata turns a 1 on an INPUT pin into its pull-up.
 *
 * <p>Guarded by its own monitor, which {@link FirmataConnection#send} also holds, so a port message
 * is computed and sent as one step.
 */
final class OutputPorts {
  private final int[] levels = new int[16];
  private final int[] outputs = new int[16];

  /** Marks {@code pin} as an output (its mode was set to OUTPUT). */
  synchronized void output(int pin) {
    outputs[pin / 8] |= 1 << (pin % 8);
  }

  /** Sets one pin's level and returns the DIGITAL_MESSAGE for its port. */
  synchronized byte[] set(int pin, boolean high) {
    int port = pin / 8;
    int bit = 1 << (pin % 8);
    levels[port] = high ? levels[port] | bit : levels[port] & ~bit;
    return FirmataEncoder.digitalPort(port, levels[port] & outputs[port]);
  }

  /** The level last set on {@code pin}. */
  synchronized boolean level(int pin) {
    return (levels[pin / 8] >> (pin % 8) & 1) == 1;
  }
}
