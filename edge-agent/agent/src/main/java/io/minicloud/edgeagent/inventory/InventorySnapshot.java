package io.minicloud.edgeagent.inventory;

import java.time.Instant;
import java.util.List;

/**
 * Everything the minicloud has at one moment: what the REAR catalog turns into flavors, the query
 * API searches and the monitoring API reports on. Immutable; a new snapshot replaces the old one.
 *
 * @param takenAt when the sources were last read
 * @param clustered whether the nodes came from a Kubernetes cluster (else a configured list)
 * @param kubevirt whether KubeVirt is installed in that cluster (VM flavors need it)
 */
public record InventorySnapshot(
    Instant takenAt,
    boolean clustered,
    boolean kubevirt,
    List<NodeRecord> nodes,
    List<DeviceRecord> devices,
    List<ServiceRecord> services) {

  public static final InventorySnapshot EMPTY =
      new InventorySnapshot(Instant.EPOCH, false, false, List.of(), List.of(), List.of());

  public InventorySnapshot {
    nodes = List.copyOf(nodes);
    devices = List.copyOf(devices);
    services = List.copyOf(services);
  }
}
