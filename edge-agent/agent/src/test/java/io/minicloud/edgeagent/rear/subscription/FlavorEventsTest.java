package io.minicloud.edgeagent.rear.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.edgeagent.rear.RearTestKit;
import io.minicloud.edgeagent.rear.catalog.Offer;
import io.minicloud.rear.filter.FilterParser;
import io.minicloud.rear.model.Configuration;
import io.minicloud.rear.model.FlavorType;
import io.minicloud.rear.model.ReserveRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offer-list diffs into events, over offers the real catalog and ledger compute. */
class FlavorEventsTest {

  @TempDir Path dir;
  RearTestKit kit;

  @BeforeEach
  void setUp() throws Exception {
    kit =
        new RearTestKit(
            dir,
            RearTestKit.snapshot(
                List.of(
                    RearTestKit.node("pi-1", "5", "8Gi", "110"),
                    RearTestKit.node("pi-2", "4", "4Gi", "110")),
                false));
  }

  @AfterEach
  void tearDown() throws Exception {
    kit.store.close();
  }

  private Offer slice(List<Offer> offers, String node) {
    return offers.stream()
        .filter(o -> o.type().equals(FlavorType.K8SLICE) && o.pool().contains(node))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no k8slice offer for " + node + " in " + offers));
  }

  @Test
  void everyAvailableFlavorIsOfferedWhenTheBoardFirstFills() throws Exception {
    List<Offer> offers = kit.ledger.currentOffers();

    List<FlavorEvent> events = FlavorEvents.between(List.of(), offers);

    long available = offers.stream().filter(o -> o.flavor().availability()).count();
    assertTrue(available >= 3, "two slices and a service at least: " + offers);
    assertEquals(available, events.size());
    assertTrue(events.stream().allMatch(e -> e.type() == EventType.OFFER));
  }

  @Test
  void unchangedOffersMakeNoEvents() throws Exception {
    List<Offer> offers = kit.ledger.currentOffers();

    assertEquals(List.of(), FlavorEvents.between(offers, kit.ledger.currentOffers()));
  }

  @Test
  void aNodeThatGoesAwayWithdrawsItsSliceWithAReason() throws Exception {
    List<Offer> before = kit.ledger.currentOffers();
    String gone = slice(before, "pi-2").id();

    kit.snapshot.set(
        RearTestKit.snapshot(List.of(RearTestKit.node("pi-1", "5", "8Gi", "110")), false));
    List<FlavorEvent> events = FlavorEvents.between(before, kit.ledger.currentOffers());

    assertEquals(1, events.size(), events.toString());
    FlavorEvent e = events.get(0);
    assertEquals(EventType.WITHDRAW, e.type());
    assertEquals(gone, e.flavorId());
    assertFalse(e.flavor().availability());
    assertEquals(FlavorEvents.GONE, e.reason());
  }

  @Test
  void aReservationRefreshesTheSliceWithTheCpuThatIsLeft() throws Exception {
    List<Offer> before = kit.ledger.currentOffers();
    String id = slice(before, "pi-1").id();

    kit.ledger.reserve(
        new ReserveRequest(
            id,
            RearTestKit.buyer("b1"),
            Configuration.of("k8slice", Map.of("cpu", "1500m", "memory", "2Gi", "pods", "10"))),
        "token:b1");
    List<FlavorEvent> events = FlavorEvents.between(before, kit.ledger.currentOffers());

    List<FlavorEvent> refreshes =
        events.stream().filter(e -> e.flavorId().equals(id)).collect(Collectors.toList());
    assertEquals(1, refreshes.size(), events.toString());
    FlavorEvent e = refreshes.get(0);
    assertEquals(EventType.REFRESH, e.type());
    Map<String, Modification> byField =
        e.modifications().stream().collect(Collectors.toMap(Modification::field, m -> m));
    Modification cpu = byField.get("type.data.characteristics.cpu");
    assertTrue(cpu != null, "a cpu modification in " + byField.keySet());
    assertEquals("5", cpu.oldValue().asText());
    assertEquals("3500m", cpu.newValue().asText());
    assertFalse(
        byField.keySet().stream().anyMatch(f -> f.contains("charateristics")),
        "the node's misspelled duplicate is not a second change: " + byField.keySet());
    assertTrue(
        interest("filter[cpu][range][min]=4").wants(e),
        "a filter the old flavor matched hears that it shrank below it");
    assertFalse(interest("filter[cpu][range][min]=6").wants(e), "neither version has 6 CPUs");
  }

  private static Interest interest(String filter) {
    return Interest.of(FilterParser.parse(FlavorType.K8SLICE, filter));
  }

  @Test
  void aSoldOutFlavorIsWithdrawnAndOfferedAgainWhenItComesBack() throws Exception {
    Offer offer = slice(kit.ledger.currentOffers(), "pi-1");
    Offer soldOut =
        new Offer(
            offer.flavor().withAvailability(false),
            offer.pool(),
            offer.free(),
            offer.partitionability(),
            offer.unit(),
            offer.maxUnits());

    List<FlavorEvent> out = FlavorEvents.between(List.of(offer), List.of(soldOut));
    List<FlavorEvent> back = FlavorEvents.between(List.of(soldOut), List.of(offer));

    assertEquals(1, out.size());
    assertEquals(EventType.WITHDRAW, out.get(0).type());
    assertEquals(FlavorEvents.SOLD_OUT, out.get(0).reason());
    assertEquals(1, back.size());
    assertEquals(EventType.OFFER, back.get(0).type());
    assertTrue(back.get(0).flavor().availability());
  }

  @Test
  void anUnavailableFlavorThatAppearsIsNotOffered() throws Exception {
    Offer offer = slice(kit.ledger.currentOffers(), "pi-1");
    Offer unavailable =
        new Offer(
            offer.flavor().withAvailability(false),
            offer.pool(),
            offer.free(),
            offer.partitionability(),
            offer.unit(),
            offer.maxUnits());

    assertEquals(List.of(), FlavorEvents.between(List.of(), List.of(unavailable)));
    assertEquals(List.of(), FlavorEvents.between(List.of(unavailable), List.of()));
  }
}
