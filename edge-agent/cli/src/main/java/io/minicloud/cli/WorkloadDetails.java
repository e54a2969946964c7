package io.minicloud.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code minicloud workload show}: status, placement explanation and conditions of one workload.
 */
final class WorkloadDetails {

  private WorkloadDetails() {}

  static String render(Object workload, Instant now) {
    WorkloadView w = new WorkloadView(workload);
    List<String> nodes = w.nodes();
    StringBuilder out = new StringBuilder();
    out.append("workload:   ").append(w.id()).append('\n');
    out.append("kind:       ").append(w.kind()).append('\n');
    out.append("phase:      ").append(w.phase()).append('\n');
    if (w.detached()) {
      out.append("            detached: no Kubernetes cluster, nothing was applied\n");
    }
    out.append(w.detached() ? "would run:  " : "nodes:      ")
        .append(nodes.isEmpty() ? "-" : String.join(", ", nodes))
        .append('\n');
    out.append("age:        ").append(w.age(now)).append('\n');
    out.append(PlacementText.render(w, ""));
    List<Map<?, ?>> conditions = w.conditions();
    if (!conditions.isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("TYPE", "STATUS", "REASON", "MESSAGE"));
      for (Map<?, ?> c : conditions) {
        rows.add(
            List.of(
                WorkloadView.text(c.get("type")),
                WorkloadView.text(c.get("status")),
                WorkloadView.text(c.get("reason")),
                WorkloadView.text(c.get("message"))));
      }
      out.append("conditions:\n").append(TextTable.render(rows, "  "));
    }
    return out.toString();
  }
}
