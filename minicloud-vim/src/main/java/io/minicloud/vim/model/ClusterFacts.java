package io.minicloud.vim.model;

import java.util.List;
import java.util.Map;

/**
 * The cluster as the pure model sees it: the nodes, whether KubeVirt serves its API, and the
 * RuntimeClasses that exist (name to the node labels they require, from {@code scheduling
 * .nodeSelector}), so a unikernel can take the urunc path where a node offers it.
 *
 * @param nodes every node, ready or not (placement explains why it skips some)
 * @param kubevirt whether {@code kubevirt.io/v1} VirtualMachines can be created
 * @param runtimeClasses RuntimeClass name to its scheduling node selector (empty: any node)
 */
public record ClusterFacts(
    List<NodeFacts> nodes, boolean kubevirt, Map<String, Map<String, String>> runtimeClasses) {

  /** The RuntimeClass name urunc installs for unikernels. */
  public static final String URUNC = "urunc";

  public ClusterFacts {
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    runtimeClasses = runtimeClasses == null ? Map.of() : Map.copyOf(runtimeClasses);
  }
}
