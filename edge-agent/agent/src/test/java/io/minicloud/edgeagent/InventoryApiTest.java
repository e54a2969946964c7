package io.minicloud.edgeagent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inventory, query and monitoring APIs over HTTP, fed by fake agents. */
@QuarkusTest
@QuarkusTestResource(FakeAgentsResource.class)
class InventoryApiTest {

  @BeforeEach
  void firstRefreshHappened() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      int nodes = given().get("/api/v1/inventory").then().extract().path("nodes.size()");
      if (nodes > 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no inventory refresh within 60 s");
  }

  @Test
  void theSnapshotHasQuantitiesAsCanonicalStringsAndSourceStates() {
    given()
        .get("/api/v1/inventory")
        .then()
        .statusCode(200)
        .body("clustered", equalTo(false))
        .body("nodes[0].name", equalTo("rpi4b-bookworm64"))
        .body("nodes[0].allocatable.cpu", equalTo("4"))
        .body("nodes[0].free.memory", equalTo("3360044Ki"))
        .body("devices[0].id", equalTo("demo-climate"))
        .body("devices[0].protocol", equalTo("modbus"))
        .body("services.name", hasItem("mqtt-broker"))
        .body("services.find { it.name == 'mqtt-broker' }.available", equalTo(false))
        .body("sources.find { it.name.startsWith('char-agent') }.stale", equalTo(false))
        .body("sources.find { it.stale }.name", containsString("tether-bridge"))
        .body("sources.find { it.stale }.error", containsString("127.0.0.1"))
        .body("sources.find { it.stale }.ageSeconds", equalTo(-1));
  }

  @Test
  void queriesCombineTermsWithAnd() {
    given()
        .queryParam("kind", "node")
        .queryParam("where", "memory>=2Gi")
        .queryParam("where", "architecture=arm64")
        .queryParam("where", "kvm=true")
        .get("/api/v1/inventory/query")
        .then()
        .statusCode(200)
        .body("count", equalTo(1))
        .body("items[0].name", equalTo("rpi4b-bookworm64"));
    given()
        .queryParam("kind", "node")
        .queryParam("where", "cpu=5..8")
        .get("/api/v1/inventory/query")
        .then()
        .statusCode(200)
        .body("count", equalTo(0));
  }

  @Test
  void aBadTermIs400NamingTheProblem() {
    given()
        .queryParam("kind", "node")
        .queryParam("where", "memory>=lots")
        .get("/api/v1/inventory/query")
        .then()
        .statusCode(400)
        .body("error", containsString("bad quantity 'lots'"))
        .body("term", equalTo("memory>=lots"))
        .body("position", equalTo(8));
    given()
        .queryParam("kind", "vm")
        .get("/api/v1/inventory/query")
        .then()
        .statusCode(400)
        .body("error", containsString("kind must be"));
  }

  @Test
  void monitoringAnswersPhysicalFromTheCharAgentAndVirtualEmptyStandalone() {
    given()
        .queryParam("metric", "physical_metrics")
        .get("/monitoring")
        .then()
        .statusCode(200)
        .body("clustered", equalTo(false))
        .body("items[0].node", equalTo("rpi4b-bookworm64"))
        .body("items[0].source", equalTo("char-agent"));
    given()
        .queryParam("metric", "virtual_metrics")
        .queryParam("namespace", "default")
        .get("/monitoring")
        .then()
        .statusCode(200)
        .body("clustered", equalTo(false))
        .body("items.size()", equalTo(0));
    given().get("/monitoring").then().statusCode(400).body("error", containsString("required"));
    given().queryParam("metric", "cpu").get("/monitoring").then().statusCode(400);
    given()
        .queryParam("metric", "virtual_metrics")
        .queryParam("namespace", "../x")
        .get("/monitoring")
        .then()
        .statusCode(400);
  }

  @Test
  void inventoryMetricsAreScraped() {
    String page = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertTrue(page.contains("minicloud_edge_agent_inventory_items{kind=\"node\""), page);
    assertTrue(page.contains("minicloud_edge_agent_inventory_refresh_seconds_count"), page);
    assertTrue(
        page.contains(
            "minicloud_edge_agent_inventory_source_errors_total{source=\"tether-bridge http://127.0.0.1:"),
        page);
  }
}
