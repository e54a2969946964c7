package io.minicloud.edgeagent.inventory.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

/**
 * The fabric8 mock server in expectation mode (the CRUD mode answers discovery itself): an API
 * server whose discovery lists kubevirt.io and metrics.k8s.io, standing in for k3s with KubeVirt.
 */
@EnableKubernetesMockClient
class ApiGroupDetectionTest {

  KubernetesClient client;
  KubernetesMockServer server;

  @Test
  void aGroupCountsWhenDiscoveryListsIt() {
    server
        .expect()
        .get()
        .withPath("/apis")
        .andReturn(
            200,
            new APIGroupListBuilder()
                .addToGroups(new APIGroupBuilder().withName("apps").build())
                .addToGroups(new APIGroupBuilder().withName("kubevirt.io").build())
                .build())
        .always();

    assertTrue(ClusterNodeSource.servesGroup(client, "kubevirt.io"));
    assertFalse(ClusterNodeSource.servesGroup(client, "metrics.k8s.io"));
  }
}
