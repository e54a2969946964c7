package io.minicloud.edgeagent.monitoring;

/**
 * One pod's (or KubeVirt VM's) usage, one entry of {@code virtual_metrics}, from metrics.k8s.io.
 *
 * @param kind {@code pod}, or {@code vmi} for a KubeVirt virt-launcher pod
 * @param name the pod name, or the VMI name for a {@code vmi}
 * @param pod the pod name (the virt-launcher pod for a {@code vmi})
 * @param cpuCores cores in use, summed over containers
 * @param memoryBytes working set, summed over containers
 * @param window the metrics window, e.g. {@code 30s}
 */
public record WorkloadUsage(
    String kind,
    String namespace,
    String name,
    String pod,
    double cpuCores,
    double memoryBytes,
    String timestamp,
    String window) {}
