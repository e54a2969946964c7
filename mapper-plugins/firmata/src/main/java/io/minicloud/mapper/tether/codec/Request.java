package io.minicloud.mapper.tether.codec;

import java.util.HexFormat;

/** A host request before it gets its sequence number: type and body, built by the factories. */
public record Request(MessageType type, byte[] body) {

  public Request {
    if (type.fromMcu()) {
      throw new IllegalArgumentException(type + " is sent by the MCU, not the host");
    }
    body = body.clone();
  }

  public static Request hello() {
    return new Request(MessageType.HELLO, new byte[0]);
  }

  public static Request configPin(int pin, PinMode mode, int safeValue) {
    return new Request(
        MessageType.CONFIG_PIN, new byte[] {pin(pin), (byte) mode.code(), bit(safeValue)});
  }

  public static Request set(int pin, int value) {
    return new Request(MessageType.SET, new byte[] {pin(pin), 0, bit(value)});
  }

  public static Request read(int pin) {
    return new Request(MessageType.READ, new byte[] {pin(pin)});
  }

  /**
   * Arms the fail-safe with this timeout (0 disarms it). {@code rearm} leaves the tripped state:
   * the host sends it only after re-applying its configuration.
   */
  public static Request heartbeat(int timeoutMillis, boolean rearm) {
    if (timeoutMillis < 0 || timeoutMillis > 0xFFFF) {
      throw new IllegalArgumentException("timeout " + timeoutMillis + " ms is outside 0..65535");
    }
    return new Request(
        MessageType.HEARTBEAT,
        new byte[] {(byte) (timeoutMillis >>> 8), (byte) timeoutMillis, (byte) (rearm ? 1 : 0)});
  }

  /** Asks for the MCU's counters of what it dropped without a reply. */
  public static Request diagnostics() {
    return new Request(MessageType.DIAGNOSTICS, new byte[0]);
  }

  /** With a sequence number: what goes on the wire. */
  public TetherFrame frame(int seq) {
    return TetherFrame.of(seq, type, body);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public String toString() {
    return type + "[" + HexFormat.of().formatHex(body) + "]";
  }

  private static byte pin(int pin) {
    if (pin < 0 || pin > 255) {
      throw new IllegalArgumentException("pin " + pin + " is outside 0..255");
    }
    return (byte) pin;
  }

  private static byte bit(int value) {
    if (value != 0 && value != 1) {
      throw new IllegalArgumentException("a digital level is 0 or 1, not " + value);
    }
    return (byte) value;
  }
}
