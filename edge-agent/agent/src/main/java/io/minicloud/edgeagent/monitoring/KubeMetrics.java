package io.minicloud.edgeagent.monitoring;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.minicloud.edgeagent.inventory.source.ClusterNodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Usage from the cluster's {@code metrics.k8s.io} API (metrics-server, which k3s ships):
 * NodeMetrics per node and PodMetrics per pod. A KubeVirt VM runs in a virt-launcher pod labelled
 * {@code kubevirt.io/domain=<vmi>}; such a pod is reported as kind {@code vmi} under the VMI's
 * name.
 */
public class KubeMetrics {

  static final String GROUP = "metrics.k8s.io";
  static final String VMI_LABEL = "kubevirt.io/domain";

  private final KubernetesClient client;

  public KubeMetrics(KubernetesClient client) {
    this.client = client;
  }

  public boolean served() {
    return ClusterNodeSource.servesGroup(client, GROUP);
  }

  public List<NodeUsage> nodes() {
    List<NodeUsage> usage = new ArrayList<>();
    for (NodeMetrics m : client.top().nodes().metrics().getItems()) {
      Map<String, Quantity> u = m.getUsage();
      usage.add(
          new NodeUsage(
              m.getMetadata().getName(),
              GROUP,
              null,
              number(u, "cpu"),
              number(u, "memory"),
              null,
              null,
              null));
    }
    return usage;
  }

  /** Pods of {@code namespace}, or of every namespace when it is null. */
  public List<WorkloadUsage> pods(String namespace) {
    PodMetricsList list =
        namespace == null ? client.top().pods().metrics() : client.top().pods().metrics(namespace);
    List<WorkloadUsage> usage = new ArrayList<>();
    for (PodMetrics m : list.getItems()) {
      double cpu = 0;
      double memory = 0;
      for (ContainerMetrics c : m.getContainers()) {
        Double cores = number(c.getUsage(), "cpu");
        Double bytes = number(c.getUsage(), "memory");
        cpu += cores == null ? 0 : cores;
        memory += bytes == null ? 0 : bytes;
      }
      Map<String, String> labels = m.getMetadata().getLabels();
      String vmi = labels == null ? null : labels.get(VMI_LABEL);
      String pod = m.getMetadata().getName();
      usage.add(
          new WorkloadUsage(
              vmi == null ? "pod" : "vmi",
              m.getMetadata().getNamespace(),
              vmi == null ? pod : vmi,
              pod,
              cpu,
              memory,
              m.getTimestamp(),
              m.getWindow() == null ? null : m.getWindow().toString()));
    }
    return usage;
  }

  private static Double number(Map<String, Quantity> usage, String key) {
    Quantity q = usage == null ? null : usage.get(key);
    return q == null ? null : Quantity.getAmountInBytes(q).doubleValue();
  }
}
