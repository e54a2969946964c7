package io.minicloud.charagent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With minicloud.char-agent.allow-root-override=true, root= characterizes another directory. */
@QuarkusTest
@TestProfile(CharacterizationRootOverrideTest.AllowRootOverride.class)
class CharacterizationRootOverrideTest {

  /** The switch that `minicloud characterize --root` needs. */
  public static class AllowRootOverride implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("minicloud.char-agent.allow-root-override", "true");
    }
  }

  @Test
  void anAbsoluteDirectoryIsCharacterized() {
    String tree = Path.of("src/test/resources/trees/quarkus-test").toAbsolutePath().toString();

    given()
        .queryParam("root", tree)
        .get("/characterization")
        .then()
        .statusCode(200)
        .body("schemaVersion", equalTo("1.0"))
        .body("node", equalTo("quarkus-test-node"));
    given()
        .queryParam("root", tree)
        .queryParam("format", "tosca")
        .get("/characterization")
        .then()
        .statusCode(200)
        .body(containsString("minicloud.nodes.EdgeGateway"));
  }

  @Test
  void aRelativeOrMissingDirectoryIsA400() {
    given()
        .queryParam("root", "src/test/resources")
        .get("/characterization")
        .then()
        .statusCode(400)
        .body("error", containsString("is not an absolute directory"));
    given().queryParam("root", "/no/such/dir").get("/characterization").then().statusCode(400);
  }
}
