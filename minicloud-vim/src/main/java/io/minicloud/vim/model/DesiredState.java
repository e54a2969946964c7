package io.minicloud.vim.model;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minicloud.vim.crd.PlacementReport;
import java.util.List;

/**
 * What one Workload should become, computed without a cluster: the objects to apply (in apply
 * order, each labelled and named by {@link WorkloadResources}, owner reference set), the placement
 * explanation, and the problems that stop it from being applied.
 *
 * @param objects the children to apply; empty when {@link #problems} or unschedulable
 * @param placement which nodes qualify and why the others do not
 * @param problems spec errors the CRD schema cannot express (e.g. "spec.image: required for a
 *     Container"), each naming its field; non-empty means Invalid
 */
public record DesiredState(
    List<HasMetadata> objects, PlacementReport placement, List<String> problems) {

  public DesiredState {
    objects = objects == null ? List.of() : List.copyOf(objects);
    problems = problems == null ? List.of() : List.copyOf(problems);
  }

  public boolean valid() {
    return problems.isEmpty();
  }

  public boolean schedulable() {
    return placement != null && !placement.eligible().isEmpty();
  }
}
