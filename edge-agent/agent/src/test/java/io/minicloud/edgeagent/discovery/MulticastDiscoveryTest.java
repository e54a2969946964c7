package io.minicloud.edgeagent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The receive loop and the announcer over an in-memory channel: no network needed. */
class MulticastDiscoveryTest {
  private static final Announcement SELF =
      new Announcement("minicloud.local", "self-node", "192.0.2.2:8443");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final PeerTable table = new PeerTable(clock, 16, Duration.ofMinutes(1));
  private final AnnouncementStats stats = new AnnouncementStats();
  private final InMemoryChannel channel = new InMemoryChannel();
  private final ExecutorService receivers = Executors.newCachedThreadPool();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
  private final MulticastDiscovery discovery =
      new MulticastDiscovery(settings(), SELF, table, stats, s -> channel, scheduler, receivers);

  private static MulticastSettings settings() {
    try {
      return new MulticastSettings(
          InetAddress.getByName("239.11.11.1"),
          4000,
          Duration.ofHours(1),
          Duration.ofSeconds(10),
          Optional.empty(),
          HostileDatagrams.MAX_BYTES);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @AfterEach
  void stop() {
    discovery.stop();
    scheduler.shutdownNow();
    receivers.shutdownNow();
  }

  @Test
  void hostileDatagramsAreCountedAndTheLoopStillAcceptsAValidOne() throws Exception {
    // GIVEN a running listener
    discovery.start();
    List<HostileDatagrams.Case> hostile = HostileDatagrams.all();

    // WHEN every hostile datagram arrives, then a valid one
    for (HostileDatagrams.Case c : hostile) {
      channel.inbox.add(c.data());
    }
    channel.inbox.add(HostileDatagrams.valid("good-node").getBytes(StandardCharsets.UTF_8));

    // THEN only the valid one is a peer, and each hostile one is counted by its outcome
    Await.until(
        Duration.ofSeconds(30),
        () -> stats.receivedCount(ReceiveOutcome.ACCEPTED) == 1,
        () -> "valid announcement not accepted, table " + table.peers());
    assertEquals(List.of("good-node"), table.peers().stream().map(Peer::nodeId).toList());
    for (ReceiveOutcome outcome :
        List.of(ReceiveOutcome.OVERSIZED, ReceiveOutcome.MALFORMED, ReceiveOutcome.INVALID)) {
      long expected = hostile.stream().filter(c -> c.expected() == outcome).count();
      assertEquals(expected, stats.receivedCount(outcome), outcome.tag());
    }
  }

  @Test
  void ourOwnAnnouncementIsCountedAsOwnAndAddsNoPeer() {
    var codec = new AnnouncementCodec(HostileDatagrams.MAX_BYTES);
    byte[] own = codec.encode(SELF);

    ReceiveOutcome outcome = discovery.handle(own, own.length, null);

    assertEquals(ReceiveOutcome.OWN, outcome);
    assertTrue(table.peers().isEmpty());
  }

  @Test
  void announcesOurIdentityAtOnceOnStart() throws Exception {
    discovery.start();

    Await.until(Duration.ofSeconds(30), () -> !channel.sent.isEmpty(), () -> "nothing sent");
    assertEquals(
        "{\"domain\":\"minicloud.local\",\"nodeID\":\"self-node\",\"ip\":\"192.0.2.2:8443\"}",
        new String(channel.sent.get(0), StandardCharsets.UTF_8));
    assertEquals(1, stats.sentCount());
  }

  @Test
  void aMachineWithoutMulticastLeavesTheMechanismOffAndDiscoveryRunning() {
    // GIVEN a socket factory that fails the way a machine without a multicast interface does
    var noMulticast =
        new MulticastDiscovery(
            settings(),
            SELF,
            table,
            stats,
            s -> {
              throw new IOException("no interface is up, multicast-capable and has an IPv4");
            },
            scheduler,
            receivers);
    var all = new Discovery(table, List.of(noMulticast), scheduler, Duration.ofSeconds(1));

    // WHEN discovery starts
    all.start();

    // THEN it reports the mechanism unavailable instead of failing
    assertTrue(all.status().get("multicast").startsWith("unavailable: no interface"));
    all.close();
  }
}
