package io.minicloud.edgeagent.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.minicloud.rear.quantity.Quantity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class RefreshingInventoryTest {

  /** A source whose next answer the test decides. */
  static final class ScriptedSource implements InventorySource {
    private final String name;
    volatile Contribution next;
    volatile String failure;

    ScriptedSource(String name, Contribution next) {
      this.name = name;
      this.next = next;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Contribution read() throws SourceException {
      if (failure != null) {
        throw new SourceException(failure);
      }
      return next;
    }
  }

  /** A clock the test moves. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-11-23T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ManualClock clock = new ManualClock();

  static NodeRecord node(String name) {
    Resources r =
        new Resources(
            Quantity.of(4), Quantity.parse("4Gi"), Quantity.ZERO, Quantity.of(110), Quantity.ZERO);
    return new NodeRecord(
        name, "arm64", "linux", r, Resources.NONE, List.of(), false, "", Map.of(), true);
  }

  @Test
  void aFailingSourceKeepsItsLastGoodItemsMarkedStaleAndNeverEmptiesTheOthers() {
    // GIVEN two char-agents that both answered once
    var a = new ScriptedSource("char-agent a", Contribution.ofNodes(List.of(node("a"))));
    var b = new ScriptedSource("char-agent b", Contribution.ofNodes(List.of(node("b"))));
    var inventory =
        new RefreshingInventory(
            List.of(a, b), Duration.ofSeconds(15), clock, new InventoryMetrics(registry));
    inventory.refresh();

    // WHEN b fails 30 s later
    b.failure = "connection refused";
    clock.now = clock.now.plusSeconds(30);
    InventorySnapshot s = inventory.refresh();

    // THEN both nodes are still there, b's marked stale with its error and age
    assertEquals(List.of("a", "b"), s.nodes().stream().map(NodeRecord::name).toList());
    SourceState stateA = s.sources().get(0);
    SourceState stateB = s.sources().get(1);
    assertFalse(stateA.stale());
    assertNull(stateA.error());
    assertTrue(stateB.stale());
    assertEquals("connection refused", stateB.error());
    assertEquals(30, stateB.ageSeconds());

    // AND when b answers again it is fresh
    b.failure = null;
    assertFalse(inventory.refresh().sources().get(1).stale());
  }

  @Test
  void aSourceThatNeverAnsweredContributesNothingAndSaysSo() {
    var down = new ScriptedSource("tether-bridge x", null);
    down.failure = "nobody listens";
    var inventory =
        new RefreshingInventory(
            List.of(down), Duration.ofSeconds(15), clock, new InventoryMetrics(registry));

    InventorySnapshot s = inventory.refresh();

    assertTrue(s.devices().isEmpty());
    assertEquals(-1, s.sources().get(0).ageSeconds());
    assertNull(s.sources().get(0).lastSuccess());
  }

  @Test
  void anOutageIsLoggedOnceAsAWarningAndOnceWhenItEnds() {
    // GIVEN a handler on the inventory's logger
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            records.add(r);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    java.util.logging.Logger logger =
        java.util.logging.Logger.getLogger(RefreshingInventory.class.getName());
    logger.addHandler(handler);
    try {
      var a = new ScriptedSource("char-agent a", Contribution.ofNodes(List.of(node("a"))));
      a.failure = "connection refused";
      var inventory =
          new RefreshingInventory(
              List.of(a), Duration.ofSeconds(15), clock, new InventoryMetrics(registry));

      // WHEN it fails on five refreshes, answers, then fails again
      for (int i = 0; i < 5; i++) {
        inventory.refresh();
      }
      a.failure = null;
      inventory.refresh();
      a.failure = "timeout";
      inventory.refresh();
      inventory.refresh();

      // THEN two warnings (one per outage) and one recovery line
      long warnings =
          records.stream().filter(r -> r.getLevel().intValue() == Level.WARNING.intValue()).count();
      long recoveries =
          records.stream()
              .filter(r -> r.getMessage() != null && formatted(r).contains("answers again"))
              .count();
      assertEquals(2, warnings, records.toString());
      assertEquals(1, recoveries);
    } finally {
      logger.removeHandler(handler);
    }
  }

  private static String formatted(LogRecord r) {
    return new java.util.logging.SimpleFormatter().formatMessage(r);
  }

  @Test
  void aClusterContributionMarksTheSnapshotClustered() {
    var cluster =
        new ScriptedSource("kubernetes", Contribution.ofCluster(List.of(node("k")), true));
    var inventory =
        new RefreshingInventory(
            List.of(cluster), Duration.ofSeconds(15), clock, new InventoryMetrics(registry));

    InventorySnapshot s = inventory.refresh();

    assertTrue(s.clustered());
    assertTrue(s.kubevirt());
  }

  @Test
  void listenersGetEverySnapshotFromTheRefreshThread() throws Exception {
    var a = new ScriptedSource("char-agent a", Contribution.ofNodes(List.of(node("a"))));
    var inventory =
        new RefreshingInventory(
            List.of(a), Duration.ofMillis(50), clock, new InventoryMetrics(registry));
    List<InventorySnapshot> seen = new ArrayList<>();
    CountDownLatch two = new CountDownLatch(2);
    inventory.onChange(
        s -> {
          synchronized (seen) {
            seen.add(s);
          }
          two.countDown();
        });
    inventory.onChange(
        s -> {
          throw new IllegalStateException("a broken listener must not stop the others");
        });

    inventory.start();
    try {
      assertTrue(two.await(30, TimeUnit.SECONDS));
    } finally {
      inventory.close();
    }

    synchronized (seen) {
      assertEquals("a", seen.get(0).nodes().get(0).name());
    }
    assertEquals("a", inventory.snapshot().nodes().get(0).name());
  }

  @Test
  void metricsFollowTheNamingContract() {
    var a = new ScriptedSource("char-agent a", Contribution.ofNodes(List.of(node("a"))));
    var b = new ScriptedSource("tether-bridge b", null);
    b.failure = "down";
    var inventory =
        new RefreshingInventory(
            List.of(a, b), Duration.ofSeconds(15), clock, new InventoryMetrics(registry));

    inventory.refresh();
    inventory.refresh();
    // simpleclient writes {k="v",}: compare without the trailing comma
    String scrape = registry.scrape().replace(",}", "}");

    assertTrue(scrape.contains("minicloud_edge_agent_inventory_items{kind=\"node\"} 1.0"), scrape);
    assertTrue(
        scrape.contains("minicloud_edge_agent_inventory_items{kind=\"device\"} 0.0"), scrape);
    assertTrue(
        scrape.contains(
            "minicloud_edge_agent_inventory_source_errors_total{source=\"tether-bridge b\"} 2.0"),
        scrape);
    assertTrue(scrape.contains("minicloud_edge_agent_inventory_refresh_seconds_count 2"), scrape);
  }
}
