package io.minicloud.vim.provision;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import java.util.List;

/**
 * What a buyer may do in its namespace, and nothing more. A Role (never a ClusterRole), every verb
 * and resource named (no {@code *}), so the grant cannot grow when the cluster gains an API.
 *
 * <p>A K8Slice buyer runs its own workloads: pods (with logs, exec, attach and port-forward on its
 * own pods: it owns them), Deployments/StatefulSets, Jobs/CronJobs, Services, ConfigMaps, Secrets,
 * PersistentVolumeClaims, NetworkPolicies, and KubeVirt VMs where KubeVirt runs. It may read its
 * quota, its limit range and the events. It may not touch RBAC, ServiceAccounts, their tokens, the
 * quota, the namespace, DaemonSets (a pod on every node) or anything cluster-scoped; NodePort and
 * LoadBalancer Services are held at zero by the quota.
 *
 * <p>A VM buyer operates the one VM it bought: read it and its instance, start, stop, restart,
 * console and VNC; it cannot create other objects (its quota is the VM's size).
 */
public final class TenantRoles {

  static final List<String> READ = List.of("get", "list", "watch");
  static final List<String> WRITE =
      List.of("get", "list", "watch", "create", "update", "patch", "delete");

  private TenantRoles() {}

  public static List<PolicyRule> k8slice() {
    return List.of(
        rule("", WRITE, "pods", "services", "configmaps", "secrets", "persistentvolumeclaims"),
        rule("", List.of("get"), "pods/log"),
        // websocket clients (kubectl before 1.30) use GET, SPDY and newer ones POST (= create)
        rule("", List.of("get", "create"), "pods/exec", "pods/attach", "pods/portforward"),
        rule("", READ, "events", "endpoints", "resourcequotas", "limitranges"),
        rule("events.k8s.io", READ, "events"),
        rule("apps", WRITE, "deployments", "statefulsets"),
        rule("apps", READ, "replicasets"),
        rule("apps", List.of("get", "update", "patch"), "deployments/scale", "statefulsets/scale"),
        rule("batch", WRITE, "jobs", "cronjobs"),
        rule("networking.k8s.io", WRITE, "networkpolicies"),
        rule("kubevirt.io", WRITE, "virtualmachines"),
        rule("kubevirt.io", List.of("get", "list", "watch", "delete"), "virtualmachineinstances"),
        vmOperations(),
        vmConsoles());
  }

  public static List<PolicyRule> vm() {
    return List.of(
        rule("kubevirt.io", READ, "virtualmachines", "virtualmachineinstances"),
        vmOperations(),
        vmConsoles(),
        rule("", READ, "events", "resourcequotas"));
  }

  /** KubeVirt's start/stop/restart are PUTs on subresources: verb {@code update}. */
  private static PolicyRule vmOperations() {
    return rule(
        "subresources.kubevirt.io",
        List.of("update"),
        "virtualmachines/start",
        "virtualmachines/stop",
        "virtualmachines/restart");
  }

  /** Console and VNC are websocket GETs. */
  private static PolicyRule vmConsoles() {
    return rule(
        "subresources.kubevirt.io",
        List.of("get"),
        "virtualmachineinstances/console",
        "virtualmachineinstances/vnc");
  }

  private static PolicyRule rule(String group, List<String> verbs, String... resources) {
    return new PolicyRuleBuilder()
        .withApiGroups(group)
        .withResources(resources)
        .withVerbs(verbs)
        .build();
  }
}
