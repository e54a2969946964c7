package io.minicloud.edgeagent.inventory.source;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.minicloud.edgeagent.inventory.Resources;
import io.minicloud.rear.quantity.Quantity;
import java.util.List;

/**
 * What a pod requests of its node, by the scheduler's rule: the larger of the sum of its
 * containers' requests and its largest init container's, per resource, plus the pod overhead; every
 * pod also takes one of the node's pods. (Restartable "sidecar" init containers, which keep
 * running, are counted like other init containers: k3s gateways rarely run them.)
 */
public final class PodRequests {

  private PodRequests() {}

  /** Whether the pod still holds its requests: not Succeeded or Failed. */
  public static boolean holdsResources(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return !"Succeeded".equals(phase) && !"Failed".equals(phase);
  }

  public static Resources of(Pod pod) {
    PodSpec spec = pod.getSpec();
    if (spec == null) {
      return Resources.NONE;
    }
    Resources containers = sum(spec.getContainers());
    Resources init = Resources.NONE;
    for (Container c : nonNull(spec.getInitContainers())) {
      init = max(init, requests(c));
    }
    Resources pods =
        new Resources(Quantity.ZERO, Quantity.ZERO, Quantity.ZERO, Quantity.of(1), Quantity.ZERO);
    return max(containers, init).plus(KubeQuantities.resources(spec.getOverhead())).plus(pods);
  }

  private static Resources sum(List<Container> containers) {
    Resources total = Resources.NONE;
    for (Container c : nonNull(containers)) {
      total = total.plus(requests(c));
    }
    return total;
  }

  private static Resources requests(Container c) {
    return c.getResources() == null
        ? Resources.NONE
        : KubeQuantities.resources(c.getResources().getRequests());
  }

  private static Resources max(Resources a, Resources b) {
    return new Resources(
        a.cpu().max(b.cpu()),
        a.memory().max(b.memory()),
        a.storage().max(b.storage()),
        a.pods().max(b.pods()),
        a.gpus().max(b.gpus()));
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
