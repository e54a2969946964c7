package io.minicloud.edgeagent.rear.subscription;

import io.minicloud.edgeagent.rear.catalog.Offer;
import io.minicloud.rear.model.Flavor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns two successive offer lists (what {@link io.minicloud.edgeagent.rear.OfferBoard} hands its
 * listeners) into flavor events. Pure: same lists, same events. Only available flavors count as
 * offered; an unavailable one that changes is nobody's business until it is offered again.
 */
public final class FlavorEvents {

  static final String GONE = "the flavor is no longer offered: the capacity behind it went away";
  static final String SOLD_OUT =
      "the flavor is no longer available: all of its capacity is reserved or sold";

  private FlavorEvents() {}

  public static List<FlavorEvent> between(List<Offer> before, List<Offer> after) {
    return since(flavors(before), after);
  }

  /** From the flavors subscribers were last told about (kept across restarts) to the offers. */
  public static List<FlavorEvent> since(Collection<Flavor> announced, List<Offer> after) {
    Map<String, Flavor> was = new LinkedHashMap<>();
    announced.forEach(f -> was.put(f.flavorId(), f));
    Map<String, Flavor> now = new LinkedHashMap<>();
    flavors(after).forEach(f -> now.put(f.flavorId(), f));
    List<FlavorEvent> events = new ArrayList<>();
    for (Flavor old : was.values()) {
      if (!old.availability()) {
        continue;
      }
      Flavor current = now.get(old.flavorId());
      if (current == null) {
        events.add(withdraw(old, GONE));
      } else if (!current.availability()) {
        events.add(withdraw(old, SOLD_OUT));
      }
    }
    for (Flavor current : now.values()) {
      if (!current.availability()) {
        continue;
      }
      Flavor old = was.get(current.flavorId());
      if (old == null || !old.availability()) {
        events.add(new FlavorEvent(EventType.OFFER, current, null, List.of(), null));
        continue;
      }
      List<Modification> changes = FlavorDiff.between(old, current);
      if (!changes.isEmpty()) {
        events.add(new FlavorEvent(EventType.REFRESH, current, old, changes, null));
      }
    }
    return events;
  }

  private static FlavorEvent withdraw(Flavor old, String reason) {
    return new FlavorEvent(EventType.WITHDRAW, old.withAvailability(false), old, List.of(), reason);
  }

  private static List<Flavor> flavors(List<Offer> offers) {
    return offers.stream().map(Offer::flavor).toList();
  }
}
