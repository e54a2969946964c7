package io.minicloud.edgeagent.inventory.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.minicloud.edgeagent.inventory.NodeRecord;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Against the fabric8 mock API server in CRUD mode: a fake standing in for k3s, which cannot run on
 * these build machines (shared/DESIGN.md §5).
 */
@EnableKubernetesMockClient(crud = true)
class ClusterNodeSourceTest {

  // Instance fields: the extension gives every test its own server, client and store.
  KubernetesClient client;

  static Node node(
      String name, boolean ready, Map<String, String> labels, Map<String, String> annotations) {
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(labels)
        .withAnnotations(annotations)
        .endMetadata()
        .withNewStatus()
        .withAllocatable(
            Map.of(
                "cpu", new Quantity("4"),
                "memory", new Quantity("3885124Ki"),
                "ephemeral-storage", new Quantity("28Gi"),
                "pods", new Quantity("110"),
                "nvidia.com/gpu", new Quantity("1")))
        .addNewCondition()
        .withType("Ready")
        .withStatus(ready ? "True" : "False")
        .endCondition()
        .withNewNodeInfo()
        .withArchitecture("arm64")
        .withOperatingSystem("linux")
        .endNodeInfo()
        .endStatus()
        .build();
  }

  static Pod pod(String name, String node, String phase, String cpu, String memory) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("default")
        .endMetadata()
        .withNewSpec()
        .withNodeName(node)
        .addToContainers(
            new ContainerBuilder()
                .withName("app")
                .withImage("x")
                .withNewResources()
                .addToRequests("cpu", new Quantity(cpu))
                .addToRequests("memory", new Quantity(memory))
                .endResources()
                .build())
        .endSpec()
        .withNewStatus()
        .withPhase(phase)
        .endStatus()
        .build();
  }

  @Test
  void nodesCarryAllocatableRequestedLabelsAndReadiness() {
    // GIVEN a Pi labelled by its char-agent, two running pods and a finished one on it
    client
        .nodes()
        .resource(
            node(
                "pi-1",
                true,
                Map.of(
                    "minicloud.io/board",
                    "Raspberry-Pi-4-Model-B-Rev-1.4",
                    "minicloud.io/kvm",
                    "true",
                    "minicloud.io/gpu",
                    "v3d"),
                Map.of(
                    "minicloud.io/characterization-summary",
                    "{\"board\":\"Raspberry Pi 4 Model B Rev 1.4\",\"accelerators\":[{\"kind\":\"GPU\",\"driver\":\"v3d\"}]}")))
        .create();
    client.pods().resource(pod("a", "pi-1", "Running", "500m", "256Mi")).create();
    client.pods().resource(pod("b", "pi-1", "Pending", "250m", "256Mi")).create();
    client.pods().resource(pod("done", "pi-1", "Succeeded", "2", "1Gi")).create();

    // WHEN
    var contribution = new ClusterNodeSource(client).read();

    // THEN
    assertTrue(contribution.clustered());
    NodeRecord n = contribution.nodes().get(0);
    assertEquals("pi-1", n.name());
    assertEquals("arm64", n.architecture());
    assertEquals("Raspberry Pi 4 Model B Rev 1.4", n.board());
    assertTrue(n.kvm());
    assertTrue(n.ready());
    assertEquals("v3d", n.gpus().get(0).model());
    assertEquals("4", n.allocatable().cpu().toString());
    assertEquals("3885124Ki", n.allocatable().memory().toString());
    assertEquals("1", n.allocatable().gpus().toString());
    assertEquals("750m", n.requested().cpu().toString());
    assertEquals("512Mi", n.requested().memory().toString());
    assertEquals("2", n.requested().pods().toString());
    assertEquals("3250m", n.free().cpu().toString());
  }

  @Test
  void aNotReadyNodeOffersNothing() {
    client.nodes().resource(node("down", false, Map.of(), Map.of())).create();

    NodeRecord n = new ClusterNodeSource(client).read().nodes().get(0);

    assertFalse(n.ready());
    assertTrue(n.free().cpu().isZero());
  }

  @Test
  void withoutKubevirtInstalledNoVmsAreOffered() {
    // the CRUD store serves no kubevirt.io group; ApiGroupDetectionTest covers one that does
    assertFalse(new ClusterNodeSource(client).read().kubevirt());
  }
}
