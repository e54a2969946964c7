package io.minicloud.edgeagent.rear.subscription;

import io.minicloud.rear.model.Flavor;
import java.util.List;

/**
 * A change of one flavor between two offer lists.
 *
 * @param flavor the flavor as it now stands (for a withdrawal: as it was last offered, with
 *     availability false)
 * @param previous the flavor as subscribers last saw it (refresh and withdraw), null for an offer;
 *     kept so a filter that matched the old flavor still hears that it changed or went away
 * @param modifications for a refresh, what changed; empty otherwise
 * @param reason for a withdrawal, why; null otherwise
 */
public record FlavorEvent(
    EventType type,
    Flavor flavor,
    Flavor previous,
    List<Modification> modifications,
    String reason) {

  public FlavorEvent {
    modifications = List.copyOf(modifications);
  }

  public String flavorId() {
    return flavor.flavorId();
  }

  public String flavorType() {
    return flavor.type() == null ? "" : flavor.type().kind();
  }
}
