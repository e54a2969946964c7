package io.minicloud.vim.provision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.minicloud.vim.wiring.VimOptions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The REST API in cluster mode, against the fabric8 CRUD mock standing in for k3s. */
@QuarkusTest
@QuarkusTestResource(value = MockKubernetesForQuarkus.class, restrictToAnnotatedClass = true)
class ProvisionRestTest {

  @Inject VimOptions options;

  static String slice(String contractId) {
    return "{\"contractId\":\""
        + contractId
        + "\",\"buyerId\":\"buyer-1\",\"flavorType\":\"K8Slice\","
        + "\"resources\":{\"cpu\":\"1\",\"memory\":\"1Gi\",\"pods\":\"10\"},"
        + "\"expiresAt\":\"2030-01-01T00:00:00Z\"}";
  }

  private String bearer() throws Exception {
    return "Bearer " + Files.readString(options.dataDir().resolve("provisioning-token")).strip();
  }

  private Response post(String body) throws Exception {
    return given()
        .header("Authorization", bearer())
        .contentType("application/json")
        .body(body)
        .post("/api/v1/provisions");
  }

  @Test
  void postProvisionsAndAnswersAKubeconfigThatIsNotCached() throws Exception {
    Response r = post(slice("contract-rest-1"));

    r.then()
        .statusCode(201)
        .header("Cache-Control", "no-store")
        .body("contractId", equalTo("contract-rest-1"))
        .body("state", equalTo("provisioned"))
        .body("namespace", startsWith("rear-rest-1-"))
        .body("server", equalTo("https://192.0.2.10:6443"));
    String yaml =
        new String(
            Base64.getDecoder().decode(r.path("kubeconfig").toString()), StandardCharsets.UTF_8);
    assertTrue(
        yaml.contains("namespace: \"" + r.path("namespace") + "\""),
        "kubeconfig names the namespace");
    KubernetesClient k = MockKubernetesForQuarkus.server.createClient();
    assertNotNull(k.namespaces().withName(r.path("namespace")).get());
  }

  @Test
  void retryGetAndDelete() throws Exception {
    String first =
        post(slice("contract-rest-2")).then().statusCode(201).extract().path("kubeconfig");
    String second =
        post(slice("contract-rest-2")).then().statusCode(201).extract().path("kubeconfig");
    assertNotEquals(first, second, "a retried POST issues a new token");

    given()
        .header("Authorization", bearer())
        .get("/api/v1/provisions/contract-rest-2")
        .then()
        .statusCode(200)
        .body("state", equalTo("provisioned"))
        .body("kubeconfig", nullValue());
    given()
        .header("Authorization", bearer())
        .get("/api/v1/provisions/contract-rest-2?credentials=true")
        .then()
        .statusCode(200)
        .header("Cache-Control", "no-store")
        .body("kubeconfig", startsWith("YXBp"));

    given()
        .header("Authorization", bearer())
        .delete("/api/v1/provisions/contract-rest-2")
        .then()
        .statusCode(204);
    given()
        .header("Authorization", bearer())
        .delete("/api/v1/provisions/contract-rest-2")
        .then()
        .statusCode(204);
    given()
        .header("Authorization", bearer())
        .get("/api/v1/provisions/contract-rest-2")
        .then()
        .statusCode(200)
        .body("state", equalTo("revoked"))
        .body("reason", equalTo("withdrawn"));
    given()
        .header("Authorization", bearer())
        .get("/api/v1/provisions/contract-rest-2?credentials=true")
        .then()
        .statusCode(409);
    post(slice("contract-rest-2")).then().statusCode(409);
    KubernetesClient k = MockKubernetesForQuarkus.server.createClient();
    assertNull(k.namespaces().withName(ProvisionResources.namespace("contract-rest-2")).get());
  }

  @Test
  void aVmPurchaseCreatesTheVmWorkload() throws Exception {
    String body =
        "{\"contractId\":\"contract-rest-vm\",\"buyerId\":\"buyer-1\",\"flavorType\":\"VM\","
            + "\"resources\":{\"cpu\":\"1\",\"memory\":\"1Gi\"},\"expiresAt\":\"2030-01-01T00:00:00Z\","
            + "\"vm\":{\"image\":\"quay.io/containerdisks/debian:12\"}}";

    String ns =
        post(body)
            .then()
            .statusCode(201)
            .body("flavorType", equalTo("VM"))
            .extract()
            .path("namespace");

    KubernetesClient k = MockKubernetesForQuarkus.server.createClient();
    var vm = k.resources(io.minicloud.vim.crd.Workload.class).inNamespace(ns).withName("vm").get();
    assertEquals("quay.io/containerdisks/debian:12", vm.getSpec().getImage());
  }

  @Test
  void everyCallNeedsTheToken() {
    given()
        .contentType("application/json")
        .body(slice("contract-rest-x"))
        .post("/api/v1/provisions")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", startsWith("Bearer"));
    given()
        .header("Authorization", "Bearer wrong-token-wrong-token")
        .get("/api/v1/provisions/contract-rest-1")
        .then()
        .statusCode(401);
    given()
        .header("Authorization", "Basic Zm9vOmJhcg==")
        .delete("/api/v1/provisions/contract-rest-1")
        .then()
        .statusCode(401);
  }

  @Test
  void unknownContractsAre404AndBadIdsAre400() throws Exception {
    given()
        .header("Authorization", bearer())
        .get("/api/v1/provisions/contract-nope")
        .then()
        .statusCode(404);
    given()
        .header("Authorization", bearer())
        .get("/api/v1/provisions/..%2F..%2Fetc")
        .then()
        .statusCode(400);
    given()
        .header("Authorization", bearer())
        .delete("/api/v1/provisions/" + "a".repeat(300))
        .then()
        .statusCode(400)
        .body("problems[0]", startsWith("contractId:"));
  }
}
