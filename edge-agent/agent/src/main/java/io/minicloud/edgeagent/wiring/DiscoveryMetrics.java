package io.minicloud.edgeagent.wiring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.minicloud.edgeagent.discovery.AnnouncementStats;
import io.minicloud.edgeagent.discovery.PeerSource;
import io.minicloud.edgeagent.discovery.PeerState;
import io.minicloud.edgeagent.discovery.PeerTable;
import io.minicloud.edgeagent.discovery.ReceiveOutcome;
import jakarta.inject.Singleton;

/**
 * Peer discovery metrics. Every state/source and result combination is registered up front, so
 * dashboards see zeros instead of missing series.
 */
@Singleton
public class DiscoveryMetrics implements MeterBinder {
  private final DiscoveryWiring discovery;

  public DiscoveryMetrics(DiscoveryWiring discovery) {
    this.discovery = discovery;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    bind(registry, discovery.table(), discovery.stats());
  }

  /** Registers the meters; static so a unit test binds them to a simple registry. */
  static void bind(MeterRegistry registry, PeerTable table, AnnouncementStats stats) {
    for (PeerState state : PeerState.values()) {
      for (PeerSource source : PeerSource.values()) {
        Gauge.builder("minicloud_edge_agent_peers", table, t -> t.count(state, source))
            .description("Known REAR peers by state and by the mechanism that found them")
            .tag("state", state.wireName())
            .tag("source", source.wireName())
            .register(registry);
      }
    }
    for (ReceiveOutcome outcome : ReceiveOutcome.values()) {
      FunctionCounter.builder(
              "minicloud_edge_agent_announcements_received", stats, s -> s.receivedCount(outcome))
          .description("FLUIDOS multicast announcements received, by what became of them")
          .tag("result", outcome.tag())
          .register(registry);
    }
    FunctionCounter.builder(
            "minicloud_edge_agent_announcements_sent", stats, AnnouncementStats::sentCount)
        .description("FLUIDOS multicast announcements sent")
        .register(registry);
    FunctionCounter.builder(
            "minicloud_edge_agent_announcement_send_failures",
            stats,
            AnnouncementStats::sendFailures)
        .description("FLUIDOS multicast announcements that could not be sent")
        .register(registry);
    FunctionCounter.builder(
            "minicloud_edge_agent_peers_dropped_table_full", table, PeerTable::droppedBecauseFull)
        .description("New peers dropped because the peer table was full")
        .register(registry);
  }
}
