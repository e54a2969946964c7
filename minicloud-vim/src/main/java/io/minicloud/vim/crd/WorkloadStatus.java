package io.minicloud.vim.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** What the operator last saw and did for a Workload, and why. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class WorkloadStatus {

  @PrinterColumn(name = "Phase")
  @JsonPropertyDescription(
      "Pending | Running | Stopped | Unschedulable | Invalid | Failed | Detached")
  private WorkloadPhase phase;

  @JsonPropertyDescription("the metadata.generation this status describes")
  private Long observedGeneration;

  @JsonPropertyDescription("Ready, Placed, Applied (standard metav1.Condition)")
  private List<Condition> conditions = new ArrayList<>();

  @PrinterColumn(name = "Nodes")
  @JsonPropertyDescription("the nodes the workload runs on (or would run on)")
  private List<String> nodes = new ArrayList<>();

  @JsonPropertyDescription("why: which nodes qualify, which constraints ruled the others out")
  private PlacementReport placement;

  @JsonPropertyDescription("the objects the operator applied for this workload, as kind/name")
  private List<String> children = new ArrayList<>();

  public WorkloadPhase getPhase() {
    return phase;
  }

  public void setPhase(WorkloadPhase phase) {
    this.phase = phase;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions == null ? new ArrayList<>() : conditions;
  }

  public List<String> getNodes() {
    return nodes;
  }

  public void setNodes(List<String> nodes) {
    this.nodes = nodes == null ? new ArrayList<>() : nodes;
  }

  public PlacementReport getPlacement() {
    return placement;
  }

  public void setPlacement(PlacementReport placement) {
    this.placement = placement;
  }

  public List<String> getChildren() {
    return children;
  }

  public void setChildren(List<String> children) {
    this.children = children == null ? new ArrayList<>() : children;
  }
}
