package io.minicloud.edgeagent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Real UDP multicast on loopback: two agents in one JVM find each other, then lose each other. */
@Tag("peer")
class MulticastDiscoveryIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final ExecutorService receivers = Executors.newCachedThreadPool();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final List<Discovery> running = new ArrayList<>();

  private record Node(PeerTable table, AnnouncementStats stats, Discovery discovery) {}

  private Node start(String nodeId, String address, MulticastSettings settings) {
    var table = new PeerTable(Clock.systemUTC(), 1024, Duration.ofMinutes(5));
    var stats = new AnnouncementStats();
    var multicast =
        new MulticastDiscovery(
            settings,
            new Announcement("minicloud.local", nodeId, address),
            table,
            stats,
            UdpMulticastChannel::open,
            scheduler,
            receivers);
    var discovery = new Discovery(table, List.of(multicast), scheduler, Duration.ofMillis(100));
    discovery.start();
    assertEquals("active", discovery.status().get("multicast"), discovery.status().toString());
    running.add(discovery);
    return new Node(table, stats, discovery);
  }

  @AfterEach
  void stopAll() {
    running.forEach(Discovery::close);
    scheduler.shutdownNow();
    receivers.shutdownNow();
  }

  @Test
  void twoNodesFindEachOtherIgnoreTheirOwnEchoAndExpireWhenOneStops() throws Exception {
    // GIVEN two nodes announcing every 200 ms on one test group, peers expiring after 1 s
    var settings = LoopbackMulticast.settings(Duration.ofMillis(200), Duration.ofSeconds(1));
    Node a = start("node-a", "127.0.0.1:18443", settings);
    Node b = start("node-b", "127.0.0.1:28443", settings);

    // WHEN they have heard each other
    Await.until(PATIENCE, () -> hasLive(a, "node-b") && hasLive(b, "node-a"), () -> a + " / " + b);

    // THEN each knows only the other, with the announced address; its own echo came back too
    assertEquals(List.of("node-b"), a.table().peers().stream().map(Peer::nodeId).toList());
    assertEquals("127.0.0.1:18443", b.table().peers().get(0).address());
    Await.until(PATIENCE, () -> a.stats().receivedCount(ReceiveOutcome.OWN) > 0, () -> "no echo");

    // WHEN node-b stops announcing, THEN node-a marks it expired after the 1 s expiry
    b.discovery().close();
    Await.until(
        PATIENCE,
        () -> a.table().peers().get(0).state() == PeerState.EXPIRED,
        () -> a.table().peers().toString());
  }

  @Test
  void hostileDatagramsOnTheWireAreCountedAndAValidOneAfterThemIsAccepted() throws Exception {
    // GIVEN a listening node that announces only once, at start
    var settings = LoopbackMulticast.settings(Duration.ofHours(1), Duration.ofMinutes(1));
    Node listener = start("listener", "127.0.0.1:8443", settings);

    // WHEN every hostile datagram, then a valid announcement, is sent to the group
    try (var sender = new MulticastSocket()) {
      sender.setNetworkInterface(NetworkInterface.getByName("lo"));
      var group = new InetSocketAddress(settings.group(), settings.port());
      for (HostileDatagrams.Case c : HostileDatagrams.all()) {
        sender.send(new DatagramPacket(c.data(), c.data().length, group));
      }
      byte[] valid = HostileDatagrams.valid("sender").getBytes(StandardCharsets.UTF_8);
      sender.send(new DatagramPacket(valid, valid.length, group));
    }

    // THEN the valid one became the only peer and every hostile one was counted
    Await.until(
        PATIENCE,
        () -> listener.stats().receivedCount(ReceiveOutcome.ACCEPTED) == 1,
        () -> "not accepted; table " + listener.table().peers());
    assertEquals(List.of("sender"), listener.table().peers().stream().map(Peer::nodeId).toList());
    long rejected =
        listener.stats().receivedCount(ReceiveOutcome.OVERSIZED)
            + listener.stats().receivedCount(ReceiveOutcome.MALFORMED)
            + listener.stats().receivedCount(ReceiveOutcome.INVALID);
    assertEquals(HostileDatagrams.all().size(), rejected);
    assertEquals(0, listener.stats().receivedCount(ReceiveOutcome.RECEIVE_ERROR));
  }

  @Test
  void aMissingInterfaceLeavesMulticastUnavailableWithoutFailing() throws IOException {
    var good = LoopbackMulticast.settings(Duration.ofSeconds(5), Duration.ofSeconds(10));
    var missing =
        new MulticastSettings(
            InetAddress.getByName("239.11.11.1"),
            good.port(),
            good.interval(),
            good.expiry(),
            java.util.Optional.of("no-such-if0"),
            1024);
    var table = new PeerTable(Clock.systemUTC(), 16, Duration.ofMinutes(1));
    var multicast =
        new MulticastDiscovery(
            missing,
            new Announcement("minicloud.local", "x", "127.0.0.1:8443"),
            table,
            new AnnouncementStats(),
            UdpMulticastChannel::open,
            scheduler,
            receivers);
    var discovery = new Discovery(table, List.of(multicast), scheduler, Duration.ofSeconds(1));

    discovery.start();

    assertTrue(discovery.status().get("multicast").contains("no-such-if0"));
    discovery.close();
  }

  private static boolean hasLive(Node node, String nodeId) {
    return node.table().peers().stream()
        .anyMatch(p -> nodeId.equals(p.nodeId()) && p.state() == PeerState.LIVE);
  }
}
