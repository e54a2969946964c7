package io.minicloud.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code minicloud deploy}'s output: per document, created / updated with the phase and the
 * placement explanation (stdout), or the VIM's error and problems (stderr); in detached mode a
 * first line saying nothing was applied and how to see what would be.
 */
final class DeployReport {

  static final String DETACHED =
      "minicloud-vim is detached (no Kubernetes cluster): nothing was applied.";

  private final List<DeployOutcome> outcomes;

  DeployReport(List<DeployOutcome> outcomes) {
    this.outcomes = List.copyOf(outcomes);
  }

  /** 0 when every document was accepted (or checked, in a dry run), else 1. */
  int exitCode() {
    return outcomes.stream().anyMatch(DeployOutcome::failed) ? 1 : 0;
  }

  boolean detached() {
    return outcomes.stream().anyMatch(o -> o.workload().detached());
  }

  /** {@code detached}, {@code cluster}, or null when no workload came back (failed, dry run). */
  String mode() {
    if (detached()) {
      return "detached";
    }
    boolean answered = outcomes.stream().anyMatch(o -> !o.failed() && o.response() != null);
    return answered ? "cluster" : null;
  }

  /** What goes to stdout. */
  String text() {
    StringBuilder out = new StringBuilder();
    boolean dryRun = outcomes.stream().anyMatch(o -> o.result() == DeployOutcome.Result.VALID);
    if (dryRun) {
      out.append("dry run: the file is valid here; nothing was sent to minicloud-vim\n");
    }
    if (detached()) {
      out.append(DETACHED).append('\n');
    }
    for (DeployOutcome o : outcomes) {
      if (!o.failed()) {
        out.append(success(o));
      }
    }
    if (detached() && outcomes.stream().allMatch(o -> o.manifests() == null)) {
      out.append("See what it would apply: add --show-manifests, or run")
          .append(" `minicloud workload manifests NAME --namespace NS`.\n");
    }
    return out.toString();
  }

  /** What goes to stderr: one entry per refused document, the VIM's problems indented. */
  List<String> errors() {
    List<String> errors = new ArrayList<>();
    for (DeployOutcome o : outcomes) {
      if (o.failed()) {
        errors.add(
            o.document().where()
                + " ("
                + o.document().id()
                + "): minicloud-vim refused it ("
                + o.response().status()
                + "): "
                + o.response().explanation());
      }
    }
    return errors;
  }

  private static String success(DeployOutcome o) {
    WorkloadDocument doc = o.document();
    StringBuilder out = new StringBuilder(o.result().word).append(' ').append(doc.id());
    out.append(" (").append(doc.kind()).append(")");
    if (o.result() == DeployOutcome.Result.VALID) {
      return out.append(": ").append(doc.where()).append('\n').toString();
    }
    WorkloadView w = o.workload();
    List<String> nodes = w.nodes();
    out.append(": phase ").append(w.phase());
    if (!nodes.isEmpty()) {
      out.append(w.detached() ? ", would run on " : ", on ").append(String.join(", ", nodes));
    }
    out.append('\n').append(PlacementText.render(w, "  "));
    if (o.manifests() != null) {
      out.append(manifests(doc, o.manifests()));
    }
    return out.toString();
  }

  private static String manifests(WorkloadDocument doc, VimResponse manifests) {
    if (!manifests.ok()) {
      return "  manifests: not available (" + manifests.status() + "): " + manifests.error() + "\n";
    }
    return ManifestsText.render(doc.id(), manifests.object());
  }

  /**
   * {@code --json}: {@code {"mode", "results": [{file, document, namespace, name, result, ...}]}}.
   */
  String json() {
    List<Object> results = new ArrayList<>();
    for (DeployOutcome o : outcomes) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("file", o.document().source());
      r.put("document", o.document().index());
      r.put("namespace", o.document().namespace());
      r.put("name", o.document().name());
      r.put("result", o.result().word);
      if (o.result() == DeployOutcome.Result.VALID) {
        r.put("workload", o.document().body());
      } else if (o.failed()) {
        r.put("httpStatus", o.response().status());
        r.put("error", o.response().error());
        r.put("problems", o.response().problems());
      } else {
        r.put("workload", o.response().json());
      }
      if (o.manifests() != null) {
        r.put("manifests", o.manifests().ok() ? o.manifests().json() : null);
      }
      results.add(r);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mode", mode());
    out.put("results", results);
    return Json.write(out);
  }
}
