package io.minicloud.edgeagent.inventory;

import java.util.List;

/**
 * What one source read: some nodes, devices or services, and for a cluster whether it is one and
 * serves KubeVirt. The inventory merges every source's last good contribution into a snapshot.
 */
public record Contribution(
    List<NodeRecord> nodes,
    List<DeviceRecord> devices,
    List<ServiceRecord> services,
    boolean clustered,
    boolean kubevirt) {

  public Contribution {
    nodes = List.copyOf(nodes);
    devices = List.copyOf(devices);
    services = List.copyOf(services);
  }

  public static Contribution ofNodes(List<NodeRecord> nodes) {
    return new Contribution(nodes, List.of(), List.of(), false, false);
  }

  public static Contribution ofDevices(List<DeviceRecord> devices) {
    return new Contribution(List.of(), devices, List.of(), false, false);
  }

  public static Contribution ofServices(List<ServiceRecord> services) {
    return new Contribution(List.of(), List.of(), services, false, false);
  }

  public static Contribution ofCluster(List<NodeRecord> nodes, boolean kubevirt) {
    return new Contribution(nodes, List.of(), List.of(), true, kubevirt);
  }
}
