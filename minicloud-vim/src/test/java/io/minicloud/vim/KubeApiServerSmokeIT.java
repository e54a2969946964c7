package io.minicloud.vim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.minicloud.rear.peers.DebianKubernetesSource;
import io.minicloud.vim.peers.KubeApiServer;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The API-level tier's own check (README.md): a real kube-apiserver installs a CRD, validates
 * custom resources against its schema on the server, serves /status apart from the main resource,
 * and (RBAC) keeps a namespaced service account inside its namespace.
 */
@Tag("peer")
class KubeApiServerSmokeIT {

  private static KubeApiServer server;
  private static KubernetesClient admin;

  @BeforeAll
  static void installTheCrd() {
    server = KubeApiServer.shared();
    admin = server.client();
    CustomResourceDefinition crd = GadgetCrd.definition();
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
  void theServerIsTheKubernetesReleaseItWasBuiltFrom() {
    // GIVEN the shared server WHEN asked for /version
    // THEN it names the release of Debian's source package (stamped in by the build)
    assertEquals(
        "v" + DebianKubernetesSource.UPSTREAM_VERSION,
        admin.getKubernetesVersion().getGitVersion());
    assertEquals("1", admin.getKubernetesVersion().getMajor());
  }

  @Test
  void aCustomResourceMatchingTheSchemaIsStored() {
    // GIVEN a namespace
    String namespace = newNamespace();

    // WHEN a valid Gadget is created
    gadgets().inNamespace(namespace).resource(gadget("web", 2)).create();

    // THEN the server stored it as sent
    GenericKubernetesResource stored = gadgets().inNamespace(namespace).withName("web").get();
    assertNotNull(stored);
    assertEquals(Map.of("image", "nginx:1.25", "replicas", 2), stored.get("spec"));
    assertEquals(1L, stored.getMetadata().getGeneration());
  }

  @Test
  void aCustomResourceOutsideTheSchemaIsRejectedNamingTheField() {
    // GIVEN a namespace
    String namespace = newNamespace();

    // WHEN Gadgets break the schema: too few replicas, replicas not a number
    KubernetesClientException tooFew =
        assertThrows(
            KubernetesClientException.class,
            () -> gadgets().inNamespace(namespace).resource(gadget("none", 0)).create());
    GenericKubernetesResource wrongType = gadget("words", 1);
    wrongType.setAdditionalProperty("spec", Map.of("image", "nginx:1.25", "replicas", "three"));
    KubernetesClientException notANumber =
        assertThrows(
            KubernetesClientException.class,
            () -> gadgets().inNamespace(namespace).resource(wrongType).create());

    // THEN the server answers 422 Unprocessable Entity naming the field, and stores neither
    assertEquals(422, tooFew.getCode());
    assertTrue(tooFew.getMessage().contains("spec.replicas"), tooFew.getMessage());
    assertTrue(tooFew.getMessage().contains("greater than or equal to 1"), tooFew.getMessage());
    assertEquals(422, notANumber.getCode());
    assertTrue(notANumber.getMessage().contains("spec.replicas"), notANumber.getMessage());
    assertTrue(notANumber.getMessage().contains("integer"), notANumber.getMessage());
    assertTrue(gadgets().inNamespace(namespace).list().getItems().isEmpty());
  }

  @Test
  void statusIsWrittenThroughTheStatusSubresourceOnly() {
    // GIVEN a stored Gadget
    String namespace = newNamespace();
    gadgets().inNamespace(namespace).resource(gadget("web", 2)).create();
    Resource<GenericKubernetesResource> web = gadgets().inNamespace(namespace).withName("web");

    // WHEN its status is merge-patched on /status, and then written on the main resource
    web.status()
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"status\":{\"phase\":\"Ready\",\"observedGeneration\":1}}");
    web.edit(
        g -> {
          g.setAdditionalProperty("status", Map.of("phase", "Pending"));
          return g;
        });

    // THEN only the /status write counts, and it did not bump the generation
    GenericKubernetesResource stored = web.get();
    assertEquals(Map.of("phase", "Ready", "observedGeneration", 1), stored.get("status"));
    assertEquals(1L, stored.getMetadata().getGeneration());
    // AND /status is validated too
    KubernetesClientException badPhase =
        assertThrows(
            KubernetesClientException.class,
            () ->
                web.status()
                    .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"status\":{\"phase\":\"Exploded\"}}"));
    assertEquals(422, badPhase.getCode());
    assertTrue(badPhase.getMessage().contains("status.phase"), badPhase.getMessage());
  }

  @Test
  void aServiceAccountBoundToANamespacedRoleCannotListInAnotherNamespace() {
    Assumptions.assumeTrue(
        server.authorization() == KubeApiServer.Authorization.RBAC, "needs RBAC: " + server);
    // GIVEN a service account allowed to read config maps in its own namespace only
    String home = newNamespace();
    String elsewhere = newNamespace();
    for (String namespace : new String[] {home, elsewhere}) {
      admin
          .configMaps()
          .inNamespace(namespace)
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName("settings")
                  .endMetadata()
                  .addToData("k", "v")
                  .build())
          .create();
    }
    admin
        .serviceAccounts()
        .inNamespace(home)
        .resource(
            new ServiceAccountBuilder().withNewMetadata().withName("reader").endMetadata().build())
        .create();
    admin
        .rbac()
        .roles()
        .inNamespace(home)
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName("config-reader")
                .endMetadata()
                .addNewRule()
                .withApiGroups("")
                .withResources("configmaps")
                .withVerbs("get", "list")
                .endRule()
                .build())
        .create();
    admin
        .rbac()
        .roleBindings()
        .inNamespace(home)
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName("reader-reads-config")
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", "config-reader")
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName("reader")
                .withNamespace(home)
                .endSubject()
                .build())
        .create();

    // WHEN it gets a token from the TokenRequest API (no controller fills legacy token Secrets)
    String token =
        admin
            .serviceAccounts()
            .inNamespace(home)
            .withName("reader")
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(600L)
                    .endSpec()
                    .build())
            .getStatus()
            .getToken();

    // THEN it lists config maps at home, but is forbidden elsewhere and from writing at home
    try (KubernetesClient reader = server.clientWithToken(token)) {
      assertEquals(1, reader.configMaps().inNamespace(home).list().getItems().size());
      KubernetesClientException forbidden =
          assertThrows(
              KubernetesClientException.class,
              () -> reader.configMaps().inNamespace(elsewhere).list());
      assertEquals(403, forbidden.getCode());
      assertTrue(
          forbidden.getMessage().contains("system:serviceaccount:" + home + ":reader"),
          forbidden.getMessage());
      KubernetesClientException noWrite =
          assertThrows(
              KubernetesClientException.class,
              () -> reader.configMaps().inNamespace(home).withName("settings").delete());
      assertEquals(403, noWrite.getCode());
    }
  }

  private static MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      gadgets() {
    return admin.genericKubernetesResources(GadgetCrd.context());
  }

  private static GenericKubernetesResource gadget(String name, int replicas) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(GadgetCrd.GROUP + "/" + GadgetCrd.VERSION)
        .withKind(GadgetCrd.KIND)
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withAdditionalProperties(
            Map.of("spec", Map.of("image", "nginx:1.25", "replicas", replicas)))
        .build();
  }

  /** A fresh namespace per test: without a namespace controller, deleted ones never go away. */
  private static String newNamespace() {
    String name = "smoke-" + UUID.randomUUID().toString().substring(0, 8);
    admin
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }
}
