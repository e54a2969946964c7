package io.minicloud.edgeagent.discovery;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the enabled discovery mechanisms over one {@link PeerTable} and expires its entries. A
 * mechanism this machine cannot run (no multicast interface, say) is logged once and left off: the
 * agent keeps serving with the others.
 */
public final class Discovery implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Discovery.class.getName());

  private final PeerTable table;
  private final List<DiscoveryMechanism> mechanisms;
  private final ScheduledExecutorService scheduler;
  private final Duration sweepInterval;
  private final Map<String, String> status = new LinkedHashMap<>();
  private ScheduledFuture<?> sweeping;

  /**
   * @param sweepInterval how often expiry runs; it bounds how late past its expiry a peer is marked
   *     expired
   */
  public Discovery(
      PeerTable table,
      List<DiscoveryMechanism> mechanisms,
      ScheduledExecutorService scheduler,
      Duration sweepInterval) {
    this.table = table;
    this.mechanisms = List.copyOf(mechanisms);
    this.scheduler = scheduler;
    this.sweepInterval = sweepInterval;
  }

  public synchronized void start() {
    for (DiscoveryMechanism mechanism : mechanisms) {
      try {
        mechanism.start();
        status.put(mechanism.name(), "active");
        LOG.log(System.Logger.Level.INFO, mechanism.name() + " peer discovery started");
      } catch (IOException | RuntimeException e) {
        mechanism.stop();
        status.put(mechanism.name(), "unavailable: " + e.getMessage());
        LOG.log(
            System.Logger.Level.WARNING,
            mechanism.name()
                + " peer discovery is unavailable on this machine, the agent runs without it ("
                + e.getMessage()
                + "); set minicloud.edge-agent.discovery."
                + mechanism.name()
                + ".interface-name, or enabled=false to silence this");
      }
    }
    long millis = sweepInterval.toMillis();
    sweeping =
        scheduler.scheduleWithFixedDelay(
            Guarded.task("peer expiry", table::sweep), millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Per mechanism: {@code active} or {@code unavailable: <why>}. */
  public synchronized Map<String, String> status() {
    return Map.copyOf(status);
  }

  public PeerTable table() {
    return table;
  }

  @Override
  public synchronized void close() {
    if (sweeping != null) {
      sweeping.cancel(false);
    }
    for (DiscoveryMechanism mechanism : mechanisms) {
      mechanism.stop();
    }
  }
}
