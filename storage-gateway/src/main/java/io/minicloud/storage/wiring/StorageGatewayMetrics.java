package io.minicloud.storage.wiring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;

/** The storage-gateway's own metrics, named {@code minicloud_storage_gateway_<what>_<unit>}. */
@Singleton
public class StorageGatewayMetrics implements MeterBinder {

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(
            "minicloud_storage_gateway_uptime_seconds",
            () -> ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0)
        .description("Seconds since the storage-gateway JVM started")
        .register(registry);
  }
}
