package io.minicloud.charagent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The running app answers health, metrics, info and OpenAPI over HTTP. */
@QuarkusTest
class CharAgentAppTest {

  @Test
  void livenessAndReadinessAreUp() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("data-dir"));
  }

  @Test
  void metricsFollowTheNamingContract() {
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("# TYPE minicloud_char_uptime_seconds gauge"))
        .body(containsString("jvm_memory_used_bytes"));
  }

  @Test
  void agentEndpointNamesAgentAndVersion() {
    given()
        .get("/api/v1/agent")
        .then()
        .statusCode(200)
        .body("agent", equalTo("char-agent"))
        .body("version", equalTo("0.1.0-SNAPSHOT"))
        .body("dataDir", containsString("test-data"));
  }

  @Test
  void openApiDocumentIsServed() {
    given()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body("info.title", equalTo("Minicloud Edge char-agent"));
  }
}
