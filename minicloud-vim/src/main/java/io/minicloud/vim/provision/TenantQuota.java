package io.minicloud.vim.provision;

import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.LimitRangeItemBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import java.util.Map;
import java.util.TreeMap;

/**
 * The quota a contract bought, and the limit range that makes pods without resources fit in it (a
 * quota on {@code limits.cpu} rejects every pod that names none, so the defaults are not a nicety).
 */
final class TenantQuota {

  /** The GPU resource the quota counts (the NVIDIA device plugin's). */
  static final String GPU = "nvidia.com/gpu";

  /** What KubeVirt's virt-launcher pod requests beside the guest (about 300 MiB, some CPU). */
  static final Quantity VM_OVERHEAD_MEMORY = new Quantity("384Mi");

  static final Quantity VM_OVERHEAD_CPU = new Quantity("200m");

  /** A VM's launcher pod, plus one for a live migration's target. */
  static final Quantity VM_PODS = new Quantity("2");

  /** Counts that keep one buyer from filling the shared etcd. */
  static final Map<String, String> OBJECT_COUNTS =
      Map.of("configmaps", "100", "secrets", "100", "services", "20");

  private TenantQuota() {}

  static ResourceQuota quota(ProvisionRequest request, ObjectMeta meta) {
    SliceResources r = request.resources();
    Map<String, Quantity> hard = new TreeMap<>();
    if (request.flavorType() == FlavorKind.VM) {
      // KubeVirt sets requests (guest + overhead) on virt-launcher, limits only when asked to
      hard.put("requests.cpu", add(r.cpu(), VM_OVERHEAD_CPU));
      hard.put("requests.memory", add(r.memory(), VM_OVERHEAD_MEMORY));
      hard.put("pods", VM_PODS);
    } else {
      hard.put("requests.cpu", r.cpu());
      hard.put("limits.cpu", r.cpu());
      hard.put("requests.memory", r.memory());
      hard.put("limits.memory", r.memory());
      hard.put("pods", r.pods());
      OBJECT_COUNTS.forEach((k, v) -> hard.put(k, new Quantity(v)));
      if (r.hasStorage()) {
        hard.put("requests.ephemeral-storage", r.storage());
        hard.put("limits.ephemeral-storage", r.storage());
      }
    }
    hard.put("requests.storage", r.storage());
    hard.put("persistentvolumeclaims", new Quantity(r.hasStorage() ? "16" : "0"));
    hard.put("requests." + GPU, r.gpu());
    // the buyer's services stay inside the cluster: no node ports, no load balancers
    hard.put("services.nodeports", new Quantity("0"));
    hard.put("services.loadbalancers", new Quantity("0"));
    return new ResourceQuotaBuilder()
        .withMetadata(meta)
        .withNewSpec()
        .withHard(hard)
        .endSpec()
        .build();
  }

  static LimitRange limitRange(ProvisionRequest request, ObjectMeta meta) {
    SliceResources r = request.resources();
    Map<String, Quantity> defaultRequest = new TreeMap<>();
    defaultRequest.put("cpu", min(new Quantity("100m"), r.cpu()));
    defaultRequest.put("memory", min(new Quantity("64Mi"), r.memory()));
    var item = new LimitRangeItemBuilder().withType("Container");
    if (request.flavorType() == FlavorKind.K8Slice) {
      Map<String, Quantity> defaultLimit = new TreeMap<>();
      defaultLimit.put("cpu", min(new Quantity("500m"), r.cpu()));
      defaultLimit.put("memory", min(new Quantity("256Mi"), r.memory()));
      if (r.hasStorage()) {
        defaultRequest.put("ephemeral-storage", min(new Quantity("64Mi"), r.storage()));
        defaultLimit.put("ephemeral-storage", min(new Quantity("1Gi"), r.storage()));
      }
      item.withDefault(defaultLimit).withMax(Map.of("cpu", r.cpu(), "memory", r.memory()));
    }
    // a VM's launcher must not get a default limit: a 256Mi cap would kill the guest
    item.withDefaultRequest(defaultRequest);
    return new LimitRangeBuilder()
        .withMetadata(meta)
        .withNewSpec()
        .withLimits(item.build())
        .endSpec()
        .build();
  }

  static Quantity min(Quantity a, Quantity b) {
    return a.getNumericalAmount().compareTo(b.getNumericalAmount()) <= 0 ? a : b;
  }

  static Quantity add(Quantity a, Quantity b) {
    return Quantities.canonical(a.getNumericalAmount().add(b.getNumericalAmount()));
  }
}
