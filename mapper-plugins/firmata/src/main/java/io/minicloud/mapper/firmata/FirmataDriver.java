package io.minicloud.mapper.firmata;

import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.DeviceDriver;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.DriverChecks;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.LinkPolicy;
import io.minicloud.mapper.api.LinkSession;
import io.minicloud.mapper.api.LinkSpec;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.mapper.api.PointBinding;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.Value;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Firmata board as a device. Inputs are pushed by the board (analog every sampling interval,
 * digital on change) and read from the connection's {@link BoardModel}; outputs are written as port
 * or analog messages and read back with a pin-state query; I2C registers are read and written on
 * demand. See the module README.
 */
public final class FirmataDriver implements DeviceDriver {
  /**
   * Pin-state and I2C round trips: a 57600-baud board answers within a few ms; 2 s covers a board
   * busy sending reports at a 1 ms sampling interval.
   */
  static final LinkPolicy POLICY = new LinkPolicy(1, Duration.ZERO, Duration.ofSeconds(2));

  private final FirmataDeviceConfig config;
  private final Clock clock;
  private final PointReader reader;

  /** Raw values written per property: re-applied after an MCU reset and on reconnect. */
  private final Map<String, Long> written = new ConcurrentHashMap<>();

  public FirmataDriver(FirmataDeviceConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.reader = new PointReader(config.protocol().maxAge());
  }

  public FirmataDeviceConfig config() {
    return config;
  }

  @Override
  public LinkSpec link() {
    var settings = config.protocol().serialSettings();
    return new LinkSpec(
        BoardPort.linkId(settings), POLICY, false, BoardPort.opener(config.device(), settings));
  }

  @Override
  public PointBinding point(String property) {
    return point(property, "read").binding();
  }

  @Override
  public void attach(LinkSession session) throws IOException {
    connection(session)
        .attach(config, session.pushSignal(), written, config.protocol().startupTimeout());
  }

  @Override
  public List<PointResult> read(LinkSession session, List<String> properties) throws IOException {
    FirmataConnection connection = connection(session);
    Optional<AttachedDevice> device = connection.attached(config.device());
    List<PointResult> results = new ArrayList<>(properties.size());
    for (String property : properties) {
      point(property, "read");
      if (device.isEmpty()) {
        results.add(PointResult.failed(property, notAttached(connection)));
        continue;
      }
      Duration timeout = Duration.ofMillis(session.requestTimeoutMillis());
      results.add(reader.read(connection, device.get().point(property), timeout, clock.instant()));
    }
    return results;
  }

  @Override
  public void write(LinkSession session, String property, Value raw) throws IOException {
    FirmataPoint point = point(property, "write");
    if (!point.mode().output()) {
      throw new IllegalArgumentException(
          "property "
              + property
              + " of device "
              + config.device()
              + " is an input (mode "
              + point.mode()
              + ")");
    }
    FirmataConnection connection = connection(session);
    AttachedDevice device =
        connection.attached(config.device()).orElseThrow(() -> notAttached(connection));
    AttachedDevice.Resolved at = device.point(property);
    long value = rawNumber(property, raw);
    switch (point.mode()) {
      case OUTPUT -> {
        if (value != 0 && value != 1) {
          throw new IllegalArgumentException("a digital output takes 0 or 1, not " + value);
        }
        connection.writeDigital(at.pin().getAsInt(), value == 1);
      }
      case PWM, SERVO -> {
        int pin = at.pin().getAsInt();
        long max = BoardSetup.maxValue(device.layout(), pin, point.mode().pinMode());
        if (value < 0 || value > max) {
          throw new IllegalArgumentException(
              point.mode() + " on pin " + pin + " takes 0.." + max + ", not " + value);
        }
        connection.writeAnalog(pin, value);
      }
      default -> {
        I2cRegister register = point.i2c().orElseThrow();
        long max = (1L << (8 * register.length())) - 1;
        if (value < 0 || value > max) {
          throw new IllegalArgumentException(
              register.length() + " I2C byte(s) take 0.." + max + ", not " + value);
        }
        I2cRequests.write(connection, register, value);
      }
    }
    written.put(property, value);
  }

  private DeviceException notAttached(FirmataConnection connection) {
    return connection
        .attachFailure(config.device())
        .orElseGet(
            () ->
                new DeviceException(
                    ErrorKind.NO_DATA,
                    "device " + config.device() + " is not attached to " + connection.port()));
  }

  private static long rawNumber(String property, Value raw) {
    if (raw instanceof BoolValue b) {
      return b.value() ? 1 : 0;
    }
    if (raw instanceof LongValue l) {
      return l.value();
    }
    if (raw instanceof DoubleValue d && d.value() == Math.rint(d.value())) {
      return (long) d.value();
    }
    throw new IllegalArgumentException(
        "property " + property + " takes a whole number or boolean, not " + raw);
  }

  private FirmataPoint point(String property, String verb) {
    return DriverChecks.point(config.points(), config.device(), property, verb);
  }

  /** The link's connection; a lost one is a link failure, so the core reconnects. */
  private static FirmataConnection connection(LinkSession session) throws IOException {
    FirmataConnection connection = session.connection(FirmataConnection.class);
    if (!connection.isOpen()) {
      throw new IOException("the serial connection to " + connection.port() + " is closed or lost");
    }
    return connection;
  }
}
