package io.minicloud.tetherbridge.wiring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;

/** The tether-bridge's own metrics, named {@code minicloud_tether_bridge_<what>_<unit>}. */
@Singleton
public class TetherBridgeMetrics implements MeterBinder {

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(
            "minicloud_tether_bridge_uptime_seconds",
            () -> ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0)
        .description("Seconds since the tether-bridge JVM started")
        .register(registry);
  }
}
