package io.minicloud.vim.provision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.minicloud.vim.wiring.VimOptions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The REST API with no cluster (detached): validation and auth work, nothing is provisioned. */
@QuarkusTest
@TestProfile(ProvisionRestDetachedTest.NoCluster.class)
class ProvisionRestDetachedTest {

  /** An API server address where nothing listens. */
  public static class NoCluster implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      try {
        return Map.of(
            "quarkus.kubernetes-client.api-server-url",
            "http://127.0.0.1:1",
            "minicloud.minicloud-vim.data-dir",
            Files.createTempDirectory("vim-provision-detached").toString());
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Inject VimOptions options;

  private String bearer() throws Exception {
    return "Bearer " + Files.readString(tokenFile()).strip();
  }

  private Path tokenFile() {
    return options.dataDir().resolve("provisioning-token");
  }

  @Test
  void postSaysDetachedAndIssuesNothing() throws Exception {
    given()
        .header("Authorization", bearer())
        .contentType("application/json")
        .body(ProvisionRestTest.slice("contract-detached"))
        .post("/api/v1/provisions")
        .then()
        .statusCode(503)
        .body("error", equalTo("detached: no Kubernetes cluster, nothing can be provisioned"));
    given()
        .header("Authorization", bearer())
        .get("/api/v1/provisions/contract-detached")
        .then()
        .statusCode(404);
  }

  @Test
  void theTokenFileIsPrivate() throws Exception {
    given().get("/api/v1/provisions/contract-x").then().statusCode(401);

    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile())));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"contractId\":\"contract-a\",\"buyerId\":\"b\",\"flavorType\":\"Sensor\",\"resources\":{\"cpu\":\"1\",\"memory\":\"1Gi\",\"pods\":\"1\"},\"expiresAt\":\"2030-01-01T00:00:00Z\"}|flavorType:",
        "{\"contractId\":\"contract-a\",\"buyerId\":\"b\",\"flavorType\":\"K8Slice\",\"resources\":{\"cpu\":\"-2\",\"memory\":\"1Gi\",\"pods\":\"1\"},\"expiresAt\":\"2030-01-01T00:00:00Z\"}|resources.cpu:",
        "{\"contractId\":\"contract-a\",\"buyerId\":\"b\",\"flavorType\":\"K8Slice\",\"resources\":{\"cpu\":\"1\",\"memory\":\"999Pi\",\"pods\":\"1\"},\"expiresAt\":\"2030-01-01T00:00:00Z\"}|resources.memory:",
        "{\"contractId\":\"../../etc/passwd\",\"buyerId\":\"b\",\"flavorType\":\"K8Slice\",\"resources\":{\"cpu\":\"1\",\"memory\":\"1Gi\",\"pods\":\"1\"},\"expiresAt\":\"2030-01-01T00:00:00Z\"}|contractId:",
        "{\"contractId\": |body:",
      })
  void badInputIs400NamingTheField(String caseAndField) throws Exception {
    String[] parts = caseAndField.split("\\|");
    given()
        .header("Authorization", bearer())
        .contentType("application/json")
        .body(parts[0])
        .post("/api/v1/provisions")
        .then()
        .statusCode(400)
        .body("error", startsWith(parts[1]))
        .body("problems", hasItem(startsWith(parts[1])));
  }
}
