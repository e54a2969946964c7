package io.minicloud.edgeagent.rear.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.minicloud.edgeagent.rear.RearTestKit;
import io.minicloud.edgeagent.rear.catalog.Offer;
import io.minicloud.rear.model.Configuration;
import io.minicloud.rear.model.FlavorType;
import io.minicloud.rear.model.RearJson;
import io.minicloud.rear.model.ReserveRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SSE end to end against a real provider: withdraw, refresh, resume, ad-hoc filters, restart. */
class SubscriptionStreamTest {

  @TempDir Path dir;
  SubscriptionTestNode node;

  @BeforeEach
  void setUp() throws Exception {
    node = new SubscriptionTestNode(dir, SubscriptionSettings.defaults());
  }

  @AfterEach
  void tearDown() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  private String sliceOf(String nodeName) {
    return node.provider.board().offers().stream()
        .filter(o -> o.type().equals(FlavorType.K8SLICE) && o.pool().contains(nodeName))
        .map(Offer::id)
        .findFirst()
        .orElseThrow();
  }

  private String subscribe(String body) throws Exception {
    HttpResponse<String> r =
        node.send("POST", "/api/v2/subscriptions", SubscriptionTestNode.ALICE, body);
    assertEquals(201, r.statusCode(), r.body());
    JsonNode created = RearJson.mapper().readTree(r.body());
    assertFalse(created.has("secret"), "an SSE subscription has no secret");
    assertEquals(
        "/api/v2/subscriptions/" + created.get("subscriptionID").asText() + "/events",
        created.get("events").asText());
    return created.get("events").asText();
  }

  private void removePi2() {
    node.inventory.set(
        RearTestKit.snapshot(List.of(RearTestKit.node("pi-1", "5", "8Gi", "110")), false));
  }

  private void reserveOnPi1(String flavorId) throws Exception {
    node.provider
        .ledger()
        .reserve(
            new ReserveRequest(
                flavorId,
                RearTestKit.buyer("b1"),
                Configuration.of("k8slice", Map.of("cpu", "1500m", "memory", "2Gi", "pods", "5"))),
            "token:b1");
  }

  @Test
  void aSubscriberHearsAWithdrawalAndARefreshLive() throws Exception {
    String pi1 = sliceOf("pi-1");
    String pi2 = sliceOf("pi-2");
    String events = subscribe("{\"flavorType\": \"k8slice\"}");

    try (SseClient sse = node.stream(events, SubscriptionTestNode.ALICE, null)) {
      assertEquals(200, sse.response.statusCode());
      assertTrue(
          sse.response
              .headers()
              .firstValue("Content-Type")
              .orElse("")
              .startsWith("text/event-stream"));
      removePi2();
      SseClient.Event withdraw = sse.next("withdraw", pi2);
      reserveOnPi1(pi1);
      SseClient.Event refresh = sse.next("refresh", pi1);

      assertEquals(withdraw.id(), withdraw.data().get("id").asLong());
      assertEquals(FlavorEvents.GONE, withdraw.data().at("/reason/message").asText());
      assertEquals(
          FlavorEvents.GONE, withdraw.data().at("/WithdrawMessage/Reason/Message").asText());
      assertEquals(pi2, withdraw.data().at("/WithdrawMessage/Flavor/FlavorID").asText());
      assertTrue(refresh.id() > withdraw.id());
      JsonNode cpu = null;
      for (JsonNode m : refresh.data().get("modifications")) {
        if (m.get("field").asText().equals("type.data.characteristics.cpu")) {
          cpu = m;
        }
      }
      assertTrue(cpu != null, "a cpu change in " + refresh.data().get("modifications"));
      assertEquals("5", cpu.get("oldValue").asText());
      assertEquals("3500m", cpu.get("newValue").asText());
      boolean inSpecEnvelope = false;
      for (JsonNode d : refresh.data().at("/RefreshMessage/ModificationDetails")) {
        inSpecEnvelope |=
            d.get("FieldModified").asText().equals("type.data.characteristics.cpu")
                && d.get("NewValue").asText().equals("3500m");
      }
      assertTrue(inSpecEnvelope, refresh.data().toString());
      assertTrue(
          node.registry
                  .get("minicloud_edge_agent_rear_events")
                  .tag("type", "withdraw")
                  .counter()
                  .count()
              >= 1);
    }
  }

  @Test
  void lastEventIdReplaysTheLogThenFollowsIt() throws Exception {
    String events = subscribe("{\"flavorType\": \"k8slices\"}");
    String pi1 = sliceOf("pi-1");

    try (SseClient fromStart = node.stream(events, SubscriptionTestNode.ALICE, 0L)) {
      SseClient.Event first = fromStart.next();
      SseClient.Event second = fromStart.next();
      assertEquals("offer", first.type(), "the start-up offers are in the log");
      assertTrue(second.id() > first.id());

      try (SseClient resumed = node.stream(events, SubscriptionTestNode.ALICE, first.id())) {
        assertEquals(second.id(), resumed.next().id(), "resumes right after Last-Event-ID");
        reserveOnPi1(pi1);
        SseClient.Event live = resumed.next("refresh", pi1);
        assertTrue(live.id() > second.id(), "the backlog, then live events");
      }
    }
  }

  @Test
  void anAdHocStreamFiltersWithoutAStoredSubscription() throws Exception {
    String pi1 = sliceOf("pi-1");
    String path = "/api/v2/flavors/events?type=k8slice&filter[cpu][range][min]=5";

    try (SseClient anonymous = node.stream(path, null, null)) {
      assertEquals(401, anonymous.response.statusCode(), "behind the listener's authentication");
    }
    try (SseClient sse = node.stream(path, SubscriptionTestNode.BOB, 0L)) {
      assertEquals(200, sse.response.statusCode());
      SseClient.Event offer = sse.next();
      assertEquals("offer", offer.type());
      assertEquals(pi1, offer.data().at("/flavor/flavorID").asText(), "pi-2 has only 4 CPUs");

      removePi2(); // pi-2's withdrawal does not match the filter...
      reserveOnPi1(pi1);
      SseClient.Event next = sse.next(); // ...so the next event is pi-1's refresh
      assertEquals("refresh", next.type());
      assertEquals(pi1, next.data().at("/flavor/flavorID").asText());
    }
  }

  @Test
  void aRestartNeitherReOffersNorForgets() throws Exception {
    String events = subscribe("{\"flavorType\": \"k8slice\"}");
    long before = node.subscriptions.lastSeq();
    assertTrue(before > 0);
    node.close();

    node = new SubscriptionTestNode(dir, SubscriptionSettings.defaults());

    assertEquals(
        before,
        node.subscriptions.lastSeq(),
        () -> {
          try {
            return "the same offers make no new events: " + node.subscriptions.after(before, 10);
          } catch (java.sql.SQLException e) {
            return e.toString();
          }
        });
    try (SseClient sse = node.stream(events, SubscriptionTestNode.ALICE, 0L)) {
      SseClient.Event first = sse.next();
      assertEquals("offer", first.type());
      assertTrue(first.id() <= before, "the subscription and its log outlived the restart");
    }
  }
}
