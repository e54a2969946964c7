package io.minicloud.mapper.firmata;

import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.firmata.codec.FirmataEncoder;
import io.minicloud.mapper.firmata.codec.FirmataMessage;
import io.minicloud.mapper.firmata.codec.FirmataMessage.AnalogMappingResponse;
import io.minicloud.mapper.firmata.codec.FirmataMessage.CapabilityResponse;
import io.minicloud.mapper.firmata.codec.FirmataMessage.FirmwareReport;
import io.minicloud.mapper.firmata.codec.PinMode;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The two steps of attaching to a board: the handshake (firmware report, capabilities, analog
 * mapping) and the configuration of one device (sampling interval, pin modes, outputs, reporting).
 * Both are idempotent, so reset recovery simply runs them again.
 */
final class BoardSetup {
  /**
   * How long to wait for the boot-time report before asking: a board that resets when the port
   * opens sends one by itself; asking during its boot gets lost anyway.
   */
  static final Duration BOOT_REPORT_WAIT = Duration.ofMillis(2500);

  /** How long one query waits before it is sent again (a query during setup() is lost). */
  static final Duration RETRY = Duration.ofMillis(1000);

  private BoardSetup() {}

  /**
   * Waits for the firmware, then asks for capabilities and analog mapping; the first answer proves
   * the firmware is in its loop and takes commands.
   *
   * @throws DeviceException TIMEOUT naming the step the board did not answer
   */
  static BoardLayout handshake(FirmataConnection connection, Duration timeout) throws IOException {
    BoardModel board = connection.board();
    if (connection.handshakeDone()
        && board.capabilities().isPresent()
        && board.analogMapping().isPresent()) {
      return new BoardLayout(board.capabilities().get(), board.analogMapping().get());
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    if (board.firmware().isEmpty()) {
      Replies.Pending<FirmwareReport> boot =
          connection.replies().expect(Replies.Expect.any(FirmwareReport.class));
      try {
        if (board.firmware().isEmpty()) {
          // at most half the timeout, so a board that missed its own boot report is still asked
          Duration half = timeout.dividedBy(2);
          boot.await(min(half.compareTo(BOOT_REPORT_WAIT) < 0 ? half : BOOT_REPORT_WAIT, deadline));
        }
      } finally {
        connection.replies().cancel(boot);
      }
    }
    if (board.firmware().isEmpty()) {
      ask(connection, FirmataEncoder.reportFirmware(), FirmwareReport.class, deadline, "firmware");
    }
    connection.send(FirmataEncoder.reportVersion()); // answered in passing, for the board model
    CapabilityResponse capabilities =
        ask(
            connection,
            FirmataEncoder.capabilityQuery(),
            CapabilityResponse.class,
            deadline,
            "capability");
    AnalogMappingResponse mapping =
        ask(
            connection,
            FirmataEncoder.analogMappingQuery(),
            AnalogMappingResponse.class,
            deadline,
            "analog mapping");
    connection.handshakeDone(true);
    return new BoardLayout(capabilities, mapping);
  }

  private static <T extends FirmataMessage> T ask(
      FirmataConnection connection, byte[] query, Class<T> type, long deadline, String what)
      throws IOException {
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new DeviceException(
            ErrorKind.TIMEOUT,
            "board on "
                + connection.port()
                + " sent no "
                + what
                + " response within the startup timeout: is it running Firmata"
                + " (StandardFirmata) at this baud rate?");
      }
      if (type == FirmwareReport.class) {
        connection.firmwareQuerySent(); // its answer is no reset
      }
      Optional<T> answer =
          connection.request(query, Replies.Expect.any(type), min(RETRY, deadline));
      if (answer.isPresent()) {
        return answer.get();
      }
    }
  }

  /** Sampling interval, pin modes, outputs at their remembered or initial values, reporting. */
  static void configure(FirmataConnection connection, AttachedDevice device) throws IOException {
    FirmataProtocolConfig protocol = device.config().protocol();
    connection.send(FirmataEncoder.samplingInterval((int) protocol.samplingInterval().toMillis()));
    boolean i2c = false;
    for (AttachedDevice.Resolved r : device.points()) {
      FirmataPoint point = r.point();
      if (point.mode() == PointMode.I2C) {
        i2c = true;
        continue;
      }
      int pin = r.pin().getAsInt();
      connection.send(FirmataEncoder.setPinMode(pin, point.mode().pinMode()));
      OptionalLong value = device.outputValue(point);
      if (point.mode() == PointMode.OUTPUT) {
        connection.outputs().output(pin);
        connection.writeDigital(pin, value.orElse(0) != 0);
      } else if (value.isPresent()) {
        connection.writeAnalog(pin, value.getAsLong());
      }
    }
    if (i2c) {
      connection.send(FirmataEncoder.i2cConfig(protocol.i2cDelayMicros()));
    }
    for (AttachedDevice.Resolved r : device.points()) {
      if (r.channel().isPresent()) {
        connection.send(FirmataEncoder.reportAnalog(r.channel().getAsInt(), true));
      }
    }
    TreeSet<Integer> ports = device.inputPorts();
    for (int port : ports) {
      connection.send(FirmataEncoder.reportDigital(port, true));
    }
  }

  /** The PWM or servo range of {@code pin}: {@code 2^resolution - 1}. */
  static long maxValue(BoardLayout layout, int pin, PinMode mode) {
    return (1L << layout.resolution(pin, mode).orElse(14)) - 1;
  }

  private static Duration min(Duration step, long deadline) {
    long left = Math.max(1, deadline - System.nanoTime());
    return Duration.ofNanos(Math.min(step.toNanos(), left));
  }
}
