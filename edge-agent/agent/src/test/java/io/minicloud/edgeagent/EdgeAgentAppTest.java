package io.minicloud.edgeagent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The running app answers health, metrics, info and OpenAPI over HTTP. */
@QuarkusTest
class EdgeAgentAppTest {

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
        .body(containsString("# TYPE minicloud_edge_agent_uptime_seconds gauge"))
        .body(containsString("jvm_memory_used_bytes"))
        .body(containsString("# TYPE minicloud_edge_agent_peers gauge"))
        .body(containsString("minicloud_edge_agent_peers{source=\"manual\",state=\"unreachable\"}"))
        .body(containsString("# TYPE minicloud_edge_agent_announcements_received counter"))
        .body(
            containsString(
                "minicloud_edge_agent_announcements_received_total{result=\"malformed\"}"))
        .body(containsString("# TYPE minicloud_edge_agent_announcements_sent counter"))
        .body(containsString("minicloud_edge_agent_announcements_sent_total "));
  }

  @Test
  void peersEndpointListsTheConfiguredManualPeer() {
    given()
        .get("/api/v1/peers")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("nodeID", hasItem("closed-port"))
        .body("find { it.nodeID == 'closed-port' }.address", equalTo("127.0.0.1:9"))
        .body("find { it.nodeID == 'closed-port' }.sources", hasItem("manual"));
  }

  @Test
  void agentEndpointNamesAgentAndVersion() {
    given()
        .get("/api/v1/agent")
        .then()
        .statusCode(200)
        .body("agent", equalTo("edge-agent"))
        .body("version", equalTo("0.1.0-SNAPSHOT"))
        .body("dataDir", containsString("test-data"));
  }

  @Test
  void openApiDocumentIsServed() {
    given()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body("info.title", equalTo("Minicloud Edge edge-agent"));
  }
}
