package io.minicloud.edgeagent.rear.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.minicloud.edgeagent.discovery.Announcement;
import io.minicloud.edgeagent.discovery.AnnouncementStats;
import io.minicloud.edgeagent.discovery.Discovery;
import io.minicloud.edgeagent.discovery.LoopbackMulticast;
import io.minicloud.edgeagent.discovery.MulticastDiscovery;
import io.minicloud.edgeagent.discovery.MulticastSettings;
import io.minicloud.edgeagent.discovery.Peer;
import io.minicloud.edgeagent.discovery.PeerTable;
import io.minicloud.edgeagent.discovery.UdpMulticastChannel;
import io.minicloud.edgeagent.rear.RearTestKit;
import io.minicloud.rear.client.BearerToken;
import io.minicloud.rear.client.CertificatePin;
import io.minicloud.rear.client.RearClient;
import io.minicloud.rear.client.RearClientOptions;
import io.minicloud.rear.client.RearTrust;
import io.minicloud.rear.contract.ContractSignatures;
import io.minicloud.rear.contract.SigningKeys;
import io.minicloud.rear.filter.FilterParser;
import io.minicloud.rear.model.Configuration;
import io.minicloud.rear.model.Contract;
import io.minicloud.rear.model.Flavor;
import io.minicloud.rear.model.RearJson;
import io.minicloud.rear.model.Transaction;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two miniclouds on loopback trade: the seller announces itself by real UDP multicast, the buyer
 * finds it in its peer table, lists its flavors with filters through the REAR client over HTTPS
 * (certificate pinned, bearer token), reserves a partition, purchases it (the contract verifies
 * with the key the seller publishes), and a subscriber on the seller hears the flavor withdrawn
 * when its capacity disappears.
 */
@Tag("peer")
class TwoMinicloudsTradeIT {

  @TempDir Path dir;
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final ExecutorService receivers = Executors.newCachedThreadPool();
  private SubscriptionTestNode seller;
  private Discovery sellerDiscovery;
  private Discovery buyerDiscovery;

  @AfterEach
  void stop() throws Exception {
    if (sellerDiscovery != null) {
      sellerDiscovery.close();
    }
    if (buyerDiscovery != null) {
      buyerDiscovery.close();
    }
    scheduler.shutdownNow();
    receivers.shutdownNow();
    if (seller != null) {
      seller.close();
    }
  }

  private Discovery announce(
      MulticastSettings settings, String nodeId, String address, PeerTable table) {
    Discovery d =
        new Discovery(
            table,
            List.of(
                new MulticastDiscovery(
                    settings,
                    new Announcement("minicloud.test", nodeId, address),
                    table,
                    new AnnouncementStats(),
                    UdpMulticastChannel::open,
                    scheduler,
                    receivers)),
            scheduler,
            Duration.ofMillis(100));
    d.start();
    return d;
  }

  @Test
  void discoverListReservePurchaseAndHearAWithdrawal() throws Exception {
    seller = new SubscriptionTestNode(dir.resolve("seller"), SubscriptionSettings.defaults());
    String sellerAddress = seller.base.substring("https://".length());
    MulticastSettings group =
        LoopbackMulticast.settings(Duration.ofMillis(200), Duration.ofSeconds(30));
    sellerDiscovery =
        announce(
            group,
            "gw-1",
            sellerAddress,
            new PeerTable(Clock.systemUTC(), 64, Duration.ofMinutes(5)));
    PeerTable buyerPeers = new PeerTable(Clock.systemUTC(), 64, Duration.ofMinutes(5));
    buyerDiscovery = announce(group, "gw-buyer", "127.0.0.1:9", buyerPeers);

    // discover
    Peer found =
        await(() -> buyerPeers.peers().stream().filter(p -> p.nodeId().equals("gw-1")).findFirst());
    assertEquals(sellerAddress, found.address());

    // list with filters, over HTTPS with the seller's certificate pinned and a token
    RearClient client =
        new RearClient(
            RearClientOptions.builder(URI.create("https://" + found.address()))
                .trust(
                    new RearTrust.Pin(
                        CertificatePin.of(certificate(dir.resolve("seller/tls/rear-cert.pem")))))
                .token(BearerToken.of(SubscriptionTestNode.ALICE))
                .build());
    List<Flavor> big =
        client.listFlavors(
            "k8slice",
            FilterParser.parse(
                "k8slice", "filter[cpu][range][min]=5&filter[memory][range][min]=8Gi"));
    assertEquals(1, big.size(), "only pi-1 has 5 CPUs and 8Gi");
    assertEquals(
        2,
        client
            .listFlavors("k8slice", FilterParser.parse("k8slice", "filter[cpu][range][min]=4"))
            .size());
    assertEquals(
        0,
        client
            .listFlavors(
                "k8slice", FilterParser.parse("k8slice", "filter[architecture][match]=amd64"))
            .size());
    String flavorId = big.get(0).flavorId();

    // a subscriber on the seller
    JsonNode created =
        RearJson.mapper()
            .readTree(
                seller
                    .send(
                        "POST",
                        "/api/v2/subscriptions",
                        SubscriptionTestNode.BOB,
                        "{\"flavorType\": \"k8slice\"}")
                    .body());
    try (SseClient events =
        seller.stream(created.get("events").asText(), SubscriptionTestNode.BOB, null)) {
      // reserve a partition and purchase it
      Transaction t =
          client.reserve(
              flavorId,
              RearTestKit.buyer("gw-buyer"),
              Configuration.of("k8slice", Map.of("cpu", "2", "memory", "2Gi", "pods", "10")));
      assertTrue(t.expirationTime().isAfter(Instant.now().plus(Duration.ofMinutes(59))));
      Contract contract = client.purchase(t.transactionId(), null);
      assertEquals(flavorId, contract.flavor().flavorId());
      assertEquals("pending", contract.extraInformation().get("provisioning"));
      JsonNode jwks =
          RearJson.mapper()
              .readTree(
                  seller.send("GET", "/api/v2/keys", SubscriptionTestNode.ALICE, null).body());
      Map<String, String> jwk = RearJson.mapper().convertValue(jwks.at("/keys/0"), Map.class);
      ContractSignatures.verify(contract, SigningKeys.fromJwk(jwk));
      SseClient.Event refresh = events.next("refresh", flavorId);
      assertTrue(
          refresh.data().get("modifications").toString().contains("3"), refresh.data().toString());

      // the seller's node goes away: its flavor is withdrawn and the subscriber told
      seller.inventory.set(
          RearTestKit.snapshot(List.of(RearTestKit.node("pi-2", "4", "4Gi", "110")), false));
      SseClient.Event withdraw = events.next("withdraw", flavorId);
      assertEquals(flavorId, withdraw.data().at("/flavor/flavorID").asText());
      assertEquals(1, client.listFlavors("k8slice", null).size());
    }
  }

  private static java.security.cert.X509Certificate certificate(Path pem) throws Exception {
    try (var in = java.nio.file.Files.newInputStream(pem)) {
      return (java.security.cert.X509Certificate)
          java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static <T> T await(java.util.function.Supplier<Optional<T>> probe)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<T> v = probe.get();
      if (v.isPresent()) {
        return v.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("not discovered within 60 s");
  }
}
