package io.minicloud.edgeagent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeerTableTest {
  private static final Duration TTL = Duration.ofSeconds(10);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final PeerTable table = new PeerTable(clock, 3, Duration.ofSeconds(60));
  private final List<PeerEvent> events = new ArrayList<>();

  {
    table.addListener(events::add);
  }

  private PeerTable.Admission announce(String nodeId) {
    return table.announced(PeerSource.MULTICAST, nodeId, "fluidos.eu", "10.0.0.1:30001", TTL);
  }

  @Test
  void anAnnouncementAddsALivePeerAndARepeatOnlyRefreshesIt() {
    assertEquals(PeerTable.Admission.ADDED, announce("node-a"));
    clock.advance(Duration.ofSeconds(5));

    assertEquals(PeerTable.Admission.REFRESHED, announce("node-a"));

    Peer peer = table.peers().get(0);
    assertEquals(PeerState.LIVE, peer.state());
    assertEquals(Set.of(PeerSource.MULTICAST), peer.sources());
    assertEquals(Instant.parse("2026-01-01T00:00:05Z"), peer.lastSeen());
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"), peer.firstSeen());
    assertEquals(List.of(PeerEvent.Kind.ADDED), events.stream().map(PeerEvent::kind).toList());
  }

  @Test
  void aPeerExpiresTenSecondsAfterItsLastAnnouncementThenIsForgotten() {
    announce("node-a");
    clock.advance(Duration.ofSeconds(9));
    table.sweep();
    assertEquals(PeerState.LIVE, table.peers().get(0).state());

    clock.advance(Duration.ofSeconds(1));
    table.sweep();
    assertEquals(PeerState.EXPIRED, table.peers().get(0).state());

    clock.advance(Duration.ofSeconds(60));
    table.sweep();
    assertTrue(table.peers().isEmpty());
    assertEquals(
        List.of(PeerEvent.Kind.ADDED, PeerEvent.Kind.UPDATED, PeerEvent.Kind.REMOVED),
        events.stream().map(PeerEvent::kind).toList());
  }

  @Test
  void anExpiredPeerThatAnnouncesAgainIsLiveAgain() {
    announce("node-a");
    clock.advance(Duration.ofSeconds(11));
    table.sweep();

    announce("node-a");

    assertEquals(PeerState.LIVE, table.peers().get(0).state());
  }

  @Test
  void aFullTableDropsNewcomersAndCountsThemButRefreshesKnownPeers() {
    announce("node-a");
    announce("node-b");
    announce("node-c");

    assertEquals(PeerTable.Admission.TABLE_FULL, announce("node-d"));
    assertEquals(PeerTable.Admission.REFRESHED, announce("node-a"));

    assertEquals(3, table.peers().size());
    assertEquals(1, table.droppedBecauseFull());
  }

  @Test
  void aFullTableMakesRoomByEvictingTheExpiredPeerLastSeenLongestAgo() {
    announce("flood-1");
    clock.advance(Duration.ofSeconds(1));
    announce("flood-2");
    announce("node-c");
    clock.advance(Duration.ofSeconds(10));
    announce("node-c");
    table.sweep();

    assertEquals(PeerTable.Admission.ADDED, announce("node-d"));

    assertEquals(
        List.of("flood-2", "node-c", "node-d"), table.peers().stream().map(Peer::nodeId).toList());
    assertEquals(0, table.droppedBecauseFull());
  }

  @Test
  void concurrentWritersNeverOverfillTheTable() throws Exception {
    var big = new PeerTable(clock, 100, Duration.ofMinutes(1));
    var threads = new ArrayList<Thread>();
    for (int t = 0; t < 4; t++) {
      int offset = t * 1000;
      threads.add(
          new Thread(
              () -> {
                for (int i = 0; i < 500; i++) {
                  big.announced(PeerSource.MULTICAST, "n" + (offset + i), "d", "h:1", TTL);
                  big.peers();
                }
              }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }

    assertEquals(100, big.peers().size());
    assertEquals(4 * 500 - 100, big.droppedBecauseFull());
  }

  @Test
  void peersAreSortedByNodeIdWithUnnamedManualPeersLast() {
    table.addManual("10.0.0.9:3004", Optional.empty());
    announce("zeta");
    announce("alpha");

    List<String> order = table.peers().stream().map(Peer::address).toList();

    assertEquals("alpha", table.peers().get(0).nodeId());
    assertEquals("zeta", table.peers().get(1).nodeId());
    assertEquals("10.0.0.9:3004", order.get(2));
  }

  @Test
  void aManualPeerTakesItsStateFromProbesAndNeverExpires() {
    table.addManual("10.0.0.9:3004", Optional.of("node-m"));
    Peer before = table.peers().get(0);
    assertEquals(PeerState.UNREACHABLE, before.state());
    assertNull(before.lastSeen());

    clock.advance(Duration.ofSeconds(1));
    table.probed("10.0.0.9:3004", Optional.of("node-m"), PeerState.NOT_READY, "HTTP 503");
    clock.advance(Duration.ofHours(1));
    table.sweep();

    Peer after = table.peers().get(0);
    assertEquals(PeerState.NOT_READY, after.state());
    assertEquals("HTTP 503", after.lastError());
    assertEquals(Instant.parse("2026-01-01T00:00:01Z"), after.lastSeen());
  }

  @Test
  void anUnreachableProbeKeepsTheLastTimeThePeerAnswered() {
    table.addManual("10.0.0.9:3004", Optional.empty());
    table.probed("10.0.0.9:3004", Optional.empty(), PeerState.LIVE, null);
    Instant answered = clock.instant();
    clock.advance(Duration.ofSeconds(30));

    table.probed("10.0.0.9:3004", Optional.empty(), PeerState.UNREACHABLE, "ConnectException");

    Peer peer = table.peers().get(0);
    assertEquals(PeerState.UNREACHABLE, peer.state());
    assertEquals(answered, peer.lastSeen());
    assertEquals("ConnectException", peer.lastError());
  }

  @Test
  void aManualPeerWithoutNodeIdMergesWithTheNodeThatAnnouncesItsAddress() {
    table.addManual("10.0.0.1:30001", Optional.empty());

    announce("node-a");

    Peer peer = table.peers().get(0);
    assertEquals(1, table.peers().size());
    assertEquals("node-a", peer.nodeId());
    assertEquals(Set.of(PeerSource.MANUAL, PeerSource.MULTICAST), peer.sources());
  }

  @Test
  void aWithdrawnMdnsPeerExpiresAtOnce() {
    table.announced(PeerSource.MDNS, "node-a", "d", "10.0.0.1:8443", Duration.ofMinutes(2));

    table.withdrawn(PeerSource.MDNS, "node-a");

    assertEquals(PeerState.EXPIRED, table.peers().get(0).state());
  }

  @Test
  void aFailingListenerDoesNotStopTheOthers() {
    table.addListener(
        event -> {
          throw new IllegalStateException("boom");
        });
    List<PeerEvent> later = new ArrayList<>();
    table.addListener(later::add);

    announce("node-a");

    assertEquals(1, later.size());
    assertEquals(1, table.listenerFailures());
  }

  @Test
  void countsPeersByStateAndSource() {
    announce("node-a");
    table.addManual("10.0.0.9:3004", Optional.empty());

    assertEquals(1, table.count(PeerState.LIVE, PeerSource.MULTICAST));
    assertEquals(1, table.count(PeerState.UNREACHABLE, PeerSource.MANUAL));
    assertEquals(0, table.count(PeerState.LIVE, PeerSource.MDNS));
  }
}
