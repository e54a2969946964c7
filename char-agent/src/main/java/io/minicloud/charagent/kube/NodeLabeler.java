package io.minicloud.charagent.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Puts {@link NodeLabels} on a Node with one JSON merge patch that names only our keys: labels and
 * annotations owned by anyone else are never read back, rewritten or removed, even when they change
 * concurrently (no resourceVersion, no read-modify-write of the whole map).
 *
 * <p>Ours are the keys this version can write ({@link NodeLabels#OWNED_KEYS}) plus the keys listed
 * in the {@value #OWNED} annotation by the last run, so a key a previous version wrote and this one
 * no longer does is removed too. Other {@code minicloud.io/} keys (the VIM's, say) are left alone.
 */
public final class NodeLabeler {

  /** The keys the char-agent wrote last, comma-separated: how it recognises its stale keys. */
  public static final String OWNED = NodeLabels.PREFIX + "char-agent-keys";

  /** What one attempt did; {@code problem} is a one-line message safe to log. */
  public record Outcome(boolean ok, int changedKeys, String problem) {
    static Outcome unchanged() {
      return new Outcome(true, 0, null);
    }

    static Outcome failed(String problem) {
      return new Outcome(false, 0, problem);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;

  public NodeLabeler(KubernetesClient client) {
    this.client = client;
  }

  public Outcome apply(String nodeName, NodeLabels wanted) {
    try {
      Node node = client.nodes().withName(nodeName).get();
      if (node == null) {
        return Outcome.failed(
            "node '" + nodeName + "' does not exist: check minicloud.char-agent.node-name");
      }
      Map<String, String> labels = orEmpty(node.getMetadata().getLabels());
      Map<String, String> annotations = orEmpty(node.getMetadata().getAnnotations());
      Set<String> owned = new TreeSet<>(NodeLabels.OWNED_KEYS);
      owned.addAll(previouslyOwned(annotations.get(OWNED)));

      Map<String, String> wantedAnnotations = new LinkedHashMap<>(wanted.annotations());
      Set<String> allKeys = new TreeSet<>(wanted.labels().keySet());
      allKeys.addAll(wanted.annotations().keySet());
      wantedAnnotations.put(OWNED, String.join(",", allKeys));

      Map<String, String> labelPatch = changes(labels, wanted.labels(), owned);
      Map<String, String> annotationPatch = changes(annotations, wantedAnnotations, owned);
      if (labelPatch.isEmpty() && annotationPatch.isEmpty()) {
        return Outcome.unchanged();
      }
      Map<String, Object> metadata = new LinkedHashMap<>();
      if (!labelPatch.isEmpty()) {
        metadata.put("labels", labelPatch);
      }
      if (!annotationPatch.isEmpty()) {
        metadata.put("annotations", annotationPatch);
      }
      String patch = JSON.writeValueAsString(Map.of("metadata", metadata));
      client.nodes().withName(nodeName).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
      return new Outcome(true, labelPatch.size() + annotationPatch.size(), null);
    } catch (KubernetesClientException e) {
      return Outcome.failed(describe(nodeName, e));
    } catch (JsonProcessingException e) {
      return Outcome.failed("cannot write the patch: " + e.getOriginalMessage());
    }
  }

  /**
   * The merge-patch entries that turn {@code current} into {@code wanted} for our keys: changed or
   * new values, and null (remove) for our keys no longer wanted. Other keys are not mentioned.
   */
  static Map<String, String> changes(
      Map<String, String> current, Map<String, String> wanted, Set<String> owned) {
    Map<String, String> patch = new LinkedHashMap<>();
    wanted.forEach(
        (key, value) -> {
          if (!value.equals(current.get(key))) {
            patch.put(key, value);
          }
        });
    for (String key : current.keySet()) {
      if (owned.contains(key) && !wanted.containsKey(key)) {
        patch.put(key, null);
      }
    }
    return patch;
  }

  private static Set<String> previouslyOwned(String list) {
    if (list == null || list.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(list.split(","))
        .map(String::strip)
        .filter(k -> k.startsWith(NodeLabels.PREFIX))
        .collect(Collectors.toSet());
  }

  /** Status code and the API server's reason; never the request, its headers or the config. */
  private static String describe(String nodeName, KubernetesClientException e) {
    String reason =
        e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage()
            : e.getClass().getSimpleName();
    if (e.getCode() == 404) {
      return "node '" + nodeName + "' does not exist: check minicloud.char-agent.node-name";
    }
    if (e.getCode() == 401 || e.getCode() == 403) {
      return "not allowed to patch node '"
          + nodeName
          + "' (HTTP "
          + e.getCode()
          + "): the char-agent's service account needs get and patch on nodes";
    }
    return e.getCode() > 0
        ? "patching node '" + nodeName + "' failed: HTTP " + e.getCode() + ": " + reason
        : "cannot reach the Kubernetes API: "
            + (e.getCause() == null
                ? reason
                : e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
