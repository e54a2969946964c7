package io.minicloud.edgeagent.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minicloud.edgeagent.discovery.AnnouncementStats;
import io.minicloud.edgeagent.discovery.PeerSource;
import io.minicloud.edgeagent.discovery.PeerTable;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The discovery metric names and tags are a contract (shared/STYLE.md §9). */
class DiscoveryMetricsTest {

  @Test
  void peersAreCountedByStateAndSourceAndEveryResultSeriesExistsFromTheStart() {
    var registry = new SimpleMeterRegistry();
    var table = new PeerTable(Clock.systemUTC(), 16, Duration.ofMinutes(1));
    table.announced(PeerSource.MULTICAST, "node-a", "d", "10.0.0.1:1", Duration.ofMinutes(1));
    table.addManual("10.0.0.2:3004", Optional.empty());

    DiscoveryMetrics.bind(registry, table, new AnnouncementStats());

    assertEquals(
        1.0,
        registry
            .get("minicloud_edge_agent_peers")
            .tags("state", "live", "source", "multicast")
            .gauge()
            .value());
    assertEquals(
        1.0,
        registry
            .get("minicloud_edge_agent_peers")
            .tags("state", "unreachable", "source", "manual")
            .gauge()
            .value());
    assertEquals(12, registry.get("minicloud_edge_agent_peers").gauges().size());
    for (String result :
        new String[] {
          "accepted", "own", "oversized", "malformed", "invalid", "table_full", "receive_error"
        }) {
      assertEquals(
          0.0,
          registry
              .get("minicloud_edge_agent_announcements_received")
              .tag("result", result)
              .functionCounter()
              .count());
    }
    assertEquals(
        0.0, registry.get("minicloud_edge_agent_announcements_sent").functionCounter().count());
  }
}
