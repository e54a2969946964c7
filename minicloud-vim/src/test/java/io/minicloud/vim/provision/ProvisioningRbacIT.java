package io.minicloud.vim.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.minicloud.vim.peers.KubeApiServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provisioning against a real kube-apiserver 1.20 with RBAC (the peer of README.md's API-level
 * tier): the buyer's token is a real TokenRequest token, its rights are what the API server's
 * authorizer says, the quota and limit range are enforced by its admission plugins, and revocation
 * kills the token.
 */
@Tag("peer")
class ProvisioningRbacIT {

  @TempDir Path dir;
  private KubernetesClient admin;
  private ProvisionStore store;
  private ProvisionService service;
  private String contractId;

  @BeforeEach
  void setUp() throws Exception {
    KubeApiServer api = KubeApiServer.shared();
    admin = api.client();
    store = new ProvisionStore(dir.resolve("provisions.db"));
    service =
        new ProvisionService(
            Optional.of(new ProvisionApplier(admin)),
            store,
            new ClusterAccess(
                api.url().toString(), api.caCertificatePem().getBytes(StandardCharsets.US_ASCII)),
            Duration.ofDays(366),
            Clock.systemUTC());
    // the shared server outlives one test: a contract id of its own each time
    contractId = "contract-it-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void tearDown() throws Exception {
    store.close();
    admin.close();
  }

  private ProvisionRequest slice(String cpu, String memory, String pods) {
    return new ProvisionRequest(
        contractId,
        "buyer-it",
        FlavorKind.K8Slice,
        new SliceResources(new Quantity(cpu), new Quantity(memory), new Quantity(pods), null, null),
        Instant.now().plus(Duration.ofDays(30)),
        null);
  }

  private KubernetesClient tenant(ProvisionService.Issued issued) {
    return KubeApiServer.shared().clientWithToken(issued.kubeconfig().token());
  }

  /**
   * A pod the 1.20 API server admits without controllers: the tenant's own account, no token mount.
   */
  private static Pod pod(String name, Map<String, Quantity> requests) {
    return pod(name, requests, Map.of());
  }

