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
 * @param sources how each source fared on the last refresh (added after the first six components;
 *     the six-argument constructor leaves it empty), so a reader can tell stale data from fresh
 */
public record InventorySnapshot(
    Instant takenAt,
    boolean clustered,
    boolean kubevirt,
    List<NodeRecord> nodes,
    List<DeviceRecord> devices,
    List<ServiceRecord> services,
    List<SourceState> sources) {

  public static final InventorySnapshot EMPTY =
      new InventorySnapshot(Instant.EPOCH, false, false, List.of(), List.of(), List.of());

  public InventorySnapshot {
    nodes = List.copyOf(nodes);
    devices = List.copyOf(devices);
    services = List.copyOf(services);
    sources = List.copyOf(sources);
  }

  /** A snapshot without source states (what callers written before {@code sources} use). */
  public InventorySnapshot(
      Instant takenAt,
      boolean clustered,
      boolean kubevirt,
      List<NodeRecord> nodes,
      List<DeviceRecord> devices,
      List<ServiceRecord> services) {
    this(takenAt, clustered, kubevirt, nodes, devices, services, List.of());
  }
}
