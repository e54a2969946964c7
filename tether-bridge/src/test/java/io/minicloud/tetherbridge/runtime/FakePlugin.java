package io.minicloud.tetherbridge.runtime;

import io.minicloud.mapper.api.ConfigException;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceDriver;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.LinkPolicy;
import io.minicloud.mapper.api.LinkSession;
import io.minicloud.mapper.api.LinkSpec;
import io.minicloud.mapper.api.MapperPlugin;
import io.minicloud.mapper.api.PointBinding;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.PropertySpec;
import io.minicloud.mapper.api.Transform;
import io.minicloud.mapper.api.Value;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A FAKE protocol plugin ("fake") over {@link FakeBus}, for the runtime's unit tests only. Protocol
 * config: {@code bus} (name), {@code unit}, {@code timeoutMs}; visitor: {@code key} + transform
 * keys.
 */
final class FakePlugin implements MapperPlugin {

  @Override
  public String protocol() {
    return "fake";
  }

  @Override
  public DeviceDriver bind(DeviceSpec device) throws ConfigException {
    Object unit = device.protocolConfig().get("unit");
    if (!(unit instanceof Number)) {
      throw ConfigException.of("protocol.configData.unit", "required, a number");
    }
    String busName = String.valueOf(device.protocolConfig().get("bus"));
    long timeout = ((Number) device.protocolConfig().getOrDefault("timeoutMs", 100)).longValue();
    int connections = ((Number) device.protocolConfig().getOrDefault("connections", 1)).intValue();
    FakeBus bus = FakeBus.named(busName);
    LinkSpec link =
        new LinkSpec(
            "fake:" + busName,
            new LinkPolicy(connections, Duration.ZERO, Duration.ofMillis(timeout)),
            false,
            bus::connect);
    return new Driver(bus, link, ((Number) unit).intValue(), device);
  }

  private record Driver(FakeBus bus, LinkSpec link, int unit, DeviceSpec spec)
      implements DeviceDriver {

    @Override
    public PointBinding point(String property) {
      PropertySpec p = spec.property(property).orElseThrow();
      return new PointBinding(
          p.type() == DataType.INT64 ? DataType.INT16 : p.type(),
          Transform.fromConfig(p.visitorConfig()));
    }

    @Override
    public List<PointResult> read(LinkSession session, List<String> properties) throws IOException {
      FakeBus.Conn conn = session.connection(FakeBus.Conn.class);
      request(session, conn);
      bus.log.add("r" + unit);
      bus.reads.computeIfAbsent(unit, u -> new AtomicInteger()).incrementAndGet();
      List<PointResult> results = new ArrayList<>();
      for (String p : properties) {
        String key = String.valueOf(spec.property(p).orElseThrow().visitorConfig().get("key"));
        results.add(PointResult.ok(p, bus.value(unit, key)));
      }
      return results;
    }

    @Override
    public void attach(LinkSession session) {
      bus.pushSignals.put(unit, session.pushSignal());
    }

    @Override
    public void write(LinkSession session, String property, Value raw) throws IOException {
      request(session, session.connection(FakeBus.Conn.class));
      bus.log.add("w" + unit);
      if (!bus.ignoreWrites.contains(unit)) {
        String key =
            String.valueOf(spec.property(property).orElseThrow().visitorConfig().get("key"));
        bus.values.put(unit + "/" + key, raw);
      }
    }

    private void request(LinkSession session, FakeBus.Conn conn) throws IOException {
      if (!conn.isOpen()) {
        throw new IOException("connection reset (fake)");
      }
      if (bus.deadUnits.contains(unit)) {
        sleep(session.requestTimeoutMillis());
        throw new DeviceException(ErrorKind.TIMEOUT, "unit " + unit + " is silent");
      }
      sleep(bus.requestMillis);
    }

    private static void sleep(long millis) throws IOException {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }
}
