package io.minicloud.charagent.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the agent labels its node: only in a cluster, enabled, with a node name. */
class NodeLabelingTest {

  @Test
  void labelsInAClusterWithANodeName() {
    assertEquals(Optional.empty(), NodeLabeling.disabledBecause(true, "10.43.0.1", "gw-17"));
  }

  @Test
  void saysWhyItDoesNotLabel() {
    assertTrue(
        NodeLabeling.disabledBecause(false, "10.43.0.1", "gw-17")
            .get()
            .contains("label-node is false"));
    assertTrue(
        NodeLabeling.disabledBecause(true, null, "gw-17")
            .get()
            .contains("KUBERNETES_SERVICE_HOST"));
    assertTrue(
        NodeLabeling.disabledBecause(true, " ", "gw-17")
            .get()
            .contains("not running in a Kubernetes cluster"));
    assertTrue(
        NodeLabeling.disabledBecause(true, "10.43.0.1", null)
            .get()
            .contains("node-name is not set"));
  }
}
