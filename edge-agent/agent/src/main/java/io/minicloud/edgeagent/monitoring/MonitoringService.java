package io.minicloud.edgeagent.monitoring;

import io.minicloud.edgeagent.inventory.SourceException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * ACCORDION's monitoring API over this minicloud: {@code physical_metrics} from every configured
 * char-agent and, in a cluster that serves it, metrics.k8s.io NodeMetrics; {@code virtual_metrics}
 * from metrics.k8s.io PodMetrics. Standalone, virtual metrics are an empty list with {@code
 * clustered = false}. A source that fails is named in {@code errors}; the answer is still given.
 */
public class MonitoringService {

  public static final String PHYSICAL = "physical_metrics";
  public static final String VIRTUAL = "virtual_metrics";

  private final List<URI> charAgents;
  private final CharAgentUsage charAgentUsage;
  private final Optional<KubeMetrics> cluster;
  private final Clock clock;

  public MonitoringService(
      List<URI> charAgents,
      CharAgentUsage charAgentUsage,
      Optional<KubeMetrics> cluster,
      Clock clock) {
    this.charAgents = List.copyOf(charAgents);
    this.charAgentUsage = charAgentUsage;
    this.cluster = cluster;
    this.clock = clock;
  }

  public MonitoringReport physical() {
    List<NodeUsage> items = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (URI base : charAgents) {
      try {
        items.add(charAgentUsage.read(base));
      } catch (SourceException e) {
        errors.add("char-agent " + base + ": " + e.getMessage());
      }
    }
    items.addAll(fromCluster(KubeMetrics::nodes, errors));
    return new MonitoringReport(
        PHYSICAL, cluster.isPresent(), null, clock.instant().toString(), items, errors);
  }

  /** What {@code read} gives in a cluster that serves metrics.k8s.io; else nothing, and why. */
  private <T> List<T> fromCluster(Function<KubeMetrics, List<T>> read, List<String> errors) {
    if (cluster.isEmpty()) {
      return List.of();
    }
    try {
      if (cluster.get().served()) {
        return read.apply(cluster.get());
      }
      errors.add(KubeMetrics.GROUP + " is not served (is metrics-server running?)");
    } catch (RuntimeException e) {
      // an API server that fails is a line in the answer, never a 500
      errors.add(KubeMetrics.GROUP + ": " + e.getMessage());
    }
    return List.of();
  }

  /** Pods and VMs of {@code namespace} (every namespace when null). */
  public MonitoringReport virtual(String namespace) {
    List<WorkloadUsage> items = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    items.addAll(fromCluster(k -> k.pods(namespace), errors));
    return new MonitoringReport(
        VIRTUAL, cluster.isPresent(), namespace, clock.instant().toString(), items, errors);
  }
}
