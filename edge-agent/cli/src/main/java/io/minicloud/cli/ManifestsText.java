package io.minicloud.cli;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The VIM's manifests answer ({@code {"applied": bool, "objects": [...]}}) as multi-document YAML,
 * the form {@code kubectl apply -f} takes, with a comment saying whether they were applied.
 */
final class ManifestsText {

  private ManifestsText() {}

  static String render(String workload, Map<String, Object> manifests) {
    boolean applied = Boolean.TRUE.equals(manifests.get("applied"));
    List<?> objects = WorkloadView.list(manifests.get("objects"));
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    Yaml yaml = new Yaml(options);
    StringBuilder out = new StringBuilder("# ").append(workload).append(": ");
    out.append(
        applied
            ? "the objects minicloud-vim applied"
            : "the objects minicloud-vim would apply (detached: nothing applied)");
    out.append('\n');
    for (Object object : objects) {
      out.append("---\n").append(yaml.dump(object));
    }
    return out.toString();
  }
}
