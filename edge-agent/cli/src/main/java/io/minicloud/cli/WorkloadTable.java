package io.minicloud.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code minicloud workloads}: the VIM's mode on the first line (in detached mode, that nothing was
 * applied), then one row per workload: NAME, NAMESPACE, KIND, PHASE, READY, NODES, AGE.
 */
final class WorkloadTable {

  static final String DETACHED = "mode: detached (no Kubernetes cluster: nothing applied)";

  private static final List<String> HEADER =
      List.of("NAME", "NAMESPACE", "KIND", "PHASE", "READY", "NODES", "AGE");

  private WorkloadTable() {}

  /**
   * @param listing the VIM's answer to {@code GET /api/v1/workloads}: {@code {mode, items}}
   * @param now the time AGE is measured to
   */
  static String render(Map<String, Object> listing, Instant now) {
    StringBuilder out = new StringBuilder(modeLine(listing.get("mode"))).append('\n');
    List<?> items = WorkloadView.list(listing.get("items"));
    if (items.isEmpty()) {
      return out.append("no workloads\n").toString();
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (Object item : items) {
      WorkloadView w = new WorkloadView(item);
      List<String> nodes = w.nodes();
      rows.add(
          List.of(
              w.name(),
              w.namespace(),
              w.kind(),
              w.phase(),
              w.ready(),
              nodes.isEmpty() ? "-" : String.join(",", nodes),
              w.age(now)));
    }
    return out.append(TextTable.render(rows, "")).toString();
  }

  static String modeLine(Object mode) {
    if ("detached".equals(mode)) {
      return DETACHED;
    }
    return "mode: " + WorkloadView.text(mode);
  }
}
