package io.minicloud.edgeagent.wiring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;

/** The edge-agent's own metrics, named {@code minicloud_edge_agent_<what>_<unit>}. */
@Singleton
public class EdgeAgentMetrics implements MeterBinder {

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(
            "minicloud_edge_agent_uptime_seconds",
            () -> ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0)
        .description("Seconds since the edge-agent JVM started")
        .register(registry);
  }
}
