package io.minicloud.mapper.coap;

import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.DeviceDriver;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.DriverChecks;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.LinkPolicy;
import io.minicloud.mapper.api.LinkSession;
import io.minicloud.mapper.api.LinkSpec;
import io.minicloud.mapper.api.PointBinding;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.PushSignal;
import io.minicloud.mapper.api.Value;
import io.minicloud.mapper.coap.config.CoapDeviceConfig;
import io.minicloud.mapper.coap.config.CoapEndpointSettings;
import io.minicloud.mapper.coap.config.CoapPoint;
import io.minicloud.mapper.coap.config.WriteMethod;
import io.minicloud.mapper.coap.link.CoapCall;
import io.minicloud.mapper.coap.link.CoapConnection;
import io.minicloud.mapper.coap.link.CoapLink;
import io.minicloud.mapper.coap.link.CoapReply;
import io.minicloud.mapper.coap.link.Notification;
import io.minicloud.mapper.coap.link.ObserveRequest;
import io.minicloud.mapper.coap.payload.PayloadDecoder;
import io.minicloud.mapper.coap.payload.PayloadEncoder;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CoAP device. Observed properties are read from the latest notification ({@code no_data} when
 * there is none yet or it is older than its Max-Age); the others with one GET per resource, shared
 * by the properties on it. Writes are PUT (default), POST or DELETE, in the property's content
 * format; anything but a 2.xx reply is the device's refusal, named.
 */
public final class CoapDeviceDriver implements DeviceDriver {
  /**
   * Served a little past Max-Age: devices that notify exactly every Max-Age (libcoap's {@code
   * /time}: Max-Age 1, a notification a second) would otherwise flap to {@code no_data} on jitter.
   */
  static final Duration FRESHNESS_GRACE = Duration.ofSeconds(1);

  private final CoapDeviceConfig config;
  private final Clock clock;
  private final PayloadDecoder decoder;

  public CoapDeviceDriver(CoapDeviceConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.decoder = new PayloadDecoder(config.endpoint().maxBodySize());
  }

  public CoapEndpointSettings settings() {
    return config.endpoint();
  }

  @Override
  public LinkSpec link() {
    CoapEndpointSettings settings = settings();
    LinkPolicy policy = new LinkPolicy(1, Duration.ZERO, settings.requestTimeout());
    return new LinkSpec(settings.linkId(), policy, false, () -> CoapLink.open(settings));
  }

  @Override
  public PointBinding point(String property) {
    return point(property, "read").binding();
  }

  @Override
  public void attach(LinkSession session) throws IOException {
    CoapConnection connection = connection(session);
    // the link was opened with another device's settings; ours would be silently ignored
    DriverChecks.sameLinkSettings(
        config.device(),
        settings().linkId(),
        connection.settings().differencesFrom(settings()),
        "give them the same settings, or reach one through another identity");
    PushSignal signal = session.pushSignal();
    for (Map.Entry<CoapPoint.ResourceKey, List<String>> resource : observedResources().entrySet()) {
      List<String> properties = List.copyOf(resource.getValue());
      CoapPoint first = config.points().get(properties.get(0));
      connection.observe(
          new ObserveRequest(
              observationKey(first),
              first.path(),
              Optional.of(first.accept()),
              first.maxAge(),
              reply -> signal.changed(properties)));
    }
  }

  private Map<CoapPoint.ResourceKey, List<String>> observedResources() {
    Map<CoapPoint.ResourceKey, List<String>> resources = new LinkedHashMap<>();
    config
        .points()
        .forEach(
            (name, point) -> {
              if (point.observe()) {
                resources.computeIfAbsent(point.resource(), k -> new ArrayList<>()).add(name);
              }
            });
    return resources;
  }

