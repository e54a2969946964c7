package io.minicloud.mapper.firmata;

import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.firmata.codec.FirmataMessage.I2cReply;
import io.minicloud.mapper.firmata.codec.FirmataMessage.PinStateResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Answers a read of one point: inputs from the latest report (older than {@code maxAge} is no
 * data), outputs by asking the firmware for the pin's state, I2C registers by a read request.
 */
final class PointReader {
  private final Duration maxAge;

  PointReader(Duration maxAge) {
    this.maxAge = maxAge;
  }

  PointResult read(
      FirmataConnection connection, AttachedDevice.Resolved at, Duration timeout, Instant now)
      throws IOException {
    FirmataPoint point = at.point();
    String property = point.property();
    try {
      return switch (point.mode()) {
        case ANALOG -> PointResult.ok(property, analog(connection.board(), at, now));
        case INPUT, INPUT_PULLUP -> PointResult.ok(property, digital(connection.board(), at));
        case OUTPUT, PWM, SERVO -> PointResult.ok(property, output(connection, at, timeout));
        case I2C -> PointResult.ok(property, i2c(connection, point, timeout));
      };
    } catch (DeviceException e) {
      return PointResult.failed(property, e);
    }
  }

  private LongValue analog(BoardModel board, AttachedDevice.Resolved at, Instant now)
      throws DeviceException {
    int channel = at.channel().getAsInt();
    BoardModel.Sample sample =
        board
            .analog(channel)
            .orElseThrow(
                () -> new DeviceException(ErrorKind.NO_DATA, "no report of A" + channel + " yet"));
    Duration age = Duration.between(sample.at(), now);
    if (age.compareTo(maxAge) > 0) {
      throw new DeviceException(
          ErrorKind.NO_DATA,
          "the last report of A"
              + channel
              + " is "
              + age.toMillis()
              + " ms old, older than maxAge "
              + maxAge.toMillis()
              + " ms: the board stopped reporting");
    }
    return new LongValue(sample.value(), DataType.INT32);
  }

  private static BoolValue digital(BoardModel board, AttachedDevice.Resolved at)
      throws DeviceException {
    int pin = at.pin().getAsInt();
    return new BoolValue(
        board
            .digital(pin)
            .orElseThrow(
                () ->
                    new DeviceException(
                        ErrorKind.NO_DATA,
                        "no report of port " + pin / 8 + " (pin " + pin + ") yet")));
  }

  private static io.minicloud.mapper.api.Value output(
      FirmataConnection connection, AttachedDevice.Resolved at, Duration timeout)
      throws IOException {
    int pin = at.pin().getAsInt();
    Optional<PinStateResponse> state = connection.queryPinState(pin, timeout);
    if (state.isEmpty()) {
      throw new DeviceException(
          ErrorKind.TIMEOUT,
          "no pin-state response for pin " + pin + " within " + timeout.toMillis() + " ms");
    }
    PointMode mode = at.point().mode();
    if (state.get().mode() != mode.pinMode().code()) {
      throw new DeviceException(
          ErrorKind.DEVICE_EXCEPTION,
          "pin "
              + pin
              + " is in mode 0x"
              + Integer.toHexString(state.get().mode())
              + " on the board, not "
              + mode
              + " (reset, and not configured again yet?)");
    }
    long value = state.get().state();
    return mode == PointMode.OUTPUT
        ? new BoolValue(value != 0)
        : new LongValue(Math.min(value, Integer.MAX_VALUE), DataType.INT32);
  }

  private static LongValue i2c(FirmataConnection connection, FirmataPoint point, Duration timeout)
      throws IOException {
    I2cRegister at = point.i2c().orElseThrow();
    Optional<I2cReply> reply = I2cRequests.read(connection, at, timeout);
    if (reply.isEmpty()) {
      throw new DeviceException(
          ErrorKind.TIMEOUT,
          "no I2C reply from " + point.where() + " within " + timeout.toMillis() + " ms");
    }
    List<Integer> data = reply.get().data();
    if (data.size() < at.length()) {
      List<String> said = connection.board().strings();
      throw new DeviceException(
          ErrorKind.DEVICE_EXCEPTION,
          point.where()
              + " answered "
              + data.size()
              + " of "
              + at.length()
              + " bytes"
              + (said.isEmpty() ? "" : "; the board said: " + said.get(said.size() - 1)));
    }
    return new LongValue(at.join(data), DataType.INT64);
  }
}
