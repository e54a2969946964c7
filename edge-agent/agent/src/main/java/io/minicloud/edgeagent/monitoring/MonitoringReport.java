package io.minicloud.edgeagent.monitoring;

import java.util.List;

/**
 * The answer of {@code GET /monitoring}: the metric asked for, whether a cluster backs it, the
 * items, and the sources that failed (a failing source is reported, never a 500).
 *
 * @param metric {@code physical_metrics} or {@code virtual_metrics}
 * @param namespace the namespace asked for (virtual), else null
 * @param items {@link NodeUsage} or {@link WorkloadUsage} entries
 * @param errors one line per source that could not be read
 */
public record MonitoringReport(
    String metric,
    boolean clustered,
    String namespace,
    String collectedAt,
    List<?> items,
    List<String> errors) {

  public MonitoringReport {
    items = List.copyOf(items);
    errors = List.copyOf(errors);
  }
}
