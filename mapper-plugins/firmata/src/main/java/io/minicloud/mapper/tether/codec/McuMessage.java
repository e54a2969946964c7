package io.minicloud.mapper.tether.codec;

import java.util.Optional;

/**
 * A frame from the MCU, with the prefix every one of them carries: the boot nonce and the fail-safe
 * status. {@code rest} is the type-specific remainder of the body.
 */
public record McuMessage(int seq, MessageType type, long nonce, int status, byte[] rest) {
  public static final int STATUS_ARMED = 0x01;
  public static final int STATUS_TRIPPED = 0x02;
  static final int PREFIX = 5;

  public McuMessage {
    rest = rest.clone();
  }

  /** Empty for host-bound types and bodies too short to hold the prefix. */
  public static Optional<McuMessage> parse(TetherFrame frame) {
    byte[] body = frame.body();
    if (!frame.type().fromMcu() || body.length < PREFIX) {
      return Optional.empty();
    }
    long nonce =
        (body[0] & 0xFFL) << 24 | (body[1] & 0xFFL) << 16 | (body[2] & 0xFFL) << 8 | body[3] & 0xFF;
    return Optional.of(
        new McuMessage(
            frame.seq(),
            frame.type(),
            nonce,
            body[4] & 0xFF,
            java.util.Arrays.copyOfRange(body, PREFIX, body.length)));
  }

  @Override
  public byte[] rest() {
    return rest.clone();
  }

  public boolean armed() {
    return (status & STATUS_ARMED) != 0;
  }

  public boolean tripped() {
    return (status & STATUS_TRIPPED) != 0;
  }

  /** The reason of a NACK ({@link NackReason#UNKNOWN} when missing). */
  public NackReason nackReason() {
    return rest.length == 1 ? NackReason.of(rest[0] & 0xFF) : NackReason.UNKNOWN;
  }

  /** The pin value of a REPORT or EVENT; empty when the body is malformed. */
  public Optional<PinValue> pinValue() {
    if ((type != MessageType.REPORT && type != MessageType.EVENT) || rest.length != 3) {
      return Optional.empty();
    }
    return Optional.of(new PinValue(rest[0] & 0xFF, (rest[1] & 0xFF) << 8 | rest[2] & 0xFF));
  }

  /** The counters of a DIAGNOSTICS_REPORT; empty when the body is malformed. */
  public Optional<Diagnostics> diagnostics() {
    if (type != MessageType.DIAGNOSTICS_REPORT || rest.length != 8) {
      return Optional.empty();
    }
    return Optional.of(new Diagnostics(word(0), word(2), word(4), word(6)));
  }

  private int word(int at) {
    return (rest[at] & 0xFF) << 8 | rest[at + 1] & 0xFF;
  }

  /**
   * What the MCU dropped without answering, since its boot (each saturates at 65535).
   *
   * @param crcErrors frames that failed their CRC
   * @param droppedFrames frames too long, not COBS, or shorter than a header and CRC
   * @param rxOverruns bytes lost because the receive ring buffer was full
   * @param lineErrors bytes received with a framing error or a UART data overrun
   */
  public record Diagnostics(int crcErrors, int droppedFrames, int rxOverruns, int lineErrors) {}

  /** One pin's value: 0/1 for digital pins, 0..1023 for analog inputs. */
  public record PinValue(int pin, int value) {}
}
