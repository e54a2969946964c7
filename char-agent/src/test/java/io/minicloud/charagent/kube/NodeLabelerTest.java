package io.minicloud.charagent.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.minicloud.charagent.Samples;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the fabric8 mock API server in CRUD mode (shared/DESIGN.md §5). */
@EnableKubernetesMockClient(crud = true)
class NodeLabelerTest {

  static KubernetesClient client;

  private NodeLabeler labeler;

  @BeforeEach
  void setUp() {
    client.nodes().delete();
    labeler = new NodeLabeler(client);
  }

  private static void createNode(Map<String, String> labels, Map<String, String> annotations) {
    client
        .nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName("gw-17")
                .withLabels(labels)
                .withAnnotations(annotations)
                .endMetadata()
                .build())
        .create();
  }

  private static Node node() {
    return client.nodes().withName("gw-17").get();
  }

  @Test
  void foreignLabelsAndAnnotationsAreKept() {
    // GIVEN a node with labels and annotations owned by k3s, an operator and the VIM
    createNode(
        Map.of(
            "kubernetes.io/hostname", "gw-17",
            "node-role.kubernetes.io/control-plane", "true",
            "team", "edge",
            "minicloud.io/vim-pool", "gold"),
        Map.of("k3s.io/node-args", "[\"server\"]"));

    // WHEN the char-agent labels it
    var outcome = labeler.apply("gw-17", NodeLabels.from(Samples.pi4()));

    // THEN ours are there and theirs untouched
    assertTrue(outcome.ok(), outcome.problem());
    var labels = node().getMetadata().getLabels();
    assertEquals("gw-17", labels.get("kubernetes.io/hostname"));
    assertEquals("true", labels.get("node-role.kubernetes.io/control-plane"));
    assertEquals("edge", labels.get("team"));
    assertEquals("gold", labels.get("minicloud.io/vim-pool"));
    assertEquals("aarch64", labels.get(NodeLabels.ARCH));
    assertEquals("tpu-coral", labels.get(NodeLabels.ACCELERATOR));
    var annotations = node().getMetadata().getAnnotations();
    assertEquals("[\"server\"]", annotations.get("k3s.io/node-args"));
    assertTrue(annotations.get(NodeLabels.SUMMARY).startsWith("{\"schemaVersion\":\"1.0\""));
  }

  @Test
  void staleValuesAreUpdatedAndStaleKeysRemoved() {
    // GIVEN labels from an earlier run: another GPU, a country no longer configured, and a key an
    // older char-agent wrote (listed in its ownership annotation)
    createNode(
        Map.of(
            NodeLabels.GPU,
            "nvidia",
            NodeLabels.COUNTRY,
            "FR",
            "minicloud.io/legacy-key",
            "x",
            "minicloud.io/vim-pool",
            "gold"),
        Map.of(NodeLabeler.OWNED, "minicloud.io/gpu,minicloud.io/legacy-key"));

    // WHEN labelled from a characterization with a v3d GPU and no location
    var outcome = labeler.apply("gw-17", NodeLabels.from(Samples.unknownWithGpu()));

    // THEN the GPU label is updated, our stale keys are gone, the VIM's key stays
    assertTrue(outcome.ok(), outcome.problem());
    var labels = node().getMetadata().getLabels();
    assertEquals("v3d", labels.get(NodeLabels.GPU));
    assertNull(labels.get(NodeLabels.COUNTRY));
    assertNull(labels.get("minicloud.io/legacy-key"));
    assertEquals("gold", labels.get("minicloud.io/vim-pool"));
    assertFalse(node().getMetadata().getAnnotations().get(NodeLabeler.OWNED).contains("legacy"));
  }

  @Test
  void anUnchangedNodeIsNotWrittenAgain() {
    createNode(Map.of(), Map.of());
    NodeLabels labels = NodeLabels.from(Samples.pi4());
    assertTrue(labeler.apply("gw-17", labels).changedKeys() > 0);
    String version = node().getMetadata().getResourceVersion();

    var second = labeler.apply("gw-17", labels);

    assertTrue(second.ok());
    assertEquals(0, second.changedKeys());
    assertEquals(version, node().getMetadata().getResourceVersion());
  }

  @Test
  void aMissingNodeIsAClearProblemNotAnException() {
    var outcome = labeler.apply("no-such-node", NodeLabels.from(Samples.pi4()));

    assertFalse(outcome.ok());
    assertEquals(
        "node 'no-such-node' does not exist: check minicloud.char-agent.node-name",
        outcome.problem());
  }

  @Test
  void anUnreachableApiServerIsAClearProblem() throws Exception {
    int port;
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    var config =
        new ConfigBuilder()
            .withMasterUrl("https://127.0.0.1:" + port)
            .withOauthToken("secret-token-must-not-leak")
            .withConnectionTimeout(500)
            .withRequestTimeout(500)
            .withRequestRetryBackoffLimit(0)
            .build();
    try (var unreachable = new KubernetesClientBuilder().withConfig(config).build()) {
      var outcome = new NodeLabeler(unreachable).apply("gw-17", NodeLabels.from(Samples.pi4()));

      assertFalse(outcome.ok());
      assertTrue(
          outcome.problem().startsWith("cannot reach the Kubernetes API"), outcome.problem());
      assertFalse(outcome.problem().contains("secret-token"), outcome.problem());
    }
  }
}
