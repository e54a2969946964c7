package io.minicloud.charagent.wiring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;

/** The char-agent's own metrics, named {@code minicloud_char_<what>_<unit>}. */
@Singleton
public class CharAgentMetrics implements MeterBinder {

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(
            "minicloud_char_uptime_seconds",
            () -> ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0)
        .description("Seconds since the char-agent JVM started")
        .register(registry);
  }

  /**
   * Micrometer's own descriptions contain double quotes (process_cpu_usage), which the client
   * writes into HELP as {@code \"}: an invalid escape in the Prometheus text format 0.0.4, so
   * promtool, Telegraf and text-format scrapers reject the whole page. Quotes become apostrophes.
   */
  @Produces
  @Singleton
  MeterFilter helpTextWithoutDoubleQuotes() {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        String help = id.getDescription();
        if (help == null || help.indexOf('"') < 0) {
          return id;
        }
        return new Meter.Id(
            id.getName(),
            Tags.of(id.getTagsAsIterable()),
            id.getBaseUnit(),
            help.replace('"', '\''),
            id.getType());
      }
    };
  }
}
