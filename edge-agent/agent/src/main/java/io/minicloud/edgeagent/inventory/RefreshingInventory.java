package io.minicloud.edgeagent.inventory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The inventory: reads every source every {@code interval} on its own thread and merges their
 * contributions into a snapshot. A failing source keeps its last good contribution (marked stale,
 * with the error and its age) and never empties the others. A source that starts failing is logged
 * once as a WARN and once more when it recovers, not on every refresh.
 */
public class RefreshingInventory implements Inventory, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(RefreshingInventory.class);

  private final List<InventorySource> sources;
  private final Duration interval;
  private final Clock clock;
  private final InventoryMetrics metrics;
  private final Map<String, SourceMemory> memory = new LinkedHashMap<>();
  private final List<Consumer<InventorySnapshot>> listeners = new CopyOnWriteArrayList<>();
  private volatile InventorySnapshot snapshot = InventorySnapshot.EMPTY;
  private ScheduledExecutorService executor;

  /** What the inventory remembers of one source between refreshes. */
  private static final class SourceMemory {
    Contribution lastGood;
    Instant lastSuccess;
    String error;
  }

  public RefreshingInventory(
      List<InventorySource> sources, Duration interval, Clock clock, InventoryMetrics metrics) {
    this.sources = List.copyOf(sources);
    this.interval = interval;
    this.clock = clock;
    this.metrics = metrics;
    this.sources.forEach(s -> memory.put(s.name(), new SourceMemory()));
  }

  /** Refreshes now and then every interval on a daemon thread {@code inventory-refresh}. */
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "inventory-refresh");
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(
        this::refreshLogged, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public InventorySnapshot snapshot() {
    return snapshot;
  }

  @Override
  public void onChange(Consumer<InventorySnapshot> listener) {
    listeners.add(listener);
  }

  /** Reads every source once and publishes the merged snapshot; the refresh thread calls it. */
  public synchronized InventorySnapshot refresh() {
    long start = System.nanoTime();
    Instant now = clock.instant();
    List<SourceState> states = new ArrayList<>();
    List<Contribution> contributions = new ArrayList<>();
    for (InventorySource source : sources) {
      SourceMemory m = memory.get(source.name());
      states.add(read(source, m, now));
      if (m.lastGood != null) {
        contributions.add(m.lastGood);
      }
    }
    InventorySnapshot next = merge(now, contributions, states);
    snapshot = next;
    metrics.refreshed(next, Duration.ofNanos(System.nanoTime() - start));
    for (Consumer<InventorySnapshot> listener : listeners) {
      try {
        listener.accept(next);
      } catch (RuntimeException e) {
        // A broken listener must not stop the others nor the refresh thread.
        LOG.errorf(e, "Inventory listener %s failed", listener);
      }
    }
    return next;
  }

  private SourceState read(InventorySource source, SourceMemory m, Instant now) {
    try {
      m.lastGood = source.read();
      if (m.error != null) {
        LOG.infof("Inventory source %s answers again", source.name());
      }
      m.lastSuccess = now;
      m.error = null;
      return SourceState.fresh(source.name(), now);
    } catch (SourceException | RuntimeException e) {
      // RuntimeException: a Kubernetes client failure is unchecked; it stales the source only.
      String error = e instanceof SourceException ? e.getMessage() : e.toString();
      if (m.error == null) {
        LOG.warnf(
            "Inventory source %s is stale: %s (logged once until it recovers)",
            source.name(), error);
      }
      m.error = error;
      metrics.sourceFailed(source.name());
      return SourceState.failed(source.name(), error, m.lastSuccess, now);
    }
  }

  private static InventorySnapshot merge(
      Instant now, List<Contribution> contributions, List<SourceState> states) {
    List<NodeRecord> nodes = new ArrayList<>();
    List<DeviceRecord> devices = new ArrayList<>();
    List<ServiceRecord> services = new ArrayList<>();
    boolean clustered = false;
    boolean kubevirt = false;
    for (Contribution c : contributions) {
      nodes.addAll(c.nodes());
      devices.addAll(c.devices());
      services.addAll(c.services());
      clustered |= c.clustered();
      kubevirt |= c.kubevirt();
    }
    return new InventorySnapshot(now, clustered, kubevirt, nodes, devices, services, states);
  }

  private void refreshLogged() {
    try {
      refresh();
    } catch (RuntimeException e) {
      // Keep the schedule alive: a dead refresh thread would freeze the inventory silently.
      LOG.errorf(e, "Inventory refresh failed");
    }
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }
}
