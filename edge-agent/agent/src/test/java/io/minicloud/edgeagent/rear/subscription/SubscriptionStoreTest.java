package io.minicloud.edgeagent.rear.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.edgeagent.rear.RearTestKit;
import io.minicloud.edgeagent.rear.catalog.Offer;
import io.minicloud.rear.model.FlavorType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store keeps what it committed across a close and reopen, and never reuses an event id. */
class SubscriptionStoreTest {

  @TempDir Path dir;

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private List<FlavorEvent> offerEvents() throws Exception {
    RearTestKit kit =
        new RearTestKit(
            dir.resolve("ledger"),
            RearTestKit.snapshot(List.of(RearTestKit.node("pi-1", "5", "8Gi", "110")), false));
    try {
      List<Offer> offers = kit.ledger.currentOffers();
      return FlavorEvents.between(List.of(), offers);
    } finally {
      kit.store.close();
    }
  }

  private static Subscription webhook(String id, String type) {
    return new Subscription(
        id,
        "token:a",
        Subscription.Kind.WEBHOOK,
        type,
        "",
        "http://127.0.0.1:1/hook",
        "whsec_x",
        NOW);
  }

  @Test
  void eventsSubscriptionsAndOwedDeliveriesSurviveAReopen() throws Exception {
    Path file = dir.resolve("rear-subscriptions.db");
    List<FlavorEvent> events = offerEvents();
    List<StoredEvent> written;
    try (SubscriptionStore store = new SubscriptionStore(file)) {
      store.insert(webhook("sub-k8s", FlavorType.K8SLICE));
      written = store.append(events, NOW);
    }

    try (SubscriptionStore reopened = new SubscriptionStore(file)) {
      List<StoredEvent> read = reopened.eventsAfter(0, 100);
      assertEquals(written.size(), read.size());
      for (int i = 0; i < read.size(); i++) {
        assertEquals(written.get(i).seq(), read.get(i).seq());
        assertEquals(written.get(i).json(), read.get(i).json());
        assertEquals(
            EventJson.flavorJson(written.get(i).event().flavor()),
            EventJson.flavorJson(read.get(i).event().flavor()));
      }
      assertEquals("token:a", reopened.find("sub-k8s").orElseThrow().principal());
      long k8slices = events.stream().filter(e -> e.flavorType().equals("k8slice")).count();
      assertTrue(k8slices > 0);
      assertEquals(k8slices, new WebhookOutbox(reopened).size(), "only matching events are owed");
      assertEquals(
          "rw-------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
          "the file holds webhook secrets");
    }
  }

  @Test
  void prunedIdsAreNeverGivenAgainAndOwedEventsAreKept() throws Exception {
    Path file = dir.resolve("rear-subscriptions.db");
    List<FlavorEvent> events = offerEvents();
    try (SubscriptionStore store = new SubscriptionStore(file)) {
      store.insert(webhook("sub-svc", FlavorType.SERVICE));
      List<StoredEvent> first = store.append(events, NOW);
      long last = first.get(first.size() - 1).seq();

      int pruned = store.prune(NOW.plus(Duration.ofDays(1)), 0);

      List<StoredEvent> left = store.eventsAfter(0, 100);
      assertEquals(first.size() - left.size(), pruned);
      assertTrue(
          left.stream().allMatch(e -> e.event().flavorType().equals(FlavorType.SERVICE)),
          "only the events the webhook is still owed stay: " + left);
      assertEquals(last, store.lastSeq());
      List<StoredEvent> next = store.append(events.subList(0, 1), NOW);
      assertEquals(last + 1, next.get(0).seq());
    }
  }

  @Test
  void deletingASubscriptionDropsWhatItsWebhookWasOwed() throws Exception {
    try (SubscriptionStore store = new SubscriptionStore(dir.resolve("s.db"))) {
      store.insert(webhook("sub-all", FlavorType.K8SLICE));
      store.append(offerEvents(), NOW);
      WebhookOutbox outbox = new WebhookOutbox(store);
      assertTrue(outbox.size() > 0);

      assertTrue(store.delete("sub-all"));

      assertEquals(0, outbox.size());
      assertTrue(store.find("sub-all").isEmpty());
    }
  }
}
