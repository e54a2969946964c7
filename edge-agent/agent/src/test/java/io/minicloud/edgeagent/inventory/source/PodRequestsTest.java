package io.minicloud.edgeagent.inventory.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

/** The scheduler's rule: max(sum of containers, largest init container) + overhead. */
class PodRequestsTest {

  static Container container(String name, String cpu, String memory) {
    return new ContainerBuilder()
        .withName(name)
        .withNewResources()
        .addToRequests("cpu", new Quantity(cpu))
        .addToRequests("memory", new Quantity(memory))
        .endResources()
        .build();
  }

  @Test
  void aLargeInitContainerWinsPerResourceAndOverheadIsAdded() {
    Pod pod =
        new PodBuilder()
            .withNewSpec()
            .addToContainers(container("a", "200m", "100Mi"), container("b", "300m", "100Mi"))
            .addToInitContainers(
                container("migrate", "1", "64Mi"), container("fetch", "100m", "150Mi"))
            .addToOverhead("cpu", new Quantity("250m"))
            .endSpec()
            .build();

    var r = PodRequests.of(pod);

    assertEquals("1250m", r.cpu().toString()); // max(500m, 1) + 250m overhead
    assertEquals("200Mi", r.memory().toString()); // max(200Mi, 150Mi)
    assertEquals("1", r.pods().toString());
  }

  @Test
  void gpuRequestsAreCountedAndTerminatedPodsHoldNothing() {
    Pod pod =
        new PodBuilder()
            .withNewSpec()
            .addToContainers(
                new ContainerBuilder()
                    .withName("ml")
                    .withNewResources()
                    .addToRequests("nvidia.com/gpu", new Quantity("1"))
                    .endResources()
                    .build())
            .endSpec()
            .withNewStatus()
            .withPhase("Failed")
            .endStatus()
            .build();

    assertEquals("1", PodRequests.of(pod).gpus().toString());
    assertFalse(PodRequests.holdsResources(pod));
    assertTrue(PodRequests.holdsResources(new PodBuilder().build()));
    assertTrue(KubeQuantities.isGpu("gpu.intel.com/i915"));
    assertFalse(KubeQuantities.isGpu("example.com/gpus"));
  }
}
