package io.minicloud.vim.model;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.minicloud.vim.crd.Workload;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every name and label derived from a Workload, in one place (shared/STYLE.md §7): the reconciler,
 * the garbage collection by label, the REST API and the tests all ask here.
 */
public final class WorkloadResources {

  /** Set on every child: lets the operator find (and collect) what it made. */
  public static final String WORKLOAD_LABEL = "minicloud.io/workload";

  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY = "minicloud-vim";
  public static final String NAME_LABEL = "app.kubernetes.io/name";

  /** The kind of the workload (container, virtualmachine, unikernel) on every child. */
  public static final String KIND_LABEL = "minicloud.io/workload-kind";

  private WorkloadResources() {}

  /** The Deployment of a Container workload (or of a unikernel on the RuntimeClass path). */
  public static String deploymentName(Workload w) {
    return w.getMetadata().getName();
  }

  /** The Service exposing the workload's ports. */
  public static String serviceName(Workload w) {
    return w.getMetadata().getName();
  }

  /** The KubeVirt VirtualMachine of a VirtualMachine or Unikernel workload. */
  public static String virtualMachineName(Workload w) {
    return w.getMetadata().getName();
  }

  /** The Secret holding a VM's cloud-init user and network data (never inline in the VM). */
  public static String cloudInitSecretName(Workload w) {
    return w.getMetadata().getName() + "-cloud-init";
  }

  /** Labels on every child, and the selector of its pods. */
  public static Map<String, String> labels(Workload w) {
    Map<String, String> labels = new TreeMap<>(selector(w));
    labels.put(MANAGED_BY_LABEL, MANAGED_BY);
    labels.put(NAME_LABEL, w.getMetadata().getName());
    if (w.getSpec() != null && w.getSpec().getKind() != null) {
      labels.put(KIND_LABEL, w.getSpec().getKind().name().toLowerCase(Locale.ROOT));
    }
    return labels;
  }

  /** What selects a workload's children and pods; stable for the workload's life. */
  public static Map<String, String> selector(Workload w) {
    return Map.of(WORKLOAD_LABEL, w.getMetadata().getName());
  }

  /** Makes the Workload the controller of a child, so deleting it collects the child. */
  public static OwnerReference ownerReference(Workload w) {
    return new OwnerReferenceBuilder()
        .withApiVersion(Workload.API_VERSION)
        .withKind("Workload")
        .withName(w.getMetadata().getName())
        .withUid(w.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }
}
