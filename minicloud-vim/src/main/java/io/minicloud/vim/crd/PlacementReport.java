package io.minicloud.vim.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * The placement explanation: the nodes that satisfy every hard constraint, best first by the soft
 * preferences, and for each other node the constraints that ruled it out.
 */
public record PlacementReport(
    @JsonPropertyDescription("nodes that qualify, best first") List<NodeScore> eligible,
    @JsonPropertyDescription("nodes ruled out, with every reason") List<NodeVerdict> excluded,
    @JsonPropertyDescription("one sentence for people") String summary) {

  public PlacementReport {
    eligible = eligible == null ? List.of() : List.copyOf(eligible);
    excluded = excluded == null ? List.of() : List.copyOf(excluded);
  }

  /**
   * A qualifying node and its preference score (sum of the weights of the preferences it meets).
   */
  public record NodeScore(String node, Integer score) {}

  /** A node ruled out, and every hard constraint it fails (e.g. "kvm: node has no KVM"). */
  public record NodeVerdict(String node, List<String> reasons) {

    public NodeVerdict {
      reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
  }
}
