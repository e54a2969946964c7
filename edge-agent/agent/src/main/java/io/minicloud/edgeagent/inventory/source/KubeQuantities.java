package io.minicloud.edgeagent.inventory.source;

import io.fabric8.kubernetes.api.model.Quantity;
import io.minicloud.edgeagent.inventory.Resources;
import java.util.Map;

/**
 * fabric8 resource lists as our {@link Resources}: cpu, memory, ephemeral-storage, pods, and every
 * GPU-like extended resource ({@code nvidia.com/gpu}, {@code amd.com/gpu}, {@code
 * gpu.intel.com/i915}...) counted as gpus.
 */
final class KubeQuantities {

  private KubeQuantities() {}

  static Resources resources(Map<String, Quantity> list) {
    if (list == null) {
      return Resources.NONE;
    }
    io.minicloud.rear.quantity.Quantity gpus = io.minicloud.rear.quantity.Quantity.ZERO;
    for (Map.Entry<String, Quantity> e : list.entrySet()) {
      if (isGpu(e.getKey())) {
        gpus = gpus.plus(quantity(e.getValue()));
      }
    }
    return new Resources(
        quantity(list.get("cpu")),
        quantity(list.get("memory")),
        quantity(list.get("ephemeral-storage")),
        quantity(list.get("pods")),
        gpus);
  }

  /**
   * An extended resource that is a GPU: name {@code gpu} in any domain, or a {@code gpu.} domain.
   */
  static boolean isGpu(String resource) {
    int slash = resource.indexOf('/');
    if (slash < 0) {
      return false;
    }
    return resource.substring(slash + 1).equals("gpu") || resource.startsWith("gpu.");
  }

  /** Our quantity from fabric8's (amount + format), through the canonical text. */
  static io.minicloud.rear.quantity.Quantity quantity(Quantity q) {
    if (q == null || q.getAmount() == null) {
      return io.minicloud.rear.quantity.Quantity.ZERO;
    }
    String format = q.getFormat() == null ? "" : q.getFormat();
    return io.minicloud.rear.quantity.Quantity.parse(q.getAmount() + format);
  }
}