  @Override
  public List<PointResult> read(LinkSession session, List<String> properties) throws IOException {
    CoapConnection connection = connection(session);
    Map<String, PointResult> results = new LinkedHashMap<>();
    Map<CoapPoint.ResourceKey, List<String>> toGet = new LinkedHashMap<>();
    for (String property : properties) {
      CoapPoint point = point(property, "read");
      if (point.observe()) {
        results.put(property, fromNotification(connection, property, point));
      } else {
        toGet.computeIfAbsent(point.resource(), k -> new ArrayList<>()).add(property);
      }
    }
    DeviceException timeout = null;
    boolean anyReply = false;
    for (Map.Entry<CoapPoint.ResourceKey, List<String>> resource : toGet.entrySet()) {
      CoapCall call =
          CoapCall.get(resource.getKey().path(), Optional.of(resource.getKey().accept()));
      try {
        CoapReply reply = connection.exchange(call, session.requestTimeoutMillis());
        anyReply = true;
        for (String property : resource.getValue()) {
          results.put(property, fromReply(property, call.describe(), reply));
        }
      } catch (DeviceException e) {
        if (e.kind() == ErrorKind.TIMEOUT) {
          timeout = e;
        }
        resource.getValue().forEach(p -> results.put(p, PointResult.failed(p, e)));
      }
    }
    if (timeout != null && !anyReply && results.values().stream().noneMatch(PointResult::isOk)) {
      throw timeout; // no reply at all: the device failed as a whole
    }
    List<PointResult> ordered = new ArrayList<>();
    properties.forEach(p -> ordered.add(results.get(p)));
    return ordered;
  }

  /** One observation per device and resource: properties on one resource share it. */
  private String observationKey(CoapPoint point) {
    return config.device() + " " + point.resource();
  }

  private PointResult fromNotification(
      CoapConnection connection, String property, CoapPoint point) {
    Optional<Notification> latest = connection.latest(observationKey(point));
    if (latest.isEmpty()) {
      return PointResult.failed(
          property,
          new DeviceException(
              ErrorKind.NO_DATA,
              "no notification from " + settings().uri() + point.path() + " yet"));
    }
    Notification n = latest.get();
    Duration age = Duration.between(n.receivedAt(), clock.instant());
    Duration fresh = n.freshFor(point.maxAge());
    if (age.compareTo(fresh.plus(FRESHNESS_GRACE)) > 0) {
      return PointResult.failed(
          property,
          new DeviceException(
              ErrorKind.NO_DATA,
              "the last notification from "
                  + settings().uri()
                  + point.path()
                  + " is "
                  + age.toMillis()
                  + " ms old, past its max-age of "
                  + fresh.toMillis()
                  + " ms"));
    }
    return fromReply(property, "observe " + point.path(), n.reply());
  }

  private PointResult fromReply(String property, String request, CoapReply reply) {
    if (!reply.success()) {
      return PointResult.failed(
          property, ReplyErrors.of(request, settings().uri().toString(), reply));
    }
    try {
      CoapPoint point = config.points().get(property);
      return PointResult.ok(
          property, decoder.decode(point, reply.payload(), reply.contentFormat()));
    } catch (DeviceException e) {
      return PointResult.failed(property, e);
    }
  }

  @Override
  public void write(LinkSession session, String property, Value raw) throws IOException {
    CoapPoint point = point(property, "write");
    if (!point.writable()) {
      throw new IllegalArgumentException(
          "property " + property + " of device " + config.device() + " is not writable");
    }
    CoapCall call = call(point, raw);
    CoapReply reply = connection(session).exchange(call, session.requestTimeoutMillis());
    if (!reply.success()) {
      throw ReplyErrors.of(call.describe(), settings().uri().toString(), reply);
    }
  }

  private CoapCall call(CoapPoint point, Value raw) {
    if (point.method() == WriteMethod.DELETE) {
      if (!(raw instanceof BoolValue b) || !b.value()) {
        throw new IllegalArgumentException(
            "a DELETE property takes true (delete " + point.path() + "), got " + raw);
      }
      return new CoapCall(
          CoapCall.Method.DELETE, point.path(), Optional.empty(), new byte[0], Optional.empty());
    }
    byte[] body = PayloadEncoder.encode(point, raw);
    if (body.length > settings().maxBodySize()) {
      throw new IllegalArgumentException(
          "a "
              + body.length
              + "-byte body is over maxBodySize "
              + settings().maxBodySize()
              + " of "
              + config.device());
    }
    return new CoapCall(
        point.method() == WriteMethod.POST ? CoapCall.Method.POST : CoapCall.Method.PUT,
        point.path(),
        Optional.empty(),
        body,
        Optional.of(point.contentFormat()));
  }

  private CoapPoint point(String property, String verb) {
    return DriverChecks.point(config.points(), config.device(), property, verb);
  }

  /** The link's connection; a closed one is a link failure, so the core reconnects. */
  private CoapConnection connection(LinkSession session) throws IOException {
    CoapConnection connection = session.connection(CoapConnection.class);
    if (!connection.isOpen()) {
      throw new IOException("the CoAP endpoint for " + settings().uri() + " is closed");
    }
    return connection;
  }
}
