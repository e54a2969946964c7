package io.minicloud.vim.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.minicloud.vim.crd.Workload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service and its applier against the fabric8 mock API server in CRUD mode: the fake standing
 * in for k3s, which cannot run here. (TokenRequest is answered by {@link MockTokens}, since the
 * mock server has no token issuer; the real kube-apiserver tier issues real tokens.)
 */
@EnableKubernetesMockClient(crud = true)
class ProvisionServiceTest {

  static KubernetesMockServer server;
  static KubernetesClient client;

  @TempDir Path dir;
  private ProvisionStore store;
  private final AtomicReference<Instant> now = new AtomicReference<>(ProvisionFixtures.NOW);
  private ProvisionService service;

  @BeforeEach
  void setUp() throws Exception {
    MockTokens.answer(
        server, ProvisionFixtures.CONTRACT, ProvisionFixtures.vm().contractId(), "contract-soon");
    store = new ProvisionStore(dir.resolve("provisions.db"));
    service = service(Optional.of(new ProvisionApplier(client)));
  }

  @AfterEach
  void tearDown() throws Exception {
    store.close();
    client.namespaces().delete();
  }

  private ProvisionService service(Optional<ProvisionApplier> applier) {
    Clock clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
    return new ProvisionService(
        applier,
        store,
        new ClusterAccess(
            "https://192.0.2.10:6443", "-----BEGIN CERTIFICATE-----\nCA\n".getBytes()),
        Duration.ofDays(366),
        clock);
  }

  @Test
  void provisioningCreatesTheNamespaceAndEverythingInItAndAKubeconfig() throws Exception {
    var issued = service.provision(ProvisionFixtures.k8slice());

    String ns = issued.provision().namespace();
    assertEquals(ProvisionState.provisioned, issued.provision().state());
    assertNotNull(client.namespaces().withName(ns).get());
    assertNotNull(client.resourceQuotas().inNamespace(ns).withName("rear-tenant").get());
    assertNotNull(client.limitRanges().inNamespace(ns).withName("rear-tenant").get());
    assertNotNull(client.serviceAccounts().inNamespace(ns).withName("rear-tenant").get());
    assertNotNull(client.rbac().roles().inNamespace(ns).withName("rear-tenant").get());
    assertNotNull(client.rbac().roleBindings().inNamespace(ns).withName("rear-tenant").get());
    String yaml =
        new String(
            Base64.getDecoder().decode(issued.kubeconfig().base64()), StandardCharsets.UTF_8);
    assertTrue(yaml.contains("server: \"https://192.0.2.10:6443\""), yaml);
    assertTrue(yaml.contains("namespace: \"" + ns + "\""), yaml);
    assertTrue(yaml.contains("token: \"" + MockTokens.last() + "\""), yaml);
    assertTrue(yaml.contains("certificate-authority-data:"), yaml);
    assertFalse(issued.kubeconfig().toString().contains(MockTokens.last()));
  }

  @Test
  void theTokenAsksForNoMoreThanTheContractsRemainingTime() throws Exception {
    service.provision(ProvisionFixtures.k8slice());

    long asked = MockTokens.lastExpirationSeconds();
    assertEquals(
        Duration.between(ProvisionFixtures.NOW, ProvisionFixtures.EXPIRES).getSeconds(), asked);
  }

  @Test
  void aRetriedPostReturnsTheSameProvisionWithANewTokenAndCreatesNothingTwice() throws Exception {
    var first = service.provision(ProvisionFixtures.k8slice());
    String ns = first.provision().namespace();
    var quotaUid =
        client
            .resourceQuotas()
            .inNamespace(ns)
            .withName("rear-tenant")
            .get()
            .getMetadata()
            .getUid();

    var second = service.provision(ProvisionFixtures.k8slice());

    assertEquals(first.provision().namespace(), second.provision().namespace());
    assertEquals(first.provision().createdAt(), second.provision().createdAt());
    assertNotEquals(first.kubeconfig().token(), second.kubeconfig().token());
    assertEquals(1, client.resourceQuotas().inNamespace(ns).list().getItems().size());
    assertEquals(1, client.rbac().roleBindings().inNamespace(ns).list().getItems().size());
    assertEquals(1, client.namespaces().list().getItems().size());
    assertEquals(
        quotaUid,
        client
            .resourceQuotas()
            .inNamespace(ns)
            .withName("rear-tenant")
            .get()
            .getMetadata()
            .getUid());
  }

  @Test
  void theSameContractForAnotherBuyerIsAConflict() throws Exception {
    service.provision(ProvisionFixtures.k8slice());
    var r = ProvisionFixtures.k8slice();
    var other =
        new ProvisionRequest(
            r.contractId(), "someone-else", r.flavorType(), r.resources(), r.expiresAt(), null);

    var e = assertThrows(ProvisionException.class, () -> service.provision(other));

    assertEquals(ProvisionException.Kind.CONFLICT, e.kind());
  }

