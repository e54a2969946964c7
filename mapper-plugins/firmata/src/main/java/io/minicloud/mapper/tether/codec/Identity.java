package io.minicloud.mapper.tether.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The MCU's answer to HELLO: who it is and what it can do.
 *
 * @param capabilities per pin, a mask with bit {@code mode - 1} set for each {@link PinMode} the
 *     pin supports; 0 for pins that cannot be used (the UART's)
 * @param maxPayload the largest frame payload it accepts
 * @param maxRate requests per second it promises to serve
 */
public record Identity(
    long nonce,
    int protocolVersion,
    String firmwareName,
    String firmwareVersion,
    int maxPayload,
    int maxRate,
    List<Integer> capabilities) {

  public Identity {
    capabilities = List.copyOf(capabilities);
  }

  public int pinCount() {
    return capabilities.size();
  }

  public boolean supports(int pin, PinMode mode) {
    return pin >= 0 && pin < pinCount() && (capabilities.get(pin) & mode.capabilityBit()) != 0;
  }

  /** Empty when the message is no IDENTITY or its body does not add up. */
  public static Optional<Identity> parse(McuMessage m) {
    byte[] r = m.rest();
    if (m.type() != MessageType.IDENTITY || r.length < 8) {
      return Optional.empty();
    }
    int pins = r[7] & 0xFF;
    if (r.length < 8 + pins + 1) {
      return Optional.empty();
    }
    int nameLength = r[8 + pins] & 0xFF;
    if (r.length != 8 + pins + 1 + nameLength) {
      return Optional.empty();
    }
    List<Integer> caps = new ArrayList<>(pins);
    for (int i = 0; i < pins; i++) {
      caps.add(r[8 + i] & 0xFF);
    }
    String name = new String(r, 9 + pins, nameLength, StandardCharsets.US_ASCII);
    String version = (r[1] & 0xFF) + "." + (r[2] & 0xFF) + "." + (r[3] & 0xFF);
    int maxRate = (r[5] & 0xFF) << 8 | r[6] & 0xFF;
    return Optional.of(
        new Identity(m.nonce(), r[0] & 0xFF, name, version, r[4] & 0xFF, maxRate, caps));
  }
}
