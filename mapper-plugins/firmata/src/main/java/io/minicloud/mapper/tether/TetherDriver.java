package io.minicloud.mapper.tether;

import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.ByteConnection;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceDriver;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.DriverChecks;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.LinkSession;
import io.minicloud.mapper.api.LinkSpec;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.mapper.api.PointBinding;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.PushSignal;
import io.minicloud.mapper.api.Value;
import io.minicloud.mapper.api.transport.SerialConnection;
import io.minicloud.mapper.tether.config.TetherDeviceConfig;
import io.minicloud.mapper.tether.config.TetherPointConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A board running tether v1: each property is one pin. {@code attach} configures the MCU (and the
 * connection re-applies that after every MCU reset); reads and writes are acknowledged requests.
 * Input-change events from the MCU become push signals, so the core reads them at once.
 */
public final class TetherDriver implements DeviceDriver {
  private final String device;
  private final TetherDeviceConfig config;
  private final Map<String, TetherPointConfig> points;

  public TetherDriver(
      String device, TetherDeviceConfig config, Map<String, TetherPointConfig> points) {
    this.device = device;
    this.config = config;
    this.points = Map.copyOf(points);
  }

  public TetherDeviceConfig config() {
    return config;
  }

  @Override
  public LinkSpec link() {
    LinkSpec.Opener serial = SerialConnection.opener(config.serial());
    return new LinkSpec(
        config.linkId(),
        config.policy(),
        false,
        () -> new TetherConnection((ByteConnection) serial.open(), config.retry(), config.port()));
  }

  @Override
  public PointBinding point(String property) {
    return point(property, "read").binding();
  }

  @Override
  public void attach(LinkSession session) throws IOException {
    PushSignal signal = session.pushSignal();
    List<PinSetup> pins = points.values().stream().map(TetherPointConfig::pin).toList();
    connection(session)
        .attach(
            pins,
            config.failSafeTimeout(),
            pin -> {
              List<String> changed =
                  points.values().stream()
                      .filter(p -> p.pin().pin() == pin)
                      .map(TetherPointConfig::property)
                      .toList();
              if (!changed.isEmpty()) {
                signal.changed(changed);
              }
            });
  }

  @Override
  public List<PointResult> read(LinkSession session, List<String> properties) throws IOException {
    TetherConnection connection = connection(session);
    List<PointResult> results = new ArrayList<>(properties.size());
    for (String property : properties) {
      TetherPointConfig point = point(property, "read");
      try {
        int value = connection.read(point.pin().pin());
        results.add(
            PointResult.ok(
                property,
                point.binding().rawType() == DataType.BOOL
                    ? new BoolValue(value != 0)
                    : new LongValue(value, DataType.UINT16)));
      } catch (DeviceException e) {
        if (e.kind() == ErrorKind.TIMEOUT) {
          throw e; // no reply at all: the device failed as a whole
        }
        results.add(PointResult.failed(property, e));
      }
    }
    return results;
  }

  @Override
  public void write(LinkSession session, String property, Value raw) throws IOException {
    TetherPointConfig point = point(property, "write");
    if (!point.output()) {
      throw new IllegalArgumentException(
          "property " + property + " of device " + device + " is an input, not writable");
    }
    int level;
    if (raw instanceof BoolValue b) {
      level = b.value() ? 1 : 0;
    } else if (raw instanceof LongValue l && (l.value() == 0 || l.value() == 1)) {
      level = (int) l.value();
    } else {
      throw new IllegalArgumentException("a digital output takes true/false or 0/1, not " + raw);
    }
    connection(session).set(point.pin().pin(), level);
  }

  private TetherPointConfig point(String property, String verb) {
    return DriverChecks.point(points, device, property, verb);
  }

  /** The link's connection; a lost one is a link failure, so the core reconnects. */
  private static TetherConnection connection(LinkSession session) throws IOException {
    TetherConnection connection = session.connection(TetherConnection.class);
    if (!connection.isOpen()) {
      throw new IOException("the tether serial line is closed or lost");
    }
    return connection;
  }
}
