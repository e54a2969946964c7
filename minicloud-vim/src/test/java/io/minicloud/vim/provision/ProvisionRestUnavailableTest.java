package io.minicloud.vim.provision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A data directory that cannot be used does not stop the VIM; provisioning says it is down. */
@QuarkusTest
@TestProfile(ProvisionRestUnavailableTest.BrokenDataDir.class)
class ProvisionRestUnavailableTest {

  /** A regular file where the data directory should be (fails even for root). */
  public static class BrokenDataDir implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      try {
        Path file = Files.createTempFile("vim-not-a-dir", ".txt");
        return Map.of(
            "quarkus.kubernetes-client.api-server-url",
            "http://127.0.0.1:1",
            "minicloud.minicloud-vim.data-dir",
            file.resolve("state").toString());
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void provisioningAnswers503SayingWhy() {
    given()
        .header("Authorization", "Bearer whatever-token-at-all")
        .contentType("application/json")
        .body(ProvisionRestTest.slice("contract-x"))
        .post("/api/v1/provisions")
        .then()
        .statusCode(503)
        .body("error", startsWith("REAR provisioning is unavailable: "));
    given().get("/q/health/ready").then().statusCode(503);
  }
}
