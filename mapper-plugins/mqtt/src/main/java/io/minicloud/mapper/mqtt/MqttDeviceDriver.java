package io.minicloud.mapper.mqtt;

import io.minicloud.mapper.api.DeviceDriver;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.DriverChecks;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.LinkPolicy;
import io.minicloud.mapper.api.LinkSession;
import io.minicloud.mapper.api.LinkSpec;
import io.minicloud.mapper.api.PointBinding;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.Value;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A device that publishes JSON on its own topics. Reads never touch the network: {@code attach}
 * subscribes, the connection keeps the latest reading of every property, and {@code read} returns
 * it (or {@code no_data} when there is none, or it is older than {@code maxAge}). Writes publish
 * the command payload and wait for the broker's acknowledgement.
 */
public final class MqttDeviceDriver implements DeviceDriver {
  /**
   * The request timeout the core applies to subscribe and publish round trips: a TLS broker on a
   * busy gateway answers within a few hundred ms, 5 s leaves room without hiding a dead link.
   */
  static final LinkPolicy POLICY = new LinkPolicy(1, Duration.ZERO, Duration.ofSeconds(5));

  private final MqttDeviceConfig config;
  private final Clock clock;

  public MqttDeviceDriver(MqttDeviceConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** The connection settings this device needs; devices on one link must agree on them. */
  public MqttConnectionSettings settings() {
    return config.protocol().connection();
  }

  @Override
  public LinkSpec link() {
    MqttConnectionSettings settings = settings();
    return new LinkSpec(
        settings.linkId(), POLICY, false, () -> MqttDeviceConnection.open(settings));
  }

  @Override
  public PointBinding point(String property) {
    return point(property, "read").binding();
  }

  @Override
  public void attach(LinkSession session) throws IOException {
    MqttConnection connection = connection(session);
    // the link was opened with another device's settings; ours would be silently ignored
    DriverChecks.sameLinkSettings(
        config.device(),
        settings().linkId(),
        connection.settings().differencesFrom(settings()),
        "give one of them its own clientId");
    List<PropertyWatch> watches = config.points().values().stream().map(MqttPoint::watch).toList();
    connection.watch(watches, config.protocol().qos(), session.requestTimeoutMillis());
  }

  @Override
  public List<PointResult> read(LinkSession session, List<String> properties) throws IOException {
    MqttConnection connection = connection(session);
    Instant now = clock.instant();
    List<PointResult> results = new ArrayList<>(properties.size());
    for (String property : properties) {
      MqttPoint point = point(property, "read");
      results.add(result(property, point, connection.latest(point.watch().key()), now));
    }
    return results;
  }

  private PointResult result(
      String property, MqttPoint point, Optional<Reading> latest, Instant now) {
    if (latest.isEmpty()) {
      return PointResult.failed(
          property,
          new DeviceException(
              ErrorKind.NO_DATA, "nothing received on " + point.watch().filter() + " yet"));
    }
    Reading reading = latest.get();
    Optional<Duration> maxAge = config.protocol().maxAge();
    Duration age = Duration.between(reading.receivedAt(), now);
    if (maxAge.isPresent() && age.compareTo(maxAge.get()) > 0) {
      return PointResult.failed(
          property,
          new DeviceException(
              ErrorKind.NO_DATA,
              "the last message on "
                  + reading.topic()
                  + " is "
                  + age.toMillis()
                  + " ms old, older than maxAge "
                  + maxAge.get().toMillis()
                  + " ms"));
    }
    return reading.isValue()
        ? PointResult.ok(property, reading.value())
        : PointResult.failed(property, reading.error());
  }

  @Override
  public void write(LinkSession session, String property, Value raw) throws IOException {
    MqttPoint point = point(property, "write");
    if (!point.writable()) {
      throw new IllegalArgumentException(
          "property " + property + " of device " + config.device() + " is not writable");
    }
    byte[] payload = point.command().orElseThrow().render(property, raw, point.bytesEncoding());
    connection(session)
        .publish(
            point.commandTopic().orElseThrow(),
            payload,
            config.protocol().qos(),
            session.requestTimeoutMillis());
  }

  private MqttPoint point(String property, String verb) {
    return DriverChecks.point(config.points(), config.device(), property, verb);
  }

  /** The link's connection; a lost one is a link failure, so the core reconnects. */
  private static MqttConnection connection(LinkSession session) throws IOException {
    MqttConnection connection = session.connection(MqttConnection.class);
    if (!connection.isOpen()) {
      throw new IOException("the broker connection is closed or lost");
    }
    return connection;
  }
}
