package io.minicloud.vim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.minicloud.vim.crd.Workload;
import io.minicloud.vim.crd.WorkloadKind;
import io.minicloud.vim.crd.WorkloadPhase;
import io.minicloud.vim.crd.WorkloadSpec;
import io.minicloud.vim.crd.WorkloadStatus;
import io.minicloud.vim.peers.KubeApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Workload CRD as the build generates it ({@code
 * META-INF/fabric8/workloads.minicloud.io-v1.yml}) on a real kube-apiserver: it installs, the
 * server accepts the Java classes' objects, rejects specs the schema forbids naming the field, and
 * takes status through /status.
 */
@Tag("peer")
class WorkloadCrdIT {

  private static final String GENERATED_CRD = "/META-INF/fabric8/workloads.minicloud.io-v1.yml";

  private static KubernetesClient admin;

  @BeforeAll
  static void installTheGeneratedCrd() throws IOException {
    KubeApiServer server = KubeApiServer.shared();
    admin = server.client();
    CustomResourceDefinition crd;
    try (InputStream yaml = WorkloadCrdIT.class.getResourceAsStream(GENERATED_CRD)) {
      if (yaml == null) {
        throw new IllegalStateException(
            GENERATED_CRD + " is not on the classpath: the crd-generator plugin makes it at build");
      }
      crd = admin.apiextensions().v1().customResourceDefinitions().load(yaml).item();
    }
    admin.apiextensions().v1().customResourceDefinitions().resource(crd).serverSideApply();
    admin
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName(crd.getMetadata().getName())
        .waitUntilCondition(GadgetCrd::established, 60, TimeUnit.SECONDS);
  }

  @AfterAll
  static void closeClient() {
    if (admin != null) {
      admin.close();
    }
  }

  @Test
  void aContainerWorkloadFromTheJavaClassesIsStoredAsSent() {
    // GIVEN a namespace and a Container workload built with the API classes
    String namespace = newNamespace();
    Workload web = workload("web", spec -> spec.setReplicas(2));

    // WHEN it is created
    workloads().inNamespace(namespace).resource(web).create();

    // THEN the server kept every field (nothing pruned as unknown to the schema)
    Workload stored = workloads().inNamespace(namespace).withName("web").get();
    assertEquals(WorkloadKind.Container, stored.getSpec().getKind());
    assertEquals("nginx:1.25", stored.getSpec().getImage());
    assertEquals("250m", stored.getSpec().getCpu());
    assertEquals("64Mi", stored.getSpec().getMemory());
    assertEquals(2, stored.getSpec().getReplicas());
    assertEquals(List.of("--port", "8080"), stored.getSpec().getArgs());
  }

  @Test
  void specsTheSchemaForbidsAreRejectedNamingTheField() {
    // GIVEN a namespace
    String namespace = newNamespace();

    // WHEN workloads break the schema: too many replicas, a cpu that is no quantity, no kind
    KubernetesClientException tooMany =
        rejected(namespace, workload("many", spec -> spec.setReplicas(101)));
    KubernetesClientException badCpu =
        rejected(namespace, workload("cpu", spec -> spec.setCpu("lots")));
    KubernetesClientException noKind =
        rejected(namespace, workload("kindless", spec -> spec.setKind(null)));

    // THEN each is a 422 naming the field
    assertNames(tooMany, "spec.replicas");
    assertNames(badCpu, "spec.cpu");
    assertNames(noKind, "spec.kind");
    assertTrue(workloads().inNamespace(namespace).list().getItems().isEmpty());
  }

  @Test
  void statusWithConditionsIsWrittenThroughTheStatusSubresource() {
    // GIVEN a stored workload
    String namespace = newNamespace();
    Workload created =
        workloads().inNamespace(namespace).resource(workload("web", s -> {})).create();

    // WHEN the operator's kind of status is written to /status
    WorkloadStatus status = new WorkloadStatus();
    status.setPhase(WorkloadPhase.Running);
    status.setObservedGeneration(created.getMetadata().getGeneration());
    status.setNodes(List.of("gw-1"));
    status.setChildren(List.of("Deployment/web"));
    status.setConditions(
        List.of(
            new ConditionBuilder()
                .withType("Ready")
                .withStatus("True")
                .withReason("Available")
                .withMessage("1/1 replicas available")
                .withObservedGeneration(created.getMetadata().getGeneration())
                .withLastTransitionTime("2026-01-01T00:00:00Z")
                .build()));
    created.setStatus(status);
    workloads().inNamespace(namespace).resource(created).updateStatus();

    // THEN it is stored, and the spec's generation did not move
    Workload stored = workloads().inNamespace(namespace).withName("web").get();
    assertEquals(WorkloadPhase.Running, stored.getStatus().getPhase());
    assertEquals(1L, stored.getStatus().getObservedGeneration());
    assertEquals("Ready", stored.getStatus().getConditions().get(0).getType());
    assertEquals(List.of("gw-1"), stored.getStatus().getNodes());
    assertEquals(1L, stored.getMetadata().getGeneration());
  }

  private static KubernetesClientException rejected(String namespace, Workload workload) {
    return assertThrows(
        KubernetesClientException.class,
        () -> workloads().inNamespace(namespace).resource(workload).create());
  }

  private static void assertNames(KubernetesClientException e, String field) {
    assertEquals(422, e.getCode(), e.getMessage());
    assertTrue(e.getMessage().contains(field), e.getMessage());
  }

  private static MixedOperation<Workload, KubernetesResourceList<Workload>, Resource<Workload>>
      workloads() {
    return admin.resources(Workload.class);
  }

  private static Workload workload(String name, Consumer<WorkloadSpec> change) {
    WorkloadSpec spec = new WorkloadSpec();
    spec.setKind(WorkloadKind.Container);
    spec.setImage("nginx:1.25");
    spec.setCpu("250m");
    spec.setMemory("64Mi");
    spec.setArgs(List.of("--port", "8080"));
    change.accept(spec);
    Workload workload = new Workload();
    workload.setMetadata(new ObjectMetaBuilder().withName(name).build());
    workload.setSpec(spec);
    return workload;
  }

  /** A fresh namespace per test: without a namespace controller, deleted ones never go away. */
  private static String newNamespace() {
    String name = "workload-" + UUID.randomUUID().toString().substring(0, 8);
    admin
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }
}
