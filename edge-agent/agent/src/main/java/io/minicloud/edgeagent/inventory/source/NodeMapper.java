package io.minicloud.edgeagent.inventory.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.minicloud.edgeagent.inventory.NodeRecord;
import io.minicloud.edgeagent.inventory.NodeRecord.GpuRecord;
import io.minicloud.edgeagent.inventory.Resources;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes Node as a node record. Board, GPUs and KVM come from what the char-agent puts on its
 * node (char-agent's {@code kube.NodeLabels}): the {@code minicloud.io/characterization-summary}
 * annotation keeps the board and accelerators unmangled, the {@code minicloud.io/board}, {@code
 * minicloud.io/gpu} and {@code minicloud.io/kvm} labels are the fallback; NVIDIA's GPU feature
 * discovery label {@code nvidia.com/gpu.product} names a GPU better than its driver does.
 */
public final class NodeMapper {

  static final String SUMMARY = "minicloud.io/characterization-summary";
  static final String BOARD = "minicloud.io/board";
  static final String GPU = "minicloud.io/gpu";
  static final String KVM = "minicloud.io/kvm";
  static final String NVIDIA_PRODUCT = "nvidia.com/gpu.product";
  static final String NVIDIA_MEMORY_MIB = "nvidia.com/gpu.memory";
  static final String KUBEVIRT_KVM = "devices.kubevirt.io/kvm";
  private static final ObjectMapper JSON = new ObjectMapper();

  private NodeMapper() {}

  public static NodeRecord toRecord(Node node, Resources requested) {
    Map<String, String> labels = nonNull(node.getMetadata().getLabels());
    Map<String, String> annotations = nonNull(node.getMetadata().getAnnotations());
    NodeStatus status = node.getStatus();
    Map<String, Quantity> allocatable = status == null ? null : status.getAllocatable();
    JsonNode summary = summary(annotations.get(SUMMARY));
    String board = summary.path("board").asText("");
    if (board.isEmpty() || board.equals("unknown")) {
      board = labels.getOrDefault(BOARD, "");
      board = board.equals("unknown") ? "" : board;
    }
    boolean kvm =
        "true".equals(labels.get(KVM))
            || (allocatable != null
                && KubeQuantities.quantity(allocatable.get(KUBEVIRT_KVM)).signum() > 0);
    return new NodeRecord(
        node.getMetadata().getName(),
        info(status, true),
        info(status, false),
        KubeQuantities.resources(allocatable),
        requested,
        gpus(labels, summary),
        kvm,
        board,
        labels,
        ready(status));
  }

  private static List<GpuRecord> gpus(Map<String, String> labels, JsonNode summary) {
    List<GpuRecord> gpus = new ArrayList<>();
    String product = labels.get(NVIDIA_PRODUCT);
    if (product != null) {
      long mib = parseLong(labels.get(NVIDIA_MEMORY_MIB));
      gpus.add(new GpuRecord(product, "NVIDIA", 0, mib << 20));
      return gpus;
    }
    for (JsonNode a : summary.path("accelerators")) {
      if ("GPU".equals(a.path("kind").asText())) {
        gpus.add(new GpuRecord(a.path("driver").asText(""), "", 0, 0));
      }
    }
    String driver = labels.getOrDefault(GPU, "none");
    if (gpus.isEmpty() && !driver.equals("none") && !driver.equals("unknown")) {
      gpus.add(new GpuRecord(driver, "", 0, 0));
    }
    return gpus;
  }

  private static String info(NodeStatus status, boolean architecture) {
    if (status == null || status.getNodeInfo() == null) {
      return "";
    }
    String v =
        architecture
            ? status.getNodeInfo().getArchitecture()
            : status.getNodeInfo().getOperatingSystem();
    return v == null ? "" : v;
  }

  private static boolean ready(NodeStatus status) {
    if (status == null || status.getConditions() == null) {
      return false;
    }
    for (NodeCondition c : status.getConditions()) {
      if ("Ready".equals(c.getType())) {
        return "True".equals(c.getStatus());
      }
    }
    return false;
  }

  private static JsonNode summary(String text) {
    if (text == null || text.length() > 256 * 1024) {
      return JSON.missingNode();
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return JSON.missingNode(); // a hand-edited annotation costs the extra facts, not the node
    }
  }

  private static long parseLong(String text) {
    try {
      return text == null ? 0 : Math.max(0, Long.parseLong(text));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Map<String, String> nonNull(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
