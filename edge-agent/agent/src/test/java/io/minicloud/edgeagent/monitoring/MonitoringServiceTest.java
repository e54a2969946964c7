package io.minicloud.edgeagent.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetricsBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetricsBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetricsListBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.minicloud.edgeagent.inventory.source.BoundedHttp;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * metrics.k8s.io on the fabric8 mock server (expectation mode: the CRUD store serves no metrics
 * API), standing in for k3s with its bundled metrics-server.
 */
@EnableKubernetesMockClient
class MonitoringServiceTest {

  KubernetesClient client;
  KubernetesMockServer server;

  private static final URI NOBODY = URI.create("http://127.0.0.1:9");

  private MonitoringService service(Optional<KubeMetrics> cluster) {
    var http = new BoundedHttp(Duration.ofSeconds(2), 1 << 20);
    return new MonitoringService(
        List.of(NOBODY), new CharAgentUsage(http), cluster, Clock.systemUTC());
  }

  private void servesMetrics() {
    server
        .expect()
        .get()
        .withPath("/apis")
        .andReturn(
            200,
            new APIGroupListBuilder()
                .addToGroups(new APIGroupBuilder().withName("metrics.k8s.io").build())
                .build())
        .always();
  }

  @Test
  void virtualMetricsArePerPodWithKubevirtLaunchersAsVmis() {
    // GIVEN metrics-server answering for namespace shop: one pod, one VM's launcher pod
    servesMetrics();
    server
        .expect()
        .get()
        .withPath("/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods")
        .andReturn(
            200,
            new PodMetricsListBuilder()
                .addToItems(
                    new PodMetricsBuilder()
                        .withNewMetadata()
                        .withName("web-1")
                        .withNamespace("shop")
                        .endMetadata()
                        .withTimestamp("2026-11-23T10:00:00Z")
                        .withWindow(
                            new io.fabric8.kubernetes.api.model.Duration(Duration.ofSeconds(30)))
                        .addToContainers(
                            new ContainerMetricsBuilder()
                                .withName("a")
                                .withUsage(
                                    Map.of(
                                        "cpu",
                                        new Quantity("250m"),
                                        "memory",
                                        new Quantity("64Mi")))
                                .build())
                        .addToContainers(
                            new ContainerMetricsBuilder()
                                .withName("b")
                                .withUsage(
                                    Map.of(
                                        "cpu",
                                        new Quantity("250m"),
                                        "memory",
                                        new Quantity("64Mi")))
                                .build())
                        .build())
                .addToItems(
                    new PodMetricsBuilder()
                        .withNewMetadata()
                        .withName("virt-launcher-vm1-abcde")
                        .withNamespace("shop")
                        .withLabels(Map.of("kubevirt.io/domain", "vm1"))
                        .endMetadata()
                        .addToContainers(
                            new ContainerMetricsBuilder()
                                .withName("compute")
                                .withUsage(
                                    Map.of("cpu", new Quantity("1"), "memory", new Quantity("1Gi")))
                                .build())
                        .build())
                .build())
        .once();

    // WHEN
    MonitoringReport report = service(Optional.of(new KubeMetrics(client))).virtual("shop");

    // THEN
    assertTrue(report.clustered());
    assertEquals("shop", report.namespace());
    var web = (WorkloadUsage) report.items().get(0);
    assertEquals("pod", web.kind());
    assertEquals(0.5, web.cpuCores(), 1e-9);
    assertEquals(128.0 * 1024 * 1024, web.memoryBytes(), 1e-3);
    var vm = (WorkloadUsage) report.items().get(1);
    assertEquals("vmi", vm.kind());
    assertEquals("vm1", vm.name());
    assertEquals("virt-launcher-vm1-abcde", vm.pod());
  }

  @Test
  void physicalMetricsAddNodeMetricsAndNameTheCharAgentThatDidNotAnswer() {
    servesMetrics();
    server
        .expect()
        .get()
        .withPath("/apis/metrics.k8s.io/v1beta1/nodes")
        .andReturn(
            200,
            new NodeMetricsListBuilder()
                .addToItems(
                    new NodeMetricsBuilder()
                        .withNewMetadata()
                        .withName("pi-1")
                        .endMetadata()
                        .withUsage(
                            Map.of("cpu", new Quantity("1500m"), "memory", new Quantity("2Gi")))
                        .build())
                .build())
        .once();

    MonitoringReport report = service(Optional.of(new KubeMetrics(client))).physical();

    var node = (NodeUsage) report.items().get(0);
    assertEquals("pi-1", node.node());
    assertEquals("metrics.k8s.io", node.source());
    assertEquals(1.5, node.cpuCores(), 1e-9);
    assertEquals(2.0 * 1024 * 1024 * 1024, node.memoryUsedBytes(), 1e-3);
    assertTrue(
        report.errors().get(0).startsWith("char-agent " + NOBODY), report.errors().toString());
  }

  @Test
  void aClusterWithoutMetricsServerIsReportedNotAFailure() {
    server
        .expect()
        .get()
        .withPath("/apis")
        .andReturn(200, new APIGroupListBuilder().build())
        .always();

    MonitoringReport report = service(Optional.of(new KubeMetrics(client))).virtual(null);

    assertTrue(report.items().isEmpty());
    assertTrue(report.errors().get(0).contains("not served"), report.errors().toString());
  }

  @Test
  void standaloneVirtualMetricsAreAnEmptyListNotClustered() {
    MonitoringReport report = service(Optional.empty()).virtual("default");

    assertFalse(report.clustered());
    assertTrue(report.items().isEmpty());
    assertTrue(report.errors().isEmpty());
  }
}
