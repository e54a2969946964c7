package io.minicloud.vim.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.minicloud.vim.crd.Workload;
import io.minicloud.vim.crd.WorkloadKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProvisioningModelTest {

  private final ProvisioningModel model = new ProvisioningModel();

  @Test
  void aK8SliceBecomesANamespaceWithQuotaLimitsAndAnAccountBoundToARole() {
    ProvisionPlan plan = model.desire(ProvisionFixtures.k8slice());

    List<String> kinds = plan.objects().stream().map(HasMetadata::getKind).toList();
    assertEquals(
        List.of(
            "Namespace", "ResourceQuota", "LimitRange", "ServiceAccount", "Role", "RoleBinding"),
        kinds);
    String ns = plan.namespace();
    assertTrue(ns.startsWith("rear-minicloud-local-k8slice-"), ns);
    for (HasMetadata o : plan.objects().subList(1, plan.objects().size())) {
      assertEquals(ns, o.getMetadata().getNamespace(), o.getKind());
    }
    Namespace namespace = (Namespace) plan.objects().get(0);
    assertEquals(
        ProvisionFixtures.CONTRACT,
        namespace.getMetadata().getAnnotations().get("minicloud.io/contract-id"));
    assertEquals(
        "buyer-node.example",
        namespace.getMetadata().getAnnotations().get("minicloud.io/buyer-id"));
    Map<String, String> labels = namespace.getMetadata().getLabels();
    assertEquals("minicloud-vim", labels.get("app.kubernetes.io/managed-by"));
    assertEquals("rear", labels.get("minicloud.io/provision"));
    assertEquals("buyer-node-example", labels.get("minicloud.io/buyer"));
    assertEquals(ns.substring(5), labels.get("minicloud.io/contract"));
    assertEquals("baseline", labels.get("pod-security.kubernetes.io/enforce"));
  }

  @Test
  void theQuotaHoldsTheContractsFigures() {
    ResourceQuota quota = find(model.desire(ProvisionFixtures.k8slice()), ResourceQuota.class);

    Map<String, Quantity> hard = quota.getSpec().getHard();
    assertEquals(new Quantity("2"), hard.get("requests.cpu"));
    assertEquals(new Quantity("2"), hard.get("limits.cpu"));
    assertEquals(new Quantity("4Gi"), hard.get("requests.memory"));
    assertEquals(new Quantity("4Gi"), hard.get("limits.memory"));
    assertEquals(new Quantity("110"), hard.get("pods"));
    assertEquals(new Quantity("10Gi"), hard.get("requests.storage"));
    assertEquals(new Quantity("10Gi"), hard.get("requests.ephemeral-storage"));
    assertEquals(new Quantity("0"), hard.get("requests.nvidia.com/gpu"));
    assertEquals(new Quantity("0"), hard.get("services.nodeports"));
    assertEquals(new Quantity("0"), hard.get("services.loadbalancers"));
  }

  @Test
  void noStorageBoughtMeansNoVolumesAndAGpuBoughtIsCounted() {
    ProvisionRequest r =
        ProvisionFixtures.k8slice(ProvisionFixtures.CONTRACT, "500m", "512Mi", "5", "0", "1");

    Map<String, Quantity> hard = find(model.desire(r), ResourceQuota.class).getSpec().getHard();

    assertEquals(new Quantity("0"), hard.get("persistentvolumeclaims"));
    assertEquals(new Quantity("0"), hard.get("requests.storage"));
    assertFalse(hard.containsKey("limits.ephemeral-storage"));
    assertEquals(new Quantity("1"), hard.get("requests.nvidia.com/gpu"));
  }

  @Test
  void limitRangeDefaultsFitInsideASmallSlice() {
    ProvisionRequest r =
        ProvisionFixtures.k8slice(ProvisionFixtures.CONTRACT, "50m", "32Mi", "1", "0", "0");

    var item = find(model.desire(r), LimitRange.class).getSpec().getLimits().get(0);

    assertEquals("Container", item.getType());
    // a pod with no resources gets defaults no bigger than the whole slice
    assertEquals(new Quantity("50m"), item.getDefault().get("cpu"));
    assertEquals(new Quantity("32Mi"), item.getDefault().get("memory"));
    assertEquals(new Quantity("50m"), item.getDefaultRequest().get("cpu"));
    assertEquals(new Quantity("32Mi"), item.getDefaultRequest().get("memory"));
    assertEquals(new Quantity("50m"), item.getMax().get("cpu"));
  }

  @Test
  void limitRangeDefaultsAreModestInABigSlice() {
    var item =
        find(model.desire(ProvisionFixtures.k8slice()), LimitRange.class)
            .getSpec()
            .getLimits()
            .get(0);

    assertEquals(new Quantity("100m"), item.getDefaultRequest().get("cpu"));
    assertEquals(new Quantity("500m"), item.getDefault().get("cpu"));
    assertEquals(new Quantity("256Mi"), item.getDefault().get("memory"));
    assertEquals(new Quantity("1Gi"), item.getDefault().get("ephemeral-storage"));
  }

  @Test
  void theRoleIsNamespacedNamesEveryVerbAndResourceAndGrantsNothingClusterWide() {
    for (ProvisionRequest r : List.of(ProvisionFixtures.k8slice(), ProvisionFixtures.vm())) {
      ProvisionPlan plan = model.desire(r);

      Role role = find(plan, Role.class);
      assertEquals(plan.namespace(), role.getMetadata().getNamespace());
      assertTrue(plan.objects().stream().noneMatch(o -> o.getKind().startsWith("Cluster")));
      for (PolicyRule rule : role.getRules()) {
        assertFalse(rule.getVerbs().contains("*"), rule.toString());
        assertFalse(rule.getResources().contains("*"), rule.toString());
        assertFalse(rule.getApiGroups().contains("*"), rule.toString());
        assertTrue(rule.getNonResourceURLs() == null || rule.getNonResourceURLs().isEmpty());
        assertTrue(
            rule.getResources().stream().noneMatch(CLUSTER_SCOPED::contains), rule.toString());
        assertTrue(rule.getResources().stream().noneMatch(ESCALATING::contains), rule.toString());
        assertFalse(
            rule.getVerbs().contains("escalate")
                || rule.getVerbs().contains("bind")
                || rule.getVerbs().contains("impersonate"));
      }
    }
  }

  @Test
  void theBindingBindsTheRoleToTheAccountInItsNamespaceOnly() {
    ProvisionPlan plan = model.desire(ProvisionFixtures.k8slice());

    RoleBinding binding = find(plan, RoleBinding.class);
    ServiceAccount account = find(plan, ServiceAccount.class);
    assertEquals("Role", binding.getRoleRef().getKind());
    assertEquals(find(plan, Role.class).getMetadata().getName(), binding.getRoleRef().getName());
    assertEquals(1, binding.getSubjects().size());
    assertEquals("ServiceAccount", binding.getSubjects().get(0).getKind());
    assertEquals(account.getMetadata().getName(), binding.getSubjects().get(0).getName());
    assertEquals(plan.namespace(), binding.getSubjects().get(0).getNamespace());
  }

  @Test
  void aK8SliceBuyerRunsWorkloadsButCannotTouchRbacTokensOrQuota() {
    List<PolicyRule> rules = find(model.desire(ProvisionFixtures.k8slice()), Role.class).getRules();

    assertTrue(allows(rules, "", "pods", "create"));
    assertTrue(allows(rules, "", "configmaps", "create"));
    assertTrue(allows(rules, "", "pods/log", "get"));
    assertTrue(allows(rules, "apps", "deployments", "create"));
    assertTrue(allows(rules, "batch", "jobs", "create"));
    assertTrue(allows(rules, "kubevirt.io", "virtualmachines", "create"));
    assertTrue(allows(rules, "", "resourcequotas", "get"));
    assertFalse(allows(rules, "", "resourcequotas", "update"));
    assertFalse(allows(rules, "", "serviceaccounts", "create"));
    assertFalse(allows(rules, "", "serviceaccounts/token", "create"));
    assertFalse(allows(rules, "apps", "daemonsets", "create"));
  }

  @Test
  void aVmContractRunsItsVmAndItsBuyerOnlyOperatesIt() {
    ProvisionPlan plan = model.desire(ProvisionFixtures.vm());

    Workload vm = find(plan, Workload.class);
    assertEquals(plan.namespace(), vm.getMetadata().getNamespace());
    assertEquals(WorkloadKind.VirtualMachine, vm.getSpec().getKind());
    assertEquals("quay.io/containerdisks/debian:12", vm.getSpec().getImage());
    assertEquals("1", vm.getSpec().getCpu());
    assertEquals("1Gi", vm.getSpec().getMemory());
    assertTrue(vm.getSpec().getCloudInit().userData().startsWith("#cloud-config"));
    List<PolicyRule> rules = find(plan, Role.class).getRules();
    assertTrue(allows(rules, "subresources.kubevirt.io", "virtualmachines/start", "update"));
    assertTrue(allows(rules, "subresources.kubevirt.io", "virtualmachineinstances/console", "get"));
    assertFalse(allows(rules, "kubevirt.io", "virtualmachines", "create"));
    assertFalse(allows(rules, "", "pods", "create"));
    Map<String, Quantity> hard = find(plan, ResourceQuota.class).getSpec().getHard();
    // the guest plus virt-launcher's overhead, and no limits (KubeVirt sets none by default)
    assertEquals(new Quantity("1200m"), hard.get("requests.cpu"));
    assertEquals(
        new Quantity(String.valueOf((1024L + 384) * 1024 * 1024)), hard.get("requests.memory"));
    assertFalse(hard.containsKey("limits.memory"));
    // a default limit would cap virt-launcher and kill the guest
    var defaultLimit = find(plan, LimitRange.class).getSpec().getLimits().get(0).getDefault();
    assertTrue(defaultLimit == null || defaultLimit.isEmpty(), String.valueOf(defaultLimit));
  }

  @Test
  void theSameContractGivesTheSamePlan() {
    assertEquals(
        model.desire(ProvisionFixtures.k8slice()), model.desire(ProvisionFixtures.k8slice()));
  }

  @Test
  void namespacesAreShortLabelsUniquePerContract() {
    String longId = "contract-" + "a".repeat(200) + ".b";
    String sibling = "contract-" + "a".repeat(200) + ".c";

    String ns = ProvisionResources.namespace(longId);

    assertTrue(ns.length() <= 63, ns);
    assertTrue(ns.matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"), ns);
    assertNotEquals(ns, ProvisionResources.namespace(sibling));
    assertEquals(ns, ProvisionResources.namespace(longId));
    assertTrue(ProvisionResources.namespace("x.y").matches("^rear-x-y-[0-9a-f]{10}$"));
  }

  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "namespaces",
          "nodes",
          "persistentvolumes",
          "clusterroles",
          "clusterrolebindings",
          "customresourcedefinitions",
          "storageclasses",
          "priorityclasses");
  private static final Set<String> ESCALATING =
      Set.of(
          "roles",
          "rolebindings",
          "serviceaccounts",
          "serviceaccounts/token",
          "resourcequotas/status");

  private static boolean allows(
      List<PolicyRule> rules, String group, String resource, String verb) {
    return rules.stream()
        .anyMatch(
            r ->
                r.getApiGroups().contains(group)
                    && r.getResources().contains(resource)
                    && r.getVerbs().contains(verb));
  }

  private static <T extends HasMetadata> T find(ProvisionPlan plan, Class<T> type) {
    return plan.objects().stream()
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst()
        .orElseThrow();
  }
}
