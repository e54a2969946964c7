package io.minicloud.edgeagent.discovery;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Puts the operator's peers in the table and probes each one periodically. */
public final class ManualPeerProber implements DiscoveryMechanism {
  private static final System.Logger LOG = System.getLogger(ManualPeerProber.class.getName());

  private final List<ManualPeer> peers;
  private final PeerTable table;
  private final FlavorsProbe probe;
  private final ScheduledExecutorService scheduler;
  private final Duration interval;
  private ScheduledFuture<?> probing;

  /**
   * @param interval between two probe rounds; the first round runs at once
   */
  public ManualPeerProber(
      List<ManualPeer> peers,
      PeerTable table,
      FlavorsProbe probe,
      ScheduledExecutorService scheduler,
      Duration interval) {
    this.peers = List.copyOf(peers);
    this.table = table;
    this.probe = probe;
    this.scheduler = scheduler;
    this.interval = interval;
  }

  @Override
  public String name() {
    return "manual";
  }

  @Override
  public synchronized void start() {
    for (ManualPeer peer : peers) {
      if (table.addManual(peer.address().toString(), peer.nodeId())
          == PeerTable.Admission.TABLE_FULL) {
        LOG.log(System.Logger.Level.WARNING, "peer table full, manual peer dropped: " + peer);
      }
    }
    long millis = interval.toMillis();
    probing =
        scheduler.scheduleWithFixedDelay(
            Guarded.task("manual peer probe", this::probeAll), 0, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (probing != null) {
      probing.cancel(false);
    }
  }

  /** Probes every manual peer once, one after the other (there are few). */
  public void probeAll() {
    for (ManualPeer peer : peers) {
      FlavorsProbe.Result result = probe.probe(peer.flavorsUri());
      table.probed(peer.address().toString(), peer.nodeId(), result.state(), result.error());
    }
  }
}
