package io.minicloud.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The placement explanation for people: the VIM's summary, the nodes that qualify (best first, with
 * their preference scores) and every node ruled out with each hard constraint it fails.
 */
final class PlacementText {

  private PlacementText() {}

  /** Lines indented by {@code indent}; nothing when the VIM sent no placement. */
  static String render(WorkloadView workload, String indent) {
    Map<?, ?> placement = workload.placement();
    if (placement.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    if (placement.get("summary") instanceof String summary && !summary.isBlank()) {
      out.append(indent).append("placement:  ").append(summary).append('\n');
    }
    List<String> eligible = new ArrayList<>();
    for (Object item : WorkloadView.list(placement.get("eligible"))) {
      Map<?, ?> node = WorkloadView.map(item);
      Object score = node.get("score");
      eligible.add(
          WorkloadView.text(node.get("node")) + (score == null ? "" : " (score " + score + ")"));
    }
    out.append(indent)
        .append("eligible:   ")
        .append(eligible.isEmpty() ? "none" : String.join(", ", eligible))
        .append('\n');
    List<?> excluded = WorkloadView.list(placement.get("excluded"));
    if (!excluded.isEmpty()) {
      out.append(indent).append("excluded:\n");
      for (Object item : excluded) {
        Map<?, ?> node = WorkloadView.map(item);
        List<String> reasons = WorkloadView.strings(node.get("reasons"));
        out.append(indent)
            .append("  ")
            .append(WorkloadView.text(node.get("node")))
            .append(": ")
            .append(reasons.isEmpty() ? "(no reason given)" : String.join("; ", reasons))
            .append('\n');
      }
    }
    return out.toString();
  }
}
