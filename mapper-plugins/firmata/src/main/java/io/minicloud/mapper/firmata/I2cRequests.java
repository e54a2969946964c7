package io.minicloud.mapper.firmata;

import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.firmata.codec.FirmataEncoder;
import io.minicloud.mapper.firmata.codec.FirmataMessage.I2cReply;
import io.minicloud.mapper.firmata.codec.FirmataMessage.StringData;
import io.minicloud.mapper.firmata.codec.I2cMode;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** I2C registers through the firmware's I2C_REQUEST / I2C_REPLY (i2c.md). */
final class I2cRequests {

  private I2cRequests() {}

  /**
   * I2C_REQUEST read-once of the register's bytes; the I2C_REPLY from that device.
   *
   * @throws DeviceException DEVICE_EXCEPTION when the firmware reported an I2C error in a string
   *     message before its reply (StandardFirmata sends "I2C: Too few bytes received" and then a
   *     reply padded with stale bytes when no device answers)
   */
  static Optional<I2cReply> read(FirmataConnection connection, I2cRegister at, Duration timeout)
      throws IOException {
    int[] data =
        at.register().isPresent()
            ? new int[] {at.register().getAsInt(), at.length()}
            : new int[] {at.length()};
    Replies.Pending<StringData> complaint =
        connection
            .replies()
            .expect(new Replies.Expect<>(StringData.class, s -> s.text().startsWith("I2C")));
    try {
      Optional<I2cReply> reply =
          connection.request(
              FirmataEncoder.i2cRequest(at.address(), I2cMode.READ_ONCE, false, data),
              new Replies.Expect<>(
                  I2cReply.class,
                  r ->
                      r.address() == at.address()
                          && (at.register().isEmpty() || r.register() == at.register().getAsInt())),
              timeout);
      Optional<StringData> said = complaint.await(Duration.ofMillis(1));
      if (said.isPresent()) {
        throw new DeviceException(
            ErrorKind.DEVICE_EXCEPTION,
            "I2C 0x"
                + Integer.toHexString(at.address())
                + " did not answer: the board said \""
                + said.get().text()
                + "\"");
      }
      return reply;
    } finally {
      connection.replies().cancel(complaint);
    }
  }

  /** I2C_REQUEST write: the register (if any), then the value's bytes in the register's order. */
  static void write(FirmataConnection connection, I2cRegister at, long value) throws IOException {
    int[] bytes = at.split(value);
    int[] data = bytes;
    if (at.register().isPresent()) {
      data = new int[bytes.length + 1];
      data[0] = at.register().getAsInt();
      System.arraycopy(bytes, 0, data, 1, bytes.length);
    }
    connection.send(FirmataEncoder.i2cRequest(at.address(), I2cMode.WRITE, false, data));
  }
}
