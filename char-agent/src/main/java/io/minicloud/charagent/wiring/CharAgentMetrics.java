package io.minicloud.charagent.wiring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;

/** The char-agent's own metrics, named {@code minicloud_char_agent_<what>_<unit>}. */
@Singleton
public class CharAgentMetrics implements MeterBinder {

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(
            "minicloud_char_agent_uptime_seconds",
            () -> ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0)
        .description("Seconds since the char-agent JVM started")
        .register(registry);
  }
}
