package io.minicloud.edgeagent.monitoring;

/**
 * One node's physical usage, one entry of {@code physical_metrics}. A figure the source does not
 * give is null.
 *
 * @param node the node name
 * @param source {@code char-agent} (its {@code /q/metrics}) or {@code metrics.k8s.io}
 * @param cpuUsage fraction of the node's CPU in use, 0..1 (char-agent: {@code system_cpu_usage})
 * @param cpuCores cores in use (metrics.k8s.io NodeMetrics)
 * @param memoryUsedBytes memory in use (total minus available, or the NodeMetrics working set)
 * @param memoryTotalBytes total memory
 * @param diskUsedBytes used bytes of the root file system
 * @param temperatureCelsius the hottest thermal zone
 */
public record NodeUsage(
    String node,
    String source,
    Double cpuUsage,
    Double cpuCores,
    Double memoryUsedBytes,
    Double memoryTotalBytes,
    Double diskUsedBytes,
    Double temperatureCelsius) {}
