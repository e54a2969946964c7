package io.minicloud.edgeagent.rear.catalog;

import io.minicloud.edgeagent.inventory.DeviceRecord;
import io.minicloud.edgeagent.inventory.InventorySnapshot;
import io.minicloud.edgeagent.inventory.NodeRecord;
import io.minicloud.edgeagent.inventory.ServiceRecord;
import io.minicloud.edgeagent.rear.RearIdentity;
import io.minicloud.rear.model.Flavor;
import io.minicloud.rear.model.FlavorType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the inventory into REAR offers: a K8Slice per ready node (its free resources minus what is
 * held), a VM flavor per node that can run VMs when KubeVirt is installed, a Service flavor per
 * available service and a Sensor flavor per readable device property. Pure: the same snapshot and
 * holds give the same offers; only the first-seen timestamps are remembered.
 */
public final class FlavorCatalog {

  private final RearIdentity identity;
  private final CatalogSettings settings;
  private final Clock clock;
  private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();

  public FlavorCatalog(RearIdentity identity, CatalogSettings settings, Clock clock) {
    this.identity = identity;
    this.settings = settings;
    this.clock = clock;
  }

  /** Every offer, available or not (a held-out K8Slice is listed with availability false). */
  public List<Offer> offers(InventorySnapshot snapshot, Map<String, Held> holds) {
    List<Offer> out = new ArrayList<>();
    FlavorShapes shapes = new FlavorShapes(settings);
    for (NodeRecord node : snapshot.nodes()) {
      Held held = holds.getOrDefault(pool(node), Held.NOTHING);
      out.add(shapes.k8slice(flavor(FlavorType.K8SLICE, node.name()), pool(node), node, held));
      if (snapshot.kubevirt() && node.kvm()) {
        out.add(shapes.vm(flavor(FlavorType.VM, node.name()), pool(node), node, held));
      }
    }
    for (ServiceRecord service : snapshot.services()) {
      if (service.available()) {
        String id = flavorId(FlavorType.SERVICE, service.name());
        out.add(shapes.service(flavor(FlavorType.SERVICE, service.name()), id, service, holds));
      }
    }
    for (DeviceRecord device : snapshot.devices()) {
      for (DeviceRecord.PropertyRecord p : device.properties()) {
        String id = flavorId(FlavorType.SENSOR, device.node(), device.id(), p.name());
        out.add(
            shapes.sensor(
                flavor(FlavorType.SENSOR, device.node(), device.id(), p.name()),
                id,
                device,
                p,
                holds));
      }
    }
    return out;
  }

  /** K8Slice and VM flavors of a node draw from one pool: the node's free resources. */
  public static String pool(NodeRecord node) {
    return "node/" + node.name();
  }

  private String flavorId(String type, String... key) {
    return FlavorIds.flavorId(identity.domain(), type, key);
  }

  private Flavor flavor(String type, String... key) {
    String id = flavorId(type, key);
    Instant since = firstSeen.computeIfAbsent(id, k -> clock.instant());
    return new Flavor(
        id,
        identity.nodeId(),
        new FlavorType(type, null),
        settings.networkPropertyType(),
        since,
        settings.location(),
        settings.price(),
        identity.asOwner(),
        true);
  }
}
