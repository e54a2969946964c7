package io.minicloud.edgeagent.inventory.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesDetectionTest {

  @Test
  void nothingMeansStandalone(@TempDir Path home) {
    assertTrue(KubernetesDetection.why(Map.of(), home, home.resolve("token")).isEmpty());
  }

  @Test
  void aServiceAccountNeedsBothTheHostAndTheToken(@TempDir Path home) throws Exception {
    Path token = home.resolve("token");
    var env = Map.of("KUBERNETES_SERVICE_HOST", "10.43.0.1");
    assertTrue(KubernetesDetection.why(env, home, token).isEmpty());

    Files.writeString(token, "t");

    assertEquals(
        Optional.of("in-cluster service account"), KubernetesDetection.why(env, home, token));
  }

  @Test
  void aKubeconfigFromTheEnvironmentOrHomeCounts(@TempDir Path home) throws Exception {
    Path config = Files.createDirectories(home.resolve(".kube")).resolve("config");
    Files.writeString(config, "apiVersion: v1");
    Path other = home.resolve("k3s.yaml");
    Files.writeString(other, "apiVersion: v1");

    assertEquals(
        Optional.of("kubeconfig " + config),
        KubernetesDetection.why(Map.of(), home, home.resolve("none")));
    assertEquals(
        Optional.of("kubeconfig " + other),
        KubernetesDetection.why(
            Map.of("KUBECONFIG", "/missing:" + other), home, home.resolve("none")));
  }
}
