package io.minicloud.vim.provision;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.minicloud.vim.crd.CloudInit;
import io.minicloud.vim.crd.RunStrategy;
import io.minicloud.vim.crd.Workload;
import io.minicloud.vim.crd.WorkloadKind;
import io.minicloud.vim.crd.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pure provisioning model (shared/STYLE.md §7): a contract's request in, the objects that make
 * it real out. No client, no I/O, deterministic. Everything lives in one namespace, so revoking is
 * deleting that namespace.
 */
public final class ProvisioningModel {

  /** Pod Security: the baseline profile forbids what escapes a namespace (privileged, host*). */
  static final String POD_SECURITY_ENFORCE = "pod-security.kubernetes.io/enforce";

  static final String POD_SECURITY_WARN = "pod-security.kubernetes.io/warn";

  public ProvisionPlan desire(ProvisionRequest request) {
    String ns = ProvisionResources.namespace(request.contractId());
    Map<String, String> labels = ProvisionResources.labels(request);
    List<HasMetadata> objects = new ArrayList<>();

    Map<String, String> nsLabels = new TreeMap<>(labels);
    if (request.flavorType() == FlavorKind.K8Slice) {
      // the buyer creates pods here; a privileged or hostPath pod would own the node. A VM buyer
      // creates no pods (its role has none), and KubeVirt's launcher pods are KubeVirt's business
      nsLabels.put(POD_SECURITY_ENFORCE, "baseline");
      nsLabels.put(POD_SECURITY_WARN, "restricted");
    }
    objects.add(
        new NamespaceBuilder()
            .withNewMetadata()
            .withName(ns)
            .withLabels(nsLabels)
            .withAnnotations(ProvisionResources.annotations(request))
            .endMetadata()
            .build());
    objects.add(TenantQuota.quota(request, meta(ns, ProvisionResources.resourceQuota(), labels)));
    objects.add(TenantQuota.limitRange(request, meta(ns, ProvisionResources.limitRange(), labels)));
    objects.add(
        new ServiceAccountBuilder()
            .withMetadata(meta(ns, ProvisionResources.serviceAccount(), labels))
            .build());
    objects.add(
        new RoleBuilder()
            .withMetadata(meta(ns, ProvisionResources.role(), labels))
            .withRules(
                request.flavorType() == FlavorKind.VM ? TenantRoles.vm() : TenantRoles.k8slice())
            .build());
    objects.add(
        new RoleBindingBuilder()
            .withMetadata(meta(ns, ProvisionResources.roleBinding(), labels))
            .withNewRoleRef("rbac.authorization.k8s.io", "Role", ProvisionResources.role())
            .addNewSubject()
            .withKind("ServiceAccount")
            .withName(ProvisionResources.serviceAccount())
            .withNamespace(ns)
            .endSubject()
            .build());
    if (request.flavorType() == FlavorKind.VM) {
      objects.add(virtualMachine(request, meta(ns, ProvisionResources.VM_NAME, labels)));
    }
    return new ProvisionPlan(ns, objects);
  }

  private static Workload virtualMachine(ProvisionRequest request, ObjectMeta meta) {
    WorkloadSpec spec = new WorkloadSpec();
    spec.setKind(WorkloadKind.VirtualMachine);
    spec.setImage(request.vm().image());
    spec.setCpu(request.resources().cpu().toString());
    spec.setMemory(request.resources().memory().toString());
    spec.setRunStrategy(RunStrategy.Always);
    if (request.vm().cloudInitUserData() != null) {
      spec.setCloudInit(new CloudInit(request.vm().cloudInitUserData(), null));
    }
    Workload vm = new Workload();
    vm.setMetadata(meta);
    vm.setSpec(spec);
    return vm;
  }

  private static ObjectMeta meta(String namespace, String name, Map<String, String> labels) {
    return new ObjectMetaBuilder()
        .withNamespace(namespace)
        .withName(name)
        .withLabels(labels)
        .build();
  }
}
