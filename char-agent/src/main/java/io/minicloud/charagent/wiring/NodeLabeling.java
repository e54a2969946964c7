package io.minicloud.charagent.wiring;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.minicloud.charagent.kube.NodeLabeler;
import io.minicloud.charagent.kube.NodeLabels;
import io.minicloud.charagent.model.Characterization;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Labels this gateway's Node after each characterization, when the agent runs in a cluster. The
 * Kubernetes client is only created then (lazily, through Quarkus' producer, which reads the
 * in-cluster service account), so the agent and its tests start without any cluster. Failures are
 * logged as one line (never the config or token) and counted; the next run tries again.
 */
@Singleton
public class NodeLabeling {

  private static final Logger LOG = Logger.getLogger(NodeLabeling.class);

  private final Instance<KubernetesClient> clients;
  private final CharacterizationMetrics metrics;
  private final Optional<String> disabledBecause;
  private final String nodeName;
  private NodeLabeler labeler;
  private String lastProblem;

  public NodeLabeling(
      CharAgentOptions options,
      Instance<KubernetesClient> clients,
      CharacterizationMetrics metrics) {
    this.clients = clients;
    this.metrics = metrics;
    this.nodeName = options.nodeName().orElse(null);
    this.disabledBecause =
        disabledBecause(
            options.kubernetes().labelNode(), System.getenv("KUBERNETES_SERVICE_HOST"), nodeName);
    disabledBecause.ifPresent(reason -> LOG.infof("Node labels are off: %s", reason));
  }

  /** Why labelling is off, or empty when it is on. */
  static Optional<String> disabledBecause(
      boolean enabled, String kubernetesServiceHost, String nodeName) {
    if (!enabled) {
      return Optional.of("minicloud.char-agent.kubernetes.label-node is false");
    }
    if (kubernetesServiceHost == null || kubernetesServiceHost.isBlank()) {
      return Optional.of("not running in a Kubernetes cluster (KUBERNETES_SERVICE_HOST is unset)");
    }
    if (nodeName == null || nodeName.isBlank()) {
      return Optional.of(
          "running in a cluster, but minicloud.char-agent.node-name is not set (give the pod"
              + " MINICLOUD_CHAR_AGENT_NODE_NAME from spec.nodeName)");
    }
    return Optional.empty();
  }

  public boolean enabled() {
    return disabledBecause.isEmpty();
  }

  /** Called from the refresh thread only. */
  void label(Characterization characterization) {
    if (!enabled()) {
      return;
    }
    NodeLabeler.Outcome outcome;
    try {
      if (labeler == null) {
        labeler = new NodeLabeler(clients.get());
      }
      outcome = labeler.apply(nodeName, NodeLabels.from(characterization));
    } catch (RuntimeException e) {
      // Client creation (bad in-cluster config) or something the labeler did not expect.
      outcome = new NodeLabeler.Outcome(false, 0, e.getClass().getSimpleName());
    }
    if (outcome.ok()) {
      if (lastProblem != null || outcome.changedKeys() > 0) {
        LOG.infof("Node %s labelled (%d keys changed)", nodeName, outcome.changedKeys());
      }
      lastProblem = null;
      return;
    }
    metrics.labelError();
    // One line per distinct problem: a broken cluster must not flood the log every 30 s.
    if (!outcome.problem().equals(lastProblem)) {
      LOG.warnf("Cannot label node %s: %s", nodeName, outcome.problem());
    }
    lastProblem = outcome.problem();
  }
}
