package io.minicloud.edgeagent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import javax.jmdns.JmDNS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two JmDNS instances on loopback advertise and browse each other. mDNS has a fixed port (5353), so
 * a random service type keeps parallel builds on this machine apart.
 */
@Tag("peer")
class MdnsDiscoveryIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final List<MdnsDiscovery> running = new ArrayList<>();
  private final String serviceType =
      "_mc" + ThreadLocalRandom.current().nextInt(10_000, 99_999) + "._tcp.local.";

  private PeerTable start(String nodeId, int port) throws Exception {
    var table = new PeerTable(Clock.systemUTC(), 64, Duration.ofMinutes(5));
    var settings =
        new MdnsSettings(
            serviceType,
            Optional.of("lo"),
            Duration.ofSeconds(2),
            Duration.ofSeconds(30),
            port,
            "/api/v2",
            false);
    var mdns =
        new MdnsDiscovery(
            settings,
            new Announcement("minicloud.local", nodeId, "127.0.0.1:" + port),
            table,
            JmDNS::create,
            scheduler);
    mdns.start();
    running.add(mdns);
    return table;
  }

  @AfterEach
  void stopAll() {
    running.forEach(MdnsDiscovery::stop);
    scheduler.shutdownNow();
  }

  @Test
  void twoInstancesOnLoopbackFindEachOtherAndSeeTheGoodbye() throws Exception {
    // GIVEN two nodes advertising the same service type on loopback
    PeerTable a = start("mdns-a", 18443);
    PeerTable b = start("mdns-b", 28443);

    // WHEN browsing has resolved the other's instance
    Await.until(
        PATIENCE,
        () -> live(a, "mdns-b") && live(b, "mdns-a"),
        () -> a.peers() + " / " + b.peers());

    // THEN each has the other from its SRV port, A record and TXT, and not itself
    Peer seenByA = a.peers().get(0);
    assertEquals(1, a.peers().size());
    assertEquals("127.0.0.1:28443", seenByA.address());
    assertEquals("minicloud.local", seenByA.domain());
    assertEquals(Set.of(PeerSource.MDNS), seenByA.sources());

    // WHEN B unregisters, THEN its goodbye expires it at A
    running.remove(1).stop();
    Await.until(
        PATIENCE, () -> a.peers().get(0).state() == PeerState.EXPIRED, () -> a.peers().toString());
  }

  private static boolean live(PeerTable table, String nodeId) {
    return table.peers().stream()
        .anyMatch(p -> nodeId.equals(p.nodeId()) && p.state() == PeerState.LIVE);
  }
}
