package io.minicloud.edgeagent.inventory.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a Kubernetes API is reachable in {@code auto} mode: the agent runs in a pod (the service
 * account's token is mounted and {@code KUBERNETES_SERVICE_HOST} set), or a kubeconfig exists
 * ({@code KUBECONFIG}, else {@code ~/.kube/config}). Pure over its inputs, for tests.
 */
public final class KubernetesDetection {

  static final Path SERVICE_ACCOUNT_TOKEN =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

  private KubernetesDetection() {}

  /** {@link #why(Map, Path, Path)} with the standard service account token path. */
  public static Optional<String> why(Map<String, String> env, Path home) {
    return why(env, home, SERVICE_ACCOUNT_TOKEN);
  }

  /** Why a cluster is assumed, or empty when none is. Never names a token or a config's content. */
  public static Optional<String> why(Map<String, String> env, Path home, Path tokenFile) {
    String host = env.get("KUBERNETES_SERVICE_HOST");
    if (host != null && !host.isBlank() && Files.isRegularFile(tokenFile)) {
      return Optional.of("in-cluster service account");
    }
    String kubeconfig = env.get("KUBECONFIG");
    if (kubeconfig != null && !kubeconfig.isBlank()) {
      for (String part : kubeconfig.split(java.io.File.pathSeparator)) {
        if (!part.isBlank() && Files.isRegularFile(Path.of(part))) {
          return Optional.of("kubeconfig " + part);
        }
      }
    }
    Path config = home.resolve(".kube/config");
    return Files.isRegularFile(config) ? Optional.of("kubeconfig " + config) : Optional.empty();
  }
}
