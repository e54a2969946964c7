package io.minicloud.edgeagent.inventory.source;

import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.minicloud.edgeagent.inventory.Contribution;
import io.minicloud.edgeagent.inventory.InventorySource;
import io.minicloud.edgeagent.inventory.NodeRecord;
import io.minicloud.edgeagent.inventory.Resources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster's nodes through the Kubernetes API: every Node, what the non-terminated pods bound to
 * it request (one pod list for all nodes, grouped here: cheaper than a field-selected list per
 * node), and whether the API serves the {@code kubevirt.io} group. Client failures are unchecked
 * and make the source stale (see {@code RefreshingInventory}).
 */
public class ClusterNodeSource implements InventorySource {

  private final KubernetesClient client;

  public ClusterNodeSource(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public String name() {
    return "kubernetes";
  }

  @Override
  public Contribution read() {
    Map<String, Resources> requested = new HashMap<>();
    for (Pod pod : client.pods().inAnyNamespace().list().getItems()) {
      String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
      if (node != null && PodRequests.holdsResources(pod)) {
        requested.merge(node, PodRequests.of(pod), Resources::plus);
      }
    }
    List<NodeRecord> nodes = new ArrayList<>();
    for (Node node : client.nodes().list().getItems()) {
      String name = node.getMetadata().getName();
      nodes.add(NodeMapper.toRecord(node, requested.getOrDefault(name, Resources.NONE)));
    }
    return Contribution.ofCluster(nodes, servesGroup(client, "kubevirt.io"));
  }

  /** Whether the API server serves {@code group} (its discovery document lists it). */
  public static boolean servesGroup(KubernetesClient client, String group) {
    APIGroupList groups = client.getApiGroups();
    return groups != null
        && groups.getGroups() != null
        && groups.getGroups().stream().anyMatch(g -> group.equals(g.getName()));
  }
}
