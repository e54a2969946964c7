package io.minicloud.edgeagent.inventory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToIntFunction;

/**
 * The inventory's metrics (shared/STYLE.md §9): items per kind, errors per source, refresh time.
 * Prometheus names: {@code minicloud_edge_agent_inventory_items{kind}}, {@code
 * minicloud_edge_agent_inventory_source_errors_total{source}}, {@code
 * minicloud_edge_agent_inventory_refresh_seconds}.
 */
public class InventoryMetrics {

  static final String ITEMS = "minicloud_edge_agent_inventory_items";
  static final String SOURCE_ERRORS = "minicloud_edge_agent_inventory_source_errors";
  static final String REFRESH = "minicloud_edge_agent_inventory_refresh";

  private final MeterRegistry registry;
  private final AtomicReference<InventorySnapshot> last =
      new AtomicReference<>(InventorySnapshot.EMPTY);
  private final Timer refresh;

  public InventoryMetrics(MeterRegistry registry) {
    this.registry = registry;
    items("node", s -> s.nodes().size());
    items("device", s -> s.devices().size());
    items("service", s -> s.services().size());
    refresh =
        Timer.builder(REFRESH)
            .description("Time one refresh of every inventory source takes")
            .register(registry);
  }

  void refreshed(InventorySnapshot snapshot, Duration took) {
    last.set(snapshot);
    refresh.record(took);
  }

  void sourceFailed(String source) {
    // One series per configured source: the tag values are bounded by the configuration.
    Counter.builder(SOURCE_ERRORS)
        .description("Failed reads of an inventory source")
        .tag("source", source)
        .register(registry)
        .increment();
  }

  private void items(String kind, ToIntFunction<InventorySnapshot> count) {
    Gauge.builder(ITEMS, last, ref -> count.applyAsInt(ref.get()))
        .description("Items in the latest inventory snapshot")
        .tag("kind", kind)
        .strongReference(true)
        .register(registry);
  }
}
