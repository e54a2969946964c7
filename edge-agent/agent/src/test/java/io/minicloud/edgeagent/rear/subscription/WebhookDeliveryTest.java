package io.minicloud.edgeagent.rear.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.minicloud.edgeagent.rear.RearTestKit;
import io.minicloud.edgeagent.rear.catalog.Offer;
import io.minicloud.rear.model.Configuration;
import io.minicloud.rear.model.FlavorType;
import io.minicloud.rear.model.RearJson;
import io.minicloud.rear.model.ReserveRequest;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhooks to a real HTTP server: signed, retried after a 500, delivered once each, in order. */
class WebhookDeliveryTest {

  /** What the receiver got. */
  record Received(String event, long delivery, String signature, String body) {}

  @TempDir Path dir;
  SubscriptionTestNode node;
  HttpServer receiver;
  final List<Received> received = new CopyOnWriteArrayList<>();
  final AtomicInteger failuresLeft = new AtomicInteger(1);

  @BeforeEach
  void setUp() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(
              new Received(
                  exchange.getRequestHeaders().getFirst("X-Minicloud-Event"),
                  Long.parseLong(exchange.getRequestHeaders().getFirst("X-Minicloud-Delivery")),
                  exchange.getRequestHeaders().getFirst("X-Minicloud-Signature"),
                  new String(body, StandardCharsets.UTF_8)));
          int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
    node =
        new SubscriptionTestNode(
            dir,
            SubscriptionSettings.defaults()
                .withRetries(Duration.ofMillis(50), Duration.ofMillis(200)));
  }

  @AfterEach
  void tearDown() throws Exception {
    node.close();
    receiver.stop(0);
  }

  private String sliceOf(String nodeName) {
    return node.provider.board().offers().stream()
        .filter(o -> o.type().equals(FlavorType.K8SLICE) && o.pool().contains(nodeName))
        .map(Offer::id)
        .findFirst()
        .orElseThrow();
  }

  private static void await(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 30 s: " + what);
      }
      Thread.sleep(20);
    }
  }

  private double deliveries(String result) {
    var counter =
        node.registry
            .find("minicloud_edge_agent_rear_webhook_deliveries")
            .tag("result", result)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void eventsAreSignedRetriedAfterA500AndDeliveredOnceInOrder() throws Exception {
    String pi1 = sliceOf("pi-1");
    String pi2 = sliceOf("pi-2");
    String url =
        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook?token=receiver-secret";
    HttpResponse<String> created =
        node.send(
            "POST",
            "/api/v2/subscriptions",
            SubscriptionTestNode.ALICE,
            "{\"flavorType\": \"k8slice\", \"webhook\": \"" + url + "\"}");
    assertEquals(201, created.statusCode(), created.body());
    String secret = RearJson.mapper().readTree(created.body()).get("secret").asText();
    assertTrue(secret.startsWith("whsec_"));
    assertEquals(
        1.0,
        node.registry
            .get("minicloud_edge_agent_rear_subscriptions")
            .tag("kind", "webhook")
            .gauge()
            .value());

    node.inventory.set(
        RearTestKit.snapshot(List.of(RearTestKit.node("pi-1", "5", "8Gi", "110")), false));
    node.provider
        .ledger()
        .reserve(
            new ReserveRequest(
                pi1,
                RearTestKit.buyer("b1"),
                Configuration.of("k8slice", Map.of("cpu", "1", "memory", "1Gi", "pods", "5"))),
            "token:b1");
    await("two deliveries", () -> deliveries("delivered") == 2.0);

    assertEquals(3, received.size(), "one 500, its retry, then the next event: " + received);
    assertEquals(1.0, deliveries("failed"));
    Received failed = received.get(0);
    Received retried = received.get(1);
    Received next = received.get(2);
    assertEquals(failed.delivery(), retried.delivery(), "the retry is the same delivery");
    assertEquals(failed.body(), retried.body());
    assertTrue(next.delivery() > retried.delivery(), "in order, after the retry succeeded");
    assertEquals("withdraw", retried.event());
    assertEquals("refresh", next.event());
    for (Received r : received) {
      assertEquals(
          WebhookSignature.sign(secret, r.body().getBytes(StandardCharsets.UTF_8)),
          r.signature(),
          "HMAC-SHA256 of the body under the subscription's secret");
      JsonNode event = RearJson.mapper().readTree(r.body());
      assertEquals(r.delivery(), event.get("id").asLong());
    }
    assertEquals(pi2, RearJson.mapper().readTree(retried.body()).at("/flavor/flavorID").asText());
    assertEquals(pi1, RearJson.mapper().readTree(next.body()).at("/flavor/flavorID").asText());
    assertEquals(0, node.subscriptions.outbox().size(), "nothing is owed any more");
  }

  @Test
  void aReceiverThatNeverAnswers2xxIsGivenUpOnAfterMaxAttempts() throws Exception {
    failuresLeft.set(Integer.MAX_VALUE);
    node.close();
    SubscriptionSettings d = SubscriptionSettings.defaults();
    node =
        new SubscriptionTestNode(
            dir,
            new SubscriptionSettings(
                d.maxPerPrincipal(),
                d.maxStreams(),
                d.keepAlive(),
                d.retention(),
                d.maxEvents(),
                3,
                d.giveUpAfter(),
                Duration.ofMillis(10),
                Duration.ofMillis(50),
                d.webhookTimeout()));
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    assertEquals(
        201,
        node.send(
                "POST",
                "/api/v2/subscriptions",
                SubscriptionTestNode.ALICE,
                "{\"flavorType\": \"k8slice\", \"webhook\": \"" + url + "\"}")
            .statusCode());

    node.inventory.set(
        RearTestKit.snapshot(List.of(RearTestKit.node("pi-1", "5", "8Gi", "110")), false));
    await("the delivery given up", () -> deliveries("gave_up") == 1.0);

    assertEquals(3, received.size(), "exactly maxAttempts POSTs: " + received);
    assertEquals(3.0, deliveries("failed"));
    assertEquals(0, node.subscriptions.outbox().size());
  }

  @Test
  void whatIsOwedSurvivesARestart() throws Exception {
    failuresLeft.set(Integer.MAX_VALUE);
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    assertEquals(
        201,
        node.send(
                "POST",
                "/api/v2/subscriptions",
                SubscriptionTestNode.ALICE,
                "{\"flavorType\": \"k8slice\", \"webhook\": \"" + url + "\"}")
            .statusCode());
    node.inventory.set(
        RearTestKit.snapshot(List.of(RearTestKit.node("pi-1", "5", "8Gi", "110")), false));
    await("a failed attempt", () -> deliveries("failed") >= 1.0);
    node.close();

    failuresLeft.set(0);
    received.clear();
    node =
        new SubscriptionTestNode(
            dir,
            SubscriptionSettings.defaults()
                .withRetries(Duration.ofMillis(50), Duration.ofMillis(200)));
    // the restarted node lists pi-2 again, so an offer follows the owed withdrawal
    await("both delivered after the restart", () -> deliveries("delivered") == 2.0);

    assertEquals("withdraw", received.get(0).event(), "the owed event first: " + received);
    assertEquals("offer", received.get(1).event());
    assertEquals(0, node.subscriptions.outbox().size());
  }
}
