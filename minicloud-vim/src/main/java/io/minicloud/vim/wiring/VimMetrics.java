package io.minicloud.vim.wiring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;

/** The minicloud-vim's own metrics, named {@code minicloud_vim_<what>_<unit>}. */
@Singleton
public class VimMetrics implements MeterBinder {

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(
            "minicloud_vim_uptime_seconds",
            () -> ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0)
        .description("Seconds since the minicloud-vim JVM started")
        .register(registry);
  }
}