  private static Pod pod(
      String name, Map<String, Quantity> requests, Map<String, Quantity> limits) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withServiceAccountName(ProvisionResources.serviceAccount())
        .withAutomountServiceAccountToken(false)
        .addNewContainer()
        .withName("app")
        .withImage("registry.example/app:1")
        .withNewResources()
        .withRequests(requests)
        .withLimits(limits)
        .endResources()
        .endContainer()
        .endSpec()
        .build();
  }

  private static int status(Supplier<?> call) {
    return assertThrows(KubernetesClientException.class, call::get).getCode();
  }

  /** The API server's refusal, which must be 403 Forbidden (admission, not validation). */
  private static String message(Supplier<?> call) {
    KubernetesClientException e = assertThrows(KubernetesClientException.class, call::get);
    assertEquals(403, e.getCode(), e.getMessage());
    return e.getMessage();
  }

  @Test
  void theBuyerWorksInItsNamespaceAndNowhereElse() throws Exception {
    ProvisionService.Issued issued = service.provision(slice("1", "1Gi", "5"));
    String ns = issued.provision().namespace();

    try (KubernetesClient tenant = tenant(issued)) {
      assertNotNull(
          tenant
              .configMaps()
              .inNamespace(ns)
              .resource(
                  new ConfigMapBuilder()
                      .withNewMetadata()
                      .withName("settings")
                      .endMetadata()
                      .addToData("a", "b")
                      .build())
              .create());
      // no resources given: the LimitRange's defaults make it fit the quota's limits
      Pod created = tenant.pods().inNamespace(ns).resource(pod("web", Map.of())).create();
      assertEquals(
          new Quantity("500m"),
          created.getSpec().getContainers().get(0).getResources().getLimits().get("cpu"));
      assertEquals(1, tenant.pods().inNamespace(ns).list().getItems().size());
      assertNotNull(tenant.resourceQuotas().inNamespace(ns).withName("rear-tenant").get());

      assertEquals(
          403,
          status(
              () ->
                  tenant
                      .configMaps()
                      .inNamespace("default")
                      .resource(
                          new ConfigMapBuilder()
                              .withNewMetadata()
                              .withName("x")
                              .endMetadata()
                              .build())
                      .create()));
      assertEquals(403, status(() -> tenant.secrets().inNamespace("kube-system").list()));
      assertEquals(403, status(() -> tenant.namespaces().list()));
      assertEquals(403, status(() -> tenant.nodes().list()));
      assertEquals(403, status(() -> tenant.rbac().clusterRoles().list()));
      assertEquals(
          403,
          status(
              () ->
                  tenant
                      .rbac()
                      .roles()
                      .inNamespace(ns)
                      .resource(
                          new RoleBuilder()
                              .withNewMetadata()
                              .withName("more")
                              .endMetadata()
                              .build())
                      .create()));
      assertEquals(
          403,
          status(
              () -> tenant.resourceQuotas().inNamespace(ns).withName("rear-tenant").edit(q -> q)));
      assertEquals(
          403,
          status(
              () ->
                  tenant
                      .serviceAccounts()
                      .inNamespace(ns)
                      .withName("rear-tenant")
                      .tokenRequest(
                          new TokenRequestBuilder()
                              .withNewSpec()
                              .withExpirationSeconds(600L)
                              .endSpec()
                              .build())));
      assertEquals(403, status(() -> tenant.namespaces().withName(ns).delete()));
    }
  }

  @Test
  void theQuotaAndTheLimitRangeRefuseWhatTheContractDidNotBuy() throws Exception {
    ProvisionService.Issued issued = service.provision(slice("1", "1Gi", "5"));
    String ns = issued.provision().namespace();
    Map<String, Quantity> most =
        Map.of("cpu", new Quantity("800m"), "memory", new Quantity("600Mi"));
    Map<String, Quantity> twoCpus =
        Map.of("cpu", new Quantity("2"), "memory", new Quantity("64Mi"));

    // no controller-manager runs here: do what its quota controller does first on a real cluster
    // (status.hard = spec.hard, nothing used); admission then counts every pod it admits
    var quota = admin.resourceQuotas().inNamespace(ns).withName("rear-tenant").get();
    Map<String, Quantity> used = new java.util.HashMap<>();
    quota.getSpec().getHard().keySet().forEach(k -> used.put(k, new Quantity("0")));
    quota.setStatus(
        new io.fabric8.kubernetes.api.model.ResourceQuotaStatus(quota.getSpec().getHard(), used));
    admin.resourceQuotas().inNamespace(ns).resource(quota).updateStatus();

    try (KubernetesClient tenant = tenant(issued)) {
      assertNotNull(tenant.pods().inNamespace(ns).resource(pod("first", most, most)).create());

      String second =
          message(() -> tenant.pods().inNamespace(ns).resource(pod("second", most, most)).create());
      String wide =
          message(
              () -> tenant.pods().inNamespace(ns).resource(pod("wide", twoCpus, twoCpus)).create());

      assertTrue(second.contains("exceeded quota"), second);
      assertTrue(wide.contains("maximum cpu usage per Container is 1"), wide);
    }
  }

  @Test
  void theTokenLastsNoLongerThanTheContractAndRevocationKillsIt() throws Exception {
    ProvisionService.Issued issued = service.provision(slice("1", "1Gi", "5"));
    String ns = issued.provision().namespace();
    Instant expiry = issued.kubeconfig().tokenExpiresAt();
    assertTrue(
        !expiry.isAfter(Instant.now().plus(Duration.ofDays(30)).plusSeconds(60)),
        expiry.toString());

    ProvisionService.Issued again = service.provision(slice("1", "1Gi", "5"));
    try (KubernetesClient tenant = tenant(issued);
        KubernetesClient tenantAgain = tenant(again)) {
      assertNotNull(tenant.configMaps().inNamespace(ns).list());
      assertNotNull(tenantAgain.configMaps().inNamespace(ns).list());

      service.revoke(contractId, "withdrawn");

      // at once: the binding is gone (403; the API server caches a token's authentication for
      // 10 s), then the token itself is dead (401), without waiting for the namespace controller
      // (none runs here: the namespace stays Terminating)
      int now = status(() -> tenant.configMaps().inNamespace(ns).list());
      assertTrue(now == 401 || now == 403, "denied at once: " + now);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      int later = now;
      while (later != 401 && System.nanoTime() < deadline) {
        Thread.sleep(1000);
        later = status(() -> tenantAgain.configMaps().inNamespace(ns).list());
      }
      assertEquals(401, later, "the token no longer authenticates");
      assertEquals(ProvisionState.revoked, store.find(contractId).orElseThrow().state());
    }
  }
}