  @Test
  void aVmContractCreatesTheWorkloadInItsNamespace() throws Exception {
    var issued = service.provision(ProvisionFixtures.vm());

    String ns = issued.provision().namespace();
    Workload vm = client.resources(Workload.class).inNamespace(ns).withName("vm").get();
    assertNotNull(vm);
    assertEquals("quay.io/containerdisks/debian:12", vm.getSpec().getImage());
    Role role = client.rbac().roles().inNamespace(ns).withName("rear-tenant").get();
    assertTrue(role.getRules().stream().noneMatch(rule -> rule.getResources().contains("pods")));
  }

  @Test
  void withdrawingDeletesTheNamespaceAndIsIdempotent() throws Exception {
    var issued = service.provision(ProvisionFixtures.k8slice());
    String ns = issued.provision().namespace();

    Provision revoked = service.revoke(ProvisionFixtures.CONTRACT, "withdrawn");
    Provision again = service.revoke(ProvisionFixtures.CONTRACT, "withdrawn");

    assertNull(client.namespaces().withName(ns).get());
    assertEquals(ProvisionState.revoked, revoked.state());
    assertEquals("withdrawn", again.reason());
    assertEquals(
        ProvisionState.revoked, store.find(ProvisionFixtures.CONTRACT).orElseThrow().state());
    var e =
        assertThrows(
            ProvisionException.class, () -> service.provision(ProvisionFixtures.k8slice()));
    assertEquals(ProvisionException.Kind.CONFLICT, e.kind());
    var noCredentials =
        assertThrows(ProvisionException.class, () -> service.get(ProvisionFixtures.CONTRACT, true));
    assertEquals(ProvisionException.Kind.CONFLICT, noCredentials.kind());
  }

  @Test
  void theSweeperRevokesOnlyExpiredContracts() throws Exception {
    service.provision(ProvisionFixtures.k8slice());
    ProvisionRequest soon =
        new ProvisionRequest(
            "contract-soon",
            "b",
            FlavorKind.K8Slice,
            ProvisionFixtures.k8slice().resources(),
            ProvisionFixtures.NOW.plusSeconds(60),
            null);
    service.provision(soon);

    assertEquals(0, service.revokeExpired());
    now.set(ProvisionFixtures.NOW.plusSeconds(61));
    assertEquals(1, service.revokeExpired());

    assertEquals(ProvisionState.revoked, service.get("contract-soon", false).provision().state());
    assertEquals(
        ProvisionState.provisioned,
        service.get(ProvisionFixtures.CONTRACT, false).provision().state());
    assertNull(client.namespaces().withName(ProvisionResources.namespace("contract-soon")).get());
    assertEquals(0, service.revokeExpired());
  }

  @Test
  void aNamespaceNotMadeForTheContractIsNeverDeleted() throws Exception {
    service.provision(ProvisionFixtures.k8slice());
    String ns = ProvisionResources.namespace(ProvisionFixtures.CONTRACT);
    client
        .namespaces()
        .withName(ns)
        .edit(
            n ->
                new NamespaceBuilder(n)
                    .editMetadata()
                    .addToAnnotations(ProvisionResources.CONTRACT_ANNOTATION, "someone-elses")
                    .endMetadata()
                    .build());

    var e =
        assertThrows(
            ProvisionException.class,
            () -> service.revoke(ProvisionFixtures.CONTRACT, "withdrawn"));

    assertEquals(ProvisionException.Kind.FAILED, e.kind());
    assertNotNull(client.namespaces().withName(ns).get());
  }

  @Test
  void credentialsAreIssuedAgainOnRequestAndNeverStored() throws Exception {
    service.provision(ProvisionFixtures.k8slice());

    var plain = service.get(ProvisionFixtures.CONTRACT, false);
    var withCredentials = service.get(ProvisionFixtures.CONTRACT, true);

    assertNull(plain.kubeconfig());
    assertEquals(MockTokens.last(), withCredentials.kubeconfig().token());
    byte[] db = java.nio.file.Files.readAllBytes(dir.resolve("provisions.db"));
    String onDisk = new String(db, StandardCharsets.ISO_8859_1);
    assertFalse(onDisk.contains(MockTokens.last()), "no token in the store");
  }

  @Test
  void detachedNeverProvisionsNorFakesCredentials() throws Exception {
    ProvisionService detached = service(Optional.empty());

    var e =
        assertThrows(
            ProvisionException.class, () -> detached.provision(ProvisionFixtures.k8slice()));

    assertEquals(ProvisionException.Kind.DETACHED, e.kind());
    assertEquals("detached: no Kubernetes cluster, nothing can be provisioned", e.getMessage());
    assertTrue(store.find(ProvisionFixtures.CONTRACT).isEmpty());
    assertTrue(client.namespaces().list().getItems().isEmpty());
  }

  @Test
  void unknownContractsAreNotFound() {
    var e =
        assertThrows(ProvisionException.class, () -> service.revoke("contract-nope", "withdrawn"));

    assertEquals(ProvisionException.Kind.NOT_FOUND, e.kind());
  }

  @Test
  void theQuotaInTheClusterHasTheContractsFigures() throws Exception {
    String ns = service.provision(ProvisionFixtures.k8slice()).provision().namespace();

    ResourceQuota quota = client.resourceQuotas().inNamespace(ns).withName("rear-tenant").get();
    assertEquals("2", quota.getSpec().getHard().get("limits.cpu").toString());
    assertEquals("4Gi", quota.getSpec().getHard().get("limits.memory").toString());
  }
}
